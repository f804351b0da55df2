/// How an option's value is converted and checked, before its command runs.
///
/// Every option a command declares (`OptionSpec`) carries one of these; the interpreter
/// converts every option given to a command into an `OptionValue` before the command runs
/// (`OptionValues`), so a value of the wrong kind fails with its caret under the value and
/// nothing has run yet. The default follows the option's `ValueKind`.
public enum OptionCheck: Sendable, Equatable {
  /// A whole number, at least `atLeast` when given.
  case integer(atLeast: Int?)
  /// Any number.
  case number
  /// A number greater than 0.
  case positiveNumber
  /// A number from 0 up.
  case nonNegativeNumber
  /// A number from 0 up to, but not including, 1 (momentum, betas, a dropout probability).
  case fraction
  /// A learning rate (`LearningRate.range`).
  case learningRate
  /// `true` or `false`.
  case boolean
  /// One of the words of the option's `.choice` kind, named `noun` in messages ("unknown
  /// curve 'los'").
  case choice(noun: String)
  /// A list of numbers (a single number is a list of one).
  case numbers
  /// A name or a string.
  case text
  /// The iterations of one `train`: a whole number from 1 to `Limits.iterations`.
  case iterations
  /// Left to the command, which gives the value a message of its own (names of models and
  /// data sets, paths, `on=`).
  case byCommand

  /// The check a value of `kind` gets when the option declares none.
  static func standard(for kind: ValueKind) -> OptionCheck {
    switch kind {
    case .integer: return .integer(atLeast: nil)
    case .number: return .number
    case .boolean: return .boolean
    case .numberList: return .numbers
    default: return .byCommand
    }
  }
}

/// An option's value after its check: what commands read.
public enum OptionValue: Sendable, Equatable {
  case integer(Int)
  case number(Double)
  case boolean(Bool)
  /// A word of a choice, or a name or string.
  case text(String)
  case numbers([Double])

  public var integer: Int? { if case let .integer(value) = self { value } else { nil } }
  public var number: Double? { if case let .number(value) = self { value } else { nil } }
  public var boolean: Bool? { if case let .boolean(value) = self { value } else { nil } }
  public var text: String? { if case let .text(value) = self { value } else { nil } }

  /// The value as a sweep's table prints it.
  var display: String {
    switch self {
    case let .integer(value): return String(value)
    case let .number(value): return format(value)
    case let .boolean(value): return String(value)
    case let .text(value): return value
    case let .numbers(values): return "[" + values.map(format).joined(separator: ",") + "]"
    }
  }
}

extension Converter {
  /// `value` converted as `check` says, or `nil` when the command converts it itself
  /// (`.byCommand`).
  ///
  /// - Parameters:
  ///   - key: the option's key, as messages name it.
  ///   - kind: the option's kind, whose words a `.choice` check accepts.
  func convert(
    _ value: Value, _ check: OptionCheck, key: String, kind: ValueKind, limits: Limits
  ) throws(Diagnostic) -> OptionValue? {
    switch check {
    case let .integer(minimum): return .integer(try integer(value, key: key, atLeast: minimum))
    case .number: return .number(try number(value, key: key))
    case .positiveNumber: return .number(try positiveNumber(value, key: key))
    case .nonNegativeNumber: return .number(try nonNegativeNumber(value, key: key))
    case .fraction: return .number(try fraction(value, key: key))
    case .learningRate: return .number(try learningRate(value, key: key))
    case .boolean: return .boolean(try boolean(value, key: key))
    case let .choice(noun):
      guard case let .choice(words) = kind else { preconditionFailure("\(key): a choice check needs a .choice kind") }
      return .text(try choice(value, noun: noun, among: words))
    case .numbers: return .numbers(try numbers(value, key: key))
    case .text: return .text(try text(value, key: key))
    case .iterations: return .integer(try iterations(value, limit: limits.iterations))
    case .byCommand: return nil
    }
  }

  /// The iterations of one `train`: over `limit` is refused before anything else, so that
  /// `iterations=1e15` says what the limit is rather than how large a whole number may be.
  func iterations(_ value: Value, limit: Int) throws(Diagnostic) -> Int {
    if case let .number(number, _, _) = value, number > Double(limit) {
      throw error(.tooLarge, "train runs at most \(limit) iterations at a time, not \(written(value))",
                  at: value, hint: "train again to go on: a model continues where it stopped")
    }
    return try integer(value, key: "iterations", atLeast: 1)
  }
}

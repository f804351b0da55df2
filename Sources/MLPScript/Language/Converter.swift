import MLPCore

/// Turns argument values into typed values, or into diagnostics that point at the value.
public struct Converter: Sendable {
  public let source: Source

  public init(source: Source) {
    self.source = source
  }

  func error(_ id: DiagnosticID, _ message: String, at value: Value, hint: String? = nil) -> Diagnostic {
    Diagnostic(id, message, at: value.range, in: source, hint: hint)
  }

  /// A number as the user wrote it (`1e15`, not `1000000000000000.0`); other values as
  /// messages show them.
  public func written(_ value: Value) -> String {
    guard case .number = value, value.range.start >= 0, value.range.end <= source.scalars.count,
          value.range.length > 0 else { return value.display }
    return source.text(in: value.range)
  }

  /// Whole numbers are smaller than this in magnitude (10¹⁵), so that every one converts to
  /// an `Int` exactly.
  public static let integerBound = 1e15

  /// A whole number, at least `atLeast` when given.
  public func integer(_ value: Value, key: String, atLeast minimum: Int? = nil) throws(Diagnostic) -> Int {
    guard case let .number(number, isInteger, _) = value else {
      throw error(.badValue, "\(key) should be a whole number, not \(value.display)", at: value)
    }
    guard abs(number) < Self.integerBound else {
      throw error(.badValue, "\(key) is too large: \(written(value))", at: value,
                  hint: "whole numbers here are below 10^15")
    }
    guard isInteger else {
      let whole = number.rounded()
      let hint = whole == number ? "write it out: \(Int(whole))" : "such as \(Int(whole))"
      throw error(.badValue, "\(key) should be a whole number, not \(written(value))", at: value, hint: hint)
    }
    let integer = Int(number)
    if let minimum, integer < minimum {
      throw error(.badValue, "\(key) must be at least \(minimum), not \(integer)", at: value)
    }
    return integer
  }

  /// Any number.
  public func number(_ value: Value, key: String) throws(Diagnostic) -> Double {
    guard case let .number(number, _, _) = value else {
      throw error(.badValue, "\(key) should be a number, not \(value.display)", at: value)
    }
    return number
  }

  /// A number greater than zero.
  public func positiveNumber(_ value: Value, key: String) throws(Diagnostic) -> Double {
    let number = try self.number(value, key: key)
    guard number > 0 else {
      throw error(.badValue, "\(key) must be greater than 0, not \(written(value))", at: value)
    }
    return number
  }

  /// A number from 0 up (l2).
  public func nonNegativeNumber(_ value: Value, key: String) throws(Diagnostic) -> Double {
    let number = try self.number(value, key: key)
    guard number >= 0, number.isFinite else {
      throw error(.badValue, "\(key) must be 0 or more, not \(written(value))", at: value)
    }
    return number
  }

  /// A number in [0, 1): momentum, beta1, beta2, a dropout probability.
  public func fraction(_ value: Value, key: String) throws(Diagnostic) -> Double {
    let number = try self.number(value, key: key)
    guard number >= 0 && number < 1 else {
      throw error(.badValue, "\(key) must be at least 0 and below 1, not \(written(value))", at: value,
                  hint: Self.fractionHints[key])
    }
    return number
  }

  /// What a fraction option means, for its error's hint.
  static let fractionHints = [
    "dropout": "the share of hidden units dropped in training; 0.2 to 0.5 is usual",
    "momentum": "the share of the last step kept; 0.9 is usual",
    "beta1": "the decay of Adam's mean gradient; 0.9 is usual",
    "beta2": "the decay of Adam's mean squared gradient; 0.999 is usual",
  ]

  /// `true`/`false` (also `yes`/`no`, `on`/`off`).
  public func boolean(_ value: Value, key: String) throws(Diagnostic) -> Bool {
    if case let .word(text, _) = value {
      switch text.lowercased() {
      case "true", "yes", "on": return true
      case "false", "no", "off": return false
      default: break
      }
    }
    throw error(.badValue, "\(key) should be true or false, not \(value.display)", at: value,
                hint: "should be true or false")
  }

  /// A seed: a whole number from 0 up.
  public func seed(_ value: Value) throws(Diagnostic) -> UInt64 {
    UInt64(try integer(value, key: "seed", atLeast: 0))
  }

  /// One of an enumeration's cases, by raw value: "unknown activation 'rleu'", with the hint
  /// "did you mean 'relu'? should be relu, sigmoid or tanh" (the guess only when one is close,
  /// in any case: `ReLU` finds `relu`).
  public func choice<E: CaseIterable & RawRepresentable>(_ value: Value, noun: String) throws(Diagnostic) -> E
  where E.RawValue == String {
    E(rawValue: try choice(value, noun: noun, among: E.allCases.map(\.rawValue)))!
  }

  /// One of `words`, with the messages of `choice(_:noun:)`.
  public func choice(_ value: Value, noun: String, among words: [String]) throws(Diagnostic) -> String {
    let text: String
    switch value {
    case let .word(word, _): text = word
    case let .string(string, _): text = string
    default:
      throw error(.badValue, "\(noun) should be \(Suggestions.prose(words)), not \(value.display)", at: value)
    }
    guard words.contains(text) else {
      let guess = Suggestions.closest(to: text, among: words).map { "did you mean '\($0)'? " } ?? ""
      throw error(.badValue, "unknown \(noun) '\(text)'", at: value, hint: guess + "should be \(Suggestions.prose(words))")
    }
    return text
  }

  /// A list of numbers, `[0.5,-1]`; a single number is a list of one.
  public func numbers(_ value: Value, key: String) throws(Diagnostic) -> [Double] {
    guard case let .list(elements, _) = value else { return [try number(value, key: key)] }
    guard !elements.isEmpty else {
      throw error(.badValue, "\(key) should not be empty", at: value, hint: "such as [0.5,-1]")
    }
    var numbers: [Double] = []
    for element in elements {
      let number = try self.number(element, key: "each of \(key)")
      guard number.isFinite else { throw error(.badValue, "\(key) should be finite numbers", at: element) }
      numbers.append(number)
    }
    return numbers
  }

  /// A name (a bare word or a string).
  public func text(_ value: Value, key: String) throws(Diagnostic) -> String {
    switch value {
    case let .word(text, _), let .string(text, _): return text
    default: throw error(.badValue, "\(key) should be a name or a string, not \(value.display)", at: value)
    }
  }
}

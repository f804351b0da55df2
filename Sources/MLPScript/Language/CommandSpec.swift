/// What kind of value an argument or option takes: drives completion, help and checking.
public enum ValueKind: Sendable, Equatable {
  case integer
  case number
  case boolean
  /// One of these words.
  case choice([String])
  /// A list of whole numbers, such as layer sizes.
  case integerList
  /// A list of numbers, such as starting weights.
  case numberList
  /// The name of a model in the session.
  case model
  /// The name of a data set in the session.
  case data
  /// The name of a model or of a data set.
  case modelOrData
  /// A file path.
  case path
  /// A command name.
  case command
  /// A setting key.
  case setting
  /// Free text.
  case text

  /// How usage lines write a value of this kind.
  public var placeholder: String {
    switch self {
    case .integer: return "N"
    case .number: return "X"
    case .boolean: return "true|false"
    case let .choice(words): return words.joined(separator: "|")
    case .integerList: return "[N,…]"
    case .numberList: return "[X,…]"
    case .model: return "MODEL"
    case .data: return "DATA"
    case .modelOrData: return "NAME"
    case .path: return "FILE"
    case .command: return "COMMAND"
    case .setting: return "KEY"
    case .text: return "TEXT"
    }
  }
}

/// A `key=value` option of a command.
public struct OptionSpec: Sendable {
  public let key: String
  public let kind: ValueKind
  /// The default as the docs state it: "64", "the batch setting (64)", "none".
  public let defaultText: String
  public let summary: String
  /// The setting that supplies the default, if one does; help shows its current value.
  public let setting: String?
  /// How a value is converted and checked before the command runs.
  public let check: OptionCheck
  /// Whether it takes a comma-separated list of values, each checked (`sweep batch=16,32`).
  public let takesList: Bool

  /// - Parameters:
  ///   - check: how a value is checked; by default as `kind` says (`OptionCheck.standard`).
  ///   - list: whether the option takes a list of such values.
  public init(_ key: String, _ kind: ValueKind, default defaultText: String, _ summary: String,
              setting: String? = nil, check: OptionCheck? = nil, list: Bool = false) {
    self.key = key
    self.kind = kind
    self.defaultText = defaultText
    self.summary = summary
    self.setting = setting
    self.check = check ?? .standard(for: kind)
    self.takesList = list
  }

  /// The same option, taking a list of values (as `sweep` takes what `train` takes once).
  func listed() -> OptionSpec {
    OptionSpec(key, kind, default: defaultText, summary, setting: setting, check: check, list: true)
  }
}

/// A positional argument of a command.
public struct ArgumentSpec: Sendable {
  /// The name usage lines and messages use: "MODEL", "sizes".
  public let name: String
  public let kind: ValueKind
  public let summary: String
  public let isOptional: Bool
  /// Whether it may be given more than once.
  public let isRepeated: Bool

  public init(_ name: String, _ kind: ValueKind, _ summary: String, optional: Bool = true,
              repeated: Bool = false) {
    self.name = name
    self.kind = kind
    self.summary = summary
    self.isOptional = optional
    self.isRepeated = repeated
  }
}

/// A command of the language: its name, its documentation and what it does.
///
/// Each command is one file under `Commands/`, declaring one of these as a static member;
/// `CommandSpec.all` lists them, and that one table drives `help`, tab completion and
/// docs/commands.md.
public struct CommandSpec: Sendable {
  public typealias Run = @Sendable (inout Invocation) throws(Diagnostic) -> Void

  public let name: String
  /// A one-line summary, lower-case, no period.
  public let summary: String
  /// A paragraph or two for `help NAME`.
  public let details: String
  public let arguments: [ArgumentSpec]
  public let options: [OptionSpec]
  /// One or more example lines.
  public let example: String
  /// Whether `name = command …` may name what it makes.
  public let binds: Bool
  /// The section help lists it under.
  public let topic: Topic
  /// What the command does.
  let perform: Run

  /// Sections of `help`.
  public enum Topic: String, Sendable, CaseIterable {
    case data = "data"
    case models = "models"
    case training = "training and evaluation"
    case inspection = "looking inside"
    case session = "the session"
  }

  public init(
    name: String, topic: Topic, summary: String, details: String, arguments: [ArgumentSpec] = [],
    options: [OptionSpec] = [], example: String, binds: Bool = false, run: @escaping Run
  ) {
    self.name = name
    self.topic = topic
    self.summary = summary
    self.details = details
    self.arguments = arguments
    self.options = options
    self.example = example
    self.binds = binds
    self.perform = run
  }

  /// "train [MODEL] [DATA] [batch=N] [lr=X] …".
  public var usage: String {
    var parts = binds ? ["[NAME =] \(name)"] : [name]
    for argument in arguments {
      var text = argument.name
      if argument.isRepeated { text += "…" }
      parts.append(argument.isOptional ? "[\(text)]" : text)
    }
    for option in options { parts.append("[\(option.key)=\(option.kind.placeholder)]") }
    return parts.joined(separator: " ")
  }

  /// The option called `key`.
  public func option(_ key: String) -> OptionSpec? {
    options.first { $0.key == key }
  }
}

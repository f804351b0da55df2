// The syntax tree of a script: cells of statements; a statement is a command (optionally
// bound to a name) or an `# expect:` check; a command's arguments are values and
// `key=value` options. Every node keeps its source range, so that any later error, at
// parse time or at run time, can put its caret under the exact token.

/// A name as written, with where.
public struct Name: Equatable, Sendable, CustomStringConvertible {
  public var text: String
  public var range: SourceRange

  public init(_ text: String, _ range: SourceRange) {
    self.text = text
    self.range = range
  }

  public var description: String { text }
}

/// A value: a number, a string, a bare word (a name, a choice such as `relu`, a path) or a
/// list. `a,b,c` without brackets is the same list as `[a,b,c]`.
public indirect enum Value: Equatable, Sendable {
  case number(Double, isInteger: Bool, SourceRange)
  case string(String, SourceRange)
  case word(String, SourceRange)
  case list([Value], SourceRange)

  /// Where the value is written.
  public var range: SourceRange {
    switch self {
    case let .number(_, _, range), let .string(_, range), let .word(_, range), let .list(_, range):
      return range
    }
  }

  /// A number as messages show it: whole numbers without a point, even those too large for
  /// an `Int` (`99999999999999999999` reads `1e+20`).
  static func numberText(_ value: Double, isInteger: Bool) -> String {
    if isInteger, let whole = Int(exactly: value) { return String(whole) }
    return String(value)
  }

  /// How the value reads in a message: `64`, `0.01`, `"a.csv"`, `relu`, `[784, 10]`.
  public var display: String {
    switch self {
    case let .number(value, isInteger, _):
      return Value.numberText(value, isInteger: isInteger)
    case let .string(text, _): return "\"\(text)\""
    case let .word(text, _): return text
    case let .list(elements, _): return "[" + elements.map(\.display).joined(separator: ", ") + "]"
    }
  }
}

/// One argument of a command.
public enum Argument: Equatable, Sendable {
  /// A value given by position: the `[784,128,64,10]` and `relu` of `mlp [784,128,64,10] relu`.
  case positional(Value)
  /// A `key=value` option.
  case option(key: Name, value: Value)

  public var range: SourceRange {
    switch self {
    case let .positional(value): return value.range
    case let .option(key, value): return key.range.union(value.range)
    }
  }
}

/// A command with its arguments, and the name it binds its result to, if any:
/// `m16 = mlp [784,128,64,10] relu lr=0.01`.
public struct Command: Equatable, Sendable {
  public var binding: Name?
  public var name: Name
  public var arguments: [Argument]
  /// From the binding (or the command name) to the last argument.
  public var range: SourceRange

  public init(binding: Name? = nil, name: Name, arguments: [Argument], range: SourceRange) {
    self.binding = binding
    self.name = name
    self.arguments = arguments
    self.range = range
  }
}

/// A golden check of the previous command's output: `# expect: test accuracy ≈ 0.92 ± 0.03`.
public struct Expectation: Equatable, Sendable {
  /// How a reported number is compared.
  public enum Comparison: String, Equatable, Sendable, CaseIterable {
    case equal = "="
    case less = "<"
    case lessOrEqual = "≤"
    case greater = ">"
    case greaterOrEqual = "≥"
  }

  /// What must hold.
  public enum Check: Equatable, Sendable {
    /// The quantity is within `tolerance` of `value`: `|x - value| ≤ tolerance`.
    case approximately(Double, tolerance: Double)
    /// The quantity compares with `value`.
    case compare(Comparison, Double)
    /// Some line of the command's output contains the text.
    case contains(String)
  }

  /// The reported quantity checked, such as `test accuracy`; `nil` for `.contains`.
  public var quantity: Name?
  public var check: Check
  /// The whole comment, `#` included.
  public var range: SourceRange

  public init(quantity: Name?, check: Check, range: SourceRange) {
    self.quantity = quantity
    self.check = check
    self.range = range
  }
}

/// A statement of a code cell.
public enum Statement: Equatable, Sendable {
  case command(Command)
  case expectation(Expectation)

  public var range: SourceRange {
    switch self {
    case let .command(command): return command.range
    case let .expectation(expectation): return expectation.range
    }
  }
}

/// A cell of a script in the Jupytext percent format: `# %%` opens a code cell,
/// `# %% [markdown]` a markdown cell; lines before the first marker form an unmarked cell.
public struct Cell: Equatable, Sendable {
  public enum Kind: String, Equatable, Sendable {
    case code, markdown
  }

  public var kind: Kind
  /// The text after `# %%` (and after `[markdown]`), trimmed; `nil` when there is none or the
  /// cell has no marker.
  public var title: String?
  /// Whether the cell starts with a `# %%` line.
  public var isMarked: Bool
  /// The statements of a code cell, in order.
  public var statements: [Statement]
  /// The text of a markdown cell, one entry a line, with the leading `# ` removed.
  public var markdown: [String]
  /// From the marker (or the first line) to the end of the cell's last line.
  public var range: SourceRange

  public init(
    kind: Kind, title: String? = nil, isMarked: Bool, statements: [Statement] = [],
    markdown: [String] = [], range: SourceRange
  ) {
    self.kind = kind
    self.title = title
    self.isMarked = isMarked
    self.statements = statements
    self.markdown = markdown
    self.range = range
  }
}

/// A parsed script: its source and its cells.
public struct Script: Sendable {
  public var source: Source
  public var cells: [Cell]

  public init(source: Source, cells: [Cell]) {
    self.source = source
    self.cells = cells
  }

  /// Every statement of every code cell, in order.
  public var statements: [Statement] { cells.flatMap(\.statements) }
}

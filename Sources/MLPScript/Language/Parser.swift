/// Builds the syntax tree of a script from its tokens.
///
/// ```
/// line      = [ statement { ";" statement } ] [ comment ] newline
/// statement = [ name "=" ] word { argument }
/// argument  = word "=" values | values
/// values    = value { "," value }
/// value     = number | string | word | "[" [ value { "," value } ] "]"
/// ```
/// Comments that are a whole line and start `# %%` open cells; comments that start
/// `# expect:` are checks of the command before them (see `Parser+Expectation.swift`).
/// The parser stops at the first error and throws it.
public struct Parser {
  let source: Source
  let tokens: [Token]
  var index = 0
  /// How many lists the parser is inside.
  var depth = 0

  /// Lists may nest this deep (a list of samples is two); deeper is an error rather than a
  /// recursion that could overflow the stack (`[[[[…` a million deep, found by the fuzzer).
  static let maximumListDepth = 16

  /// Whether the text continues a session in which commands have already run (a notebook's
  /// cell): an `# expect:` before the text's first command then checks what ran before it.
  var continuesSession = false

  init(source: Source, tokens: [Token], continuesSession: Bool = false) {
    self.source = source
    self.tokens = tokens
    self.continuesSession = continuesSession
  }

  /// The script in `source`.
  public static func parse(_ source: Source, continuingSession: Bool = false) throws(Diagnostic) -> Script {
    var parser = Parser(source: source, tokens: try Lexer.tokens(of: source), continuesSession: continuingSession)
    return try parser.script()
  }

  /// The script in `text`, named `name` in diagnostics.
  public static func parse(_ text: String, name: String) throws(Diagnostic) -> Script {
    try parse(Source(name: name, text: text))
  }

  // MARK: - Tokens

  var token: Token { tokens[index] }

  func peek(_ offset: Int) -> Token {
    tokens[min(index + offset, tokens.count - 1)]
  }

  mutating func advance() {
    if index < tokens.count - 1 { index += 1 }
  }

  var isAtLineStart: Bool { index == 0 || tokens[index - 1].kind == .newline }

  /// Whether the current token ends a statement.
  var isAtStatementEnd: Bool {
    switch token.kind {
    case .semicolon, .newline, .end, .comment: return true
    default: return false
    }
  }

  func error(
    _ id: DiagnosticID, _ message: String, at range: SourceRange, hint: String? = nil
  ) -> Diagnostic {
    Diagnostic(id, message, at: range, in: source, hint: hint)
  }

  // MARK: - Statements

  /// One command, with its binding if it has one.
  mutating func command() throws(Diagnostic) -> Command {
    var binding: Name? = nil
    if case let .word(text) = token.kind, peek(1).kind == .equals {
      guard Self.isIdentifier(text) else {
        throw error(.badBindingName, "'\(text)' cannot name a model or data set", at: token.range,
                    hint: "names start with a letter and hold letters, digits and '_'")
      }
      binding = Name(text, token.range)
      advance()
      advance()
      if isAtStatementEnd {
        throw error(.expectedCommand, "expected a command after '\(text) ='", at: token.range,
                    hint: "such as '\(text) = mlp [784,128,64,10] relu'")
      }
    }
    guard case let .word(text) = token.kind else {
      throw error(.expectedCommand, "expected a command, found \(token)", at: token.range,
                  hint: "a statement starts with a command such as 'train' or 'help'")
    }
    let name = Name(text, token.range)
    advance()
    var arguments: [Argument] = []
    var seenKeys: [String: SourceRange] = [:]
    while !isAtStatementEnd {
      let argument = try self.argument()
      if case let .option(key, _) = argument {
        if seenKeys[key.text] != nil {
          throw error(.duplicateOption, "option '\(key.text)' is given twice", at: key.range,
                      hint: "keep one '\(key.text)='")
        }
        seenKeys[key.text] = key.range
      }
      arguments.append(argument)
    }
    let start = binding?.range.start ?? name.range.start
    let end = arguments.last?.range.end ?? name.range.end
    return Command(binding: binding, name: name, arguments: arguments,
                   range: SourceRange(start: start, end: end))
  }

  mutating func argument() throws(Diagnostic) -> Argument {
    if case let .word(text) = token.kind, peek(1).kind == .equals {
      let key = Name(text, token.range)
      guard Self.isIdentifier(text) else {
        throw error(.unexpectedToken, "'\(text)' cannot be an option name", at: token.range,
                    hint: "option names hold letters, digits and '_'")
      }
      advance()
      let equals = token
      advance()
      if isAtStatementEnd || token.kind == .equals {
        throw error(.expectedValue, "expected a value after '\(text)='",
                    at: isAtStatementEnd ? .point(equals.range.end) : token.range)
      }
      return .option(key: key, value: try values())
    }
    if token.kind == .equals {
      throw error(.unexpectedToken, "unexpected '='", at: token.range,
                  hint: "options are written key=value")
    }
    return .positional(try values())
  }

  /// A value, or several separated by commas (which make a list).
  mutating func values() throws(Diagnostic) -> Value {
    let first = try value()
    guard token.kind == .comma else { return first }
    var elements = [first]
    while token.kind == .comma {
      advance()
      if isAtStatementEnd {
        throw error(.expectedValue, "expected a value after ','", at: token.range)
      }
      elements.append(try value())
    }
    return .list(elements, first.range.union(elements.last!.range))
  }

  mutating func value() throws(Diagnostic) -> Value {
    let current = token
    switch current.kind {
    case let .number(value, isInteger):
      advance()
      return .number(value, isInteger: isInteger, current.range)
    case let .string(text):
      advance()
      return .string(text, current.range)
    case let .word(text):
      advance()
      return .word(text, current.range)
    case .leftBracket:
      return try list()
    default:
      throw error(.expectedValue, "expected a value, found \(current)", at: current.range)
    }
  }

  /// `[` [ value { `,` value } ] `]`, on one line.
  mutating func list() throws(Diagnostic) -> Value {
    let open = token
    guard depth < Self.maximumListDepth else {
      throw error(.nestingTooDeep, "lists nested more than \(Self.maximumListDepth) deep", at: open.range)
    }
    depth += 1
    defer { depth -= 1 }
    advance()
    var elements: [Value] = []
    if token.kind == .rightBracket {
      advance()
      return .list([], open.range.union(tokens[index - 1].range))
    }
    while true {
      switch token.kind {
      case .newline, .end, .comment, .semicolon:
        throw error(.unclosedList, "unclosed '['", at: open.range,
                    hint: "add ']' after the last element")
      default:
        break
      }
      elements.append(try value())
      switch token.kind {
      case .comma:
        advance()
      case .rightBracket:
        let close = token
        advance()
        return .list(elements, open.range.union(close.range))
      case .newline, .end, .comment, .semicolon:
        throw error(.unclosedList, "unclosed '['", at: open.range,
                    hint: "add ']' after the last element")
      default:
        throw error(.unexpectedToken, "expected ',' or ']' in a list, found \(token)",
                    at: token.range)
      }
    }
  }

  /// A name that can be bound or used as an option key.
  static func isIdentifier(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first,
          first.properties.isAlphabetic || first == "_" else { return false }
    return text.unicodeScalars.allSatisfy {
      $0.properties.isAlphabetic || $0 == "_" || ("0" ... "9").contains($0)
    }
  }
}

extension DiagnosticID {
  /// Lists inside lists beyond `Parser.maximumListDepth`.
  public static let nestingTooDeep = DiagnosticID("nesting-too-deep", .syntax)
}

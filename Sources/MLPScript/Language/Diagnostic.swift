/// A message about the user's input: severity, stable id, message, where, and a hint.
///
/// Every error the language reports, from the lexer to a command at run time, is one of
/// these, and `DiagnosticRenderer` is the one place that draws it. The message is lower-case
/// with no trailing period and quotes user text; the hint says what would be right
/// ("should be relu, sigmoid or tanh", "did you mean 'train'?").
public struct Diagnostic: Error, Sendable, CustomStringConvertible {
  /// How bad it is.
  public enum Severity: String, Sendable {
    case error, warning, note
  }

  public var severity: Severity
  /// A stable identifier, for tests and tools; never shown in the rendering.
  public var id: DiagnosticID
  public var message: String
  /// Where, in `source`; `nil` when the problem has no place (a file that cannot be read).
  public var range: SourceRange?
  /// The text `range` points into.
  public var source: Source?
  /// What would be right, drawn after the caret.
  public var hint: String?
  /// Lines drawn after the rest, one `  = note` each, never shortened as a whole: what the
  /// user needs to act on an error that has more to say than a hint (where a data set was
  /// looked for, the checksums its files must have).
  public var notes: [String] = []

  public init(
    _ id: DiagnosticID, _ message: String, at range: SourceRange? = nil, in source: Source? = nil,
    hint: String? = nil, severity: Severity = .error
  ) {
    self.id = id
    self.message = message
    self.range = range
    self.source = range == nil ? nil : source
    self.hint = hint
    self.severity = severity
  }

  /// Where the diagnostic points, 1-based.
  public var location: SourceLocation? {
    guard let range, let source else { return nil }
    return source.location(of: range.start)
  }

  /// `file:line:column`, or the file name alone, or nothing.
  public var position: String? {
    guard let source else { return nil }
    guard let location else { return source.name }
    return "\(source.name):\(location)"
  }

  /// The plain rendering.
  public var description: String { DiagnosticRenderer(color: false).render(self) }

  /// The process exit status a script that stopped on this diagnostic returns (sysexits):
  /// 65 (`EX_DATAERR`) for a syntax error, 70 (`EX_SOFTWARE`) for a runtime error, 1 for an
  /// expectation that did not hold.
  public var exitStatus: Int32 {
    switch id.category {
    case .syntax: return 65
    case .runtime: return 70
    case .expectation: return 1
    }
  }
}

/// A stable name for a kind of diagnostic, and the phase that reports it.
public struct DiagnosticID: Hashable, Sendable, CustomStringConvertible {
  /// When the problem is found.
  public enum Category: String, Sendable {
    /// Before anything runs: the lexer and the parser.
    case syntax
    /// While a command runs: unknown names, bad option values, data that does not fit.
    case runtime
    /// An `# expect:` line that did not hold.
    case expectation
  }

  public let name: String
  public let category: Category

  public init(_ name: String, _ category: Category) {
    self.name = name
    self.category = category
  }

  public var description: String { name }
}

// MARK: - The identifiers

extension DiagnosticID {
  // Lexer
  public static let unexpectedCharacter = DiagnosticID("unexpected-character", .syntax)
  public static let malformedNumber = DiagnosticID("malformed-number", .syntax)
  public static let unterminatedString = DiagnosticID("unterminated-string", .syntax)
  public static let unknownEscape = DiagnosticID("unknown-escape", .syntax)
  // Parser
  public static let expectedCommand = DiagnosticID("expected-command", .syntax)
  public static let expectedValue = DiagnosticID("expected-value", .syntax)
  public static let unexpectedToken = DiagnosticID("unexpected-token", .syntax)
  public static let unclosedList = DiagnosticID("unclosed-list", .syntax)
  public static let badBindingName = DiagnosticID("bad-binding-name", .syntax)
  public static let duplicateOption = DiagnosticID("duplicate-option", .syntax)
  public static let malformedExpectation = DiagnosticID("malformed-expectation", .syntax)
  public static let malformedCell = DiagnosticID("malformed-cell", .syntax)
  public static let codeInMarkdownCell = DiagnosticID("code-in-markdown-cell", .syntax)
  public static let expectationWithoutCommand = DiagnosticID("expectation-without-command", .syntax)
  // Runtime
  public static let unknownCommand = DiagnosticID("unknown-command", .runtime)
  public static let unknownOption = DiagnosticID("unknown-option", .runtime)
  public static let badValue = DiagnosticID("bad-value", .runtime)
  public static let missingArgument = DiagnosticID("missing-argument", .runtime)
  public static let extraArgument = DiagnosticID("extra-argument", .runtime)
  public static let unknownName = DiagnosticID("unknown-name", .runtime)
  public static let noModel = DiagnosticID("no-model", .runtime)
  public static let noData = DiagnosticID("no-data", .runtime)
  public static let wrongKind = DiagnosticID("wrong-kind", .runtime)
  public static let dataMismatch = DiagnosticID("data-mismatch", .runtime)
  public static let cannotBind = DiagnosticID("cannot-bind", .runtime)
  public static let fileError = DiagnosticID("file-error", .runtime)
  public static let recursion = DiagnosticID("recursion", .runtime)
  public static let unknownQuantity = DiagnosticID("unknown-quantity", .runtime)
  // Expectations
  public static let expectationFailed = DiagnosticID("expectation-failed", .expectation)
}

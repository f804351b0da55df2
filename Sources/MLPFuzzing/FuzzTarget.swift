import MLPScript

/// The three fuzz targets, shared by the libFuzzer executables (`Tests/Fuzz`, built with
/// `-sanitize=fuzzer,address`) and by the test that replays every kept input
/// (`FuzzCorpusTests`), so that a corpus file runs the same code in both.
///
/// Each target takes arbitrary bytes, decodes them as the shell does (`String(decoding:as:)`:
/// invalid UTF-8 becomes U+FFFD), runs its stage and checks what must hold whatever the
/// input: ranges inside the source, tokens in order, every diagnostic renderable. A broken
/// invariant is a `precondition` failure, which libFuzzer reports as a crash and the replay
/// test as a trap.
public enum FuzzTarget: String, CaseIterable, Sendable {
  /// `Lexer.tokens(of:)`.
  case lexer
  /// `Parser.parse(_:)`, cells and expectations included.
  case parser
  /// Parsed statements run in a sandboxed session with tiny data and small limits.
  case interpreter

  /// Runs the target on one input and returns what it made of it, plain: the diagnostic's
  /// rendering, or a count of what it read; for the interpreter, everything the session
  /// printed. A regression test compares this with the rendering it expects.
  @discardableResult
  public func run(_ bytes: [UInt8]) -> String {
    let source = Source(name: "fuzz.mlp", text: String(decoding: bytes, as: UTF8.self))
    switch self {
    case .lexer: return Self.lex(source)
    case .parser: return Self.parse(source)
    case .interpreter: return InterpreterSandbox.shared.run(source, terminal: bytes.count % 2 == 1)
    }
  }

  /// Runs the target on the input libFuzzer hands to `LLVMFuzzerTestOneInput`.
  public func run(_ start: UnsafeRawPointer?, _ count: Int) {
    guard let start, count > 0 else {
      run([])
      return
    }
    run(Array(UnsafeRawBufferPointer(start: start, count: count)))
  }

  // MARK: - Lexer

  static func lex(_ source: Source) -> String {
    do {
      let tokens = try Lexer.tokens(of: source)
      var previousEnd = 0
      for token in tokens {
        check(token.range, in: source)
        precondition(token.range.start >= previousEnd, "token \(token) at \(token.range) overlaps the one before")
        previousEnd = token.range.end
        precondition(!token.description.isEmpty, "token at \(token.range) has no description")
      }
      precondition(tokens.last?.kind == .end, "tokens do not end with .end")
      precondition(tokens.dropLast().allSatisfy { $0.kind != .end }, ".end before the last token")
      return "\(tokens.count) tokens\n"
    } catch {
      return render(error) + "\n"
    }
  }

  // MARK: - Parser

  static func parse(_ source: Source) -> String {
    do {
      let script = try Parser.parse(source)
      var previousEnd = 0
      for cell in script.cells {
        check(cell.range, in: source)
        precondition(cell.range.start >= previousEnd, "cell at \(cell.range) overlaps the one before")
        previousEnd = cell.range.end
        precondition(cell.kind == .code || cell.statements.isEmpty, "a markdown cell with statements")
        for statement in cell.statements {
          check(statement.range, in: source)
          precondition(cell.range.start <= statement.range.start && statement.range.end <= cell.range.end,
                       "statement at \(statement.range) outside its cell \(cell.range)")
          if case let .command(command) = statement { check(command, in: source) }
        }
      }
      return "\(script.cells.count) cells, \(script.statements.count) statements\n"
    } catch {
      return render(error) + "\n"
    }
  }

  static func check(_ command: Command, in source: Source) {
    check(command.name.range, in: source)
    if let binding = command.binding { check(binding.range, in: source) }
    for argument in command.arguments {
      check(argument.range, in: source)
      switch argument {
      case let .positional(value): check(value, in: source)
      case let .option(key, value):
        check(key.range, in: source)
        check(value, in: source)
      }
    }
  }

  static func check(_ value: Value, in source: Source) {
    check(value.range, in: source)
    precondition(!value.display.isEmpty || value == .string("", value.range) || value == .word("", value.range),
                 "value at \(value.range) displays as nothing")
    if case let .list(elements, _) = value {
      for element in elements { check(element, in: source) }
    }
  }

  // MARK: - Shared checks

  /// A range must lie inside the source and locate to a line and column that exist.
  static func check(_ range: SourceRange, in source: Source) {
    precondition(0 <= range.start && range.start <= range.end && range.end <= source.scalars.count,
                 "range \(range) outside a source of \(source.scalars.count) scalars")
    let location = source.location(of: range.start)
    precondition(location.line >= 1 && location.line <= source.lineStarts.count && location.column >= 1,
                 "range \(range) locates to \(location)")
  }

  /// A diagnostic must point inside its source and render, plain and in colour, with the
  /// message on the first line. Returns the plain rendering.
  @discardableResult
  static func render(_ diagnostic: Diagnostic) -> String {
    if let range = diagnostic.range, let source = diagnostic.source { check(range, in: source) }
    let plain = DiagnosticRenderer(color: false).render(diagnostic)
    // Compared scalar by scalar: a long message is shortened, possibly inside a grapheme.
    let start = "\(diagnostic.severity.rawValue): ".unicodeScalars
      + DiagnosticRenderer.printable(diagnostic.message).unicodeScalars.prefix(100)
    precondition(plain.unicodeScalars.starts(with: start), "rendering does not start with the message: \(plain)")
    precondition(!plain.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" },
                 "a control character reaches the terminal: \(plain.debugDescription)")
    precondition(plain.split(separator: "\n").allSatisfy { $0.unicodeScalars.count < 600 },
                 "a diagnostic line is longer than 600 characters: it echoes too much")
    _ = DiagnosticRenderer(color: true).render(diagnostic)
    return plain
  }
}

// Lines and cells: how a script splits into `# %%` cells of statements and markdown.

extension Parser {
  /// What a whole-line comment says about cells.
  enum Marker: Equatable {
    /// `# %%` or `# %% title`.
    case code(title: String?)
    /// `# %% [markdown]` or `# %% [md]`, with an optional title.
    case markdown(title: String?)
  }

  /// The marker in the comment `body` (the text after `#`), `nil` when it is no marker.
  func marker(in body: String, range: SourceRange) throws(Diagnostic) -> Marker? {
    let trimmed = body.drop { $0 == " " }
    guard trimmed.hasPrefix("%%") else { return nil }
    var rest = trimmed.dropFirst(2).drop { $0 == " " || $0 == "\t" }
    var isMarkdown = false
    if rest.hasPrefix("[") {
      guard let close = rest.firstIndex(of: "]") else {
        throw error(.malformedCell, "unclosed '[' in a cell marker", at: range,
                    hint: "write '# %% [markdown]'")
      }
      let kind = rest[rest.index(after: rest.startIndex) ..< close]
      guard kind == "markdown" || kind == "md" else {
        throw error(.malformedCell, "unknown cell type '\(kind)'", at: range,
                    hint: "should be '# %%' for code or '# %% [markdown]'")
      }
      isMarkdown = true
      rest = rest[rest.index(after: close)...].drop { $0 == " " || $0 == "\t" }
    }
    let title = rest.trimmingSpaces()
    let named = title.isEmpty ? nil : title
    return isMarkdown ? .markdown(title: named) : .code(title: named)
  }

  /// The whole script.
  mutating func script() throws(Diagnostic) -> Script {
    var cells: [Cell] = []
    var cell = Cell(kind: .code, isMarked: false, range: .point(0))
    var hasContent = false
    var lastContentEnd = 0
    var sawCommand = continuesSession

    func close(_ cell: Cell, hasContent: Bool, end: Int) -> Cell? {
      guard cell.isMarked || hasContent else { return nil }
      var finished = cell
      while finished.markdown.last == "" { finished.markdown.removeLast() }
      finished.range = SourceRange(start: cell.range.start, end: max(end, cell.range.end))
      return finished
    }

    while token.kind != .end {
      let lineStart = token
      if isAtLineStart, case let .comment(body) = lineStart.kind,
         let marker = try marker(in: body, range: lineStart.range) {
        if let done = close(cell, hasContent: hasContent, end: lastContentEnd) { cells.append(done) }
        switch marker {
        case let .code(title):
          cell = Cell(kind: .code, title: title, isMarked: true, range: lineStart.range)
        case let .markdown(title):
          cell = Cell(kind: .markdown, title: title, isMarked: true, range: lineStart.range)
        }
        hasContent = false
        lastContentEnd = lineStart.range.end
        advance()
        if token.kind == .newline { advance() }
        continue
      }
      if token.kind == .newline {
        if cell.kind == .markdown && !cell.markdown.isEmpty { cell.markdown.append("") }
        advance()
        continue
      }
      if cell.kind == .markdown {
        guard case let .comment(body) = lineStart.kind else {
          let line = source.location(of: lineStart.range.start).line
          throw error(.codeInMarkdownCell, "code in a markdown cell", at: source.rangeOfLine(line),
                      hint: "start a code cell with '# %%', or write the text as '# \(source.line(line))'")
        }
        cell.markdown.append(body.hasPrefix(" ") ? String(body.dropFirst()) : body)
        hasContent = true
        lastContentEnd = lineStart.range.end
        advance()
        if token.kind == .newline { advance() }
        continue
      }
      try line(into: &cell.statements, sawCommand: &sawCommand)
      hasContent = true
      lastContentEnd = tokens[index - 1].kind == .newline ? tokens[index - 1].range.start
        : tokens[index - 1].range.end
    }
    if let done = close(cell, hasContent: hasContent, end: lastContentEnd) { cells.append(done) }
    return Script(source: source, cells: cells)
  }

  /// One line of a code cell: statements separated by `;`, then perhaps a comment, which
  /// is an expectation when it starts `# expect:`. Consumes the newline.
  mutating func line(into statements: inout [Statement], sawCommand: inout Bool) throws(Diagnostic) {
    while true {
      switch token.kind {
      case .end:
        return
      case .newline:
        advance()
        return
      case .semicolon:
        advance()
      case let .comment(body):
        if Self.isExpectation(body) {
          guard sawCommand else {
            throw error(.expectationWithoutCommand, "'# expect:' before any command",
                        at: token.range, hint: "an expectation checks the command before it")
          }
          statements.append(.expectation(try expectation(in: token)))
        }
        advance()
      default:
        statements.append(.command(try command()))
        sawCommand = true
        switch token.kind {
        case .semicolon, .newline, .end, .comment:
          break
        default:
          throw error(.unexpectedToken, "unexpected \(token)", at: token.range)
        }
      }
    }
  }

  /// Whether a comment body (the text after `#`) is an `expect:` line.
  static func isExpectation(_ body: String) -> Bool {
    body.drop { $0 == " " || $0 == "\t" }.hasPrefix("expect:")
  }
}

extension StringProtocol {
  /// The text without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
          let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
    return String(String.UnicodeScalarView(scalars[first ... last]))
  }
}

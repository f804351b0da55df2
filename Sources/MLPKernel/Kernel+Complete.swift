import MLPScript

/// `complete_request`, `inspect_request` and `is_complete_request`: what a notebook asks
/// while the user types.
extension Kernel {
  /// The completions the shell's Tab gives, for the word before the cursor.
  func complete(_ request: Message) {
    let (line, word) = Self.lineAndWord(request)
    let prefix = String(line.dropLast(word.count))
    let matches = Completer.candidates(before: prefix, word: word, session: interpreter.session)
    let cursor = Self.cursor(request)
    reply(to: request, on: .shell, type: "complete_reply", content: [
      "status": "ok", "matches": .array(matches.map { .string($0) }),
      "cursor_start": .integer(cursor - word.unicodeScalars.count), "cursor_end": .integer(cursor),
      "metadata": [:],
    ])
  }

  /// The `help` text of the command the cursor is in (or of the command name under it).
  func inspect(_ request: Message) {
    let (line, start) = Self.lineAndWord(request)
    // The whole word the cursor is in: what it has typed, and the rest of the word after it.
    let code = request.content["code"]?.string ?? ""
    let after = String(String.UnicodeScalarView(code.unicodeScalars.dropFirst(Self.cursor(request))))
    let word = start + after.prefix { !Self.separatesWords($0) && $0 != "\n" }
    let name = CommandSpec.named(word) != nil ? word : Completer.commandWords(before: line).first
    guard let name, let spec = CommandSpec.named(name) else {
      reply(to: request, on: .shell, type: "inspect_reply",
            content: ["status": "ok", "found": false, "data": [:], "metadata": [:]])
      return
    }
    let text = spec.help(settings: interpreter.session.settings).joined(separator: "\n")
    let markdown = "**\(name)**: \(spec.summary)\n\n```\n\(text)\n```\n"
    reply(to: request, on: .shell, type: "inspect_reply", content: [
      "status": "ok", "found": true, "metadata": [:],
      "data": ["text/plain": .string(text), "text/markdown": .string(markdown)],
    ])
  }

  /// Whether the code is ready to run: an open `[` or string waits for more lines, other
  /// syntax errors are invalid (running the cell shows where).
  func isComplete(_ request: Message) {
    let code = request.content["code"]?.string ?? ""
    var content: [String: JSON] = ["status": "complete"]
    do {
      _ = try Parser.parse(Source(name: "<cell>", text: code), continuingSession: true)
    } catch {
      if error.id == .unclosedList || error.id == .unterminatedString {
        content = ["status": "incomplete", "indent": ""]
      } else {
        content = ["status": "invalid"]
      }
    }
    reply(to: request, on: .shell, type: "is_complete_reply", content: content)
  }

  // MARK: - The text before the cursor

  /// The cursor, in Unicode scalars from the start of the code (protocol 5.2 and later),
  /// held within the code.
  static func cursor(_ request: Message) -> Int {
    let code = request.content["code"]?.string ?? ""
    let count = code.unicodeScalars.count
    return min(max(request.content["cursor_pos"]?.integer ?? count, 0), count)
  }

  /// The line before the cursor, and the word at its end: what follows the last space,
  /// tab or `;`, as readline splits words for the shell's Tab.
  static func lineAndWord(_ request: Message) -> (line: String, word: String) {
    let code = request.content["code"]?.string ?? ""
    let before = String(String.UnicodeScalarView(code.unicodeScalars.prefix(cursor(request))))
    let line = before.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? ""
    let word = line.split(omittingEmptySubsequences: false, whereSeparator: separatesWords).last.map(String.init) ?? ""
    return (line, word)
  }

  static func separatesWords(_ character: Character) -> Bool {
    character == " " || character == "\t" || character == ";"
  }
}

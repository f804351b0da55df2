// Inline Markdown: code spans, math left as text, links, emphasis, line breaks.

import MLPPlot

extension Markdown {
  /// A piece of a paragraph on the way to HTML: finished HTML, or a run of `*` or `_` that
  /// may open or close emphasis.
  enum Piece {
    case html(String)
    case delimiter(Character, count: Int, canOpen: Bool, canClose: Bool)
  }

  /// `text` (a paragraph's lines joined by newlines) as inline XHTML. Inside a link's text,
  /// `links` is false: links do not nest.
  static func inline(_ text: String, links: Bool = true) -> String {
    let characters = Array(text)
    var pieces: [Piece] = []
    var plain = ""
    func flush() {
      if !plain.isEmpty { pieces.append(.html(xmlEscaped(plain))) }
      plain = ""
    }
    func emit(_ html: String) {
      flush()
      pieces.append(.html(html))
    }
    var index = 0
    while index < characters.count {
      let character = characters[index]
      switch character {
      case "\\" where index + 1 < characters.count:
        let next = characters[index + 1]
        if next == "\n" {
          emit("<br/>\n")
        } else if next.isASCII && (next.isPunctuation || next.isSymbol) {
          plain.append(next)
        } else {
          plain += "\\" + String(next)
        }
        index += 2
      case "\n":
        let hard = plain.hasSuffix("  ")
        while plain.hasSuffix(" ") { plain.removeLast() }
        if hard { emit("<br/>\n") } else { plain.append("\n") }
        index += 1
      case "`":
        let run = characters[index...].prefix { $0 == "`" }.count
        if let (code, end) = codeSpan(characters, at: index, run: run) {
          emit("<code>" + xmlEscaped(code) + "</code>")
          index = end
        } else {
          plain += String(repeating: "`", count: run)
          index += run
        }
      case "$":
        if let (math, end) = math(characters, at: index) {
          emit("<span class=\"math\">" + xmlEscaped(math) + "</span>")
          index = end
        } else {
          plain.append("$")
          index += 1
        }
      case "[" where links, "!" where links && index + 1 < characters.count && characters[index + 1] == "[":
        let isImage = character == "!"
        if let link = link(characters, at: isImage ? index + 1 : index) {
          emit(render(link, isImage: isImage))
          index = link.end
        } else {
          plain.append(character)
          index += 1
        }
      case "<" where links:
        if let (url, end) = autolink(characters, at: index), isSafe(url) {
          emit("<a href=\"\(xmlEscaped(url))\">\(xmlEscaped(url.hasPrefix("mailto:") ? String(url.dropFirst(7)) : url))</a>")
          index = end
        } else {
          plain.append("<")
          index += 1
        }
      case "*", "_":
        let run = characters[index...].prefix { $0 == character }.count
        let before: Character = index > 0 ? characters[index - 1] : " "
        let after: Character = index + run < characters.count ? characters[index + run] : " "
        let left = !after.isWhitespace && (!isPunctuation(after) || before.isWhitespace || isPunctuation(before))
        let right = !before.isWhitespace && (!isPunctuation(before) || after.isWhitespace || isPunctuation(after))
        let canOpen = character == "*" ? left : left && (!right || isPunctuation(before))
        let canClose = character == "*" ? right : right && (!left || isPunctuation(after))
        flush()
        pieces.append(.delimiter(character, count: run, canOpen: canOpen, canClose: canClose))
        index += run
      default:
        plain.append(character)
        index += 1
      }
    }
    flush()
    return emphasize(pieces)
  }

  /// Pairs openers with closers, innermost first, into `<em>` and `<strong>`; unpaired runs
  /// stay text.
  static func emphasize(_ input: [Piece]) -> String {
    var pieces = input
    var index = 0
    while index < pieces.count {
      guard case let .delimiter(symbol, count, _, canClose) = pieces[index], canClose, count > 0 else {
        index += 1
        continue
      }
      var opener: Int? = nil
      var search = index - 1
      while search >= 0 {
        if case let .delimiter(other, available, canOpen, _) = pieces[search], other == symbol, canOpen, available > 0 {
          opener = search
          break
        }
        search -= 1
      }
      guard let start = opener, case let .delimiter(_, available, canOpen, openerCloses) = pieces[start] else {
        index += 1
        continue
      }
      let used = count >= 2 && available >= 2 ? 2 : 1
      let tag = used == 2 ? "strong" : "em"
      let inner = text(of: pieces[(start + 1) ..< index])
      pieces[start] = .delimiter(symbol, count: available - used, canOpen: canOpen, canClose: openerCloses)
      if case let .delimiter(_, _, closerOpens, _) = pieces[index] {
        pieces[index] = .delimiter(symbol, count: count - used, canOpen: closerOpens, canClose: true)
      }
      pieces.replaceSubrange((start + 1) ..< index, with: [.html("<\(tag)>" + inner + "</\(tag)>")])
      index = start + 2
    }
    return text(of: pieces[...])
  }

  private static func text(of pieces: ArraySlice<Piece>) -> String {
    pieces.map { piece in
      switch piece {
      case let .html(html): html
      case let .delimiter(symbol, count, _, _): String(repeating: symbol, count: count)
      }
    }.joined()
  }

  static func isPunctuation(_ character: Character) -> Bool {
    character.isPunctuation || character.isSymbol
  }

  // MARK: - Spans

  /// The code span opened by `run` backticks at `start`: its text and the index after it.
  static func codeSpan(_ characters: [Character], at start: Int, run: Int) -> (String, Int)? {
    var index = start + run
    while index < characters.count {
      guard characters[index] == "`" else {
        index += 1
        continue
      }
      let closing = characters[index...].prefix { $0 == "`" }.count
      if closing == run {
        var code = String(characters[(start + run) ..< index]).replacingNewlines()
        if code.count >= 2, code.first == " ", code.last == " ", !code.allSatisfy({ $0 == " " }) {
          code = String(code.dropFirst().dropLast())
        }
        return (code, index + closing)
      }
      index += closing
    }
    return nil
  }

  /// `$…$` or `$$…$$` at `start`, kept as written (the page draws no maths): its text and
  /// the index after it. Like pandoc, an opening `$` is followed by a non-space, a closing
  /// one follows a non-space and is not followed by a digit, so "$5 and $10" is no maths.
  static func math(_ characters: [Character], at start: Int) -> (String, Int)? {
    let delimiter = start + 1 < characters.count && characters[start + 1] == "$" ? 2 : 1
    let open = start + delimiter
    guard open < characters.count, !characters[open].isWhitespace, characters[open] != "$" else { return nil }
    var index = open + 1
    while index < characters.count {
      if characters[index] == "\\" {
        index += 2
        continue
      }
      if characters[index] == "$" {
        let closes = delimiter == 1 || (index + 1 < characters.count && characters[index + 1] == "$")
        let after = index + delimiter
        let digitAfter = after < characters.count && characters[after].isNumber
        if closes, !characters[index - 1].isWhitespace, delimiter == 2 || !digitAfter {
          return (String(characters[start ..< after]).replacingNewlines(), after)
        }
        if delimiter == 1 { return nil }
      }
      index += 1
    }
    return nil
  }
}

extension String {
  /// The text with its newlines as spaces.
  func replacingNewlines() -> String {
    String(map { $0 == "\n" ? " " : $0 })
  }
}

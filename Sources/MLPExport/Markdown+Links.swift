// Links, autolinks and images: parsed, and written only when their address is safe.

import MLPPlot

extension Markdown {
  /// `[text](destination "title")`, parsed.
  struct Link {
    var text: String
    var destination: String
    var title: String?
    /// The index after the closing `)`.
    var end: Int
  }

  /// The link whose `[` is at `start`, if the text there is one.
  static func link(_ characters: [Character], at start: Int) -> Link? {
    guard characters[start] == "[" else { return nil }
    var depth = 0
    var index = start
    var close: Int? = nil
    while index < characters.count {
      switch characters[index] {
      case "\\": index += 1
      case "[": depth += 1
      case "]":
        depth -= 1
        if depth == 0 { close = index }
      default: break
      }
      if close != nil { break }
      index += 1
    }
    guard let close, close + 1 < characters.count, characters[close + 1] == "(" else { return nil }
    index = close + 2
    func skipSpaces() { while index < characters.count, characters[index] == " " || characters[index] == "\n" { index += 1 } }
    skipSpaces()
    var destination = ""
    if index < characters.count, characters[index] == "<" {
      index += 1
      while index < characters.count, characters[index] != ">", characters[index] != "\n" {
        destination.append(characters[index])
        index += 1
      }
      guard index < characters.count, characters[index] == ">" else { return nil }
      index += 1
    } else {
      var parentheses = 0
      while index < characters.count {
        let character = characters[index]
        if character == " " || character == "\n" { break }
        if character == "(" { parentheses += 1 }
        if character == ")" {
          if parentheses == 0 { break }
          parentheses -= 1
        }
        if character == "\\", index + 1 < characters.count, characters[index + 1].isPunctuation {
          index += 1
        }
        destination.append(characters[index])
        index += 1
      }
    }
    skipSpaces()
    var title: String? = nil
    if index < characters.count, let quote = characters[index] == "\"" ? "\"" : characters[index] == "'" ? "'" : nil as Character? {
      index += 1
      var text = ""
      while index < characters.count, characters[index] != quote {
        text.append(characters[index])
        index += 1
      }
      guard index < characters.count else { return nil }
      index += 1
      title = text
      skipSpaces()
    }
    guard index < characters.count, characters[index] == ")" else { return nil }
    return Link(text: String(characters[(start + 1) ..< close]), destination: destination, title: title, end: index + 1)
  }

  /// A link as XHTML. An image is shown as a link to it, never loaded; an unsafe address
  /// leaves the text alone.
  static func render(_ link: Link, isImage: Bool) -> String {
    let label = isImage ? xmlEscaped("[image: " + (link.text.isEmpty ? link.destination : link.text) + "]")
      : inline(link.text, links: false)
    guard isSafe(link.destination) else { return label }
    var attributes = " href=\"\(xmlEscaped(link.destination))\""
    if let title = link.title { attributes += " title=\"\(xmlEscaped(title))\"" }
    return "<a\(attributes)>\(label)</a>"
  }

  /// `<https://…>` or `<mailto:…>` at `start`: the address and the index after `>`.
  static func autolink(_ characters: [Character], at start: Int) -> (String, Int)? {
    var index = start + 1
    var url = ""
    while index < characters.count, characters[index] != ">" {
      let character = characters[index]
      guard !character.isWhitespace, character != "<" else { return nil }
      url.append(character)
      index += 1
    }
    guard index < characters.count, let colon = url.firstIndex(of: ":"), colon != url.startIndex else { return nil }
    return (url, index + 1)
  }

  /// Whether a link may point at `url`: a relative address, or an http, https or mailto
  /// one; never `javascript:`, `data:` and the like, and nothing with spaces or control
  /// characters.
  static func isSafe(_ url: String) -> Bool {
    guard !url.isEmpty, !url.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7f } == true }) else {
      return false
    }
    guard let colon = url.firstIndex(of: ":") else { return true }
    let scheme = url[..<colon]
    let isScheme = scheme.first?.isLetter == true
      && scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }
    guard isScheme else { return true }
    return ["http", "https", "mailto"].contains(scheme.lowercased())
  }
}

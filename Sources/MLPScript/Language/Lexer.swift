/// Turns a `Source` into tokens.
///
/// Words run over letters, digits and `_ . / - ~`, so that paths need no quotes; a word
/// that starts with a digit, a `-` or `.` followed by a digit must be a number. Spaces and
/// tabs separate tokens; a newline is a token, since one command ends at the end of a line.
/// The lexer stops at the first error and throws it.
public struct Lexer {
  public let source: Source
  private var position = 0

  public init(source: Source) {
    self.source = source
  }

  /// Every token of the source, ending with `.end`.
  public static func tokens(of source: Source) throws(Diagnostic) -> [Token] {
    var lexer = Lexer(source: source)
    var tokens: [Token] = []
    while true {
      let token = try lexer.next()
      tokens.append(token)
      if token.kind == .end { return tokens }
    }
  }

  private var scalars: [Unicode.Scalar] { source.scalars }

  private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    let index = position + offset
    return index < scalars.count ? scalars[index] : nil
  }

  /// The next token.
  public mutating func next() throws(Diagnostic) -> Token {
    while let c = peek(), c == " " || c == "\t" || c == "\r" { position += 1 }
    let start = position
    guard let c = peek() else { return Token(.end, .point(start)) }
    position += 1
    switch c {
    case "\n": return Token(.newline, SourceRange(start: start, end: position))
    case "[": return Token(.leftBracket, SourceRange(start: start, end: position))
    case "]": return Token(.rightBracket, SourceRange(start: start, end: position))
    case ",": return Token(.comma, SourceRange(start: start, end: position))
    case "=": return Token(.equals, SourceRange(start: start, end: position))
    case ";": return Token(.semicolon, SourceRange(start: start, end: position))
    case "#":
      while let c = peek(), c != "\n" { position += 1 }
      var end = position
      if end > start + 1 && scalars[end - 1] == "\r" { end -= 1 }
      let body = source.text(in: SourceRange(start: start + 1, end: end))
      return Token(.comment(body), SourceRange(start: start, end: end))
    case "\"":
      return try string(from: start)
    default:
      position = start
      return try word(from: start)
    }
  }

  // MARK: - Words and numbers

  static func isWordStart(_ c: Unicode.Scalar) -> Bool {
    c.properties.isAlphabetic || c == "_" || c == "." || c == "/" || c == "~"
  }

  static func isWordContinuation(_ c: Unicode.Scalar) -> Bool {
    isWordStart(c) || ("0" ... "9").contains(c) || c == "-"
  }

  private mutating func word(from start: Int) throws(Diagnostic) -> Token {
    let first = scalars[start]
    let startsNumber = ("0" ... "9").contains(first)
      || ((first == "-" || first == ".") && peek(1).map { ("0" ... "9").contains($0) } == true)
    guard startsNumber || Self.isWordStart(first) else {
      var hint: String? = nil
      var shown = "'\(Character(first))'"
      if first == "'" { hint = "strings are written in double quotes" }
      if first == "-" { hint = "options are written key=value, without dashes" }
      if first.isHiddenOrControl || first == "\u{FFFD}" {
        // Named by code point: the character itself would not show, would reverse the line
        // (U+202E), or would drive the terminal.
        shown = first.codePoint
        if first == "\u{FFFD}" { hint = "this is not UTF-8 text; mlpsh reads scripts as UTF-8" }
        if first.properties.generalCategory == .format { hint = "an invisible character: delete it and retype the text around it" }
      }
      throw Diagnostic(.unexpectedCharacter, "unexpected character \(shown)",
                       at: SourceRange(start: start, end: start + 1), in: source, hint: hint)
    }
    position += 1
    while let c = peek(), Self.isWordContinuation(c) || (startsNumber && exponentSign(c)) {
      position += 1
    }
    let range = SourceRange(start: start, end: position)
    let text = source.text(in: range)
    guard startsNumber else { return Token(.word(text), range) }
    guard let (value, isInteger) = Self.number(text) else {
      if Self.number(text, allowingInfinity: true) != nil {
        throw Diagnostic(.malformedNumber, "number '\(text)' is too large", at: range, in: source,
                         hint: "numbers go up to about 1.8e308")
      }
      let looksLikePath = text.contains { $0.isLetter || $0 == "/" }
      throw Diagnostic(.malformedNumber, "malformed number '\(text)'", at: range, in: source,
                       hint: looksLikePath ? "put names that start with a digit in double quotes" : nil)
    }
    return Token(.number(value, isInteger: isInteger), range)
  }

  /// A `+` right after an `e` inside a number, as in `1e+3`.
  private func exponentSign(_ c: Unicode.Scalar) -> Bool {
    c == "+" && position > 0 && (scalars[position - 1] == "e" || scalars[position - 1] == "E")
  }

  /// The value of a decimal literal `-?digits[.digits][e[+-]digits]` (or `-?.digits…`);
  /// `nil` for anything else, hexadecimal, `inf` and `nan` included.
  static func number(_ text: String, allowingInfinity: Bool = false) -> (Double, Bool)? {
    var rest = Substring(text)
    if rest.hasPrefix("-") { rest = rest.dropFirst() }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    rest = rest.dropFirst(digits.count)
    var fraction = Substring("")
    var isInteger = true
    if rest.hasPrefix(".") {
      rest = rest.dropFirst()
      fraction = rest.prefix { $0.isASCII && $0.isNumber }
      rest = rest.dropFirst(fraction.count)
      isInteger = false
      guard !fraction.isEmpty else { return nil }
    }
    guard !digits.isEmpty || !fraction.isEmpty else { return nil }
    if rest.hasPrefix("e") || rest.hasPrefix("E") {
      rest = rest.dropFirst()
      if rest.hasPrefix("+") || rest.hasPrefix("-") { rest = rest.dropFirst() }
      let exponent = rest.prefix { $0.isASCII && $0.isNumber }
      guard !exponent.isEmpty else { return nil }
      rest = rest.dropFirst(exponent.count)
      isInteger = false
    }
    guard rest.isEmpty, let value = Double(text), value.isFinite || allowingInfinity else { return nil }
    return (value, isInteger)
  }

  // MARK: - Strings

  private mutating func string(from start: Int) throws(Diagnostic) -> Token {
    var text = String.UnicodeScalarView()
    while let c = peek(), c != "\n" {
      position += 1
      switch c {
      case "\"":
        return Token(.string(String(text)), SourceRange(start: start, end: position))
      case "\\":
        guard let escaped = peek(), escaped != "\n" else { continue }
        position += 1
        switch escaped {
        case "n": text.append("\n")
        case "t": text.append("\t")
        case "\\", "\"": text.append(escaped)
        default:
          throw Diagnostic(.unknownEscape, "unknown escape '\\\(Character(escaped))'",
                           at: SourceRange(start: position - 2, end: position), in: source,
                           hint: "should be \\n, \\t, \\\\ or \\\"")
        }
      default:
        text.append(c)
      }
    }
    throw Diagnostic(.unterminatedString, "unterminated string",
                     at: SourceRange(start: start, end: position), in: source,
                     hint: "add a closing '\"' before the end of the line")
  }
}

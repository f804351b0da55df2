// The `# expect:` mini-language:
//
//   expectation = "expect:" ( string | quantity relation )
//   quantity    = word { word }                        e.g. "test accuracy"
//   relation    = approx number [ plusminus number ]   e.g. "≈ 0.92 ± 0.03"
//               | compare number                       e.g. "≥ 97.5%"
//   approx      = "≈" | "~" | "~="        plusminus = "±" | "+-"
//   compare     = "=" | "==" | "<" | "<=" | "≤" | ">" | ">=" | "≥"
//   number      = decimal [ "%" ]                      (a "%" divides by 100)
//
// Without "± tolerance", an approximate check allows half a unit in the last digit
// written: "≈ 0.92" means "± 0.005", "≈ 3" means "± 0.5".

extension Parser {
  /// The expectation in the comment `comment`, whose body starts with `expect:`.
  func expectation(in comment: Token) throws(Diagnostic) -> Expectation {
    var scanner = ExpectationScanner(source: source, start: comment.range.start + 1,
                                     end: comment.range.end)
    scanner.skipSpaces()
    scanner.position += "expect:".unicodeScalars.count
    scanner.skipSpaces()
    let bodyStart = scanner.position
    guard let first = scanner.peek() else {
      throw error(.malformedExpectation, "empty expectation", at: .point(bodyStart),
                  hint: "such as '# expect: test accuracy ≈ 0.92 ± 0.03' or '# expect: \"text\"'")
    }
    if first == "\"" {
      let textStart = scanner.position
      let text = try scanner.quoted(parser: self)
      guard !text.isEmpty else {
        // Every output "contains" nothing: such a check could never fail.
        throw error(.malformedExpectation, "an expectation of empty text checks nothing",
                    at: SourceRange(start: textStart, end: scanner.position), hint: "quote text the command prints, such as \"saved m\"")
      }
      try scanner.requireEnd(parser: self)
      return Expectation(quantity: nil, check: .contains(text), range: comment.range)
    }

    // The quantity: words up to the relation.
    let quantityStart = scanner.position
    while let c = scanner.peek(), !ExpectationScanner.relationStarts.contains(c) {
      scanner.position += 1
    }
    let quantityRange = SourceRange(start: quantityStart, end: scanner.position)
    let words = source.text(in: quantityRange).split(whereSeparator: { $0 == " " || $0 == "\t" })
    let quantityText = words.joined(separator: " ")
    guard let head = quantityText.unicodeScalars.first, head.properties.isAlphabetic else {
      throw error(.malformedExpectation, "expected a quantity such as 'test accuracy'",
                  at: quantityRange.length > 0 ? quantityRange : .point(quantityStart))
    }
    let trimmedEnd = quantityStart + source.text(in: quantityRange)
      .unicodeScalars.reversed().drop { $0 == " " || $0 == "\t" }.count
    let quantity = Name(quantityText, SourceRange(start: quantityStart, end: trimmedEnd))
    guard scanner.peek() != nil else {
      throw error(.malformedExpectation, "expected '≈', '=', '<', '>', '≤' or '≥' after '\(quantityText)'",
                  at: .point(scanner.position), hint: "such as '\(quantityText) ≈ 0.92 ± 0.03'")
    }

    let relation = scanner.relation()
    scanner.skipSpaces()
    let (value, halfUnit) = try scanner.number(parser: self, after: relation.text)
    let check: Expectation.Check
    if relation.isApproximate {
      scanner.skipSpaces()
      if scanner.consume("±") || scanner.consume("+-") {
        scanner.skipSpaces()
        let toleranceStart = scanner.position
        let (tolerance, _) = try scanner.number(parser: self, after: "±")
        guard tolerance >= 0 else {
          throw error(.malformedExpectation, "a tolerance must be at least 0, not \(source.text(in: SourceRange(start: toleranceStart, end: scanner.position)))",
                      at: SourceRange(start: toleranceStart, end: scanner.position), hint: "± 0.03 allows 0.03 either side")
        }
        check = .approximately(value, tolerance: tolerance)
      } else {
        check = .approximately(value, tolerance: halfUnit)
      }
    } else {
      check = .compare(relation.comparison!, value)
    }
    try scanner.requireEnd(parser: self)
    return Expectation(quantity: quantity, check: check, range: comment.range)
  }
}

/// Reads the body of one `# expect:` comment, scalar by scalar, in source positions.
struct ExpectationScanner {
  static let relationStarts: Set<Unicode.Scalar> = ["≈", "~", "=", "<", ">", "≤", "≥"]

  let source: Source
  var position: Int
  let end: Int

  init(source: Source, start: Int, end: Int) {
    self.source = source
    self.position = start
    self.end = end
  }

  func peek(_ offset: Int = 0) -> Unicode.Scalar? {
    position + offset < end ? source.scalars[position + offset] : nil
  }

  mutating func skipSpaces() {
    while let c = peek(), c == " " || c == "\t" { position += 1 }
  }

  mutating func consume(_ text: String) -> Bool {
    let scalars = Array(text.unicodeScalars)
    for (offset, scalar) in scalars.enumerated() where peek(offset) != scalar { return false }
    position += scalars.count
    return true
  }

  /// The relation at the current position, which `relationStarts` says begins one.
  mutating func relation() -> (text: String, isApproximate: Bool, comparison: Expectation.Comparison?) {
    for (text, comparison) in [("~=", nil), ("≈", nil), ("~", nil), ("==", .equal), ("<=", .lessOrEqual),
                               (">=", .greaterOrEqual), ("≤", .lessOrEqual), ("≥", .greaterOrEqual),
                               ("=", .equal), ("<", .less), (">", .greater)]
      as [(String, Expectation.Comparison?)] where consume(text) {
      return (text, comparison == nil, comparison)
    }
    preconditionFailure("relation() called where no relation starts")
  }

  /// A decimal number with an optional `%`, and half a unit in its last written digit.
  mutating func number(parser: Parser, after what: String) throws(Diagnostic) -> (Double, Double) {
    let start = position
    while let c = peek(), c != " " && c != "\t" && c != "±" && c != "%" { position += 1 }
    let text = source.text(in: SourceRange(start: start, end: position))
    guard !text.isEmpty, let (value, _) = Lexer.number(text.hasPrefix("+") ? String(text.dropFirst()) : text) else {
      let range = position > start ? SourceRange(start: start, end: position) : .point(start)
      throw parser.error(.malformedExpectation,
                         text.isEmpty ? "expected a number after '\(what)'" : "malformed number '\(text)'",
                         at: range)
    }
    let percent = consume("%")
    let scale = percent ? 0.01 : 1
    return (value * scale, Self.halfUnit(of: text) * scale)
  }

  /// Half a unit in the last digit of a decimal literal: `0.92` gives 0.005, `1e-3` 0.0005.
  static func halfUnit(of literal: String) -> Double {
    let lower = literal.lowercased()
    let parts = lower.split(separator: "e", maxSplits: 1)
    let mantissa = parts.first ?? ""
    // Clamped: beyond ±400 the result is 0 or infinity anyway, and `1e-555555555555555555`
    // must not loop 10¹⁷ times (found by the fuzzer).
    let exponent = max(-400, min(400, parts.count > 1 ? Int(parts[1]) ?? 0 : 0))
    let decimals = min(400, mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
      .dropFirst().first?.count ?? 0)
    var result = 0.5
    let power = decimals - exponent
    if power > 0 {
      for _ in 0 ..< power { result /= 10 }
    } else {
      for _ in 0 ..< -power { result *= 10 }
    }
    return result
  }

  /// A double-quoted string with `\"` and `\\` escapes.
  mutating func quoted(parser: Parser) throws(Diagnostic) -> String {
    let start = position
    position += 1
    var text = String.UnicodeScalarView()
    while let c = peek() {
      position += 1
      if c == "\"" { return String(text) }
      if c == "\\", let next = peek(), next == "\"" || next == "\\" {
        position += 1
        text.append(next)
      } else {
        text.append(c)
      }
    }
    throw parser.error(.unterminatedString, "unterminated string",
                       at: SourceRange(start: start, end: position),
                       hint: "add a closing '\"' before the end of the line")
  }

  /// Only spaces may follow.
  mutating func requireEnd(parser: Parser) throws(Diagnostic) {
    skipSpaces()
    guard position < end else { return }
    let range = SourceRange(start: position, end: end)
    throw parser.error(.malformedExpectation,
                       "unexpected '\(source.text(in: range).trimmingSpaces())' after the expectation",
                       at: range)
  }
}

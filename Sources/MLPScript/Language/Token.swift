/// One lexical unit of the language, with where it came from.
public struct Token: Equatable, Sendable, CustomStringConvertible {
  /// What a token is.
  public enum Kind: Equatable, Sendable {
    /// A name or a bare path: `train`, `m16`, `relu`, `examples/01-perceptron.mlp`.
    case word(String)
    /// A number; `isInteger` when written without a point or exponent (`64`, `-3`).
    case number(Double, isInteger: Bool)
    /// A double-quoted string, escapes resolved.
    case string(String)
    case leftBracket
    case rightBracket
    case comma
    case equals
    case semicolon
    /// A `#` comment; the text after the `#`, to the end of the line.
    case comment(String)
    case newline
    case end
  }

  public var kind: Kind
  public var range: SourceRange

  public init(_ kind: Kind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// How a diagnostic names the token: "'train'", "'['", "end of line".
  public var description: String {
    switch kind {
    case let .word(text): return "'\(text)'"
    case let .number(value, isInteger): return "'\(Value.numberText(value, isInteger: isInteger))'"
    case let .string(text): return "\"\(text)\""
    case .leftBracket: return "'['"
    case .rightBracket: return "']'"
    case .comma: return "','"
    case .equals: return "'='"
    case .semicolon: return "';'"
    case .comment: return "a comment"
    case .newline: return "end of line"
    case .end: return "end of input"
    }
  }
}

/// A half-open range of positions in a `Source`, counted in Unicode scalars from its start.
///
/// Scalars, not bytes or grapheme clusters: `≈` and `±` in an expectation are one column
/// each, which is what a terminal shows.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
  /// The first position.
  public var start: Int
  /// One past the last position; equal to `start` for a point (end of line, end of file).
  public var end: Int

  public init(start: Int, end: Int) {
    precondition(start <= end, "range \(start)..<\(end) ends before it starts")
    self.start = start
    self.end = end
  }

  /// The zero-length range at `position`.
  public static func point(_ position: Int) -> SourceRange {
    SourceRange(start: position, end: position)
  }

  /// The number of scalars covered.
  public var length: Int { end - start }

  /// The smallest range covering both.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(start: min(start, other.start), end: max(end, other.end))
  }

  public var description: String { "\(start)..<\(end)" }
}

/// A line and column, both 1-based, as diagnostics print them.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public var description: String { "\(line):\(column)" }
}

/// The text of a script or of one REPL input, with its name and a table of where each line
/// starts, so that a position becomes `file:line:column` in O(log lines).
public struct Source: Sendable {
  /// The file name as the user gave it, or a label such as `<repl>` or `<command line>`.
  public let name: String
  /// The whole text.
  public let text: String
  /// The text as Unicode scalars: positions index this array.
  public let scalars: [Unicode.Scalar]
  /// `lineStarts[i]` is the position of the first scalar of line `i + 1`.
  public let lineStarts: [Int]

  /// A source named `name` holding `text`, read as editors write scripts: a leading
  /// byte-order mark (U+FEFF, which Windows editors put first) is left out, and a lone
  /// carriage return (old Mac line endings) ends a line as a newline does.
  public init(name: String, text: String) {
    self.name = name
    var text = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
    if text.unicodeScalars.contains("\r") { text = Self.endingLinesAtLoneCarriageReturns(text) }
    self.text = text
    scalars = Array(text.unicodeScalars)
    var starts = [0]
    for (index, scalar) in scalars.enumerated() where scalar == "\n" {
      starts.append(index + 1)
    }
    lineStarts = starts
  }

  /// `text` with each carriage return not followed by a newline made a newline.
  static func endingLinesAtLoneCarriageReturns(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    for (index, scalar) in scalars.enumerated() {
      let isLone = scalar == "\r" && (index + 1 == scalars.count || scalars[index + 1] != "\n")
      result.append(isLone ? "\n" : scalar)
    }
    return String(result)
  }

  /// The number of lines; a final newline does not open another line.
  public var lineCount: Int {
    if let last = lineStarts.last, last == scalars.count, lineStarts.count > 1 {
      return lineStarts.count - 1
    }
    return lineStarts.count
  }

  /// The line and column of `position`.
  public func location(of position: Int) -> SourceLocation {
    // The last line start at or before `position`.
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= position { low = middle } else { high = middle - 1 }
    }
    return SourceLocation(line: low + 1, column: position - lineStarts[low] + 1)
  }

  /// The positions of line `line` (1-based), without its newline.
  public func rangeOfLine(_ line: Int) -> SourceRange {
    precondition(line >= 1 && line <= lineStarts.count, "line \(line) outside 1...\(lineStarts.count)")
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] - 1 : scalars.count
    if end > start && scalars[end - 1] == "\r" { end -= 1 }
    return SourceRange(start: start, end: end)
  }

  /// The text of line `line` (1-based), without its newline.
  public func line(_ line: Int) -> String {
    text(in: rangeOfLine(line))
  }

  /// The text covered by `range`.
  public func text(in range: SourceRange) -> String {
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars[max(range.start, 0) ..< min(range.end, scalars.count)])
    return String(result)
  }
}

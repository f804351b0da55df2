import Foundation

/// The one place that draws a diagnostic, in the style of rustc and swift-syntax:
/// ```
/// error: unknown activation 'rleu'
///  --> lesson.mlp:3:22
/// 3 | mlp [784,128,64,10] rleu
///   |                     ^~~~ did you mean 'relu'? should be relu, sigmoid or tanh
/// ```
/// The caret sits under the first scalar of the range and `~` under the rest of it on that
/// line; a zero-length range (the end of a line) gets a lone `^`. A diagnostic without a
/// place is the first line alone, and its hint follows on a line `  = hint`. Notes follow
/// last, one `  = note` line each.
public struct DiagnosticRenderer: Sendable {
  /// Whether to colour the severity, the arrow and the caret with ANSI escapes.
  public var color: Bool

  public init(color: Bool) {
    self.color = color
  }

  /// The rendering, lines joined by newlines, without a final newline.
  public func render(_ diagnostic: Diagnostic) -> String {
    let severity = diagnostic.severity.rawValue
    var lines = [paint(severity + ":", severityStyle(diagnostic.severity)) + " "
      + paint(Self.shortened(Self.printable(diagnostic.message)), Style.bold)]
    let hint = diagnostic.hint.map { Self.shortened(Self.printable($0)) }
    let notes = diagnostic.notes.map { "  = " + Self.printable($0) }
    guard let source = diagnostic.source, let range = diagnostic.range else {
      if let hint { lines.append("  = " + hint) }
      return (lines + notes).joined(separator: "\n")
    }
    let location = source.location(of: range.start)
    let lineRange = source.rangeOfLine(location.line)
    let shown = Self.window(of: lineRange, around: range.start)
    let lead = shown.start > lineRange.start ? "…" : ""
    let tail = shown.end < lineRange.end ? "…" : ""
    let lineText = lead + Self.printable(source.text(in: shown)) + tail
    let number = String(location.line)
    let gutter = String(repeating: " ", count: number.count)
    lines.append(gutter + paint("-->", Style.blue) + " \(source.name):\(location)")
    lines.append(paint(number + " |", Style.blue) + (lineText.isEmpty ? "" : " " + lineText))

    // Counted in terminal columns, not scalars: a CJK character takes two. The caret stays
    // within the shown part of the line, even for a place just past it (a line's `\r`).
    let start = min(max(range.start, shown.start), shown.end)
    let underlined = Self.printable(source.text(in: SourceRange(start: start, end: max(start, min(range.end, shown.end)))))
    let visible = max(underlined.columns, 1)
    var marker = "^" + String(repeating: "~", count: visible - 1)
    marker = paint(marker, severityStyle(diagnostic.severity))
    let before = Self.printable(source.text(in: SourceRange(start: shown.start, end: start)))
    let indent = String(repeating: " ", count: before.columns + lead.count)
    var caretLine = paint(gutter + " |", Style.blue) + " " + indent + marker
    if let hint { caretLine += " " + paint(hint, severityStyle(diagnostic.severity)) }
    lines.append(caretLine)
    return (lines + notes).joined(separator: "\n")
  }

  // MARK: - Long lines and control characters

  /// Lines longer than this are shown in part: from `lead` scalars before the place to
  /// `longestLine` after that start, with "…" where text is left out.
  static let longestLine = 120
  static let lead = 40

  /// The part of a line to show for a diagnostic at `position`.
  static func window(of line: SourceRange, around position: Int) -> SourceRange {
    guard line.length > longestLine else { return line }
    let start = max(line.start, min(position - lead, line.end - longestLine))
    return SourceRange(start: start, end: min(line.end, start + longestLine))
  }

  /// A message or hint longer than `longestLine` scalars (one that quotes a megabyte of
  /// the user's text) keeps its start and its end, with "…" between.
  static func shortened(_ text: String) -> String {
    let scalars = Array(text.unicodeScalars)
    guard scalars.count > 2 * longestLine else { return text }
    var result = String.UnicodeScalarView(scalars[..<(2 * longestLine - lead)])
    result.append("…")
    result.append(contentsOf: scalars[(scalars.count - lead)...])
    return String(result)
  }

  /// `text` with tabs as spaces and every other control character (escape sequences, NUL,
  /// DEL) and hidden character (U+202E, which reverses the rest of a line on screen; a
  /// zero-width space) as U+FFFD, one scalar for one so that the caret stays aligned: a
  /// script cannot drive or disguise the terminal through its own error messages.
  public static func printable(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if scalar == "\t" {
        result.append(" ")
      } else if scalar.isHiddenOrControl {
        result.append("\u{FFFD}")
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  // MARK: - Colour

  enum Style {
    static let red = "\u{1B}[1;31m"
    static let yellow = "\u{1B}[1;33m"
    static let cyan = "\u{1B}[1;36m"
    static let blue = "\u{1B}[1;34m"
    static let bold = "\u{1B}[1m"
    static let reset = "\u{1B}[0m"
  }

  private func severityStyle(_ severity: Diagnostic.Severity) -> String {
    switch severity {
    case .error: return Style.red
    case .warning: return Style.yellow
    case .note: return Style.cyan
    }
  }

  private func paint(_ text: String, _ style: String) -> String {
    color ? style + text + Style.reset : text
  }
}

import Foundation

/// The one place that draws a diagnostic, in the style of rustc and swift-syntax:
/// ```
/// error: unknown activation 'rleu'
///  --> lesson.mlp:3:22
/// 3 | mlp [784,128,64,10] rleu
///   |                     ^~~~ should be relu, sigmoid or tanh
/// ```
/// The caret sits under the first scalar of the range and `~` under the rest of it on that
/// line; a zero-length range (the end of a line) gets a lone `^`. A diagnostic without a
/// place is the first line alone, and its hint follows on a line `  = hint`.
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
      + paint(diagnostic.message, Style.bold)]
    guard let source = diagnostic.source, let range = diagnostic.range else {
      if let hint = diagnostic.hint { lines.append("  = " + hint) }
      return lines.joined(separator: "\n")
    }
    let location = source.location(of: range.start)
    let lineText = source.line(location.line).replacingOccurrences(of: "\t", with: " ")
    let number = String(location.line)
    let gutter = String(repeating: " ", count: number.count)
    lines.append(gutter + paint("-->", Style.blue) + " \(source.name):\(location)")
    lines.append(paint(number + " |", Style.blue) + (lineText.isEmpty ? "" : " " + lineText))

    let lineRange = source.rangeOfLine(location.line)
    let visible = max(min(range.end, lineRange.end) - range.start, 1)
    var marker = "^" + String(repeating: "~", count: visible - 1)
    marker = paint(marker, severityStyle(diagnostic.severity))
    let indent = String(repeating: " ", count: location.column - 1)
    var caretLine = paint(gutter + " |", Style.blue) + " " + indent + marker
    if let hint = diagnostic.hint { caretLine += " " + paint(hint, severityStyle(diagnostic.severity)) }
    lines.append(caretLine)
    return lines.joined(separator: "\n")
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

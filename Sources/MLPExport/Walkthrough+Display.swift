import MLPScript

// What a walkthrough shows of a step: a rule naming it, its Markdown, its source, and the
// output it had when it last ran.

extension Walkthrough {
  /// Shows step `step` (or the end, past the last step): with `outputs`, a step that has
  /// run shows what it printed then; a step not yet run ends with what Enter does.
  func show(_ step: Int, outputs: Bool = true) {
    guard step < steps.count else {
      let failed = results.values.flatMap { $0.flatMap(\.failures) }.count
      let checked = results.values.flatMap { $0.flatMap(\.expectations) }.count
      var summary = "end of \(lesson.fileName)"
      if checked > 0 {
        summary += failed == 0 ? ": every expectation held" : ": \(failed) of \(checked) expectations did not hold"
      }
      say("")
      say(rule(summary))
      say("q leaves, b goes back; commands still run in the sandbox")
      return
    }
    let range = steps[step].cells
    let cells = range.count == 1 ? "cell \(range.lowerBound + 1)" : "cells \(range.lowerBound + 1)–\(range.upperBound)"
    say("")
    say(rule("step \(step + 1) of \(steps.count) · \(cells)"))
    for index in range {
      let cell = lesson.cells[index]
      // A blank line between two cells, as between paragraphs.
      if index > range.lowerBound { say("") }
      if cell.kind == .markdown {
        for line in cell.markdown { say(markdownLine(line)) }
        continue
      }
      if let title = cell.title { say(paint("▸ " + title, bold)) }
      for line in lesson.lines(of: cell) { say(paint("  │ ", dim) + line) }
    }
    if let results = results[step], outputs {
      let text = results.filter(\.ran).map(\.text).filter { !$0.isEmpty }.joined(separator: "\n")
      if !text.isEmpty {
        say(paint("  output when it ran:", dim))
        say(text)
      }
      say(paint(step + 1 == next ? "Enter shows the next step" : "Enter goes forward; r runs this step again", dim))
    } else if step == next {
      say(paint("Enter runs this step · b back · r again · q quits · ? keys", dim))
    }
  }

  /// A line of `width` with `text` in it: "── step 2 of 5 · cells 3–4 ──────".
  func rule(_ text: String) -> String {
    let width = min(style.width, 72)
    let head = "── " + text + " "
    return paint(head + String(repeating: "─", count: max(3, width - head.count)), bold)
  }

  /// A Markdown line as the terminal shows it: headings bold; in colour, `code` cyan without
  /// its backticks and **strong** text bold without its stars; without colour, as written.
  func markdownLine(_ line: String) -> String {
    if case let .heading(_, text)? = Markdown.heading(line) { return paint(text, bold) }
    guard style.color else { return line }
    return Self.spans(in: Self.spans(in: line, marker: "`", code: cyan), marker: "**", code: bold)
  }

  /// `line` with each `marker`…`marker` pair painted with `code` and the markers dropped; an
  /// unpaired marker stays as written.
  static func spans(in line: String, marker: String, code: String) -> String {
    let parts = line.components(separatedBy: marker)
    guard parts.count >= 3 else { return line }
    var result = parts[0]
    var index = 1
    while index + 1 < parts.count {
      result += code + parts[index] + "\u{1B}[0m" + parts[index + 1]
      index += 2
    }
    if index < parts.count { result += marker + parts[index] }
    return result
  }

  private var bold: String { "\u{1B}[1m" }
  private var dim: String { "\u{1B}[2m" }
  private var cyan: String { "\u{1B}[36m" }

  private func paint(_ text: String, _ code: String) -> String {
    style.color ? code + text + "\u{1B}[0m" : text
  }
}

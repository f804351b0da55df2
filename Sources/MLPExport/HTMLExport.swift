import Foundation
import MLPPlot
import MLPScript

/// A lesson run as one self-contained XHTML page: each cell's Markdown rendered, its
/// source, its text output and its figures as inline SVG, in order.
///
/// Nothing outside the file is referenced — no scripts, no fonts, no images to fetch — so
/// the page opens offline, on a phone (the layout narrows and code scrolls sideways) and on
/// paper (print styles keep figures whole). It is well-formed XML (polyglot HTML5), so XML
/// tools can read it, and each figure's SVG ids carry the figure's own prefix.
public struct HTMLExport: Sendable {
  public var run: LessonRun
  /// Who made the page, for its `generator` meta tag and footer: "mlpsh 0.1.0".
  public var generator: String

  public init(run: LessonRun, generator: String = Release.name) {
    self.run = run
    self.generator = generator
  }

  /// The id prefix of figure `figure` (from 0) of cell `cell`: "c3f1-" for the second of
  /// the fourth cell.
  public static func idPrefix(cell: Int, figure: Int) -> String {
    "c\(cell)f\(figure)-"
  }

  /// The page.
  public func document() -> String {
    let lesson = run.lesson
    var html = """
      <!DOCTYPE html>
      <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
      <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <meta name="generator" content="\(xmlEscaped(generator))"/>
      <title>\(xmlEscaped(lesson.title))</title>
      <style>
      \(HTMLExport.styleSheet)</style>
      </head>
      <body>
      <header class="lesson-header"><p><span class="file">\(xmlEscaped(lesson.fileName))</span> · \(xmlEscaped(summary))</p></header>
      <main>

      """
    for (cell, result) in zip(lesson.cells, run.cells) {
      html += section(cell, result) + "\n"
    }
    html += """
      </main>
      <footer class="lesson-footer"><p>Made by \(xmlEscaped(generator)) from \(xmlEscaped((lesson.source.name as NSString).lastPathComponent)).</p></footer>
      </body>
      </html>

      """
    return html
  }

  /// "7 cells, 3 figures; all 5 expectations hold".
  var summary: String {
    let figures = run.cells.reduce(0) { $0 + $1.figures.count }
    var text = "\(plural(run.cells.count, "cell")), \(plural(figures, "figure"))"
    let checked = run.expectations.count, failed = run.failures.count
    if failed > 0 {
      text += "; \(failed) of \(plural(checked, "expectation")) \(failed == 1 ? "does" : "do") not hold"
    } else if checked > 0 {
      text += checked == 1 ? "; 1 expectation holds" : "; all \(checked) expectations hold"
    }
    if run.error != nil { text += "; stopped by an error" }
    return text
  }

  // MARK: - Cells

  func section(_ cell: Cell, _ result: CellResult) -> String {
    let id = "cell-\(result.index + 1)"
    guard cell.kind == .code else {
      return "<section class=\"cell markdown\" id=\"\(id)\">\n\(Markdown(lines: cell.markdown).html())\n</section>"
    }
    var parts = ["<section class=\"cell code\" id=\"\(id)\">"]
    if let title = cell.title {
      parts.append("<p class=\"cell-title\">\(xmlEscaped(title))</p>")
    }
    let source = run.lesson.lines(of: cell)
    if !source.isEmpty {
      parts.append("<pre class=\"source\" aria-label=\"source of \(id)\"><code>"
        + source.map(Self.highlighted).joined(separator: "\n") + "</code></pre>")
    }
    if case .notRun = result.status {
      parts.append("<p class=\"not-run\">Not run: the lesson stopped before this cell.</p>")
    }
    var figureIndex = 0
    var outputs: [String] = []
    for output in result.outputs {
      switch output {
      case let .text(lines):
        outputs.append("<pre class=\"output\">" + xmlEscaped(lines.joined(separator: "\n")) + "</pre>")
      case let .figure(figure, _):
        outputs.append(self.figure(figure, prefix: Self.idPrefix(cell: result.index, figure: figureIndex)))
        figureIndex += 1
      case let .diagnostic(diagnostic, rendered):
        let kind = diagnostic.severity == .error ? "error" : "note"
        outputs.append("<pre class=\"output \(kind)\" role=\"alert\">" + xmlEscaped(rendered) + "</pre>")
      }
    }
    if !outputs.isEmpty {
      parts.append("<div class=\"outputs\">\n" + outputs.joined(separator: "\n") + "\n</div>")
    }
    if !result.expectations.isEmpty {
      let items = result.expectations.map { outcome in
        let mark = outcome.holds ? "✓" : "✗"
        var observed = ""
        switch outcome.observed {
        case let .value(value):
          // An exact check that holds already says its value.
          if !outcome.holds {
            observed = "got " + format(value)
          } else if !outcome.expectation.isExact {
            observed = format(value)
          }
        case .lines:
          if !outcome.holds { observed = "no line contains it" }
        case .missing:
          observed = outcome.observedDescription.joined(separator: " ")
        }
        let note = observed.isEmpty ? "" : " <span class=\"got\">(\(xmlEscaped(observed)))</span>"
        return "<li class=\"\(outcome.holds ? "pass" : "fail")\"><span class=\"mark\">\(mark)</span> "
          + xmlEscaped(outcome.expectation.display) + note + "</li>"
      }
      parts.append("<ul class=\"checks\" aria-label=\"expectations\">\n" + items.joined(separator: "\n") + "\n</ul>")
    }
    parts.append("</section>")
    return parts.joined(separator: "\n")
  }

  /// A figure: its SVG inline, without the XML declaration, and its summary as caption.
  func figure(_ figure: Figure, prefix: String) -> String {
    var svg = figure.svg(idPrefix: prefix)
    if svg.hasPrefix("<?xml"), let end = svg.firstIndex(of: "\n") { svg = String(svg[svg.index(after: end)...]) }
    while svg.hasSuffix("\n") { svg.removeLast() }
    return "<figure class=\"plot\" id=\"\(prefix)figure\">\n\(svg)\n<figcaption>\(xmlEscaped(figure.summary))</figcaption>\n</figure>"
  }

  /// One source line, escaped, its comment (from a `#` outside quotes) in a span; an
  /// `# expect:` comment gets a class of its own.
  static func highlighted(_ line: String) -> String {
    var inString = false
    var previous: Character = " "
    for index in line.indices {
      let character = line[index]
      if character == "\"" && previous != "\\" { inString.toggle() }
      if character == "#" && !inString {
        let code = String(line[..<index]), comment = String(line[index...])
        let kind = comment.dropFirst().drop { $0 == " " }.hasPrefix("expect:") ? "expect" : "comment"
        return xmlEscaped(code) + "<span class=\"\(kind)\">" + xmlEscaped(comment) + "</span>"
      }
      previous = character
    }
    return xmlEscaped(line)
  }

}

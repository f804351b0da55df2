import Foundation
import MLPPlot
import MLPScript

/// A lesson run as a Jupyter notebook (nbformat 4.5), with its outputs, so it opens with
/// results in Jupyter, VS Code, Colab or a code host's notebook viewer.
///
/// Markdown cells stay markdown. A code cell's text output is a `stream` on stdout, a
/// diagnostic a `stream` on stderr, and a figure a `display_data` holding the SVG
/// (`image/svg+xml`) and its text drawing (`text/plain`). Cells have stable ids (`cell-3`),
/// and the notebook names the `mlpsh` kernel and its `language_info` as the kernel itself
/// reports them (`mlpsh kernel install`, docs/jupyter.md), so it re-runs in Jupyter.
public struct NotebookExport: Sendable {
  public var run: LessonRun
  public var generator: String

  public init(run: LessonRun, generator: String = "mlpsh") {
    self.run = run
    self.generator = generator
  }

  /// The notebook as a JSON object (dictionaries, arrays, strings, numbers, `NSNull`).
  public func notebook() -> [String: Any] {
    var executionCount = 0
    var cells: [[String: Any]] = []
    for (cell, result) in zip(run.lesson.cells, run.cells) {
      let id = "cell-\(result.index + 1)"
      guard cell.kind == .code else {
        cells.append(["cell_type": "markdown", "id": id, "metadata": [String: Any](),
                      "source": Self.multiline(cell.markdown)])
        continue
      }
      var metadata: [String: Any] = [:]
      if let title = cell.title { metadata["title"] = title }
      var count: Any = NSNull()
      if result.ran {
        executionCount += 1
        count = executionCount
      }
      cells.append(["cell_type": "code", "id": id, "metadata": metadata, "execution_count": count,
                    "source": Self.multiline(run.lesson.lines(of: cell)), "outputs": outputs(of: result)])
    }
    return [
      "nbformat": 4,
      "nbformat_minor": 5,
      "metadata": [
        "kernelspec": ["name": Release.name, "display_name": Release.name, "language": Release.name],
        "language_info": ["name": Release.name, "version": Release.version, "file_extension": Release.fileExtension,
                          "mimetype": Release.mimeType, "codemirror_mode": Release.codeMirrorMode,
                          "pygments_lexer": Release.pygmentsLexer],
        "mlpsh": ["generator": generator, "source": (run.lesson.source.name as NSString).lastPathComponent],
      ],
      "cells": cells,
    ]
  }

  /// The notebook as JSON text, keys sorted and indented by one space as Jupyter writes it.
  public func json() -> String {
    let data = (try? JSONSerialization.data(withJSONObject: notebook(),
                                            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])) ?? Data()
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  func outputs(of result: CellResult) -> [[String: Any]] {
    var outputs: [[String: Any]] = []
    var figureIndex = 0
    for output in result.outputs {
      switch output {
      case let .text(lines):
        outputs.append(["output_type": "stream", "name": "stdout", "text": Self.multiline(lines, final: true)])
      case let .figure(figure, drawing):
        let svg = figure.svg(idPrefix: HTMLExport.idPrefix(cell: result.index, figure: figureIndex))
        figureIndex += 1
        outputs.append([
          "output_type": "display_data",
          "metadata": [String: Any](),
          "data": [
            "image/svg+xml": Self.multiline(svg.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)),
            "text/plain": Self.multiline(drawing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)),
          ],
        ])
      case let .diagnostic(_, rendered):
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        outputs.append(["output_type": "stream", "name": "stderr", "text": Self.multiline(lines, final: true)])
      }
    }
    return outputs
  }

  /// Lines as nbformat stores multi-line text: each with its newline but the last (or every
  /// one, with `final`, as a stream's text ends with one).
  static func multiline(_ lines: [String], final: Bool = false) -> [String] {
    var lines = lines
    while lines.last == "" { lines.removeLast() }
    return lines.enumerated().map { index, line in
      index < lines.count - 1 || final ? line + "\n" : line
    }
  }
}

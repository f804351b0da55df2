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
/// reports them (`mlpsh kernel install`, docs/jupyter.md), so it re-runs in Jupyter. The
/// format's types are `Notebook` (Notebook.swift, Notebook+Cells.swift).
public struct NotebookExport: Sendable {
  public var run: LessonRun
  public var generator: String

  public init(run: LessonRun, generator: String = Release.name) {
    self.run = run
    self.generator = generator
  }

  /// The notebook: the lesson's cells with their outputs, numbered in the order they ran.
  func notebook() -> Notebook {
    var executionCount = 0
    var cells: [Notebook.Cell] = []
    for (cell, result) in zip(run.lesson.cells, run.cells) {
      let id = "cell-\(result.index + 1)"
      guard cell.kind == .code else {
        cells.append(.markdown(id: id, source: Self.multiline(cell.markdown)))
        continue
      }
      var count: Int?
      if result.ran {
        executionCount += 1
        count = executionCount
      }
      cells.append(.code(id: id, metadata: Notebook.CodeMetadata(title: cell.title), executionCount: count,
                         source: Self.multiline(run.lesson.lines(of: cell)), outputs: outputs(of: result)))
    }
    let metadata = Notebook.Metadata(
      kernelspec: Notebook.KernelSpec(name: Release.name, displayName: Release.name, language: Release.name),
      languageInfo: Notebook.LanguageInfo(
        name: Release.name, version: Release.version, fileExtension: Release.fileExtension,
        mimetype: Release.mimeType, codemirrorMode: Release.codeMirrorMode, pygmentsLexer: Release.pygmentsLexer),
      mlpsh: Notebook.Provenance(generator: generator, source: (run.lesson.source.name as NSString).lastPathComponent))
    return Notebook(metadata: metadata, cells: cells)
  }

  /// The notebook as JSON text, keys sorted (so an export is the same bytes every time) and
  /// indented.
  ///
  /// - Throws: `EncodingError` when the notebook cannot be encoded; the exporter reports it
  ///   naming the file rather than writing an empty one.
  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(notebook()), as: UTF8.self) + "\n"
  }

  func outputs(of result: CellResult) -> [Notebook.Output] {
    var outputs: [Notebook.Output] = []
    var figureIndex = 0
    for output in result.outputs {
      switch output {
      case let .text(lines):
        outputs.append(.stream(name: "stdout", text: Self.multiline(lines, final: true)))
      case let .figure(figure, drawing):
        let svg = figure.svg(idPrefix: HTMLExport.idPrefix(cell: result.index, figure: figureIndex))
        figureIndex += 1
        outputs.append(.displayData(data: [
          "image/svg+xml": Self.multiline(svg.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)),
          "text/plain": Self.multiline(drawing.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)),
        ]))
      case let .diagnostic(_, rendered):
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        outputs.append(.stream(name: "stderr", text: Self.multiline(lines, final: true)))
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

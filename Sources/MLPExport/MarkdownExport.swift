import Foundation
import MLPPlot
import MLPScript

/// A lesson run as Markdown, with its figures as SVG files in a folder beside it
/// (`report.md` and `report_files/`, as nbconvert names them), linked by relative paths.
///
/// Markdown cells are copied as written; a code cell becomes a fenced `mlpsh` block, its
/// text output and diagnostics fenced `text` blocks, and each figure an image whose alt text
/// is its title and whose title is its one-line summary.
public struct MarkdownExport: Sendable {
  public var run: LessonRun
  /// The folder figures go in, as the Markdown links to it: "report_files".
  public var figureFolder: String
  public var generator: String

  public init(run: LessonRun, figureFolder: String, generator: String = Release.name) {
    self.run = run
    self.figureFolder = figureFolder
    self.generator = generator
  }

  /// The file name of figure `figure` (from 0) of cell `cell` (from 0): "cell-4-figure-1.svg".
  public static func figureName(cell: Int, figure: Int) -> String {
    "cell-\(cell + 1)-figure-\(figure + 1).svg"
  }

  /// The Markdown text and the figures to write beside it (file name, SVG document).
  public func document() -> (markdown: String, figures: [(name: String, svg: String)]) {
    var blocks = ["<!-- Made by \(generator) from \(run.lesson.source.name); figures in \(figureFolder)/ -->"]
    var figures: [(String, String)] = []
    for (cell, result) in zip(run.lesson.cells, run.cells) {
      guard cell.kind == .code else {
        if !cell.markdown.isEmpty { blocks.append(cell.markdown.joined(separator: "\n")) }
        continue
      }
      if let title = cell.title { blocks.append("**\(title)**") }
      let source = run.lesson.lines(of: cell)
      if !source.isEmpty { blocks.append(Self.fenced(source, info: "mlpsh")) }
      if case .notRun = result.status { blocks.append("*Not run: the lesson stopped before this cell.*") }
      var figureIndex = 0
      for output in result.outputs {
        switch output {
        case let .text(lines):
          blocks.append(Self.fenced(lines, info: "text"))
        case let .figure(figure, _):
          let name = Self.figureName(cell: result.index, figure: figureIndex)
          figureIndex += 1
          figures.append((name, figure.svg()))
          blocks.append("![\(Self.escapeText(figure.title))](\(figureFolder)/\(name) \"\(Self.escapeTitle(figure.summary))\")")
        case let .diagnostic(_, rendered):
          blocks.append(Self.fenced(rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), info: "text"))
        }
      }
    }
    return (blocks.joined(separator: "\n\n") + "\n", figures)
  }

  /// `lines` in a fence longer than any run of backticks inside them.
  static func fenced(_ lines: [String], info: String) -> String {
    let longest = lines.map { line in
      line.split(omittingEmptySubsequences: true) { $0 != "`" }.map(\.count).max() ?? 0
    }.max() ?? 0
    let fence = String(repeating: "`", count: max(3, longest + 1))
    return ([fence + info] + lines + [fence]).joined(separator: "\n")
  }

  /// Alt text with the characters that would end it escaped.
  static func escapeText(_ text: String) -> String {
    var result = ""
    for character in text {
      if "[]\\".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }

  static func escapeTitle(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
  }
}

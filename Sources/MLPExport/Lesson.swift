import Foundation
import MLPScript

/// A script read as a lesson: its cells, and for each the text a reader sees — the Markdown
/// of a markdown cell, the source lines of a code cell (without its `# %%` marker).
///
/// Exports, `--check` and `--step` all start here; a syntax error anywhere in the file is
/// reported before anything runs, as when the script runs on its own.
public struct Lesson: Sendable {
  /// The parsed script.
  public let script: Script

  /// Parses `source`.
  ///
  /// - Throws: the first syntax error, as a `Diagnostic` naming the file, line and column.
  public init(source: Source) throws(Diagnostic) {
    script = try Parser.parse(source)
  }

  /// Reads and parses the script at `path` (`~` expanded).
  ///
  /// - Throws: `file-error` when it cannot be read, else the first syntax error.
  public init(path: String) throws(Diagnostic) {
    // Read as scripts are (bounded, a BOM left out, bytes that are not UTF-8 shown as U+FFFD).
    try self.init(source: Interpreter.readScript(path))
  }

  public var source: Source { script.source }
  public var cells: [Cell] { script.cells }

  /// The file name without its folders, for titles: "01-perceptron.mlp".
  public var fileName: String { (source.name as NSString).lastPathComponent }

  /// The title of the lesson: the first Markdown heading of its markdown cells, without
  /// its `*` and `` ` `` marks, else the file name.
  public var title: String {
    for cell in cells where cell.kind == .markdown {
      for line in cell.markdown {
        guard case let .heading(_, text)? = Markdown.heading(line) else { continue }
        let plain = text.filter { $0 != "*" && $0 != "`" }
        if !plain.isEmpty { return plain }
      }
    }
    return fileName
  }

  /// The lines of `cell` as written, without its `# %%` marker line and without blank lines
  /// at either end; for a markdown cell, its Markdown.
  public func lines(of cell: Cell) -> [String] {
    if cell.kind == .markdown { return cell.markdown }
    let first = source.location(of: cell.range.start).line + (cell.isMarked ? 1 : 0)
    let last = source.location(of: max(cell.range.start, cell.range.end - 1)).line
    guard first <= last else { return [] }
    var lines = (first ... last).map { source.line($0) }
    while let line = lines.first, line.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
    while let line = lines.last, line.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
    return lines
  }

  /// The line on which `cell` starts (its marker, or its first line), from 1.
  public func firstLine(of cell: Cell) -> Int {
    source.location(of: cell.range.start).line
  }

  /// How messages name cell `index`: `cell 3 "Train the network"`, or `cell 3`.
  public func label(ofCell index: Int) -> String {
    let number = "cell \(index + 1)"
    guard let title = cells[index].title else { return number }
    return "\(number) \"\(title)\""
  }
}

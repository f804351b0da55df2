import Foundation
import MLPPlot

/// Where a figure goes: drawn in the output (braille and colour on a terminal, plain ASCII
/// otherwise), or written as SVG with `to=FILE.svg`; and, when `set plots="folder"` is on,
/// also saved into that folder as `NN-title.svg`, numbered in the order drawn.
extension Invocation {
  /// The terminal style a figure is drawn in for `style`.
  ///
  /// On a terminal the figure takes the full width and the terminal's height less two lines
  /// (the prompt and the command), between 12 and 30 lines. Anywhere else (a pipe, a log,
  /// `TERM=dumb`) it is plain ASCII, 80 × 24 at most, the same on every machine.
  public static func figureStyle(for style: OutputStyle) -> TerminalStyle {
    guard style.isTerminal else {
      return TerminalStyle.ascii(width: min(style.width, 80), height: 24)
    }
    let height = min(max(style.height - 2, 12), 30)
    return TerminalStyle(width: style.width, height: height, color: style.color, unicode: true)
  }

  /// Shows `figure`: in the output, or in the `to=` file when the command has one; then
  /// saves it into the plots folder if one is set.
  public mutating func present(_ figure: Figure) throws(Diagnostic) {
    if let target = option("to") {
      let path = try convert.text(target, key: "to")
      guard path.hasSuffix(".svg") else {
        throw error(.badValue, "plots are written as SVG: '\(path)' should end in .svg", at: target)
      }
      try write(figure, to: path, at: target.range)
      print("wrote \(path): \(figure.summary)")
    } else {
      show(figure, drawing: figure.terminal(Self.figureStyle(for: style)))
    }
    guard let folder = session.settings.plotFolder else { return }
    let number = session.counters["figure", default: 0] + 1
    session.counters["figure"] = number
    let expanded = Paths.expandingTilde(folder)
    do {
      try FileManager.default.createDirectory(atPath: expanded, withIntermediateDirectories: true)
    } catch {
      throw self.error(.fileError, "cannot make the plots folder '\(folder)': \(error.localizedDescription)",
                       hint: "change it with set plots=\"…\", or turn it off with set plots=none")
    }
    let name = String(format: "%02d-", number) + Self.slug(figure.title) + ".svg"
    let path = (folder as NSString).appendingPathComponent(name)
    try write(figure, to: path, at: nil)
    print("saved \(path)")
  }

  private func write(_ figure: Figure, to path: String, at range: SourceRange?) throws(Diagnostic) {
    // Through AtomicFile, as `save` writes: never over a FIFO, a device or a read-only file.
    do throws(AtomicFile.WriteError) {
      try AtomicFile.write(Data(figure.svg().utf8), to: Paths.expandingTilde(path))
    } catch {
      throw self.error(.fileError, "cannot write '\(path)': \(error)", at: range)
    }
  }

  /// A file name from a title: lower-case letters and digits, other runs of characters as
  /// one `-`, at most 48 characters: "m16: training loss" → "m16-training-loss".
  static func slug(_ title: String) -> String {
    var slug = ""
    for character in title.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        slug.append(character)
      } else if !slug.isEmpty && slug.last != "-" {
        slug.append("-")
      }
    }
    while slug.last == "-" { slug.removeLast() }
    let short = String(slug.prefix(48))
    return short.isEmpty ? "figure" : (short.last == "-" ? String(short.dropLast()) : short)
  }
}

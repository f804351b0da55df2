/// How a terminal chart tells its curves apart without colour: dash patterns, a glyph at each
/// curve's end (shown again in the legend), and faint raw data under its bold smoothed mean.
extension LineChart {
  /// How strongly a curve is drawn, and which curve keeps a pixel or a braille cell that two
  /// of them share: the stronger one, or between equals the earlier one (the first run of a
  /// sweep, the loss before the accuracy), so the colour of a shared cell never depends on
  /// which curve happened to be drawn last.
  enum Stroke: Int, Comparable {
    /// Raw data under its own smoothed mean: SGR 2 (faint) in colour; without colour a
    /// stipple of every other dot, and its dots give way in cells the mean passes through.
    case faint
    case normal
    /// A smoothed mean over its raw data: SGR 1 (bold) in colour, and two dots thick.
    case bold

    static func < (a: Stroke, b: Stroke) -> Bool { a.rawValue < b.rawValue }
  }

  /// The glyphs that end the curves of a chart with several, by palette slot; the legend
  /// shows each after its line sample. The decision boundary's class glyphs, one column wide.
  static let endGlyphs: [Character] = ["●", "▲", "◆", "■", "▼", "★"]

  /// The stroke of series `index`.
  func stroke(of index: Int) -> Stroke {
    if isUnderItsMean(index) { return .faint }
    return rawIndex(of: index) == nil ? .normal : .bold
  }

  /// The raw series that series `index`, a smoothed mean, is drawn over ("loss" for
  /// "loss (mean of 50)"), if it is one.
  func rawIndex(of index: Int) -> Int? {
    let mean = series[index]
    guard mean.isSmoothed else { return nil }
    return series.firstIndex { !$0.isSmoothed && mean.name.hasPrefix($0.name + " (mean of ") }
  }

  /// The dash pattern of series `index` in braille: a mean takes its raw series' pattern, so
  /// the bold loss mean is solid as the loss is; a faint curve is never dashed.
  func dash(of index: Int) -> (on: Int, off: Int)? {
    guard stroke(of: index) != .faint else { return nil }
    return LineChart.dashes[(rawIndex(of: index) ?? index) % LineChart.dashes.count]
  }

  /// The glyph that ends series `index`, when the chart has a legend and the series is not
  /// faint.
  func endGlyph(of index: Int) -> Character? {
    guard series.count > 1, stroke(of: index) != .faint else { return nil }
    return LineChart.endGlyphs[colorIndex(of: index) % LineChart.endGlyphs.count]
  }

  /// The terminal style of series `index`'s cells: its colour, faint or bold by its stroke.
  func cellStyle(of index: Int, _ style: TerminalStyle) -> TextStyle {
    guard style.color else { return .plain }
    let stroke = stroke(of: index)
    return TextStyle(foreground: Palette.series(colorIndex(of: index)).ansi,
                     bold: stroke == .bold, faint: stroke == .faint)
  }

  /// The legend's sample of series `index`: five cells of its line (its dash pattern, or
  /// `┈` for a faint curve) ending in its end glyph; in ASCII three of its marks (`.` when
  /// faint).
  func legendSample(of index: Int, _ style: TerminalStyle) -> [TextCell] {
    let cellStyle = cellStyle(of: index, style)
    let faint = stroke(of: index) == .faint
    guard style.unicode else {
      let mark = faint ? "." : LineChart.asciiMarks[colorIndex(of: index) % LineChart.asciiMarks.count]
      return Array(repeating: TextCell(mark, cellStyle), count: 3)
    }
    guard !faint else { return Array(repeating: TextCell("┈", cellStyle), count: 5) }
    var sample = (0 ..< 4).map { cell -> Character in
      guard let dash = dash(of: index) else { return "━" }
      return cell % (dash.on + dash.off) < dash.on ? "━" : " "
    }
    sample.append(endGlyph(of: index) ?? "━")
    return sample.map { TextCell($0, $0 == " " ? .plain : cellStyle) }
  }
}

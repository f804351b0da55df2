extension WeightImages {
  /// Weights without colour, by size from the smallest drawn: blocks for positive and dots
  /// for negative weights in Unicode; `.+*#` and `,-=@` in ASCII. A weight within an eighth
  /// of the limit of 0 is blank.
  static let positiveShades: [Character] = ["░", "▒", "▓", "█"]
  static let negativeShades: [Character] = ["·", "∙", "•", "●"]
  static let positiveASCII: [Character] = [".", "+", "*", "#"]
  static let negativeASCII: [Character] = [",", "-", "=", "@"]
  /// Columns between two images.
  static let gap = 2

  /// The units drawn for a terminal, as many to a row as fit, each captioned, then a legend
  /// of the scale and the summary on the last line.
  ///
  /// An image of at most 16 pixels across (8 × 8 digits) is drawn two columns and one line
  /// per pixel, which looks square. A wider one (28 × 28 MNIST) takes one column per pixel:
  /// in colour a cell shows two pixels, one above the other (`▀`, foreground over
  /// background); without colour it shows the mean of the two as a shade.
  public func terminal(_ style: TerminalStyle) -> String {
    var grid = TextGrid()
    let cellWidth = magnified ? 2 * width : width
    let perRow = max(1, (style.width + WeightImages.gap) / (cellWidth + WeightImages.gap))
    let usedWidth = min(max(units.count, 1), perRow) * (cellWidth + WeightImages.gap) - WeightImages.gap
    if !title.isEmpty {
      let text = truncated(style.unicode ? title : asciiOnly(title), to: max(usedWidth, style.width), unicode: style.unicode)
      grid.appendLine(text, column: centredColumn(of: text, over: max(usedWidth, text.count)), style: TextStyle(bold: true))
    }
    var start = 0
    while start < units.count {
      if start > 0 { grid.appendLine() }
      let top = grid.lineCount
      let group = units[start ..< min(units.count, start + perRow)]
      for (slot, unit) in group.enumerated() {
        let column = slot * (cellWidth + WeightImages.gap)
        for (offset, line) in cells(of: unit, style: style).enumerated() {
          grid.put(line, row: top + offset, column: column)
        }
        grid.put(unit.caption, row: top + lineCount, column: centredColumn(of: unit.caption, over: cellWidth, from: column))
      }
      start += perRow
    }
    grid.appendLine()
    grid.appendLine(legend(style))
    grid.appendLine(style.unicode ? summary : asciiOnly(summary))
    return grid.rendered(color: style.color)
  }

  /// Whether each pixel takes two columns and a line of its own.
  private var magnified: Bool { width <= 16 }

  /// The lines one image takes.
  private var lineCount: Int { magnified ? height : (height + 1) / 2 }

  /// The weight at (`x`, `y`) on the scale; 0 outside the image.
  private func position(of unit: Unit, x: Int, y: Int) -> Double {
    guard x < width, y < height else { return 0 }
    return position(unit.weights[y * width + x])
  }

  /// One image's cells, line by line.
  private func cells(of unit: Unit, style: TerminalStyle) -> [[TextCell]] {
    (0 ..< lineCount).map { line in
      if magnified {
        return (0 ..< width).flatMap { x in
          let cell = self.cell(position(of: unit, x: x, y: line), style: style)
          return [cell, cell]
        }
      }
      return (0 ..< width).map { x in
        let top = position(of: unit, x: x, y: 2 * line)
        let bottom = position(of: unit, x: x, y: 2 * line + 1)
        guard style.color && style.unicode else { return cell((top + bottom) / 2, style: style) }
        let (upper, lower) = (Palette.weightANSI(top), Palette.weightANSI(bottom))
        return upper == lower
          ? TextCell(" ", TextStyle(background: lower))
          : TextCell("▀", TextStyle(foreground: upper, background: lower))
      }
    }
  }

  /// A cell showing one scale position `t`: a coloured background, or a shade.
  private func cell(_ t: Double, style: TerminalStyle) -> TextCell {
    if style.color { return TextCell(" ", TextStyle(background: Palette.weightANSI(t))) }
    let level = Int((abs(t) * 4).rounded())
    guard level > 0 else { return TextCell(" ") }
    let ramp = style.unicode
      ? (t < 0 ? WeightImages.negativeShades : WeightImages.positiveShades)
      : (t < 0 ? WeightImages.negativeASCII : WeightImages.positiveASCII)
    return TextCell(ramp[level - 1])
  }

  /// The scale from the most negative weight drawn to the most positive:
  /// `−0.52 ●•∙· 0 ░▒▓█ +0.52`, or in colour the ramps as coloured cells.
  private func legend(_ style: TerminalStyle) -> [TextCell] {
    let (negative, positive) = limitLabels
    let text = { (string: String) in (style.unicode ? string : asciiOnly(string)).map { TextCell($0) } }
    var cells = text("scale " + negative + " ")
    if style.color {
      let steps = Palette.weightNegativeANSI.count - 1
      cells += (1 ... steps).reversed().map { TextCell(" ", TextStyle(background: Palette.weightNegativeANSI[$0])) }
      cells.append(TextCell("0", TextStyle(foreground: PlotColor.black.ansi, background: Palette.weightZero.ansi)))
      cells += (1 ... steps).map { TextCell(" ", TextStyle(background: Palette.weightPositiveANSI[$0])) }
      return cells + text(" " + positive + "  (blue negative, white 0, red positive)")
    }
    let (minus, plus) = style.unicode
      ? (WeightImages.negativeShades, WeightImages.positiveShades)
      : (WeightImages.negativeASCII, WeightImages.positiveASCII)
    cells += minus.reversed().map { TextCell($0) } + text(" 0 ") + plus.map { TextCell($0) }
    return cells + text(" " + positive + "  (blank near 0)")
  }
}

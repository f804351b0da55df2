extension DigitGallery {
  /// Grey levels without colour, darkest first: Unicode shades and the classic ASCII ramp.
  static let shades: [Character] = [" ", "░", "▒", "▓", "█"]
  static let asciiRamp: [Character] = Array(" .:-=+*#%@")
  /// Columns between two images.
  static let gap = 2

  /// The images drawn for a terminal, as many to a row as fit, with their captions and the
  /// summary on the last line.
  ///
  /// In colour a cell shows two pixels, one above the other (`▀` with a grey foreground over a
  /// grey background, from the 24-step ramp), so a 28 × 28 digit takes 28 × 14 cells and looks
  /// square. Without colour a cell shows the mean of the two as a shade (`░▒▓█`, or
  /// ` .:-=+*#%@` in ASCII). In colour, when fewer than four full-size images fit in a row,
  /// several are drawn at half size (each half cell then covers 2 × 2 pixels); shades are too
  /// coarse for that.
  public func terminal(_ style: TerminalStyle) -> String {
    var grid = TextGrid()
    let full = cellWidth(step: 1)
    let fullPerRow = max(1, (style.width + DigitGallery.gap) / (full + DigitGallery.gap))
    let halfBlocks = style.color && style.unicode
    let step = !halfBlocks || images.count <= fullPerRow || fullPerRow >= 4 ? 1 : 2
    let width = cellWidth(step: step)
    let perRow = max(1, (style.width + DigitGallery.gap) / (width + DigitGallery.gap))
    let usedWidth = min(images.count, perRow) * (width + DigitGallery.gap) - DigitGallery.gap

    if !title.isEmpty {
      let text = truncated(title, to: max(usedWidth, style.width), unicode: style.unicode)
      grid.appendLine(text, column: centredColumn(of: text, over: max(usedWidth, text.count)),
                      style: TextStyle(bold: true))
    }
    var start = 0
    while start < images.count {
      if start > 0 { grid.appendLine() }
      let group = Array(images[start ..< min(images.count, start + perRow)])
      let top = grid.lineCount
      for (slot, image) in group.enumerated() {
        let column = slot * (width + DigitGallery.gap)
        let cells = self.cells(of: image, step: step, style: style)
        for (offset, line) in cells.enumerated() {
          grid.put(line, row: top + offset, column: column)
        }
      }
      let imageLines = group.map { cellLines(of: $0, step: step) }.max() ?? 0
      let captions = group.map { wrap($0.caption ?? "", width: width, cuttingLongWords: true) }
      for lineIndex in 0 ..< (captions.map(\.count).max() ?? 0) {
        let row = top + imageLines + lineIndex
        for (slot, caption) in captions.enumerated() where lineIndex < caption.count {
          let text = style.unicode ? caption[lineIndex] : asciiOnly(caption[lineIndex])
          grid.put(text, row: row, column: centredColumn(of: text, over: width, from: slot * (width + DigitGallery.gap)))
        }
      }
      start += perRow
    }
    grid.appendLine(style.unicode ? summary : asciiOnly(summary))
    return grid.rendered(color: style.color)
  }

  /// The widest image's columns when each cell spans `step` pixels across.
  private func cellWidth(step: Int) -> Int {
    images.map { ($0.width + step - 1) / step }.max() ?? 1
  }

  /// The lines an image takes when each cell spans `2 · step` pixels down.
  private func cellLines(of image: DigitImage, step: Int) -> Int {
    (image.height + 2 * step - 1) / (2 * step)
  }

  /// One image's cells, line by line.
  private func cells(of image: DigitImage, step: Int, style: TerminalStyle) -> [[TextCell]] {
    let ramp = style.unicode ? DigitGallery.shades : DigitGallery.asciiRamp
    let columns = (image.width + step - 1) / step
    return (0 ..< cellLines(of: image, step: step)).map { line in
      (0 ..< columns).map { column in
        let x = column * step, y = line * 2 * step
        if style.color && style.unicode {
          let top = Palette.greyANSI(image.meanLevel(x: x, y: y, across: step, down: step))
          let bottom = Palette.greyANSI(image.meanLevel(x: x, y: y + step, across: step, down: step))
          return top == bottom
            ? TextCell(" ", TextStyle(background: bottom))
            : TextCell("▀", TextStyle(foreground: top, background: bottom))
        }
        let level = image.meanLevel(x: x, y: y, across: step, down: 2 * step)
        if style.color { return TextCell(" ", TextStyle(background: Palette.greyANSI(level))) }
        return TextCell(ramp[Int((level * Double(ramp.count - 1)).rounded())])
      }
    }
  }
}

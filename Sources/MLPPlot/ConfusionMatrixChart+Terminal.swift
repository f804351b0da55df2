extension ConfusionMatrixChart {
  /// Terminal backgrounds of a diagonal cell by the fraction of its row it holds (dark to
  /// bright teal), and of an off-diagonal cell by its count over the largest confusion (dark
  /// to bright red; the smallest fifth get red digits and no background).
  static let diagonalRamp: [UInt8] = [236, 23, 24, 30, 31, 37]
  static let confusionRamp: [UInt8] = [52, 88, 124, 160]

  /// The matrix drawn for a terminal as a table, actual classes down and predicted classes
  /// across, with each row's total and recall, each column's total and the overall accuracy,
  /// and the summary on the last line.
  ///
  /// In colour the cells are shaded: the diagonal in teal by the share of its row, the
  /// confusions in red by their size relative to the largest one. Zeros are a dim `·`.
  public func terminal(_ style: TerminalStyle) -> String {
    let unicode = style.unicode
    let names = (0 ..< classCount).map { name(ofClass: $0) }
    let largest = max(counts.flatMap { $0 }.max() ?? 0, 0)
    let cellWidth = max(String(largest).count, names.map(\.count).max() ?? 1) + 1
    let labelWidth = max(["actual", "total"].map(\.count).max()!, names.map(\.count).max() ?? 1)
    let matrixStart = labelWidth + 1
    let divider = matrixStart + classCount * cellWidth
    let totalWidth = max(String(total).count, "total".count) + 1
    let width = divider + 1 + totalWidth + 8
    let dim = TextStyle(foreground: style.color ? Palette.axisANSI : nil)
    let vertical = unicode ? "│" : "|"

    var grid = TextGrid()
    if !title.isEmpty {
      grid.appendLine(title, column: centredColumn(of: title, over: width), style: TextStyle(bold: true))
    }
    grid.appendLine("predicted", column: centredColumn(of: "predicted", over: classCount * cellWidth, from: matrixStart))
    let header = grid.appendLine("actual")
    for (index, name) in names.enumerated() {
      grid.put(name, row: header, column: matrixStart + (index + 1) * cellWidth - 1 - name.count)
    }
    grid.put(vertical, row: header, column: divider, style: dim)
    grid.put(rightAligned("total", totalWidth) + "  recall", row: header, column: divider + 1)

    let confusion = largestConfusion
    for actual in 0 ..< classCount {
      let row = grid.appendLine(rightAligned(names[actual], labelWidth))
      for predicted in 0 ..< classCount {
        let count = counts[actual][predicted]
        let text = count == 0 ? (unicode ? "·" : ".") : String(count)
        let cell = rightAligned(text, cellWidth - 1) + " "
        grid.put(cell, row: row, column: matrixStart + predicted * cellWidth,
                 style: cellStyle(actual, predicted, confusion: confusion, style))
      }
      grid.put(vertical, row: row, column: divider, style: dim)
      let recall = recall(ofClass: actual).map { NumberFormat.percent($0) } ?? "-"
      grid.put(rightAligned(String(rowTotals[actual]), totalWidth) + rightAligned(recall, 8),
               row: row, column: divider + 1)
    }

    let rule = grid.appendLine()
    let horizontal = unicode ? "─" : "-"
    grid.put(String(repeating: horizontal, count: divider), row: rule, column: 0, style: dim)
    grid.put(unicode ? "┼" : "+", row: rule, column: divider, style: dim)
    grid.put(String(repeating: horizontal, count: width - divider - 1), row: rule, column: divider + 1, style: dim)

    let totals = grid.appendLine(rightAligned("total", labelWidth))
    for (index, count) in columnTotals.enumerated() {
      grid.put(rightAligned(String(count), cellWidth - 1), row: totals, column: matrixStart + index * cellWidth)
    }
    grid.put(vertical, row: totals, column: divider, style: dim)
    grid.put(rightAligned(String(total), totalWidth) + rightAligned(NumberFormat.percent(accuracy), 8),
             row: totals, column: divider + 1, style: TextStyle(bold: true))
    grid.appendLine(unicode ? summary : asciiOnly(summary))
    return grid.rendered(color: style.color)
  }

  /// The colours of cell (`actual`, `predicted`).
  private func cellStyle(
    _ actual: Int, _ predicted: Int, confusion: Int, _ style: TerminalStyle
  ) -> TextStyle {
    guard style.color else { return .plain }
    let count = counts[actual][predicted]
    if count == 0 { return TextStyle(foreground: Palette.axisANSI) }
    if actual == predicted {
      let share = Double(count) / Double(max(1, rowTotals[actual]))
      let ramp = ConfusionMatrixChart.diagonalRamp
      let index = min(ramp.count - 1, Int(share * Double(ramp.count)))
      return TextStyle(foreground: 231, background: ramp[index], bold: true)
    }
    let ramp = ConfusionMatrixChart.confusionRamp
    let strength = Double(count) / Double(max(1, confusion))
    let index = min(ramp.count, Int(strength * Double(ramp.count + 1)))
    // The smallest confusions are red numbers on the terminal's own background.
    return index == 0
      ? TextStyle(foreground: 167) : TextStyle(foreground: 231, background: ramp[index - 1])
  }

  private func rightAligned(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }
}

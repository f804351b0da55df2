/// A raster of pixels over terminal cells, each pixel owned by one series.
///
/// With Unicode a cell holds 2 × 4 pixels and becomes a braille character, whose dots are
/// numbered
/// ```
/// 1 4        bit 0x01 0x08
/// 2 5            0x02 0x10
/// 3 6            0x04 0x20
/// 7 8            0x40 0x80      character = U+2800 + bits
/// ```
/// Without it a cell is one pixel, drawn with its series' mark (`*`, `+`, `o` …).
struct DotCanvas {
  /// Size in cells.
  let columns: Int
  let rows: Int
  /// Pixels per cell across and down: 2 × 4 for braille, 1 × 1 for ASCII.
  let dotsAcross: Int
  let dotsDown: Int
  /// The series owning each pixel, row by row from the top; -1 for none.
  private var owners: [Int16]

  init(columns: Int, rows: Int, braille: Bool) {
    self.columns = columns
    self.rows = rows
    dotsAcross = braille ? 2 : 1
    dotsDown = braille ? 4 : 1
    owners = Array(repeating: -1, count: columns * dotsAcross * rows * dotsDown)
  }

  var pixelWidth: Int { columns * dotsAcross }
  var pixelHeight: Int { rows * dotsDown }

  /// Gives pixel (`x`, `y`) (from the top left) to `series`; pixels off the canvas are ignored.
  mutating func set(_ x: Int, _ y: Int, series: Int) {
    guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight else { return }
    owners[y * pixelWidth + x] = Int16(series)
  }

  /// Draws the segment between two pixels (Bresenham), skipping the pixels whose cell column
  /// falls in the gaps of `dash` (cells on, cells off) when one is given.
  mutating func line(
    from start: (x: Int, y: Int), to end: (x: Int, y: Int), series: Int,
    dash: (on: Int, off: Int)? = nil
  ) {
    var (x, y) = start
    let dx = abs(end.x - x), dy = -abs(end.y - y)
    let sx = x < end.x ? 1 : -1, sy = y < end.y ? 1 : -1
    var error = dx + dy
    while true {
      if let dash {
        if (x / dotsAcross) % (dash.on + dash.off) < dash.on { set(x, y, series: series) }
      } else {
        set(x, y, series: series)
      }
      if x == end.x && y == end.y { break }
      let doubled = 2 * error
      if doubled >= dy { error += dy; x += sx }
      if doubled <= dx { error += dx; y += sy }
    }
  }

  /// The cells, row by row: braille characters coloured by the last-drawn series among those
  /// with a dot in the cell (as later lines lie over earlier ones in the SVG), or each
  /// series' mark in ASCII.
  ///
  /// - Parameters:
  ///   - marks: the ASCII mark of each series.
  ///   - colors: the terminal colour of each series, if any.
  func cells(marks: [Character], colors: [UInt8?]) -> [[TextCell]] {
    var result: [[TextCell]] = []
    result.reserveCapacity(rows)
    var counts = [Int](repeating: 0, count: max(marks.count, colors.count, 1))
    for row in 0 ..< rows {
      var line: [TextCell] = []
      line.reserveCapacity(columns)
      for column in 0 ..< columns {
        if dotsAcross == 1 {
          let owner = Int(owners[row * pixelWidth + column])
          if owner < 0 {
            line.append(.blank)
          } else {
            line.append(TextCell(marks[owner % marks.count], style(of: owner, colors)))
          }
          continue
        }
        var bits: UInt32 = 0
        for index in counts.indices { counts[index] = 0 }
        for dy in 0 ..< 4 {
          for dx in 0 ..< 2 {
            let owner = Int(owners[(row * 4 + dy) * pixelWidth + column * 2 + dx])
            guard owner >= 0 else { continue }
            bits |= DotCanvas.brailleBit[dy][dx]
            if owner < counts.count { counts[owner] += 1 }
          }
        }
        guard bits != 0 else {
          line.append(.blank)
          continue
        }
        let winner = counts.lastIndex { $0 > 0 } ?? 0
        let glyph = Character(Unicode.Scalar(0x2800 + bits)!)
        line.append(TextCell(glyph, style(of: winner, colors)))
      }
      result.append(line)
    }
    return result
  }

  private func style(of series: Int, _ colors: [UInt8?]) -> TextStyle {
    series < colors.count ? TextStyle(foreground: colors[series]) : .plain
  }

  /// The bit of each dot, indexed [row][column] within the cell.
  private static let brailleBit: [[UInt32]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
}

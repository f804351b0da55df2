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
  /// Size in pixels.
  let pixelWidth: Int
  let pixelHeight: Int
  /// The series owning each pixel, row by row from the top; -1 for none.
  private var owners: [Int16]

  init(columns: Int, rows: Int, braille: Bool) {
    self.columns = columns
    self.rows = rows
    dotsAcross = braille ? 2 : 1
    dotsDown = braille ? 4 : 1
    pixelWidth = columns * dotsAcross
    pixelHeight = rows * dotsDown
    owners = Array(repeating: -1, count: pixelWidth * pixelHeight)
  }

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
    let (width, height, across) = (pixelWidth, pixelHeight, dotsAcross)
    let owner = Int16(series)
    owners.withUnsafeMutableBufferPointer { pixels in
      while true {
        if x >= 0, y >= 0, x < width, y < height,
          dash.map({ (x / across) % ($0.on + $0.off) < $0.on }) ?? true
        {
          pixels[y * width + x] = owner
        }
        if x == end.x && y == end.y { break }
        let doubled = 2 * error
        if doubled >= dy { error += dy; x += sx }
        if doubled <= dx { error += dx; y += sy }
      }
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
    owners.withUnsafeBufferPointer { owners in
      (0 ..< rows).map { row in
        (0 ..< columns).map { column in
          dotsAcross == 1
            ? asciiCell(owner: Int(owners[row * pixelWidth + column]), marks, colors)
            : brailleCell(row: row, column: column, owners, colors)
        }
      }
    }
  }

  private func asciiCell(owner: Int, _ marks: [Character], _ colors: [UInt8?]) -> TextCell {
    owner < 0 ? .blank : TextCell(marks[owner % marks.count], style(of: owner, colors))
  }

  /// The braille character of a cell, in the colour of the highest-numbered series with a dot
  /// in it (the last drawn: a later series overwrites the pixels it shares).
  private func brailleCell(
    row: Int, column: Int, _ owners: UnsafeBufferPointer<Int16>, _ colors: [UInt8?]
  ) -> TextCell {
    var bits: UInt32 = 0
    var winner = -1
    for dy in 0 ..< 4 {
      let base = (row * 4 + dy) * pixelWidth + column * 2
      for dx in 0 ..< 2 where owners[base + dx] >= 0 {
        // Dots 1–3 and 4–6 run down the columns (bits 0–2, 3–5); 7 and 8 are the bottom row.
        bits |= dy < 3 ? 1 << UInt32(dy + 3 * dx) : 0x40 << UInt32(dx)
        winner = max(winner, Int(owners[base + dx]))
      }
    }
    guard bits != 0 else { return .blank }
    return TextCell(Character(Unicode.Scalar(0x2800 + bits)!), style(of: winner, colors))
  }

  private func style(of series: Int, _ colors: [UInt8?]) -> TextStyle {
    series < colors.count ? TextStyle(foreground: colors[series]) : .plain
  }
}

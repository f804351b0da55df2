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
///
/// Where two series meet, the one of higher rank keeps the pixel and the cell, and between
/// equal ranks the earlier one: the choice never depends on drawing order alone.
struct DotCanvas {
  /// How a series is drawn: the cell columns it skips, and how dense its line is.
  struct Pen {
    /// Cells on, cells off; `nil` for a solid line.
    var dash: (on: Int, off: Int)?
    /// Each pixel also takes the one below it: a line two dots thick.
    var thick = false
    /// Only pixels at even x and even y: a quarter of the dots, a grey stipple.
    var stipple = false
  }

  /// Size in cells.
  let columns: Int
  let rows: Int
  /// Pixels per cell across and down: 2 × 4 for braille, 1 × 1 for ASCII.
  let dotsAcross: Int
  let dotsDown: Int
  /// Size in pixels.
  let pixelWidth: Int
  let pixelHeight: Int
  /// The rank of each series (0 if not given): a higher rank keeps a shared pixel and a shared
  /// cell, and in a cell of a series of rank above 0 the dots of rank-0 series are left out.
  private let ranks: [Int]
  /// The series owning each pixel, row by row from the top; -1 for none.
  private var owners: [Int16]

  init(columns: Int, rows: Int, braille: Bool, ranks: [Int] = []) {
    self.columns = columns
    self.rows = rows
    dotsAcross = braille ? 2 : 1
    dotsDown = braille ? 4 : 1
    pixelWidth = columns * dotsAcross
    pixelHeight = rows * dotsDown
    self.ranks = ranks
    owners = Array(repeating: -1, count: pixelWidth * pixelHeight)
  }

  private func rank(_ series: Int) -> Int { series >= 0 && series < ranks.count ? ranks[series] : 0 }

  /// Whether `series` takes a pixel now owned by `owner` (-1 for none): it outranks it.
  private func takes(_ series: Int, from owner: Int) -> Bool {
    owner < 0 || rank(series) > rank(owner)
  }

  /// Gives pixel (`x`, `y`) (from the top left) to `series` unless a series of the same or
  /// higher rank holds it; pixels off the canvas are ignored.
  mutating func set(_ x: Int, _ y: Int, series: Int) {
    guard x >= 0, y >= 0, x < pixelWidth, y < pixelHeight else { return }
    let index = y * pixelWidth + x
    if takes(series, from: Int(owners[index])) { owners[index] = Int16(series) }
  }

  /// Draws the segment between two pixels (Bresenham) with `pen`: skipping the pixels whose
  /// cell column falls in the gaps of its dash, thickened or stippled as it says.
  mutating func line(
    from start: (x: Int, y: Int), to end: (x: Int, y: Int), series: Int, pen: Pen = Pen()
  ) {
    var (x, y) = start
    let dx = abs(end.x - x), dy = -abs(end.y - y)
    let sx = x < end.x ? 1 : -1, sy = y < end.y ? 1 : -1
    var error = dx + dy
    while true {
      let inDash = pen.dash.map { (x / dotsAcross) % ($0.on + $0.off) < $0.on } ?? true
      let inStipple = !pen.stipple || (x % 2 == 0 && y % 2 == 0)
      if inDash && inStipple {
        set(x, y, series: series)
        if pen.thick { set(x, y + 1, series: series) }
      }
      if x == end.x && y == end.y { break }
      let doubled = 2 * error
      if doubled >= dy { error += dy; x += sx }
      if doubled <= dx { error += dx; y += sy }
    }
  }

  /// The cells, row by row: braille characters in the style of the strongest series with a
  /// dot in the cell (the earliest among equals), or each pixel's series' mark in ASCII.
  ///
  /// - Parameters:
  ///   - marks: the ASCII mark of each series.
  ///   - styles: the terminal style (colour, faint or bold) of each series.
  func cells(marks: [Character], styles: [TextStyle]) -> [[TextCell]] {
    (0 ..< rows).map { row in
      (0 ..< columns).map { column in
        dotsAcross == 1
          ? asciiCell(owner: Int(owners[row * pixelWidth + column]), marks, styles)
          : brailleCell(row: row, column: column, styles)
      }
    }
  }

  private func asciiCell(owner: Int, _ marks: [Character], _ styles: [TextStyle]) -> TextCell {
    owner < 0 ? .blank : TextCell(marks[owner % marks.count], style(of: owner, styles))
  }

  /// The braille character of a cell, in the style of its strongest series (the earliest
  /// among equals); the dots of rank-0 series give way when a stronger series is in the cell.
  private func brailleCell(row: Int, column: Int, _ styles: [TextStyle]) -> TextCell {
    var winner = -1
    for dy in 0 ..< 4 {
      let base = (row * 4 + dy) * pixelWidth + column * 2
      for dx in 0 ..< 2 {
        let owner = Int(owners[base + dx])
        guard owner >= 0 else { continue }
        if winner < 0 || rank(owner) > rank(winner) || (rank(owner) == rank(winner) && owner < winner) {
          winner = owner
        }
      }
    }
    guard winner >= 0 else { return .blank }
    var bits: UInt32 = 0
    for dy in 0 ..< 4 {
      let base = (row * 4 + dy) * pixelWidth + column * 2
      for dx in 0 ..< 2 {
        let owner = Int(owners[base + dx])
        guard owner >= 0, rank(owner) > 0 || rank(winner) == 0 else { continue }
        // Dots 1–3 and 4–6 run down the columns (bits 0–2, 3–5); 7 and 8 are the bottom row.
        bits |= dy < 3 ? 1 << UInt32(dy + 3 * dx) : 0x40 << UInt32(dx)
      }
    }
    return TextCell(Character(Unicode.Scalar(0x2800 + bits)!), style(of: winner, styles))
  }

  private func style(of series: Int, _ styles: [TextStyle]) -> TextStyle {
    series < styles.count ? styles[series] : .plain
  }
}

/// The colours and weight of one terminal cell.
struct TextStyle: Equatable, Sendable {
  /// An xterm 256-colour index for the glyph, or the terminal's own colour.
  var foreground: UInt8?
  /// An xterm 256-colour index behind the glyph, or the terminal's own background.
  var background: UInt8?
  var bold = false
  /// Drawn dim (SGR 2), as a raw curve under its smoothed mean.
  var faint = false

  static let plain = TextStyle()

  init(foreground: UInt8? = nil, background: UInt8? = nil, bold: Bool = false, faint: Bool = false) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.faint = faint
  }

  /// The SGR escape that sets this style from the default one.
  var escape: String {
    var codes: [String] = []
    if bold { codes.append("1") }
    if faint { codes.append("2") }
    if let foreground { codes.append("38;5;\(foreground)") }
    if let background { codes.append("48;5;\(background)") }
    return "\u{1B}[" + codes.joined(separator: ";") + "m"
  }
}

/// One character cell of a terminal figure.
struct TextCell: Equatable, Sendable {
  var character: Character
  var style: TextStyle

  init(_ character: Character, _ style: TextStyle = .plain) {
    self.character = character
    self.style = style
  }

  static let blank = TextCell(" ")
}

/// A page of styled character cells that a terminal figure is composed on, then written out
/// as lines with the fewest escapes: one when the style changes, a reset at the end of a line.
///
/// Every glyph a figure uses is one column wide (ASCII, braille, box drawing, blocks and
/// geometric shapes), so a cell is a column.
struct TextGrid {
  private(set) var rows: [[TextCell]] = []

  /// The number of lines written so far.
  var lineCount: Int { rows.count }

  /// Writes `text` from `column` on line `row`, growing the page as needed.
  mutating func put(_ text: String, row: Int, column: Int, style: TextStyle = .plain) {
    put(text.map { TextCell($0, style) }, row: row, column: column)
  }

  /// Writes one cell, growing the page as needed; negative positions are ignored.
  mutating func put(_ cell: TextCell, row: Int, column: Int) {
    guard row >= 0, column >= 0 else { return }
    while rows.count <= row { rows.append([]) }
    if rows[row].count <= column {
      rows[row].append(contentsOf: repeatElement(.blank, count: column - rows[row].count + 1))
    }
    rows[row][column] = cell
  }

  /// Writes `cells` from `column` on line `row`, growing the page as needed.
  mutating func put(_ cells: [TextCell], row: Int, column: Int) {
    guard row >= 0, column >= 0, !cells.isEmpty else { return }
    while rows.count <= row { rows.append([]) }
    if rows[row].count <= column {
      // Writing at or past the end, the common case: append, padding with blanks.
      rows[row].append(contentsOf: repeatElement(.blank, count: column - rows[row].count))
      rows[row].append(contentsOf: cells)
      return
    }
    let end = column + cells.count
    if rows[row].count < end {
      rows[row].append(contentsOf: repeatElement(.blank, count: end - rows[row].count))
    }
    rows[row].replaceSubrange(column ..< end, with: cells)
  }

  /// Starts a new line with `text` at `column`; returns its index.
  @discardableResult
  mutating func appendLine(_ text: String = "", column: Int = 0, style: TextStyle = .plain) -> Int {
    rows.append([])
    put(text, row: rows.count - 1, column: column, style: style)
    return rows.count - 1
  }

  /// Starts a new line holding `cells` at `column`; returns its index.
  @discardableResult
  mutating func appendLine(_ cells: [TextCell], column: Int = 0) -> Int {
    rows.append([])
    put(cells, row: rows.count - 1, column: column)
    return rows.count - 1
  }

  /// The page as text, one string per line, trailing blank cells dropped; with `color`, ANSI
  /// escapes set each run of styled cells and reset before the line ends.
  func lines(color: Bool) -> [String] {
    rows.map { row in
      var end = row.count
      while end > 0, row[end - 1].character == " ",
        !color || row[end - 1].style.background == nil
      {
        end -= 1
      }
      var line = ""
      var current = TextStyle.plain
      for cell in row[..<end] {
        if color, cell.style != current {
          if current != .plain { line += "\u{1B}[0m" }
          if cell.style != .plain { line += cell.style.escape }
          current = cell.style
        }
        line.append(cell.character)
      }
      if color, current != .plain { line += "\u{1B}[0m" }
      return line
    }
  }

  /// The page as one string, lines joined by newlines (no final newline).
  func rendered(color: Bool) -> String {
    lines(color: color).joined(separator: "\n")
  }
}

/// Centred text: the column at which `text` starts when centred over `width` columns from
/// `start`, never before `start`.
func centredColumn(of text: String, over width: Int, from start: Int = 0) -> Int {
  start + max(0, (width - text.count) / 2)
}

/// `text` cut to `width` characters, with an ellipsis when it was longer.
func truncated(_ text: String, to width: Int, unicode: Bool) -> String {
  guard text.count > width else { return text }
  guard width > 3 else { return String(text.prefix(max(0, width))) }
  return unicode ? String(text.prefix(width - 1)) + "…" : String(text.prefix(width - 3)) + "..."
}

/// `text` with the few non-ASCII symbols the figures themselves use replaced by ASCII; the
/// user's own text is left as it is.
func asciiOnly(_ text: String) -> String {
  var result = ""
  for character in text {
    switch character {
    case "→": result += "->"
    case "…": result += "..."
    case "×": result += "x"
    case "−": result += "-"
    case "≥": result += ">="
    case "≤": result += "<="
    default:
      result.append(character)
    }
  }
  return result
}

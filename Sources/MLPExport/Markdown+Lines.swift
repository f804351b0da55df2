// What a single line of Markdown is: blank, a fence, a heading, a rule, a quote, a table row.

extension Markdown {
  /// An opening code fence: three or more backticks or tildes, and the info string after.
  struct Fence {
    var character: Character
    var length: Int
    var indent: Int
    var info: String
  }

  static func isBlank(_ line: String) -> Bool {
    line.allSatisfy { $0 == " " }
  }

  /// The number of leading spaces.
  static func indentation(of line: String) -> Int {
    line.prefix { $0 == " " }.count
  }

  /// `line` with tabs expanded to the next multiple of four columns.
  static func expandingTabs(_ line: String) -> String {
    guard line.contains("\t") else { return line }
    var result = ""
    for character in line {
      if character == "\t" {
        result += String(repeating: " ", count: 4 - result.count % 4)
      } else {
        result.append(character)
      }
    }
    return result
  }

  static func fence(_ line: String) -> Fence? {
    let indent = indentation(of: line)
    guard indent < 4 else { return nil }
    let rest = line.dropFirst(indent)
    guard let character = rest.first, character == "`" || character == "~" else { return nil }
    let length = rest.prefix { $0 == character }.count
    guard length >= 3 else { return nil }
    let info = rest.dropFirst(length).trimming(" ")
    if character == "`" && info.contains("`") { return nil }
    return Fence(character: character, length: length, indent: indent, info: info.split(separator: " ").first.map(String.init) ?? "")
  }

  /// Whether `line` closes the code block that `fence` opened.
  static func closes(_ line: String, _ fence: Fence) -> Bool {
    let indent = indentation(of: line)
    guard indent < 4 else { return false }
    let rest = line.dropFirst(indent)
    let length = rest.prefix { $0 == fence.character }.count
    return length >= fence.length && rest.dropFirst(length).allSatisfy { $0 == " " }
  }

  /// `# Title` to `###### Title`, closing `#`s dropped.
  static func heading(_ line: String) -> Block? {
    let indent = indentation(of: line)
    guard indent < 4 else { return nil }
    let rest = line.dropFirst(indent)
    let level = rest.prefix { $0 == "#" }.count
    guard (1 ... 6).contains(level) else { return nil }
    let after = rest.dropFirst(level)
    guard after.isEmpty || after.first == " " else { return nil }
    var text = after.trimming(" ")
    // Closing sequence: spaces then #s at the end.
    let closing = text.reversed().prefix { $0 == "#" }.count
    if closing > 0 {
      let kept = text.dropLast(closing)
      if kept.isEmpty || kept.last == " " { text = kept.trimming(" ") }
    }
    return .heading(level: level, text: text)
  }

  /// `---`, `***` or `___`, three or more, spaces allowed between.
  static func isRule(_ line: String) -> Bool {
    guard indentation(of: line) < 4 else { return false }
    let marks = line.filter { $0 != " " }
    guard let first = marks.first, first == "-" || first == "*" || first == "_" else { return false }
    return marks.count >= 3 && marks.allSatisfy { $0 == first }
  }

  /// The text of a `> quoted` line, `nil` for any other line.
  static func quoteContent(_ line: String) -> String? {
    let indent = indentation(of: line)
    guard indent < 4 else { return nil }
    let rest = line.dropFirst(indent)
    guard rest.first == ">" else { return nil }
    let after = rest.dropFirst()
    return String(after.first == " " ? after.dropFirst() : after)
  }

  // MARK: - Tables

  /// A pipe table at `lines[index]`: a header row, a row of `---` (with `:` for
  /// alignment), then rows up to a blank line or a line without `|`. Leaves `index` after it.
  static func table(_ lines: [String], from index: inout Int) -> Block? {
    let header = lines[index]
    guard header.contains("|"), index + 1 < lines.count, let alignments = delimiterRow(lines[index + 1]) else {
      return nil
    }
    let headerCells = cells(header)
    guard headerCells.count == alignments.count else { return nil }
    var rows: [[String]] = []
    var next = index + 2
    while next < lines.count, !isBlank(lines[next]), lines[next].contains("|") {
      var row = cells(lines[next])
      if row.count < alignments.count { row += Array(repeating: "", count: alignments.count - row.count) }
      rows.append(Array(row.prefix(alignments.count)))
      next += 1
    }
    index = next
    return .table(header: headerCells, alignments: alignments, rows: rows)
  }

  /// The alignments of a delimiter row (`| :--- | :---: | ---: |`), or `nil` if it is none.
  static func delimiterRow(_ line: String) -> [String?]? {
    guard line.contains("-") else { return nil }
    var alignments: [String?] = []
    for cell in cells(line) {
      let left = cell.hasPrefix(":"), right = cell.hasSuffix(":")
      let dashes = cell.drop { $0 == ":" }.reversed().drop { $0 == ":" }
      guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
      alignments.append(left && right ? "center" : right ? "right" : left ? "left" : nil)
    }
    return alignments.isEmpty ? nil : alignments
  }

  /// The cells of a table row, trimmed; `\|` is a pipe inside a cell.
  static func cells(_ line: String) -> [String] {
    var text = line.trimming(" ")
    if text.hasPrefix("|") { text.removeFirst() }
    if text.hasSuffix("|") && !text.hasSuffix("\\|") { text.removeLast() }
    var cells: [String] = []
    var cell = ""
    var escaped = false
    for character in text {
      if escaped {
        if character != "|" { cell.append("\\") }
        cell.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        cells.append(cell.trimming(" "))
        cell = ""
      } else {
        cell.append(character)
      }
    }
    if escaped { cell.append("\\") }
    cells.append(cell.trimming(" "))
    return cells
  }
}

extension StringProtocol {
  /// The text without `character` at either end.
  func trimming(_ character: Character) -> String {
    let start = firstIndex { $0 != character } ?? endIndex
    let end = lastIndex { $0 != character }.map(index(after:)) ?? start
    return start < end ? String(self[start ..< end]) : ""
  }

  /// The text without leading spaces.
  func trimmingLeadingSpaces() -> String {
    String(drop { $0 == " " })
  }
}

/// The Markdown that lesson cells use, turned into safe XHTML.
///
/// The subset: ATX headings, paragraphs, `*emphasis*` and `**strong**` (also with `_`),
/// `` `code` ``, fenced and indented code blocks, bullet and numbered lists (nested by indentation), block
/// quotes, rules, pipe tables, `[links](url)` and `<https://…>`; `$math$` is left as text.
/// It is safe to show any lesson: raw HTML is escaped, never passed through, a link whose
/// scheme is not http, https or mailto stays text, and an image becomes a link to it (so the
/// page never loads anything). The output is well-formed XML.
public struct Markdown: Sendable {
  /// The lines of the text.
  public var lines: [String]

  public init(lines: [String]) {
    self.lines = lines.map(Markdown.expandingTabs)
  }

  public init(_ text: String) {
    self.init(lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
  }

  /// The text as XHTML, one block a line.
  public func html() -> String {
    Markdown.html(of: Markdown.blocks(lines))
  }

  // MARK: - Blocks

  /// What the text is made of, top level first.
  indirect enum Block: Equatable {
    case heading(level: Int, text: String)
    case paragraph([String])
    case code(info: String, lines: [String])
    case quote([Block])
    case list(ordered: Bool, start: Int, items: [[Block]], tight: Bool)
    case rule
    case table(header: [String], alignments: [String?], rows: [[String]])
  }

  static func blocks(_ lines: [String]) -> [Block] {
    var blocks: [Block] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if isBlank(line) {
        index += 1
      } else if let fence = fence(line) {
        var body: [String] = []
        index += 1
        while index < lines.count, !closes(lines[index], fence) {
          body.append(String(lines[index].dropFirst(min(fence.indent, indentation(of: lines[index])))))
          index += 1
        }
        index += 1
        blocks.append(.code(info: fence.info, lines: body))
      } else if indentation(of: line) >= 4 {
        // An indented code block: lines indented by four or more, blank lines between.
        var body: [String] = []
        while index < lines.count, isBlank(lines[index]) || indentation(of: lines[index]) >= 4 {
          body.append(String(lines[index].dropFirst(min(4, indentation(of: lines[index])))))
          index += 1
        }
        while let last = body.last, isBlank(last) { body.removeLast() }
        blocks.append(.code(info: "", lines: body))
      } else if let heading = heading(line) {
        blocks.append(heading)
        index += 1
      } else if isRule(line) {
        blocks.append(.rule)
        index += 1
      } else if let quoted = quoteContent(line) {
        var body = [quoted]
        index += 1
        while index < lines.count, let next = quoteContent(lines[index]) {
          body.append(next)
          index += 1
        }
        blocks.append(.quote(self.blocks(body)))
      } else if listMarker(line) != nil {
        blocks.append(list(lines, from: &index))
      } else if index + 1 < lines.count, let table = table(lines, from: &index) {
        blocks.append(table)
      } else {
        var body = [line.trimmingLeadingSpaces()]
        index += 1
        while index < lines.count, !isBlank(lines[index]), !startsBlock(lines[index]) {
          body.append(lines[index].trimmingLeadingSpaces())
          index += 1
        }
        blocks.append(.paragraph(body))
      }
    }
    return blocks
  }

  /// Whether `line` starts a block that ends a paragraph.
  static func startsBlock(_ line: String) -> Bool {
    fence(line) != nil || heading(line) != nil || isRule(line) || quoteContent(line) != nil
      || listMarker(line) != nil
  }

  // MARK: - Lists

  /// What starts a list item: its kind, number, and the column its content starts at.
  struct ListMarker {
    var ordered: Bool
    /// `-`, `*` or `+`; `.` or `)` after a number.
    var symbol: Character
    var number: Int
    var indent: Int
    var contentIndent: Int
  }

  static func listMarker(_ line: String) -> ListMarker? {
    let indent = indentation(of: line)
    let rest = line.dropFirst(indent)
    guard let first = rest.first else { return nil }
    var marker: ListMarker
    var afterMarker: Substring
    if first == "-" || first == "*" || first == "+" {
      marker = ListMarker(ordered: false, symbol: first, number: 0, indent: indent, contentIndent: 0)
      afterMarker = rest.dropFirst()
    } else {
      let digits = rest.prefix { $0.isASCII && $0.isNumber }
      guard !digits.isEmpty, digits.count <= 9, let number = Int(digits) else { return nil }
      let after = rest.dropFirst(digits.count)
      guard let symbol = after.first, symbol == "." || symbol == ")" else { return nil }
      marker = ListMarker(ordered: true, symbol: symbol, number: number, indent: indent, contentIndent: 0)
      afterMarker = after.dropFirst()
    }
    let markerWidth = rest.count - afterMarker.count
    let spaces = afterMarker.prefix { $0 == " " }.count
    if spaces == afterMarker.count {
      // An empty item: its content (on the next lines) starts one column after the marker.
      marker.contentIndent = indent + markerWidth + 1
    } else {
      guard spaces >= 1 else { return nil }
      marker.contentIndent = indent + markerWidth + (spaces > 4 ? 1 : spaces)
    }
    return marker
  }

  /// A list starting at `lines[index]`; leaves `index` after it. A list is tight (its items'
  /// paragraphs without `<p>`) unless a blank line separates two items or two blocks of one.
  static func list(_ lines: [String], from index: inout Int) -> Block {
    let first = listMarker(lines[index])!
    var items: [[String]] = []
    var marker = first
    var current = [String(lines[index].dropFirst(min(marker.contentIndent, lines[index].count)))]
    var sawBlank = false
    index += 1
    while index < lines.count {
      let line = lines[index]
      if isBlank(line) {
        sawBlank = true
        current.append("")
        index += 1
        continue
      }
      let indent = indentation(of: line)
      if indent >= marker.contentIndent {
        current.append(String(line.dropFirst(marker.contentIndent)))
      } else if let next = listMarker(line), next.ordered == first.ordered, next.symbol == first.symbol {
        items.append(current)
        current = [String(line.dropFirst(min(next.contentIndent, line.count)))]
        marker = next
      } else if !sawBlank && !startsBlock(line) {
        // A lazy continuation of the item's paragraph.
        current.append(line.trimmingLeadingSpaces())
      } else {
        break
      }
      sawBlank = false
      index += 1
    }
    while let last = current.last, isBlank(last) {
      current.removeLast()
      index -= 1
    }
    items.append(current)
    let tight = !items.contains { $0.contains(where: isBlank) }
    return .list(ordered: first.ordered, start: first.number, items: items.map { blocks($0) }, tight: tight)
  }
}

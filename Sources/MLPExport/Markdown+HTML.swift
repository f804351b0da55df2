// Blocks written as XHTML.

import MLPPlot

extension Markdown {
  static func html(of blocks: [Block], tight: Bool = false) -> String {
    blocks.map { html(of: $0, tight: tight) }.joined(separator: "\n")
  }

  static func html(of block: Block, tight: Bool) -> String {
    switch block {
    case let .heading(level, text):
      return "<h\(level)>\(inline(text))</h\(level)>"
    case let .paragraph(lines):
      let text = inline(lines.joined(separator: "\n"))
      return tight ? text : "<p>\(text)</p>"
    case let .code(info, lines):
      let language = info.isEmpty ? "" : " class=\"language-\(xmlEscaped(info))\""
      return "<pre><code\(language)>\(xmlEscaped(lines.joined(separator: "\n")))\n</code></pre>"
    case let .quote(blocks):
      return "<blockquote>\n\(html(of: blocks))\n</blockquote>"
    case let .list(ordered, start, items, tight):
      let tag = ordered ? "ol" : "ul"
      let opening = ordered && start != 1 ? "<ol start=\"\(start)\">" : "<\(tag)>"
      let body = items.map { item in "<li>" + html(of: item, tight: tight) + "</li>" }.joined(separator: "\n")
      return opening + "\n" + body + "\n</\(tag)>"
    case .rule:
      return "<hr/>"
    case let .table(header, alignments, rows):
      func cell(_ tag: String, _ text: String, _ column: Int) -> String {
        let style = alignments[column].map { " style=\"text-align: \($0)\"" } ?? ""
        return "<\(tag)\(style)>\(inline(text))</\(tag)>"
      }
      var lines = ["<table>", "<thead>", "<tr>" + header.indices.map { cell("th", header[$0], $0) }.joined() + "</tr>",
                   "</thead>"]
      if !rows.isEmpty {
        lines.append("<tbody>")
        lines += rows.map { row in "<tr>" + row.indices.map { cell("td", row[$0], $0) }.joined() + "</tr>" }
        lines.append("</tbody>")
      }
      lines.append("</table>")
      return lines.joined(separator: "\n")
    }
  }
}

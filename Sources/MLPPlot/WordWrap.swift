/// `text` broken at spaces into lines of at most `width` characters; the one word-wrap of
/// the project (help text, digit captions in text and SVG).
///
/// Each line of `text` is a paragraph of its own, so existing line breaks and empty lines
/// stay; runs of spaces between words count as one. Empty text is no lines at all. A word
/// longer than `width` stands on a line of its own, or with `cuttingLongWords` is cut into
/// pieces of `width` characters (for a caption under a narrow image).
public func wrap(_ text: String, width: Int, cuttingLongWords: Bool = false) -> [String] {
  guard !text.isEmpty else { return [] }
  var lines: [String] = []
  for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
    var line = ""
    for word in paragraph.split(separator: " ") {
      var word = Substring(word)
      while cuttingLongWords && word.count > width {
        if !line.isEmpty { lines.append(line); line = "" }
        lines.append(String(word.prefix(width)))
        word = word.dropFirst(width)
      }
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    lines.append(line)
  }
  return lines
}

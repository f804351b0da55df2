/// `text` made safe inside XML and HTML, in element content and in quoted attributes: the
/// five special characters become entities, and the control characters XML 1.0 forbids or
/// discourages (C0 other than tab and newline, DEL, C1) are left out.
///
/// ```
/// & → &amp;   < → &lt;   > → &gt;   " → &quot;   ' → &#39;
/// ```
/// The apostrophe is a numeric reference because `&apos;` is not an HTML 4 entity, and the
/// same text goes into SVG files and HTML pages. The one escaper of the project: SVG figures,
/// the HTML export, its Markdown and the kernel's HTML tables all call it.
public func xmlEscaped(_ text: String) -> String {
  var result = ""
  result.reserveCapacity(text.utf8.count)
  for scalar in text.unicodeScalars {
    switch scalar {
    case "&": result += "&amp;"
    case "<": result += "&lt;"
    case ">": result += "&gt;"
    case "\"": result += "&quot;"
    case "'": result += "&#39;"
    case "\t", "\n": result.unicodeScalars.append(scalar)
    default:
      guard scalar.value >= 0x20, !(0x7F ... 0x9F).contains(scalar.value) else { continue }
      result.unicodeScalars.append(scalar)
    }
  }
  return result
}

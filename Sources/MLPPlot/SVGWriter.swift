/// Builds a standalone SVG document element by element.
///
/// Text and attribute values are escaped, numbers are written with at most two decimals, and
/// nothing outside the file is referenced: fonts are generic families, so any browser shows
/// the figure as written.
struct SVGWriter {
  /// The canvas size in user units (and pixels).
  let width: Double
  let height: Double
  /// Put before every `id` the document defines, so that several figures can sit inline in
  /// one HTML page without their ids clashing.
  let idPrefix: String
  private var body = ""
  private var depth = 1

  /// The font stack every text uses.
  static let fontFamily = "Helvetica, Arial, sans-serif"

  /// A document of `width × height` whose `<title>` is `title` and whose `<desc>` is
  /// `description` (the figure's summary, read by screen readers); its ids start with
  /// `idPrefix`.
  init(width: Double, height: Double, title: String, description: String, idPrefix: String = "") {
    self.width = width
    self.height = height
    self.idPrefix = idPrefix
    body.reserveCapacity(16_384)
    element("title", [("id", id("figure-title"))], text: title)
    element("desc", [("id", id("figure-desc"))], text: description)
    rect(x: 0, y: 0, width: width, height: height, fill: "#ffffff")
  }

  /// The finished document.
  func document() -> String {
    let size = "width=\"\(number(width))\" height=\"\(number(height))\" viewBox=\"0 0 \(number(width)) \(number(height))\""
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" \(size) role=\"img\" "
      + "aria-labelledby=\"\(id("figure-title")) \(id("figure-desc"))\" font-family=\"\(SVGWriter.fontFamily)\">\n"
      + body + "</svg>\n"
  }

  /// The id `name` as this document writes it: with the prefix.
  func id(_ name: String) -> String { idPrefix + name }

  /// A reference to the element with id `name`, for `clip-path` and the like.
  func url(_ name: String) -> String { "url(#" + id(name) + ")" }

  // MARK: - Elements

  /// An element with `attributes`, empty or holding `text`.
  mutating func element(_ name: String, _ attributes: [(String, String)], text: String? = nil) {
    indent()
    body += "<" + name + SVGWriter.attributes(attributes)
    if let text {
      body += ">" + xmlEscaped(text) + "</" + name + ">\n"
    } else {
      body += "/>\n"
    }
  }

  /// Opens an element that the next `close` ends.
  mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
    indent()
    body += "<" + name + SVGWriter.attributes(attributes) + ">\n"
    depth += 1
  }

  mutating func close(_ name: String) {
    depth -= 1
    indent()
    body += "</" + name + ">\n"
  }

  mutating func rect(
    x: Double, y: Double, width: Double, height: Double, fill: String,
    _ extra: [(String, String)] = []
  ) {
    element("rect", [
      ("x", number(x)), ("y", number(y)), ("width", number(width)), ("height", number(height)),
      ("fill", fill),
    ] + extra)
  }

  mutating func line(
    x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
    _ extra: [(String, String)] = []
  ) {
    element("line", [
      ("x1", number(x1)), ("y1", number(y1)), ("x2", number(x2)), ("y2", number(y2)),
      ("stroke", stroke), ("stroke-width", number(width)),
    ] + extra)
  }

  /// Text whose `anchor` ("start", "middle", "end") is at (`x`, `y`) on its baseline, turned
  /// by `rotation` degrees about that point.
  mutating func text(
    _ string: String, x: Double, y: Double, size: Double = 12, anchor: String = "middle",
    fill: String = Palette.svgText, weight: String? = nil, rotation: Double = 0,
    _ extra: [(String, String)] = []
  ) {
    var attributes = [("x", number(x)), ("y", number(y)), ("font-size", number(size))]
    if anchor != "start" { attributes.append(("text-anchor", anchor)) }
    attributes.append(("fill", fill))
    if let weight { attributes.append(("font-weight", weight)) }
    if rotation != 0 {
      attributes.append(("transform", "rotate(\(number(rotation)) \(number(x)) \(number(y)))"))
    }
    element("text", attributes + extra, text: string)
  }

  mutating func circle(cx: Double, cy: Double, r: Double, fill: String, _ extra: [(String, String)] = []) {
    element("circle", [("cx", number(cx)), ("cy", number(cy)), ("r", number(r)), ("fill", fill)] + extra)
  }

  /// A path through `points`, one "M … L …" run per polyline.
  static func pathData(_ polylines: [[(x: Double, y: Double)]]) -> String {
    var data = ""
    for polyline in polylines where !polyline.isEmpty {
      if !data.isEmpty { data += " " }
      data += "M" + number(polyline[0].x) + "," + number(polyline[0].y)
      if polyline.count == 1 {
        data += "h0"
        continue
      }
      data += "L"
      for (index, point) in polyline.dropFirst().enumerated() {
        if index > 0 { data += " " }
        data += number(point.x) + "," + number(point.y)
      }
    }
    return data
  }

  // MARK: - Text

  /// The font size of tick labels, and of axis labels: large enough to read from the back
  /// of a room when a figure fills a projected page (seaborn's "talk" context is 1.25 × the
  /// notebook's 11 and 12).
  static let tickFontSize = 13.0
  static let axisLabelFontSize = 14.0

  /// An estimate of the width of `text` at `size` in a sans-serif font, for laying out
  /// legends and margins (no font metrics are available).
  static func textWidth(_ text: String, size: Double) -> Double {
    Double(text.count) * size * 0.56
  }

  private static func attributes(_ attributes: [(String, String)]) -> String {
    var text = ""
    for (name, value) in attributes { text += " " + name + "=\"" + xmlEscaped(value) + "\"" }
    return text
  }

  private mutating func indent() {
    body += String(repeating: "  ", count: depth)
  }

  private func number(_ value: Double) -> String { SVGWriter.number(value) }

  static func number(_ value: Double) -> String { NumberFormat.coordinate(value) }
}

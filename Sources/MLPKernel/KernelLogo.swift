import Foundation

/// The kernel's logo, which Jupyter shows in its launcher and beside a running notebook: a
/// small perceptron (two inputs, three hidden units, two outputs, every unit joined to the
/// next layer) in white on a rounded blue square. One geometry, drawn as SVG and as the
/// PNG sizes a kernelspec carries (`logo-32x32.png`, `logo-64x64.png`).
enum KernelLogo {
  /// Coordinates on a 64 × 64 canvas.
  struct Point { var x: Double, y: Double }

  static let layers: [[Point]] = [
    [Point(x: 14, y: 24), Point(x: 14, y: 40)],
    [Point(x: 32, y: 16), Point(x: 32, y: 32), Point(x: 32, y: 48)],
    [Point(x: 50, y: 24), Point(x: 50, y: 40)],
  ]
  static let unitRadius = 5.0
  static let lineWidth = 2.0
  static let cornerRadius = 12.0
  static let background = (red: 0x1f, green: 0x4e, blue: 0x79)
  static let edge = (red: 0x9c, green: 0xc3, blue: 0xe6)

  static var connections: [(Point, Point)] {
    zip(layers, layers.dropFirst()).flatMap { from, to in from.flatMap { a in to.map { b in (a, b) } } }
  }

  // MARK: - SVG

  static func svg() -> String {
    func hex(_ colour: (red: Int, green: Int, blue: Int)) -> String {
      String(format: "#%02x%02x%02x", colour.red, colour.green, colour.blue)
    }
    var body = "<rect width=\"64\" height=\"64\" rx=\"\(cornerRadius)\" fill=\"\(hex(background))\"/>\n"
    for (a, b) in connections {
      body += "<line x1=\"\(a.x)\" y1=\"\(a.y)\" x2=\"\(b.x)\" y2=\"\(b.y)\" stroke=\"\(hex(edge))\" stroke-width=\"\(lineWidth)\"/>\n"
    }
    for point in layers.joined() {
      body += "<circle cx=\"\(point.x)\" cy=\"\(point.y)\" r=\"\(unitRadius)\" fill=\"#ffffff\"/>\n"
    }
    return """
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
      <title>mlpsh</title>
      \(body)</svg>

      """
  }

  // MARK: - PNG

  /// The logo as `size` × `size` RGBA pixels, each the average of 4 × 4 samples.
  static func pixels(size: Int) -> [UInt8] {
    let scale = 64.0 / Double(size)
    var pixels = [UInt8](repeating: 0, count: size * size * 4)
    for row in 0..<size {
      for column in 0..<size {
        var sums = (red: 0.0, green: 0.0, blue: 0.0, alpha: 0.0)
        for sy in 0..<4 {
          for sx in 0..<4 {
            let point = Point(x: (Double(column) + (Double(sx) + 0.5) / 4) * scale,
                              y: (Double(row) + (Double(sy) + 0.5) / 4) * scale)
            guard let colour = colour(at: point) else { continue }
            sums.red += Double(colour.red)
            sums.green += Double(colour.green)
            sums.blue += Double(colour.blue)
            sums.alpha += 1
          }
        }
        let offset = (row * size + column) * 4
        if sums.alpha > 0 {
          pixels[offset] = UInt8((sums.red / sums.alpha).rounded())
          pixels[offset + 1] = UInt8((sums.green / sums.alpha).rounded())
          pixels[offset + 2] = UInt8((sums.blue / sums.alpha).rounded())
          pixels[offset + 3] = UInt8((sums.alpha / 16 * 255).rounded())
        }
      }
    }
    return pixels
  }

  /// The colour at `point`, or `nil` outside the rounded square.
  private static func colour(at point: Point) -> (red: Int, green: Int, blue: Int)? {
    guard isInsideRoundedSquare(point) else { return nil }
    if layers.joined().contains(where: { distance(point, $0) <= unitRadius }) { return (255, 255, 255) }
    if connections.contains(where: { distance(point, segment: $0) <= lineWidth / 2 }) { return edge }
    return background
  }

  private static func isInsideRoundedSquare(_ point: Point) -> Bool {
    let r = cornerRadius
    let nearest = Point(x: min(max(point.x, r), 64 - r), y: min(max(point.y, r), 64 - r))
    return point.x >= 0 && point.x <= 64 && point.y >= 0 && point.y <= 64 && distance(point, nearest) <= r
  }

  private static func distance(_ a: Point, _ b: Point) -> Double {
    ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
  }

  private static func distance(_ point: Point, segment: (Point, Point)) -> Double {
    let (a, b) = segment
    let dx = b.x - a.x, dy = b.y - a.y
    let t = min(max(((point.x - a.x) * dx + (point.y - a.y) * dy) / (dx * dx + dy * dy), 0), 1)
    return distance(point, Point(x: a.x + t * dx, y: a.y + t * dy))
  }
}

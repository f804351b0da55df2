/// A colour as an SVG file writes it (`#rrggbb`) and as a 256-colour terminal shows it.
struct PlotColor: Equatable, Sendable {
  var red: UInt8
  var green: UInt8
  var blue: UInt8
  /// The xterm 256-colour index that stands for this colour in a terminal.
  var ansi: UInt8

  init(hex: UInt32, ansi: UInt8) {
    red = UInt8((hex >> 16) & 0xff)
    green = UInt8((hex >> 8) & 0xff)
    blue = UInt8(hex & 0xff)
    self.ansi = ansi
  }

  init(red: UInt8, green: UInt8, blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
    self.ansi = PlotColor.nearestANSI(red: red, green: green, blue: blue)
  }

  /// `#rrggbb`, lower case.
  var hex: String {
    let digits = Array("0123456789abcdef")
    var text = "#"
    for byte in [red, green, blue] {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return text
  }

  /// The colour a fraction `t` of the way to `other`, mixed channel by channel:
  /// `c = (1 - t) · self + t · other`.
  func mixed(with other: PlotColor, _ t: Double) -> PlotColor {
    let t = min(max(t, 0), 1)
    func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
      UInt8((Double(a) * (1 - t) + Double(b) * t).rounded())
    }
    return PlotColor(
      red: channel(red, other.red), green: channel(green, other.green),
      blue: channel(blue, other.blue))
  }

  /// Relative luminance, 0 for black to 1 for white (Rec. 709 weights on the sRGB values,
  /// enough to choose black or white text over a fill).
  var luminance: Double {
    (0.2126 * Double(red) + 0.7152 * Double(green) + 0.0722 * Double(blue)) / 255
  }

  static let white = PlotColor(hex: 0xffffff, ansi: 231)
  static let black = PlotColor(hex: 0x000000, ansi: 16)

  /// The nearest entry of the xterm 6×6×6 colour cube or of its 24-step grey ramp.
  static func nearestANSI(red: UInt8, green: UInt8, blue: UInt8) -> UInt8 {
    let levels = [0, 95, 135, 175, 215, 255]
    func nearestLevel(_ value: UInt8) -> Int {
      levels.indices.min { abs(levels[$0] - Int(value)) < abs(levels[$1] - Int(value)) }!
    }
    let (r, g, b) = (nearestLevel(red), nearestLevel(green), nearestLevel(blue))
    let cubeError = distance(red, green, blue, levels[r], levels[g], levels[b])
    let average = (Int(red) + Int(green) + Int(blue)) / 3
    let greyStep = min(23, max(0, (average - 8 + 5) / 10))
    let greyValue = 8 + 10 * greyStep
    let greyError = distance(red, green, blue, greyValue, greyValue, greyValue)
    if greyError < cubeError { return UInt8(232 + greyStep) }
    return UInt8(16 + 36 * r + 6 * g + b)
  }

  private static func distance(
    _ red: UInt8, _ green: UInt8, _ blue: UInt8, _ r: Int, _ g: Int, _ b: Int
  ) -> Int {
    let dr = Int(red) - r, dg = Int(green) - g, db = Int(blue) - b
    return dr * dr + dg * dg + db * db
  }
}

/// The colours every figure draws with.
///
/// Series and classes take seaborn's "deep" palette, the look of the notebook's
/// `sns.set()`; the terminal gets hand-picked xterm colours of the same hues, bright enough
/// for a dark background and dark enough for a light one.
enum Palette {
  /// One colour per series (and per class), in order.
  static let series: [PlotColor] = [
    PlotColor(hex: 0x4c72b0, ansi: 39),  // blue
    PlotColor(hex: 0xdd8452, ansi: 208),  // orange
    PlotColor(hex: 0x55a868, ansi: 77),  // green
    PlotColor(hex: 0xc44e52, ansi: 203),  // red
    PlotColor(hex: 0x8172b3, ansi: 141),  // purple
    PlotColor(hex: 0x937860, ansi: 137),  // brown
    PlotColor(hex: 0xda8bc3, ansi: 212),  // pink
    PlotColor(hex: 0x8c8c8c, ansi: 246),  // grey
    PlotColor(hex: 0xccb974, ansi: 186),  // olive
    PlotColor(hex: 0x64b5cd, ansi: 80),  // cyan
  ]

  /// The colour of series (or class) number `index`, repeating after ten.
  static func series(_ index: Int) -> PlotColor {
    series[((index % series.count) + series.count) % series.count]
  }

  /// Terminal background of the region a class is predicted in: a dark shade of its hue.
  static let regionBackground: [UInt8] = [24, 94, 22, 88, 54, 58, 89, 238, 100, 30]
  /// Terminal colour of a data point of a class, drawn over the regions: a light tint.
  static let pointForeground: [UInt8] = [117, 222, 120, 217, 183, 223, 219, 255, 229, 159]

  static func regionBackground(_ index: Int) -> UInt8 {
    regionBackground[((index % 10) + 10) % 10]
  }

  static func pointForeground(_ index: Int) -> UInt8 {
    pointForeground[((index % 10) + 10) % 10]
  }

  /// Axis lines and tick marks in the terminal.
  static let axisANSI: UInt8 = 244
  /// Plot background, grid, text and frame colours of the SVG (seaborn's darkgrid).
  /// The dash pattern of series slot `index` in SVG, `nil` for the first (solid): runs stay
  /// apart in print, in grey and for readers who do not tell the colours apart.
  static func svgDash(_ index: Int) -> String? {
    let patterns: [String?] = [nil, "9 4", "2 3", "9 3 2 3", "4 4", "12 3 2 3 2 3"]
    return patterns[index % patterns.count]
  }

  static let svgPlotBackground = "#eaeaf2"
  static let svgGrid = "#ffffff"
  static let svgText = "#262626"
  static let svgMutedText = "#4d4d4d"
  static let svgFrame = "#b0b0b8"

  /// The xterm colour of a grey level from 0 (black) to 1 (white): 16, the 24-step ramp
  /// 232 … 255, then 231.
  static func greyANSI(_ level: Double) -> UInt8 {
    let step = Int((min(max(level, 0), 1) * 25).rounded())
    switch step {
    case 0: return 16
    case 25: return 231
    default: return UInt8(231 + step)
    }
  }
}

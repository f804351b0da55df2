/// The incoming weights of a layer's units, each drawn as an image the shape of the input:
/// what a hidden unit of an MNIST network responds to, as ConvNetJS draws its first layer.
///
/// Colours diverge from 0: white at 0, deepening to red for positive and to blue for
/// negative weights. One symmetric limit serves every unit drawn (the largest `|w|` among
/// them), so a pale unit is one whose weights are small, and units compare by eye:
/// ```
/// t = clamp(w / limit, -1, 1)     colour = mix(white, t > 0 ? red : blue, |t|)
/// ```
public struct WeightImages: Sendable, Equatable {
  /// One unit: its index in the layer and its weights, row by row from the top.
  public struct Unit: Sendable, Equatable {
    public var index: Int
    public var weights: [Double]

    public init(index: Int, weights: [Double]) {
      self.index = index
      self.weights = weights
    }

    /// "unit 3".
    public var caption: String { "unit \(index)" }
  }

  public var title: String
  /// Image size in pixels; every unit has `width × height` weights.
  public var width: Int
  public var height: Int
  public var units: [Unit]
  /// The layer's number, for the summary.
  public var layer: Int
  /// How many units the layer has (`units` may be the first few).
  public var layerUnits: Int

  public init(title: String, width: Int, height: Int, units: [Unit], layer: Int = 0, layerUnits: Int? = nil) {
    precondition(width > 0 && height > 0, "a \(width) × \(height) image has no pixels")
    for unit in units {
      precondition(unit.weights.count == width * height,
                   "\(unit.weights.count) weights for a \(width) × \(height) image")
    }
    self.title = title
    self.width = width
    self.height = height
    self.units = units
    self.layer = layer
    self.layerUnits = layerUnits ?? units.count
  }

  /// The symmetric limit of the colour scale: the largest finite `|w|` over the units drawn
  /// (0 when there is none, and then every pixel is white).
  public var limit: Double {
    units.lazy.flatMap(\.weights).filter(\.isFinite).map(abs).max() ?? 0
  }

  /// A weight on the scale, from -1 (the most negative) through 0 to 1; 0 for a non-finite
  /// weight or a zero limit.
  func position(_ weight: Double) -> Double {
    let limit = self.limit
    guard limit > 0, weight.isFinite else { return 0 }
    return min(max(weight / limit, -1), 1)
  }

  /// The legend's ends: "−0.52" and "+0.52".
  var limitLabels: (negative: String, positive: String) {
    let text = NumberFormat.short(limit)
    return limit == 0 ? ("0", "0") : ("−" + text, "+" + text)
  }

  /// One line for logs and screen readers: which units, their image size and the scale.
  /// ```
  /// units 0 … 15 of 16 in layer 0 as 8×8 images, scale −0.52 (blue) … 0 … +0.52 (red)
  /// ```
  public var summary: String {
    guard let first = units.first, let last = units.last else { return "no units" }
    let which = units.count == 1 ? "unit \(first.index)" : "units \(first.index) … \(last.index)"
    let (negative, positive) = limitLabels
    return "\(which) of \(layerUnits) in layer \(layer) as \(width)×\(height) images, "
      + "scale \(negative) (blue) … 0 … \(positive) (red)"
  }
}

// MARK: - Colours

extension Palette {
  /// The ends of the diverging weight scale (ColorBrewer's RdBu): negative, zero, positive.
  static let weightNegative = PlotColor(hex: 0x2166ac, ansi: 25)
  static let weightZero = PlotColor.white
  static let weightPositive = PlotColor(hex: 0xb2182b, ansi: 124)

  /// The colour of a scale position `t` in -1 … 1, quantised to 64 steps a side so that
  /// neighbouring pixels of nearly equal weight share one SVG run.
  static func weightColor(_ t: Double) -> PlotColor {
    let step = (min(abs(t), 1) * 64).rounded() / 64
    return weightZero.mixed(with: t < 0 ? weightNegative : weightPositive, step)
  }

  /// Terminal backgrounds from white to the deepest shade, hand-picked from the xterm cube so
  /// that each step reads as a step: a side's ramp, index 0 for 0.
  static let weightNegativeANSI: [UInt8] = [231, 189, 153, 111, 69, 32, 26, 25]
  static let weightPositiveANSI: [UInt8] = [231, 224, 217, 210, 203, 167, 160, 124]

  /// The xterm colour of scale position `t` in -1 … 1.
  static func weightANSI(_ t: Double) -> UInt8 {
    let ramp = t < 0 ? weightNegativeANSI : weightPositiveANSI
    return ramp[Int((min(abs(t), 1) * Double(ramp.count - 1)).rounded())]
  }
}

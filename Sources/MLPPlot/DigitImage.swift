/// A grey-scale image, such as one MNIST digit, with an optional caption.
public struct DigitImage: Sendable, Equatable {
  /// Size in pixels.
  public var width: Int
  public var height: Int
  /// The pixel values, row by row from the top.
  public var pixels: [Double]
  /// The values drawn as black and white: MNIST's bytes are `0 ... 255`, scaled inputs
  /// `0 ... 1`. Values outside are clamped.
  public var range: ClosedRange<Double>
  /// A line under the image, such as "label 7, predicted 2".
  public var caption: String?

  /// An image of `width × height` pixels.
  public init(
    width: Int = 28, height: Int = 28, pixels: [Double], range: ClosedRange<Double> = 0 ... 255,
    caption: String? = nil
  ) {
    precondition(width > 0 && height > 0, "a \(width) × \(height) image has no pixels")
    precondition(pixels.count == width * height,
                 "\(pixels.count) pixels for a \(width) × \(height) image")
    self.width = width
    self.height = height
    self.pixels = pixels
    self.range = range
    self.caption = caption
  }

  /// An image from pixels of any floating-point type (a row of a `Float` matrix).
  public init<Value: BinaryFloatingPoint>(
    width: Int = 28, height: Int = 28, pixels: [Value], range: ClosedRange<Double> = 0 ... 255,
    caption: String? = nil
  ) {
    self.init(
      width: width, height: height, pixels: pixels.map { Double($0) }, range: range,
      caption: caption)
  }

  /// The brightness of pixel (`x`, `y`), from 0 (black) to 1 (white); 0 outside the image.
  /// ```
  /// level = clamp((v - lower) / (upper - lower), 0, 1)
  /// ```
  public func level(x: Int, y: Int) -> Double {
    guard x >= 0, y >= 0, x < width, y < height else { return 0 }
    let span = range.upperBound - range.lowerBound
    guard span > 0 else { return 0 }
    let value = pixels[y * width + x]
    guard value.isFinite else { return 0 }
    return min(max((value - range.lowerBound) / span, 0), 1)
  }

  /// The mean level of the `across × down` block whose top left pixel is (`x`, `y`).
  func meanLevel(x: Int, y: Int, across: Int, down: Int) -> Double {
    var sum = 0.0
    for dy in 0 ..< down {
      for dx in 0 ..< across { sum += level(x: x + dx, y: y + dy) }
    }
    return sum / Double(across * down)
  }
}

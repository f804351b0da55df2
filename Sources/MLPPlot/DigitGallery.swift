/// Images side by side, wrapped into rows: a digit and its prediction, or the misclassified
/// digits of a test set.
public struct DigitGallery: Sendable, Equatable {
  public var title: String
  public var images: [DigitImage]

  public init(title: String, images: [DigitImage]) {
    self.title = title
    self.images = images
  }

  /// One line for logs and screen readers: how many images, and their captions (the first
  /// six).
  /// ```
  /// 3 images: label 7, predicted 2; label 4, predicted 9; label 5, predicted 3
  /// ```
  public var summary: String {
    guard !images.isEmpty else { return "no images" }
    var text = images.count == 1 ? "1 image" : "\(images.count) images"
    if let first = images.first, images.allSatisfy({ $0.width == first.width && $0.height == first.height }) {
      text += " of \(first.width)×\(first.height) pixels"
    }
    let captions = images.compactMap(\.caption).filter { !$0.isEmpty }
    guard !captions.isEmpty else { return text }
    text += ": " + captions.prefix(6).joined(separator: "; ")
    if captions.count > 6 { text += "; and \(captions.count - 6) more" }
    return text
  }
}

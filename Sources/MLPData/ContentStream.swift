/// The content of a file, read front to back: gunzipped in one go when the file starts with
/// the gzip magic number, the bytes as they are otherwise.
final class ContentStream {
  /// The file's path, for errors.
  let path: String
  private let content: [UInt8]
  private var offset = 0

  /// Opens (reads, and if need be inflates) the file at `path`.
  ///
  /// - Throws: `DatasetError.fileNotFound`, `.unreadable` or `.badGzip`.
  convenience init(path: String) throws(DatasetError) {
    try self.init(raw: FileBytes.read(path), path: path)
  }

  /// The content of a file already read: `raw`, inflated when it starts with the gzip magic.
  ///
  /// - Throws: `DatasetError.badGzip`.
  init(raw: [UInt8], path: String) throws(DatasetError) {
    self.path = path
    content = Gzip.isCompressed(raw) ? try Gzip.inflate(raw, path: path) : raw
  }

  /// The size the content of `raw` will have, when it can be told before inflating (the gzip
  /// trailer's `ISIZE`, within what deflate can produce).
  static func announcedSize(of raw: [UInt8]) -> Int? {
    Gzip.isCompressed(raw) ? Gzip.announcedSize(raw) : raw.count
  }

  /// The size of the whole content.
  var contentBound: Int { content.count }

  /// Reads up to `count` bytes into a new array (fewer only at the end).
  func read(count: Int) -> [UInt8] {
    let end = min(content.count, offset + count)
    defer { offset = end }
    return Array(content[offset ..< end])
  }

  /// Hands `body` the next `count` bytes (fewer only at the end) without copying them.
  func withNext<Result>(_ count: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    let end = min(content.count, offset + count)
    defer { offset = end }
    return content.withUnsafeBufferPointer { bytes in
      body(UnsafeBufferPointer(rebasing: bytes[offset ..< end]))
    }
  }

  /// Skips everything that is left, and returns how many bytes that was.
  func skipToEnd() -> Int {
    defer { offset = content.count }
    return content.count - offset
  }
}

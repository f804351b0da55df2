/// The content of a file, read front to back: the bytes as they are, or inflated as they
/// are asked for when the file starts with the gzip magic number.
///
/// Inflating on demand is what bounds a gzip bomb: the IDX reader asks for the header
/// first, then for exactly the bytes the header announces, so an 8 GB stream of zeros
/// costs the few bytes of its (wrong) magic number, not 8 GB of memory. Reading past the
/// announced content, to name trailing garbage, counts at most `FileBytes.largestContent`
/// bytes through a small buffer.
final class ContentStream {
  /// The file's path, for errors.
  let path: String
  private let raw: [UInt8]
  /// The inflater, for a gzip file; `nil` for a plain one.
  private let reader: GzipReader?
  /// Bytes of content handed out so far.
  private var offset = 0
  /// Whether a gzip file's whole content has been handed out (libdeflate's single pass).
  private var inflatedWhole = false

  /// Opens (reads) the file at `path`.
  ///
  /// - Throws: `DatasetError.fileNotFound`, `.unreadable`, `.contentTooLarge` or `.badGzip`.
  convenience init(path: String) throws(DatasetError) {
    try self.init(raw: FileBytes.read(path), path: path)
  }

  /// The content of a file already read: `raw`, inflated as it is read when it starts with
  /// the gzip magic.
  ///
  /// - Throws: `DatasetError.badGzip` when zlib cannot start.
  init(raw: [UInt8], path: String) throws(DatasetError) {
    self.path = path
    self.raw = raw
    reader = Gzip.isCompressed(raw) ? try GzipReader(raw, path: path) : nil
  }

  /// The size the content of `raw` will have, when it can be told before inflating (the gzip
  /// trailer's `ISIZE`, within what deflate can produce).
  static func announcedSize(of raw: [UInt8]) -> Int? {
    Gzip.isCompressed(raw) ? Gzip.announcedSize(raw) : raw.count
  }

  /// The most the content can hold: the file's size, or for gzip what deflate's best ratio
  /// (1032:1) can make of the compressed bytes.
  var contentBound: Int {
    reader == nil ? raw.count : raw.count.multipliedReportingOverflow(by: 1032).partialValue
  }

  /// Reads up to `count` bytes into a new array (fewer only at the end).
  ///
  /// - Throws: `DatasetError.badGzip` for corrupt or truncated gzip data.
  func read(count: Int) throws(DatasetError) -> [UInt8] {
    try withNext(count) { Array($0) }
  }

  /// Hands `body` the next `count` bytes (fewer only at the end).
  ///
  /// A gzip file whose trailer announces exactly the content read so far plus `count` (every
  /// data set we know, read by the IDX reader) is inflated by libdeflate in one pass into a
  /// buffer of that size, which cannot overflow it; anything else goes through zlib, which
  /// stops after `count` bytes.
  ///
  /// - Throws: `DatasetError.badGzip` for corrupt or truncated gzip data.
  func withNext<Result>(_ count: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) throws(DatasetError) -> Result {
    guard let reader else {
      let end = min(raw.count, offset + count)
      defer { offset = end }
      return raw.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[offset ..< end])) }
    }
    if offset > 0, Gzip.announcedSize(raw) == offset + count, let whole = Gzip.inflateSingleMember(raw) {
      defer { offset += count; inflatedWhole = true }
      return whole.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[offset...])) }
    }
    let chunk = try reader.readChunk(capacity: count)
    offset += chunk.count
    return chunk.withUnsafeBufferPointer(body)
  }

  /// Skips what is left, up to `limit` bytes, and returns how many bytes that was: `limit`
  /// when there are at least that many.
  ///
  /// - Throws: `DatasetError.badGzip` for corrupt or truncated gzip data.
  func skipToEnd(limit: Int = FileBytes.largestContent) throws(DatasetError) -> Int {
    guard let reader else {
      defer { offset = raw.count }
      return min(limit, raw.count - offset)
    }
    guard !inflatedWhole else { return 0 }
    var skipped = 0
    var scratch = [UInt8](repeating: 0, count: 1 << 16)
    while !reader.isAtEnd && skipped < limit {
      skipped += try scratch.withUnsafeMutableBufferPointer { buffer throws(DatasetError) in
        try reader.read(into: UnsafeMutableBufferPointer(rebasing: buffer[..<min(buffer.count, limit - skipped)]))
      }
    }
    offset += skipped
    return skipped
  }
}

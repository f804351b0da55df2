/// The content of a file read front to back: gunzipped on the fly when the file starts with
/// the gzip magic number, the bytes as they are otherwise.
///
/// The IDX reader pulls small chunks from it and converts each to floats while it is still in
/// the cache, so MNIST never exists as a 47 MB byte array beside its floats.
final class ContentStream {
  /// The file's path, for errors.
  let path: String
  private let gzip: GzipReader?
  private let plain: [UInt8]
  private var offset = 0

  /// Opens (reads) the file at `path`.
  ///
  /// - Throws: `DatasetError.fileNotFound`, `.unreadable` or `.badGzip`.
  init(path: String) throws(DatasetError) {
    self.path = path
    let raw = try FileBytes.read(path)
    if Gzip.isCompressed(raw) {
      gzip = try GzipReader(raw, path: path)
      plain = []
    } else {
      gzip = nil
      plain = raw
    }
  }

  /// The most content the file can hold: its size when plain, 1032 times its size when
  /// gzipped (deflate's best ratio).
  var contentBound: Int {
    gzip?.compressedCount.multipliedReportingOverflow(by: 1032).partialValue ?? plain.count
  }

  /// Fills `buffer` with the next bytes of content.
  ///
  /// - Returns: the number of bytes written: `buffer.count`, or fewer only at the end.
  func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(DatasetError) -> Int {
    if let gzip { return try gzip.read(into: buffer) }
    let count = min(buffer.count, plain.count - offset)
    guard count > 0 else { return 0 }
    plain.withUnsafeBufferPointer { source in
      buffer.baseAddress!.update(from: source.baseAddress! + offset, count: count)
    }
    offset += count
    return count
  }

  /// Reads up to `count` bytes into a new array (fewer only at the end).
  func read(count: Int) throws(DatasetError) -> [UInt8] {
    var failure: DatasetError?
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      do throws(DatasetError) {
        initialized = try read(into: buffer)
      } catch {
        failure = error
        initialized = 0
      }
    }
    if let failure { throw failure }
    return bytes
  }

  /// Reads everything that is left, and returns how many bytes that was.
  func skipToEnd() throws(DatasetError) -> Int {
    var skipped = 0
    while true {
      let chunk = try read(count: 1 << 16)
      skipped += chunk.count
      if chunk.count < 1 << 16 { return skipped }
    }
  }
}

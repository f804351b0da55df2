import CZlib

/// Gzip inflation, and the one file of MLPData that reaches zlib (libdeflate is reached from
/// `LibDeflate.swift`).
///
/// Files are recognised by their first two bytes (the gzip magic `1f 8b`), never by their
/// name, so `train-images-idx3-ubyte` works whether or not it is compressed. A single-member
/// file (every data set we know) goes through libdeflate in one call, into a buffer sized by
/// the gzip trailer. Anything else, and any file libdeflate rejects, goes through zlib's
/// streaming inflate (`GzipReader`), which handles several members and says precisely what is
/// wrong (a truncated stream, a failed check, garbage after the end).
enum Gzip {
  /// Whether `bytes` start with the gzip magic number `1f 8b`.
  static func isCompressed(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
  }

  /// The uncompressed content of a gzip file: every member, concatenated.
  ///
  /// The output buffer is preallocated from the size the gzip trailer announces (`ISIZE`),
  /// plus one byte so that zlib reads the trailer in the same pass; only a file that lies
  /// about it (or one of several members) pays for growing the buffer.
  ///
  /// - Parameters:
  ///   - compressed: the whole gzip file.
  ///   - path: the file's path, for errors.
  ///   - limit: the most content to inflate; a stream that holds more (a gzip bomb) stops
  ///     there, having used no more memory than that.
  /// - Throws: `DatasetError.badGzip` for a corrupt or truncated input, `.contentTooLarge`
  ///   past `limit`.
  static func inflate(_ compressed: [UInt8], path: String, limit: Int = FileBytes.largestContent) throws(DatasetError) -> [UInt8] {
    if let size = announcedSize(compressed), size <= limit, let content = inflateSingleMember(compressed) {
      return content
    }
    let reader = try GzipReader(compressed, path: path)
    var output = try reader.readChunk(capacity: min(reader.announcedSize, limit) + 1)
    while !reader.isAtEnd {
      guard output.count <= limit else { throw .contentTooLarge(path: path, limit: limit) }
      output.append(contentsOf: try reader.readChunk(capacity: min(max(1 << 20, output.count / 2), limit + 1 - output.count + 1)))
    }
    guard output.count <= limit else { throw .contentTooLarge(path: path, limit: limit) }
    return output
  }
}

extension Gzip {
  /// The uncompressed size the last member's trailer (`ISIZE`, little-endian) announces, or
  /// `nil` when the file is too short to have one or the size is more than deflate's best
  /// ratio (1032:1) allows: a corrupt trailer must not make us allocate gigabytes.
  static func announcedSize(_ compressed: [UInt8]) -> Int? {
    guard compressed.count >= 18 else { return nil }
    let tail = compressed.count - 4
    let announced = Int(compressed[tail]) | Int(compressed[tail + 1]) << 8
      | Int(compressed[tail + 2]) << 16 | Int(compressed[tail + 3]) << 24
    return announced <= compressed.count * 1032 ? announced : nil
  }
}

/// Inflates an in-memory gzip file front to back, into whatever buffers it is given.
///
/// The `z_stream` lives on the heap because zlib keeps a pointer back to it and checks that
/// it has not moved.
final class GzipReader {
  private let stream: UnsafeMutablePointer<z_stream>
  private let input: [UInt8]
  private var consumed = 0
  private let path: String
  /// Whether the last member has ended: everything has been read.
  private(set) var isAtEnd = false

  /// A reader over `compressed`, which must start with the gzip magic number.
  init(_ compressed: [UInt8], path: String) throws(DatasetError) {
    self.input = compressed
    self.path = path
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let status = inflateInit2_(stream, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    // Every property is set, so a throw here runs `deinit`, which frees the stream
    // (`inflateEnd` on a stream that never started just reports an error).
    guard status == Z_OK else {
      throw .badGzip(path: path, reason: "zlib could not start (status \(status))")
    }
  }

  deinit {
    inflateEnd(stream)
    stream.deallocate()
  }

  /// The uncompressed size the last member's trailer announces, at least 64.
  var announcedSize: Int {
    max(64, Gzip.announcedSize(input) ?? 64)
  }

  /// Fills `buffer` with the next bytes of content.
  ///
  /// - Returns: the number of bytes written: `buffer.count`, or fewer only at the end.
  /// - Throws: `DatasetError.badGzip` for corrupt data, a failed check or an early end.
  func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(DatasetError) -> Int {
    var written = 0
    while !isAtEnd && written < buffer.count {
      let outputCount = min(buffer.count - written, Int(UInt32.max))
      let (status, inputCount, remainingInput) = input.withUnsafeBufferPointer { bytes in
        let inputCount = min(bytes.count - consumed, Int(UInt32.max))
        stream.pointee.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress.map { $0 + consumed })
        stream.pointee.avail_in = UInt32(inputCount)
        stream.pointee.next_out = buffer.baseAddress! + written
        stream.pointee.avail_out = UInt32(outputCount)
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        return (status, inputCount, Int(stream.pointee.avail_in))
      }
      consumed += inputCount - remainingInput
      written += outputCount - Int(stream.pointee.avail_out)
      switch status {
      case Z_OK:
        continue
      case Z_STREAM_END:
        try finishMember()
      case Z_BUF_ERROR:
        // No progress with room left to write: the input ran out before the stream ended.
        throw .badGzip(path: path, reason: "the compressed data ends early (truncated file)")
      case Z_MEM_ERROR:
        throw .badGzip(path: path, reason: "out of memory while inflating")
      default:
        let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
        throw .badGzip(path: path, reason: message)
      }
    }
    return written
  }

  /// Up to `capacity` next bytes of content, in a new array.
  func readChunk(capacity: Int) throws(DatasetError) -> [UInt8] {
    var failure: DatasetError?
    let chunk = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      do throws(DatasetError) {
        count = try read(into: buffer)
      } catch {
        failure = error
        count = 0
      }
    }
    if let failure { throw failure }
    return chunk
  }

  /// After the end of one member: another member follows, or only zero padding is left.
  private func finishMember() throws(DatasetError) {
    let rest = input[consumed...]
    if rest.count >= 2 && rest.first == 0x1f && rest.dropFirst().first == 0x8b {
      inflateReset(stream)
      return
    }
    guard rest.allSatisfy({ $0 == 0 }) else {
      throw .badGzip(path: path, reason: "\(rest.count) bytes of garbage after the compressed data")
    }
    isAtEnd = true
  }
}

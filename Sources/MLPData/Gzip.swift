import CZlib

/// Gzip inflation through zlib: the one file of MLPData that reaches the C library.
///
/// Files are recognised by their first two bytes (the gzip magic `1f 8b`), never by their
/// name, so `train-images-idx3-ubyte` works whether or not it is compressed. The whole output
/// is inflated in one pass straight into a buffer preallocated from the size the gzip trailer
/// announces (`ISIZE`, the uncompressed size modulo 2³²); only a file that lies about it (or one
/// made of several gzip members) pays for growing the buffer.
enum Gzip {
  /// Whether `bytes` start with the gzip magic number `1f 8b`.
  static func isCompressed(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
  }

  /// The uncompressed content of a gzip file: every member, concatenated.
  ///
  /// - Parameters:
  ///   - compressed: the whole gzip file.
  ///   - path: the file's path, for errors.
  /// - Throws: `DatasetError.badGzip` for a corrupt, truncated or not-gzip input.
  static func inflate(_ compressed: [UInt8], path: String) throws(DatasetError) -> [UInt8] {
    let inflater = try Inflater(path: path)
    return try compressed.withUnsafeBufferPointer { input throws(DatasetError) -> [UInt8] in
      inflater.setInput(input)
      var failure: DatasetError?
      var finished = false
      var output = [UInt8](unsafeUninitializedCapacity: expectedSize(of: input) + 1) { buffer, count in
        do throws(DatasetError) {
          (count, finished) = try inflater.inflate(into: buffer)
        } catch {
          failure = error
          count = 0
        }
      }
      if let failure { throw failure }
      while !finished {
        let chunk = [UInt8](unsafeUninitializedCapacity: max(1 << 20, output.count / 2)) { buffer, count in
          do throws(DatasetError) {
            (count, finished) = try inflater.inflate(into: buffer)
          } catch {
            failure = error
            count = 0
          }
        }
        if let failure { throw failure }
        output.append(contentsOf: chunk)
      }
      return output
    }
  }

  /// The size announced by the last member's trailer, bounded by deflate's best ratio (1032:1)
  /// so that a corrupt trailer cannot make us allocate gigabytes. One spare byte lets zlib read
  /// the trailer in the same pass when the announcement is exact.
  private static func expectedSize(of input: UnsafeBufferPointer<UInt8>) -> Int {
    guard input.count >= 18 else { return 64 }
    let tail = input.count - 4
    let announced = Int(input[tail]) | Int(input[tail + 1]) << 8
      | Int(input[tail + 2]) << 16 | Int(input[tail + 3]) << 24
    return max(64, min(announced, input.count * 1032))
  }
}

/// A zlib inflate stream in gzip mode (`windowBits` 16 + `MAX_WBITS`).
///
/// The `z_stream` lives on the heap because zlib keeps a pointer back to it and checks that it
/// has not moved.
private final class Inflater {
  private let stream: UnsafeMutablePointer<z_stream>
  private let path: String
  private var remainingInput: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)

  init(path: String) throws(DatasetError) {
    self.path = path
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    let status = inflateInit2_(stream, 16 + MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
    guard status == Z_OK else {
      stream.deallocate()
      throw .badGzip(path: path, reason: "zlib could not start (status \(status))")
    }
  }

  deinit {
    inflateEnd(stream)
    stream.deallocate()
  }

  /// The bytes to inflate; they must stay alive until the last `inflate(into:)`.
  func setInput(_ input: UnsafeBufferPointer<UInt8>) {
    remainingInput = input
  }

  /// Inflates until `buffer` is full or the last member has ended.
  ///
  /// - Returns: the number of bytes written, and whether the whole input has been inflated.
  func inflate(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(DatasetError) -> (Int, Bool) {
    var written = 0
    while !ended && written < buffer.count {
      let inputCount = min(remainingInput.count, Int(UInt32.max))
      let outputCount = min(buffer.count - written, Int(UInt32.max))
      stream.pointee.next_in = UnsafeMutablePointer(mutating: remainingInput.baseAddress)
      stream.pointee.avail_in = UInt32(inputCount)
      stream.pointee.next_out = buffer.baseAddress! + written
      stream.pointee.avail_out = UInt32(outputCount)
      let status = CZlib.inflate(stream, Z_NO_FLUSH)
      let consumed = inputCount - Int(stream.pointee.avail_in)
      written += outputCount - Int(stream.pointee.avail_out)
      remainingInput = UnsafeBufferPointer(rebasing: remainingInput[consumed...])
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
    return (written, ended)
  }

  /// Whether the last member has ended.
  private var ended = false

  /// After the end of one member: another member follows, or only zero padding is left.
  private func finishMember() throws(DatasetError) {
    if remainingInput.count >= 2 && remainingInput[0] == 0x1f && remainingInput[1] == 0x8b {
      inflateReset(stream)
      return
    }
    guard remainingInput.allSatisfy({ $0 == 0 }) else {
      throw .badGzip(path: path, reason: "\(remainingInput.count) bytes of garbage after the compressed data")
    }
    ended = true
  }
}

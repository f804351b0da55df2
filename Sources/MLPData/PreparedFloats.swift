import Dispatch
import Foundation

/// An array of floats whose memory another thread makes ready while this one works.
///
/// MNIST's training images become 188 MB of floats. The kernel hands out that memory a 4 KB
/// page at a time, zeroing each on its first touch: as long as inflating the file. The size
/// is known before inflating (the gzip trailer says it), so a second thread allocates and
/// touches the array while the first inflates, and the conversion then writes to memory
/// that is already there.
final class PreparedFloats: @unchecked Sendable {
  /// The number of floats being prepared.
  let count: Int
  private let done = DispatchGroup()
  // Written once by the preparing thread before `done` is left, read after waiting on it.
  private var array: [Float] = []

  /// Starts preparing `count` floats on a thread of its own (not the width-limited shared
  /// queues, which the loader's own workers may be filling).
  init(count: Int) {
    self.count = count
    done.enter()
    let thread = Thread { [self] in
      array = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
        Self.touchPages(of: buffer)
        // Floats have no invalid bit patterns; every one is overwritten before it is read.
        initialized = count
      }
      done.leave()
    }
    thread.name = "mlpsh: preparing floats"
    thread.start()
  }

  /// Waits for the array and hands it over (the only reference, so writing to it never
  /// copies), or a fresh one when `expected` floats are needed after all.
  func take(_ expected: Int) -> [Float] {
    done.wait()
    var taken: [Float] = []
    swap(&taken, &array)
    guard taken.count == expected else {
      taken = []  // before allocating again: never both at once
      return [Float](unsafeUninitializedCapacity: expected) { _, initialized in initialized = expected }
    }
    return taken
  }

  /// Whether preparing `count` floats for a file of `compressedSize` bytes is worth a thread
  /// and safe to do before the content is checked: at least 4 MB of floats, at most 1 GiB,
  /// and a trailer that announces no more than 64 times the compressed size (MNIST's files
  /// inflate 5 times, Fashion-MNIST's 2). A trailer that lies costs only memory that the
  /// content really needs; anything beyond these bounds is left to the plain path, which
  /// touches no memory before the content proves it is there.
  static func isWorthPreparing(count: Int, compressedSize: Int) -> Bool {
    count >= 1 << 20 && count <= 1 << 28 && count <= 64 * compressedSize
  }

  /// Linux's `MADV_POPULATE_WRITE` (5.14 and later; older kernels answer EINVAL, and the
  /// pages are then touched one by one). Written out because older C headers lack it.
  private static let populateWrite: Int32 = 23

  /// Has the kernel back every page of `buffer` with memory: one call where Linux can, a
  /// write per page otherwise.
  private static func touchPages(of buffer: UnsafeMutableBufferPointer<Float>) {
    guard let start = buffer.baseAddress, !buffer.isEmpty else { return }
    let page = 4096
    #if canImport(Glibc)
    let first = (Int(bitPattern: start) + page - 1) & ~(page - 1)
    let end = (Int(bitPattern: start + buffer.count)) & ~(page - 1)
    if end > first, madvise(UnsafeMutableRawPointer(bitPattern: first), end - first, populateWrite) == 0 {
      start.pointee = 0
      (start + buffer.count - 1).pointee = 0
      return
    }
    #endif
    for index in stride(from: 0, to: buffer.count, by: page / MemoryLayout<Float>.stride) {
      buffer[index] = 0
    }
    buffer[buffer.count - 1] = 0
  }
}

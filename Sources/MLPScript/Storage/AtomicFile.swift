import Foundation

/// Writes a file so that a crash, a kill or a full disk never leaves a half-written file
/// under its real name: the bytes go to a temporary file in the same folder, which is
/// flushed to the disk (`fsync`) and only then renamed over the real name; the folder is
/// flushed too, so the rename itself survives a power cut. `rename` replaces a name in one
/// step, so a reader sees the old file or the new one, never a mix.
///
/// Only a regular file (or a missing one) is replaced, and it keeps its permissions and
/// owner: `rename` would put a regular file in the place of a FIFO or a device (run as root,
/// `save m "/dev/null"` replaced the system's /dev/null) and give a private 0600 file the
/// default 0644. A read-only file is refused, as `cp` and editors refuse it. A symbolic link
/// is followed: the file it points to is replaced, the link stays.
///
/// The temporary file is `.NAME.tmp-PID-RANDOM` beside the target. It is removed when
/// anything fails; only a process killed between its creation and the rename (SIGKILL, a
/// power cut) can leave one behind, and the real file is then untouched.
public enum AtomicFile {
  /// Why a write failed: the step and the system's reason.
  public struct WriteError: Error, Equatable, CustomStringConvertible {
    public var step: String
    /// The system's error number; `nil` when the path itself is wrong.
    public var code: Int32?

    public var description: String {
      guard let code else { return step }
      return "\(step): \(String(cString: strerror(code)).lowercased())"
    }
  }

  /// The folder and the file name of `path`, split at its last `/`; `nil` when it names no
  /// file (empty, ending in `/`, `.` or `..`). Done by hand: Foundation's
  /// `deletingLastPathComponent` traps on `.` and `models/` (found by the fuzzer).
  static func split(_ path: String) -> (folder: String, name: String)? {
    let slash = path.lastIndex(of: "/")
    let name = String(slash.map { path[path.index(after: $0)...] } ?? path[...])
    guard !name.isEmpty, name != ".", name != ".." else { return nil }
    guard let slash else { return (".", name) }
    let folder = String(path[..<slash])
    return (folder.isEmpty ? "/" : folder, name)
  }

  /// Writes `data` to `path` atomically.
  ///
  /// - Parameter writeChunk: writes bytes to a descriptor, as `write(2)` does; tests pass one
  ///   that fails part-way to play a full disk.
  public static func write(
    _ data: Data, to path: String,
    writeChunk: (Int32, UnsafeRawPointer, Int) -> Int = { descriptor, bytes, count in
      Foundation.write(descriptor, bytes, count)
    }
  ) throws(WriteError) {
    let target = try Target(path)
    let (folder, name) = (target.folder, target.name)
    let path = target.path
    let temporary = folder + "/.\(name).tmp-\(getpid())-\(UInt32.random(in: 0 ... .max))"

    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw WriteError(step: "cannot create a file in '\(folder)'", code: errno) }
    var failure: WriteError? = target.keepOwnership(of: descriptor)
    if failure == nil { data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count, let base = buffer.baseAddress {
        let written = writeChunk(descriptor, base + offset, min(buffer.count - offset, 1 << 20))
        if written < 0 {
          if errno == EINTR { continue }
          failure = WriteError(step: "cannot write", code: errno)
          return
        }
        if written == 0 {
          failure = WriteError(step: "cannot write", code: ENOSPC)
          return
        }
        offset += written
      }
    } }
    if failure == nil && fsync(descriptor) != 0 { failure = WriteError(step: "cannot flush to disk", code: errno) }
    if close(descriptor) != 0 && failure == nil { failure = WriteError(step: "cannot close", code: errno) }
    if failure == nil && rename(temporary, path) != 0 { failure = WriteError(step: "cannot rename into place", code: errno) }
    if let failure {
      unlink(temporary)
      throw failure
    }
    syncFolder(folder)
  }

  /// Flushes a folder's entries, so that a rename in it is on the disk. Some file systems
  /// refuse `fsync` on a folder; the file itself is already safe, so that is not an error.
  private static func syncFolder(_ folder: String) {
    let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    _ = fsync(descriptor)
    close(descriptor)
  }
}

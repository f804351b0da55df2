import Foundation

/// Whole-file reads, with gzip detected by content.
enum FileBytes {
  /// The most bytes mlpsh reads from one data file (IDX or CSV), before or after
  /// inflating: 256 MiB, five times MNIST's largest file, and 1 GiB once made Float32.
  /// A file, or a gzip stream, beyond it is refused rather than read into memory.
  static let largestContent = 1 << 28

  /// The bytes of the file at `path`, read in one go with POSIX calls (no `Data` bridging).
  ///
  /// - Throws: `DatasetError.fileNotFound` or `.unreadable`, naming the file.
  static func read(_ path: String) throws(DatasetError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      let code = errno
      if code == ENOENT { throw .fileNotFound(path: path) }
      throw .unreadable(path: path, reason: systemMessage(code))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      throw .unreadable(path: path, reason: systemMessage(errno))
    }
    guard (status.st_mode & S_IFMT) == S_IFREG else {
      throw .unreadable(path: path, reason: "not a regular file")
    }
    let size = Int(status.st_size)
    guard size <= largestContent else { throw .contentTooLarge(path: path, limit: largestContent) }
    var failure: Int32?
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
      count = 0
      while count < size {
        let got = Foundation.read(descriptor, buffer.baseAddress! + count, size - count)
        if got < 0 && errno == EINTR { continue }
        if got < 0 {
          failure = errno
          return
        }
        if got == 0 { break }
        count += got
      }
    }
    if let failure {
      throw .unreadable(path: path, reason: systemMessage(failure))
    }
    return bytes
  }

  /// The content of the file at `path`, gunzipped when it starts with the gzip magic number.
  ///
  /// - Returns: the content, and whether the file was compressed.
  static func readContent(_ path: String) throws(DatasetError) -> (bytes: [UInt8], wasCompressed: Bool) {
    let raw = try read(path)
    guard Gzip.isCompressed(raw) else { return (raw, false) }
    return (try Gzip.inflate(raw, path: path, limit: largestContent), true)
  }

  /// Whether a regular file (or a link to one) exists at `path`.
  static func isFile(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
  }
}

/// The C library's message for an `errno` value, lower-cased: "permission denied".
func systemMessage(_ code: Int32) -> String {
  String(cString: strerror(code)).lowercased()
}

import Foundation

/// Scripts as they are read: from a file (`run`, `mlpsh FILE`) or standard input, at most
/// `largestScript` bytes.
///
/// A script is text a person wrote; 2 GB of NULs took 12.6 GB of memory before its first
/// error. Reading stops one byte past the limit, whatever the file claims to be (a device,
/// a pipe), and the script is refused before any of it is lexed.
extension Interpreter {
  /// The largest script read: 16 MiB, thousands of times the longest lesson.
  public static let largestScript = 16 << 20

  /// The text of the script at `path`, as a `Source` named by the path. Bytes that are not
  /// UTF-8 become U+FFFD, as on standard input: harmless in a comment, an error with a caret
  /// in code.
  public static func readScript(_ path: String) throws(Diagnostic) -> Source {
    let descriptor = open(Paths.expandingTilde(path), O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw Diagnostic(.fileError, "cannot read '\(path)': "
        + (errno == ENOENT ? "no such file" : String(cString: strerror(errno)).lowercased()))
    }
    defer { close(descriptor) }
    var status = stat()
    if fstat(descriptor, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR {
      throw Diagnostic(.fileError, "cannot read '\(path)': it is a folder")
    }
    if status.st_mode & S_IFMT == S_IFREG && Int(status.st_size) > largestScript {
      throw tooLarge(path, size: Int(status.st_size))
    }
    let bytes = try readBounded(descriptor, name: path)
    return Source(name: path, text: String(decoding: bytes, as: UTF8.self))
  }

  /// The script on standard input, named `<stdin>`.
  public static func readStandardInput() throws(Diagnostic) -> Source {
    Source(name: "<stdin>", text: String(decoding: try readBounded(STDIN_FILENO, name: "<stdin>"), as: UTF8.self))
  }

  /// Everything `descriptor` holds, up to `largestScript` bytes; more is refused.
  private static func readBounded(_ descriptor: Int32, name: String) throws(Diagnostic) -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
      if got < 0 && errno == EINTR { continue }
      if got < 0 { throw Diagnostic(.fileError, "cannot read '\(name)': " + String(cString: strerror(errno)).lowercased()) }
      if got == 0 { return bytes }
      bytes += chunk[..<got]
      if bytes.count > largestScript { throw tooLarge(name, size: nil) }
    }
  }

  private static func tooLarge(_ name: String, size: Int?) -> Diagnostic {
    let amount = size.map { "it is \(Limits.describe(bytes: Double($0)))" } ?? "it holds more than 16 MiB"
    return Diagnostic(.fileError, "cannot read '\(name)': \(amount); a script is at most 16 MiB",
                      hint: "is it a script? scripts are text files of commands")
  }
}

import Foundation
import MLPScript

/// The history file, checked before readline touches it.
///
/// readline opens the file with a plain `open` and reads it to its end: a FIFO there
/// (`MLPSH_HISTORY=/tmp/fifo`) blocked the shell before its first prompt, and a device would
/// be read or written forever. Only a regular file (or a missing one, which is created) is
/// used; anything else is named in a warning and the session goes on without history.
enum HistoryFile {
  /// The history file: `MLPSH_HISTORY`, or `.mlpsh_history` in the home folder (`$HOME`).
  static var path: String {
    if let path = ProcessInfo.processInfo.environment["MLPSH_HISTORY"], !path.isEmpty {
      return Paths.expandingTilde(path)
    }
    return (Paths.home as NSString).appendingPathComponent(".mlpsh_history")
  }

  /// `path` when it is a regular file or could be created as one; otherwise `nil` and the
  /// warning that says why.
  static func usable(_ path: String) -> (path: String?, warning: String?) {
    // O_NONBLOCK: opening a FIFO with no writer must not wait for one.
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    if descriptor < 0 {
      guard errno == ENOENT else { return (nil, warning(path, String(cString: strerror(errno)).lowercased())) }
      let created = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
      guard created >= 0 else { return (nil, warning(path, String(cString: strerror(errno)).lowercased())) }
      close(created)
      return (path, nil)
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return (nil, warning(path, String(cString: strerror(errno)).lowercased())) }
    guard status.st_mode & S_IFMT == S_IFREG else {
      let kind = status.st_mode & S_IFMT == S_IFIFO ? "a FIFO" : status.st_mode & S_IFMT == S_IFDIR ? "a folder" : "a special file"
      return (nil, warning(path, "it is \(kind), not a regular file"))
    }
    return (path, nil)
  }

  private static func warning(_ path: String, _ reason: String) -> String {
    "warning: history file '\(path)' cannot be used: \(reason); history is off for this session"
  }
}

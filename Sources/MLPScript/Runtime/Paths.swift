import Foundation

/// File names as a user writes them.
public enum Paths {
  /// The home folder: `$HOME` when set (as every shell takes it), else the account's.
  public static var home: String {
    if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { return home }
    return NSHomeDirectory()
  }

  /// `path` with a leading `~` or `~/` made the home folder (`$HOME`); `~user` is that
  /// user's home, as the shell has it. Foundation's `expandingTildeInPath` looks the
  /// account up and ignores `$HOME`.
  public static func expandingTilde(_ path: String) -> String {
    if path == "~" { return home }
    if path.hasPrefix("~/") { return (home as NSString).appendingPathComponent(String(path.dropFirst(2))) }
    return (path as NSString).expandingTildeInPath
  }
}

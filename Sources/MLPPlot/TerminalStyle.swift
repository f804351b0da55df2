import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a figure is drawn in a terminal: its size in character cells, and whether it may use
/// colour and Unicode.
///
/// With Unicode, line charts are drawn in braille (2 × 4 dots per cell) and images in half
/// blocks; without it, in plain ASCII that any log file or `TERM=dumb` terminal shows.
/// Colour uses the xterm 256-colour escapes.
public struct TerminalStyle: Sendable, Equatable {
  /// Columns available for the figure, including its axes and labels.
  public var width: Int
  /// Lines available for the figure, including its title, legend and summary.
  public var height: Int
  /// Whether to emit ANSI colour escapes.
  public var color: Bool
  /// Whether to draw with braille, box-drawing and block characters.
  public var unicode: Bool

  /// A style of `width` × `height` cells (at least 24 × 8).
  public init(width: Int = 80, height: Int = 24, color: Bool = true, unicode: Bool = true) {
    self.width = max(24, width)
    self.height = max(8, height)
    self.color = color
    self.unicode = unicode
  }

  /// Plain ASCII without colour, as for a log file.
  public static func ascii(width: Int = 80, height: Int = 24) -> TerminalStyle {
    TerminalStyle(width: width, height: height, color: false, unicode: false)
  }

  /// The style an environment asks for.
  ///
  /// - Unicode only on a terminal whose `TERM` is set and is not `dumb`.
  /// - Colour only with Unicode, and only when `NO_COLOR` is unset or empty
  ///   (https://no-color.org).
  /// - The size is `width` × `height` when given, else `COLUMNS` × `LINES`, else 80 × 24.
  ///
  /// - Parameters:
  ///   - environment: the process environment.
  ///   - isTerminal: whether the output goes to a terminal (`isatty`).
  ///   - width: the terminal's columns, if known.
  ///   - height: the lines the figure may take, if known.
  public static func detect(
    environment: [String: String], isTerminal: Bool, width: Int? = nil, height: Int? = nil
  ) -> TerminalStyle {
    let term = environment["TERM"] ?? ""
    let unicode = isTerminal && !term.isEmpty && term != "dumb"
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let columns = width ?? environment["COLUMNS"].flatMap { Int($0) } ?? 80
    let lines = height ?? environment["LINES"].flatMap { Int($0) } ?? 24
    return TerminalStyle(width: columns, height: lines, color: unicode && !noColor, unicode: unicode)
  }

  /// The style for this process's standard output: `detect` with `isatty(1)` and the window
  /// size the terminal reports (`TIOCGWINSZ`), if it reports one.
  public static func standardOutput() -> TerminalStyle {
    let isTerminal = isatty(STDOUT_FILENO) != 0
    var width: Int?
    var height: Int?
    if isTerminal, let size = windowSize() {
      width = size.columns
      height = size.rows
    }
    return detect(
      environment: ProcessInfo.processInfo.environment, isTerminal: isTerminal,
      width: width, height: height)
  }

  private static func windowSize() -> (columns: Int, rows: Int)? {
    var size = winsize()
    #if canImport(Glibc)
    let result = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size)
    #else
    let result = ioctl(STDOUT_FILENO, TIOCGWINSZ, &size)
    #endif
    guard result == 0, size.ws_col > 0, size.ws_row > 0 else { return nil }
    return (Int(size.ws_col), Int(size.ws_row))
  }
}

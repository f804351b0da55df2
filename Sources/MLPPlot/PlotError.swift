import Foundation

/// Why a figure could not be saved.
public enum PlotError: Error, Equatable, CustomStringConvertible {
  /// The file at `path` could not be written.
  case cannotWrite(path: String, reason: String)

  public var description: String {
    switch self {
    case .cannotWrite(let path, let reason):
      var text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
      while text.hasSuffix(".") { text.removeLast() }
      return "cannot write '\(path)': " + text.prefix(1).lowercased() + text.dropFirst()
    }
  }
}

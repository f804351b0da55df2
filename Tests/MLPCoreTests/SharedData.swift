import Foundation
import XCTest

/// Finds `../shared` beside the package (or `$MLPSH_SHARED`), where the reference numbers and
/// data sets live; they are never copied into the repository.
enum SharedData {
  static var root: URL {
    if let override = ProcessInfo.processInfo.environment["MLPSH_SHARED"] {
      return URL(fileURLWithPath: override)
    }
    return URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("shared")
  }

  static func url(_ relativePath: String) throws -> URL {
    let url = root.appendingPathComponent(relativePath)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw XCTSkip("shared data not found at \(url.path); set MLPSH_SHARED")
    }
    return url
  }
}

import Foundation
import XCTest

/// Finds `../shared` beside the package (or `$MLPSH_SHARED`), where the reference numbers and
/// data sets live; they are never copied into the repository.
///
/// Without it a test is skipped, and says so in its output; with `MLPSH_REQUIRE_SHARED=1`
/// (CI sets it) it fails instead, so that a test that guards the core (the notebook's
/// reference numbers) cannot pass by not running.
enum SharedData {
  static var root: URL {
    if let override = ProcessInfo.processInfo.environment["MLPSH_SHARED"] {
      return URL(fileURLWithPath: override)
    }
    return URL(fileURLWithPath: #filePath)
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("shared")
  }

  struct Missing: Error, CustomStringConvertible {
    var description: String
  }

  static func url(_ relativePath: String) throws -> URL {
    let url = root.appendingPathComponent(relativePath)
    guard FileManager.default.fileExists(atPath: url.path) else {
      let message = "shared data not found at \(url.path); set MLPSH_SHARED"
      if ProcessInfo.processInfo.environment["MLPSH_REQUIRE_SHARED"] == "1" {
        throw Missing(description: message + " (MLPSH_REQUIRE_SHARED=1: a missing file is a failure)")
      }
      print("SKIPPED: \(message)")
      throw XCTSkip(message)
    }
    return url
  }
}

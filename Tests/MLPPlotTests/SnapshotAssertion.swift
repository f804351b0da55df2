import Foundation
import XCTest

/// Compares `actual` with the snapshot file `Snapshots/<name>.txt` beside this file (see
/// `SnapshotFile.failure` for recording and the diff).
func assertSnapshot(
  _ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line
) {
  let directory = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
  if let failure = SnapshotFile.failure(actual + "\n", named: name, in: directory) {
    XCTFail(failure, file: file, line: line)
  }
}

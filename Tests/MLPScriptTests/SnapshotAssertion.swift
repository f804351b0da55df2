import Foundation
import Testing

/// Compares `actual` with the snapshot file `Snapshots/<name>.txt` beside this file (see
/// `SnapshotFile.failure` for recording and the diff).
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  let contents = actual.hasSuffix("\n") ? actual : actual + "\n"
  if let failure = SnapshotFile.failure(contents, named: name, in: directory) {
    Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
  }
}

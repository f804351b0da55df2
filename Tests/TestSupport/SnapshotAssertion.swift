import Foundation
import Testing

/// Compares `actual` with the snapshot file `Snapshots/<name>.txt` beside the calling test's
/// file, a final newline added when it has none (see `SnapshotFile.failure` for recording
/// and the diff).
public func assertSnapshot(
  _ actual: String, named name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .appendingPathComponent("Snapshots").appendingPathComponent(name + ".txt")
  let contents = actual.hasSuffix("\n") ? actual : actual + "\n"
  if let failure = SnapshotFile.failure(contents, at: url) {
    Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
  }
}

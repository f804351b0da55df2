import Foundation

/// Snapshot files, for the `assertSnapshot` of each test target: XCTest's in MLPPlotTests,
/// Swift Testing's in MLPScriptTests (through a link to this file).
enum SnapshotFile {
  /// Compares `contents` with the file `<name>.txt` in `directory` and returns what failed,
  /// or nil when the snapshot holds.
  ///
  /// With `MLPSH_RECORD_SNAPSHOTS=1` in the environment the file is (re)written and the test
  /// passes; a missing file is written and the test fails, so a new snapshot is always looked
  /// at once. A mismatch fails with the differing lines, escapes shown as `␛`.
  static func failure(_ contents: String, named name: String, in directory: URL) -> String? {
    let url = directory.appendingPathComponent(name + ".txt")
    let recording = ProcessInfo.processInfo.environment["MLPSH_RECORD_SNAPSHOTS"] == "1"
    guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
      do {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
      } catch {
        return "cannot record snapshot \(url.path): \(error)"
      }
      return recording ? nil : "recorded the missing snapshot \(name); look at it and run again"
    }
    guard expected != contents else { return nil }
    return "snapshot \(name) differs (MLPSH_RECORD_SNAPSHOTS=1 re-records):\n" + lineDiff(expected, contents)
  }

  /// The lines that differ, numbered, expected with "-" and actual with "+".
  static func lineDiff(_ expected: String, _ actual: String) -> String {
    let old = expected.components(separatedBy: "\n")
    let new = actual.components(separatedBy: "\n")
    var report: [String] = []
    for index in 0 ..< max(old.count, new.count) {
      let before = index < old.count ? old[index] : nil
      let after = index < new.count ? new[index] : nil
      guard before != after else { continue }
      if let before { report.append(String(format: "%4d - ", index + 1) + visible(before)) }
      if let after { report.append(String(format: "%4d + ", index + 1) + visible(after)) }
    }
    return report.joined(separator: "\n")
  }

  /// A line with its escapes shown as `␛`.
  private static func visible(_ line: String) -> String {
    line.replacingOccurrences(of: "\u{1B}", with: "␛")
  }
}

import Foundation

/// Files a test compares its output with, byte for byte: the snapshots of `assertSnapshot`
/// and the expected renderings beside the fuzz regressions.
public enum SnapshotFile {
  /// Compares `contents` with the file at `url` and returns what failed, or nil when it holds.
  ///
  /// With `MLPSH_RECORD=1` (`Recording`) the file is (re)written and the test passes; a
  /// missing file is written and the test fails, so a new snapshot is always looked at once.
  /// A mismatch fails with the differing lines, escapes shown as `␛`.
  public static func failure(_ contents: String, at url: URL) -> String? {
    let name = url.lastPathComponent
    let expected: String?
    do {
      expected = Recording.isOn ? nil : try String(contentsOf: url, encoding: .utf8)
    } catch {
      // A file that is missing is recorded below; any other reason to fail is reported.
      guard (error as? CocoaError)?.code == .fileReadNoSuchFile else { return "cannot read \(url.path): \(error)" }
      expected = nil
    }
    guard let expected else {
      do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try contents.write(to: url, atomically: true, encoding: .utf8)
      } catch {
        return "cannot record \(url.path): \(error)"
      }
      return Recording.isOn ? nil : "recorded the missing \(name); look at it and run again"
    }
    guard expected != contents else { return nil }
    return "\(name) differs (MLPSH_RECORD=1 re-records):\n" + lineDiff(expected, contents)
  }

  /// The lines that differ, numbered, expected with "-" and actual with "+".
  public static func lineDiff(_ expected: String, _ actual: String) -> String {
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

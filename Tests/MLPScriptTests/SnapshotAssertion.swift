import Foundation
import Testing

/// Compares `actual` with the snapshot file `Snapshots/<name>.txt` beside this file.
///
/// With `MLPSH_RECORD_SNAPSHOTS=1` the file is (re)written and the test passes; a missing
/// file is written and the test fails, so a new snapshot is always looked at once. A mismatch
/// fails with the differing lines, escapes shown as `␛`.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
  let url = directory.appendingPathComponent(name + ".txt")
  let contents = actual.hasSuffix("\n") ? actual : actual + "\n"
  let recording = ProcessInfo.processInfo.environment["MLPSH_RECORD_SNAPSHOTS"] == "1"
  guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try contents.write(to: url, atomically: true, encoding: .utf8)
    } catch {
      Issue.record("cannot record snapshot \(url.path): \(error)", sourceLocation: sourceLocation)
    }
    if !recording {
      Issue.record("recorded the missing snapshot \(name); look at it and run again", sourceLocation: sourceLocation)
    }
    return
  }
  guard expected != contents else { return }
  let old = expected.components(separatedBy: "\n")
  let new = contents.components(separatedBy: "\n")
  var report: [String] = []
  for index in 0 ..< max(old.count, new.count) {
    let before = index < old.count ? old[index] : nil
    let after = index < new.count ? new[index] : nil
    guard before != after else { continue }
    let number = String(format: "%4d", index + 1)
    if let before { report.append("\(number) - \(visible(before))") }
    if let after { report.append("\(number) + \(visible(after))") }
  }
  let lines = report.joined(separator: "\n")
  Issue.record("snapshot \(name) differs (MLPSH_RECORD_SNAPSHOTS=1 re-records):\n\(lines)", sourceLocation: sourceLocation)
}

/// A line with its escapes shown as `␛`.
private func visible(_ line: String) -> String {
  line.replacingOccurrences(of: "\u{1B}", with: "␛")
}

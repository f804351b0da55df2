import Foundation
import XCTest

/// Compares `actual` with the snapshot file `Snapshots/<name>.txt` beside this file.
///
/// With `MLPSH_RECORD_SNAPSHOTS=1` in the environment the file is (re)written and the test
/// passes; a missing file is written and the test fails, so a new snapshot is always looked
/// at once. A mismatch fails with the differing lines, escapes shown as `␛`.
func assertSnapshot(
  _ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line
) {
  let directory = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent()
    .appendingPathComponent("Snapshots")
  let url = directory.appendingPathComponent(name + ".txt")
  let contents = actual + "\n"
  let recording = ProcessInfo.processInfo.environment["MLPSH_RECORD_SNAPSHOTS"] == "1"
  guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
    do {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try contents.write(to: url, atomically: true, encoding: .utf8)
    } catch {
      XCTFail("cannot record snapshot \(url.path): \(error)", file: file, line: line)
    }
    if !recording {
      XCTFail("recorded the missing snapshot \(name); look at it and run again", file: file, line: line)
    }
    return
  }
  guard expected != contents else { return }
  XCTFail("snapshot \(name) differs (MLPSH_RECORD_SNAPSHOTS=1 re-records):\n" + lineDiff(expected, contents),
          file: file, line: line)
}

/// The lines that differ, numbered, expected with "-" and actual with "+".
func lineDiff(_ expected: String, _ actual: String) -> String {
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

private func visible(_ line: String) -> String {
  line.replacingOccurrences(of: "\u{1B}", with: "␛")
}

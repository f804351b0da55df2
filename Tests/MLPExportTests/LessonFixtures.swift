import Foundation
import MLPExport
import MLPScript

/// The lessons in Tests/Fixtures/lessons, run once per process: they are small (the
/// built-in digits, a few epochs) but training in a debug build still takes a moment.
enum LessonFixtures {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Fixtures/lessons")

  static func path(_ name: String) -> String {
    folder.appendingPathComponent(name).path
  }

  static func lesson(_ name: String) throws -> Lesson {
    try Lesson(path: path(name))
  }

  /// The lesson `name` run from a fresh session with plain output.
  static func run(_ name: String) throws -> LessonRun {
    try cache.run(name)
  }

  /// A folder of its own under the temporary directory, for files a test writes.
  static func temporaryFolder() throws -> URL {
    let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("mlpsh-export-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private static let cache = RunCache()

  private final class RunCache: @unchecked Sendable {
    private let lock = NSLock()
    private var runs: [String: LessonRun] = [:]

    func run(_ name: String) throws -> LessonRun {
      lock.lock()
      defer { lock.unlock() }
      if let run = runs[name] { return run }
      let run = LessonRunner(lesson: try LessonFixtures.lesson(name)).runAll()
      runs[name] = run
      return run
    }
  }
}

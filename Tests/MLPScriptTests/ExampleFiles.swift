import Foundation

/// The scripts in examples/, for the tests that run them (MLPScriptTests) and export them
/// (MLPExportTests, through a link to this file). The examples that load MNIST train on all
/// of it, so they run in the release suite (`swift test -c release -Xswiftc -enable-testing`)
/// with `MLPSH_DATA` naming the folder of the MNIST files; the others in every build.
enum ExampleFiles {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

  /// The file names in examples/, sorted.
  static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".mlp") }.sorted()

  static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  static func text(_ name: String) -> String {
    (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? ""
  }

  static func needsMNIST(_ name: String) -> Bool { text(name).contains("load mnist") }

  static let offline = files.filter { !needsMNIST($0) }
  static let mnist = files.filter(needsMNIST)

  /// Whether the MNIST examples can run: an optimised build and the data.
  static var canTrainOnMNIST: Bool {
    #if DEBUG
    return false
    #else
    return !(ProcessInfo.processInfo.environment["MLPSH_DATA"] ?? "").isEmpty
    #endif
  }
}

import Foundation

/// The scripts in examples/, for the tests that run them (MLPScriptTests) and export them
/// (MLPExportTests). The examples that load MNIST train on all
/// of it, so they run in the release suite (`swift test -c release -Xswiftc -enable-testing`)
/// with `MLPSH_DATA` naming the folder of the MNIST files; the others in every build.
public enum ExampleFiles {
  public static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("examples")

  /// The file names in examples/, sorted.
  public static let files: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".mlp") }.sorted()

  public static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

  public static func text(_ name: String) -> String {
    (try? String(contentsOfFile: path(name), encoding: .utf8)) ?? ""
  }

  public static func needsMNIST(_ name: String) -> Bool { text(name).contains("load mnist") }

  public static let offline = files.filter { !needsMNIST($0) }
  public static let mnist = files.filter(needsMNIST)

  /// Whether the MNIST examples can run: an optimised build and the data.
  public static var canTrainOnMNIST: Bool {
    #if DEBUG
    return false
    #else
    return !(ProcessInfo.processInfo.environment["MLPSH_DATA"] ?? "").isEmpty
    #endif
  }
}

// swift-tools-version:6.0
// The libFuzzer executables: one per stage of the language, each a thin entry point around
// MLPFuzzing (in the main package), so the test that replays the corpus runs the same code.
// Built by .ci/fuzz with `swift build --sanitize=fuzzer --sanitize=address`; not part of the
// main package, whose `swift build` and `swift test` never see it.
import PackageDescription

// The main package two folders up; SwiftPM names a path dependency by its folder.
let root = Context.packageDirectory + "/../.."
let rootIdentity = (Context.packageDirectory.split(separator: "/").dropLast(2).last.map(String.init) ?? "mlpsh")
  .lowercased()

let package = Package(
  name: "mlpsh-fuzz",
  dependencies: [.package(path: root)],
  targets: ["lexer", "parser", "interpreter"].map { stage in
    .executableTarget(
      name: "fuzz-\(stage)",
      dependencies: [.product(name: "MLPFuzzing", package: rootIdentity)],
      path: "Sources/fuzz-\(stage)",
      swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
  }
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "mlpsh",
  products: [
    .library(name: "MLPCore", targets: ["MLPCore"]),
  ],
  targets: [
    .systemLibrary(
      name: "CBLAS",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]
    ),
    .target(name: "MLPCore", dependencies: ["CBLAS"]),
    .testTarget(name: "MLPCoreTests", dependencies: ["MLPCore"]),
    .executableTarget(
      name: "mlpsh-bench", dependencies: ["MLPCore"], path: "benchmarks/Sources/mlpsh-bench"),
  ]
)

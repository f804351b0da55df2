// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "mlpsh",
  products: [
    .library(name: "MLPCore", targets: ["MLPCore"]),
    .library(name: "MLPData", targets: ["MLPData"]),
    .library(name: "MLPPlot", targets: ["MLPPlot"]),
  ],
  targets: [
    // System libraries, from Debian's -dev packages.
    .systemLibrary(
      name: "CBLAS",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]
    ),
    .systemLibrary(
      name: "CZlib",
      providers: [.apt(["zlib1g-dev"])]
    ),

    // Libraries: dependencies point one way, Core <- Data, Plot <- Script <- mlpsh.
    .target(name: "MLPCore", dependencies: ["CBLAS"]),
    .target(
      name: "MLPData",
      dependencies: ["MLPCore", "CZlib"],
      exclude: ["Generated/generate-digits.py"]
    ),
    .target(name: "MLPPlot"),

    // Tests, one target per module, plus the notebook's experiments on real MNIST.
    .testTarget(name: "MLPCoreTests", dependencies: ["MLPCore"]),
    .testTarget(name: "MLPDataTests", dependencies: ["MLPData"]),
    .testTarget(name: "MLPPlotTests", dependencies: ["MLPPlot"], exclude: ["Snapshots"]),
    .testTarget(name: "NotebookTests", dependencies: ["MLPCore", "MLPData"]),

    // Benchmarks (benchmarks/run builds and drives this in release).
    .executableTarget(
      name: "mlpsh-bench", dependencies: ["MLPCore", "MLPData"],
      path: "benchmarks/Sources/mlpsh-bench"),
  ]
)

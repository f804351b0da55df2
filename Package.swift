// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "mlpsh",
  products: [
    .library(name: "MLPCore", targets: ["MLPCore"]),
    .library(name: "MLPPlot", targets: ["MLPPlot"]),
  ],
  targets: [
    .systemLibrary(
      name: "CBLAS",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]
    ),
    .target(name: "MLPCore", dependencies: ["CBLAS"]),
    .testTarget(name: "MLPCoreTests", dependencies: ["MLPCore"]),
    .target(name: "MLPPlot"),
    .testTarget(
      name: "MLPPlotTests",
      dependencies: ["MLPPlot"],
      exclude: ["Snapshots"]
    ),
  ]
)

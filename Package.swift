// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "mlpsh",
  products: [
    .library(name: "MLPCore", targets: ["MLPCore"]),
    .library(name: "MLPData", targets: ["MLPData"]),
  ],
  targets: [
    .systemLibrary(
      name: "CBLAS",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]
    ),
    .systemLibrary(
      name: "CZlib",
      providers: [.apt(["zlib1g-dev"])]
    ),
    .target(name: "MLPCore", dependencies: ["CBLAS"]),
    .target(
      name: "MLPData",
      dependencies: ["MLPCore", "CZlib"],
      exclude: ["Generated/generate-digits.py"]
    ),
    .testTarget(name: "MLPCoreTests", dependencies: ["MLPCore"]),
    .testTarget(name: "MLPDataTests", dependencies: ["MLPData"]),
  ]
)

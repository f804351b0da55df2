// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "mlpsh",
  products: [
    .library(name: "MLPCore", targets: ["MLPCore"]),
    .library(name: "MLPScript", targets: ["MLPScript"]),
    .executable(name: "mlpsh", targets: ["mlpsh"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    .systemLibrary(
      name: "CBLAS",
      pkgConfig: "openblas",
      providers: [.apt(["libopenblas-dev"])]
    ),
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]
    ),
    .target(name: "MLPCore", dependencies: ["CBLAS"]),
    .target(name: "MLPScript", dependencies: ["MLPCore"]),
    .executableTarget(
      name: "mlpsh",
      dependencies: [
        "MLPScript", "CReadline",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "MLPScriptTests", dependencies: ["MLPScript"]),
    .testTarget(name: "mlpshTests", dependencies: ["mlpsh"]),
  ]
)

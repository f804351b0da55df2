// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "mlpsh",
  products: [
    .library(name: "MLPCore", targets: ["MLPCore"]),
    .library(name: "MLPData", targets: ["MLPData"]),
    .library(name: "MLPPlot", targets: ["MLPPlot"]),
    .library(name: "MLPScript", targets: ["MLPScript"]),
    .library(name: "MLPExport", targets: ["MLPExport"]),
    .library(name: "MLPKernel", targets: ["MLPKernel"]),
    .library(name: "MLPFuzzing", targets: ["MLPFuzzing"]),
    .executable(name: "mlpsh", targets: ["mlpsh"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // HMAC-SHA256 for the Jupyter kernel's message signatures, SHA-256 for downloads.
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
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
    .systemLibrary(
      name: "CDeflate",
      providers: [.apt(["libdeflate-dev"])]
    ),
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]
    ),
    // ZeroMQ, the Jupyter kernel's transport; imported only by the executable.
    .systemLibrary(
      name: "CZeroMQ",
      providers: [.apt(["libzmq3-dev"])]
    ),

    // The first layer's product for mostly-zero inputs, in AVX-512 C (SparseFirstLayer.swift).
    .target(name: "CSparseProduct"),
    // The optimizers' per-parameter loops, vectorised for each CPU family (Optimizer.swift).
    .target(name: "CParameterUpdates"),

    // Libraries: dependencies point one way, Core <- Data, Plot <- Script <- mlpsh.
    .target(name: "MLPCore", dependencies: ["CBLAS", "CSparseProduct", "CParameterUpdates"]),
    .target(
      name: "MLPData",
      dependencies: ["MLPCore", "CZlib", "CDeflate", .product(name: "Crypto", package: "swift-crypto")],
      exclude: ["Generated/generate-digits.py"]
    ),
    .target(name: "MLPPlot"),
    .target(name: "MLPScript", dependencies: ["MLPCore", "MLPData", "MLPPlot"]),
    // Lessons cell by cell: HTML, notebook and Markdown exports, --check, --step's state.
    .target(name: "MLPExport", dependencies: ["MLPScript", "MLPPlot"]),
    // The Jupyter messaging protocol: signed messages, the requests a kernel answers, and an
    // output sink that turns the interpreter's output into Jupyter's. Knows no sockets.
    .target(
      name: "MLPKernel",
      dependencies: ["MLPScript", "MLPPlot", "CZlib", .product(name: "Crypto", package: "swift-crypto")]
    ),

    // The fuzz targets' bodies, shared by the libFuzzer executables (Tests/Fuzz, a package of
    // its own built with -sanitize=fuzzer) and the test that replays their corpus.
    .target(name: "MLPFuzzing", dependencies: ["MLPCore", "MLPData", "MLPScript"]),

    // The shell and the kernel's transport; the only target that imports CReadline and CZeroMQ.
    .executableTarget(
      name: "mlpsh",
      dependencies: [
        "MLPCore", "MLPScript", "MLPExport", "MLPKernel", "CReadline", "CZeroMQ",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    // What the test targets share: snapshot files and their one re-record switch
    // (MLPSH_RECORD=1), XML parsing, the examples, a local HTTP server, and the process's BLAS
    // kernel choice (docs/testing.md).
    .target(name: "TestSupport", dependencies: ["MLPCore", "CTestStartup"], path: "Tests/TestSupport"),
    // A C constructor that has TestSupport choose the BLAS kernels before any test starts.
    .target(name: "CTestStartup", path: "Tests/CTestStartup"),

    // Tests, one target per module, plus the notebook's experiments on real MNIST.
    .testTarget(name: "MLPCoreTests", dependencies: ["MLPCore", "TestSupport"]),
    .testTarget(name: "MLPDataTests", dependencies: ["MLPData", "TestSupport", .product(name: "Crypto", package: "swift-crypto")]),
    .testTarget(name: "MLPPlotTests", dependencies: ["MLPPlot", "TestSupport"], exclude: ["Snapshots"]),
    .testTarget(name: "NotebookTests", dependencies: ["MLPCore", "MLPData", "TestSupport"]),
    .testTarget(
      name: "MLPScriptTests",
      dependencies: ["MLPScript", "MLPData", "TestSupport", .product(name: "Crypto", package: "swift-crypto"),
                     .product(name: "PropertyBased", package: "swift-property-based")],
      exclude: ["Snapshots"]),
    .testTarget(name: "MLPExportTests", dependencies: ["MLPExport", "MLPScript", "MLPPlot", "MLPCore", "TestSupport"]),
    .testTarget(name: "MLPKernelTests", dependencies: ["MLPKernel", "MLPScript", "TestSupport"]),
    .testTarget(name: "mlpshTests", dependencies: ["mlpsh", "TestSupport"]),
    .testTarget(name: "MLPFuzzingTests", dependencies: ["MLPFuzzing", "TestSupport"]),

    // Benchmarks (benchmarks/run builds and drives this in release).
    .executableTarget(
      name: "mlpsh-bench", dependencies: ["MLPCore", "MLPData", "MLPPlot"],
      path: "benchmarks/Sources/mlpsh-bench"),
  ]
)

import Foundation
import MLPCore
import Testing
import TestSupport

/// The executables switch OpenBLAS to the kernel family `BLAS.recommendedCoreType()` picks
/// when it falls back to SSE3, and the test process does the same once, before any test
/// (`BLASKernels`). This runs the benchmark binary's product check under that family (and
/// under OpenBLAS's own choice) to show it computes correctly here.
@Suite struct BLASKernelChoiceTests {
  /// The folder of the built products: the test bundle sits beside the executables.
  private var productsFolder: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  }

  private func worstError(coreType: String?) throws -> (core: String, recommended: String, error: Double) {
    let binary = productsFolder.appendingPathComponent("mlpsh-bench")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
      throw BenchBinaryMissing(path: binary.path)
    }
    let process = Process()
    process.executableURL = binary
    process.arguments = ["verify-kernel"]
    // Never inherit a kernel choice: this process has made its own.
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_CORETYPE"] = coreType
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let json = try #require(try JSONSerialization.jsonObject(with: output) as? [String: Any])
    return (try #require(json["core"] as? String), try #require(json["recommended_core"] as? String),
            try #require(json["worst_relative_error"] as? Double))
  }

  /// float32 products of up to 784 terms: the worst relative error is near 1e-6 on every
  /// kernel measured here (Prescott 4.5e-7, Haswell 6.4e-7, SkylakeX 1.2e-6).
  @Test func recommendedAndDefaultKernelsComputeTheSameProducts() throws {
    // The child decides from its own fresh OpenBLAS.
    let chosen = try worstError(coreType: nil)
    #expect(chosen.error < 1e-5, "kernel \(chosen.core)")
    if !chosen.recommended.isEmpty {
      #expect(chosen.core == chosen.recommended, "the switch did not take the recommended kernel")
    }
    let fallback = try worstError(coreType: "Prescott")
    #expect(fallback.core == "Prescott")
    #expect(fallback.error < 1e-5)
  }

  /// The test process chose its kernels before any test ran, as the shell would from the
  /// family OpenBLAS loaded with, and nothing has switched them since.
  @Test func theTestProcessChoseOnceAtStartUp() throws {
    let atLoad = try #require(BLASKernels.atLoad, "the start-up choice did not run")
    let chosen = try #require(BLASKernels.chosen)
    #expect(BLAS.coreName == chosen)
    #expect(BLAS.useRecommendedKernels() == chosen)
    if let recommended = BLAS.recommendedCoreType(environment: [:], coreName: atLoad) {
      #expect(chosen == recommended)
    } else {
      #expect(chosen == atLoad)
    }
  }
}

struct BenchBinaryMissing: Error, CustomStringConvertible {
  var path: String
  var description: String { "mlpsh-bench is not built at \(path): swift test builds it with the tests" }
}

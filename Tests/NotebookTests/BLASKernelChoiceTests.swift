import Foundation
import MLPCore
import XCTest

/// The executables switch OpenBLAS to the kernel family `BLAS.recommendedCoreType()` picks
/// when it falls back to SSE3. This runs the benchmark binary's product check
/// under that family (and under OpenBLAS's own choice) to show it computes correctly here.
final class BLASKernelChoiceTests: XCTestCase {
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
    // Never inherit a kernel choice: this process may have switched already.
    var environment = ProcessInfo.processInfo.environment
    environment["OPENBLAS_CORETYPE"] = coreType
    process.environment = environment
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0)
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: output) as? [String: Any])
    return (try XCTUnwrap(json["core"] as? String), try XCTUnwrap(json["recommended_core"] as? String),
            try XCTUnwrap(json["worst_relative_error"] as? Double))
  }

  /// float32 products of up to 784 terms: the worst relative error is near 1e-6 on every
  /// kernel measured here (Prescott 4.5e-7, Haswell 6.4e-7, SkylakeX 1.2e-6).
  func testRecommendedAndDefaultKernelsComputeTheSameProducts() throws {
    // The child decides from its own fresh OpenBLAS (this process may have switched already).
    let chosen = try worstError(coreType: nil)
    XCTAssertLessThan(chosen.error, 1e-5, "kernel \(chosen.core)")
    if !chosen.recommended.isEmpty {
      XCTAssertEqual(chosen.core, chosen.recommended, "the switch did not take the recommended kernel")
    }
    let fallback = try worstError(coreType: "Prescott")
    XCTAssertEqual(fallback.core, "Prescott")
    XCTAssertLessThan(fallback.error, 1e-5)
  }
}

struct BenchBinaryMissing: Error, CustomStringConvertible {
  var path: String
  var description: String { "mlpsh-bench is not built at \(path): swift test builds it with the tests" }
}

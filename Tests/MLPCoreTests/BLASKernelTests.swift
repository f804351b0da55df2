import XCTest
import MLPCore

final class BLASKernelTests: XCTestCase {
  private let avx512: Set<String> = ["sse3", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl"]

  func testOnlyTheSSE3FallbackIsOverridden() {
    XCTAssertEqual(BLAS.recommendedCoreType(environment: [:], coreName: "Prescott", cpuFlags: avx512), "SkylakeX")
    XCTAssertEqual(BLAS.recommendedCoreType(environment: [:], coreName: "Prescott", cpuFlags: ["avx2", "fma"]), "Haswell")
    XCTAssertNil(BLAS.recommendedCoreType(environment: [:], coreName: "Prescott", cpuFlags: ["sse3"]))
    XCTAssertNil(BLAS.recommendedCoreType(environment: [:], coreName: "Haswell", cpuFlags: avx512))
  }

  func testAUserChoiceIsNeverOverridden() {
    XCTAssertNil(BLAS.recommendedCoreType(environment: ["OPENBLAS_CORETYPE": "Haswell"],
                                          coreName: "Prescott", cpuFlags: avx512))
  }

  func testFlagsAreReadFromCPUInfo() {
    let cpuinfo = "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Processor\nflags\t\t: fpu sse3 avx2 fma\n\nprocessor\t: 1\nflags\t\t: fpu\n"
    XCTAssertEqual(CPUFlags.parse(cpuinfo: cpuinfo), ["fpu", "sse3", "avx2", "fma"])
    XCTAssertEqual(CPUFlags.parse(cpuinfo: ""), [])
  }
}

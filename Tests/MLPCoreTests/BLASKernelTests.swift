import MLPCore
import Testing

/// Which kernel family `BLAS.recommendedCoreType` forces, from the core OpenBLAS chose, the
/// processor's flags and the user's environment.
@Suite struct BLASKernelTests {
  private let avx512: Set<String> = ["sse3", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl"]

  @Test func onlyTheSSE3FallbackIsOverridden() {
    #expect(BLAS.recommendedCoreType(environment: [:], coreName: "Prescott", cpuFlags: avx512) == "SkylakeX")
    #expect(BLAS.recommendedCoreType(environment: [:], coreName: "Prescott", cpuFlags: ["avx2", "fma"]) == "Haswell")
    #expect(BLAS.recommendedCoreType(environment: [:], coreName: "Prescott", cpuFlags: ["sse3"]) == nil)
    #expect(BLAS.recommendedCoreType(environment: [:], coreName: "Haswell", cpuFlags: avx512) == nil)
  }

  @Test func aUserChoiceIsNeverOverridden() {
    #expect(BLAS.recommendedCoreType(environment: ["OPENBLAS_CORETYPE": "Haswell"],
                                     coreName: "Prescott", cpuFlags: avx512) == nil)
  }

  @Test func flagsAreReadFromCPUInfo() {
    let cpuinfo = "processor\t: 0\nmodel name\t: Intel(R) Xeon(R) Processor\nflags\t\t: fpu sse3 avx2 fma\n\nprocessor\t: 1\nflags\t\t: fpu\n"
    #expect(CPUFlags.parse(cpuinfo: cpuinfo) == ["fpu", "sse3", "avx2", "fma"])
    #expect(CPUFlags.parse(cpuinfo: "") == [])
  }
}

import Foundation

// OpenBLAS picks its kernels when the library loads, from the processor's model number. An
// OpenBLAS older than the processor (Debian 12 ships 0.3.21) does not know newer models and
// falls back to "Prescott", plain SSE3: on this project's machines that made every product
// 3 to 6 times slower than the AVX-512 kernels the processor can run (docs/performance.md).
// OpenBLAS reads the OPENBLAS_CORETYPE environment variable when it chooses; the executables
// set it and have OpenBLAS choose again first thing in main, and the test process in a C
// constructor before main (Tests/CTestStartup): once per process, before any other thread
// could be running a product, because choosing swaps the kernel table every product reads.

extension BLAS {
  /// The kernel family worth forcing on this machine, or `nil` when OpenBLAS's own choice
  /// stands: it recognised the processor, or the user set `OPENBLAS_CORETYPE` already.
  ///
  /// Only the fallback is overridden, and only with a family whose instructions the processor
  /// reports (from `/proc/cpuinfo` flags): AVX-512 F, BW, DQ and VL for "SkylakeX", AVX2 and
  /// FMA for "Haswell".
  public static func recommendedCoreType(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    coreName: String = BLAS.coreName,
    cpuFlags: Set<String> = CPUFlags.current
  ) -> String? {
    guard environment["OPENBLAS_CORETYPE"] == nil, coreName == "Prescott" else { return nil }
    if cpuFlags.isSuperset(of: ["avx512f", "avx512bw", "avx512dq", "avx512vl"]) { return "SkylakeX" }
    if cpuFlags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
    return nil
  }

  /// Switches OpenBLAS to the recommended kernel family, if there is one, and says which
  /// family it runs now. Call it first thing, before any thread and any product. The switch
  /// happens once per process: later calls only say which family the first call left.
  @discardableResult
  public static func useRecommendedKernels() -> String {
    kernelChoice
  }

  /// The family after the one switch of the process, made by the first caller.
  private static let kernelChoice: String = {
    if let core = recommendedCoreType() {
      _ = reselectKernels(coreType: core)
    }
    return coreName
  }()
}

/// The instruction-set flags the processor reports.
public enum CPUFlags {
  /// From the first `flags` line of `/proc/cpuinfo`; empty where there is none.
  public static var current: Set<String> {
    // Optional: with no /proc/cpuinfo no flags are known, and OpenBLAS's own choice stands.
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return [] }
    return parse(cpuinfo: text)
  }

  /// The flags of the first processor in a `/proc/cpuinfo` text.
  public static func parse(cpuinfo: String) -> Set<String> {
    for line in cpuinfo.split(separator: "\n") where line.hasPrefix("flags") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }
    return []
  }
}

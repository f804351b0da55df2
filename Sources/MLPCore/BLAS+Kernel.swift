import Foundation

// OpenBLAS picks its kernels when the library loads, from the processor's model number. An
// OpenBLAS older than the processor (Debian 12 ships 0.3.21) does not know newer models and
// falls back to "Prescott", plain SSE3: on this project's machines that made every product
// 3 to 6 times slower than the AVX-512 kernels the processor can run (docs/performance.md).
// The only supported way to choose is the OPENBLAS_CORETYPE environment variable, read at
// load time, so the executables relaunch themselves once with it set.

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

  /// Replaces this process by itself with `OPENBLAS_CORETYPE` set to the recommended kernel
  /// family, when there is one; returns when there is none (or the relaunch failed, in which
  /// case the slower kernels still compute the same results).
  public static func relaunchWithRecommendedKernel() {
    guard let core = recommendedCoreType() else { return }
    setenv("OPENBLAS_CORETYPE", core, 1)
    let arguments = CommandLine.arguments.map { strdup($0) } + [nil]
    execv("/proc/self/exe", arguments)
    for argument in arguments { free(argument) }
  }
}

/// The instruction-set flags the processor reports.
public enum CPUFlags {
  /// From the first `flags` line of `/proc/cpuinfo`; empty where there is none.
  public static var current: Set<String> {
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

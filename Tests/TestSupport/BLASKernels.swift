import MLPCore

/// The BLAS kernels of the test process, chosen once when the process starts (a C constructor
/// in `CTestStartup` calls `chooseBLASKernelsAtStartup` before main), so that every test
/// trains on the kernels the shell would use and no test switches them while another runs a
/// product (docs/testing.md, docs/performance.md).
public enum BLASKernels {
  /// The family OpenBLAS chose when it loaded, before the switch; nil until the start-up ran.
  public static var atLoad: String? { choice?.atLoad }
  /// The family the tests run on; nil until the start-up ran.
  public static var chosen: String? { choice?.chosen }

  // Written once, by the loader's thread before main, and only read afterwards.
  nonisolated(unsafe) fileprivate static var choice: (atLoad: String, chosen: String)?
}

/// Called by the C constructor in `CTestStartup`, before any test.
@_cdecl("mlpsh_tests_choose_blas_kernels")
func chooseBLASKernelsAtStartup() {
  let atLoad = BLAS.coreName
  BLASKernels.choice = (atLoad, BLAS.useRecommendedKernels())
}

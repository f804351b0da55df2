// The test process's start-up work, run by the loader before main and so before any test
// or test thread: TestSupport's `chooseBLASKernelsAtStartup` (BLASKernels.swift) has
// OpenBLAS choose its kernels once, as the executables do first thing in main. Choosing
// again later would swap OpenBLAS's kernel table under products running on other threads.
#include "CTestStartup.h"

extern void mlpsh_tests_choose_blas_kernels(void);

__attribute__((constructor)) static void mlpsh_tests_start(void) {
  mlpsh_tests_choose_blas_kernels();
}

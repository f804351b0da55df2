// The CBLAS interface of OpenBLAS (Debian libopenblas-dev), plus its thread-count controls.
#include <cblas.h>

// OpenBLAS builds with DYNAMIC_ARCH pick their kernels in these two functions, reading
// OPENBLAS_CORETYPE. They are not part of the documented interface, hence weak: on a build
// without them the pointers are null and mlpsh keeps the kernels it was given.
extern void gotoblas_dynamic_init(void) __attribute__((weak));
extern void gotoblas_dynamic_quit(void) __attribute__((weak));

/// Re-runs OpenBLAS's kernel selection (after OPENBLAS_CORETYPE was set). Returns 0 when this
/// build of OpenBLAS cannot do that.
static inline int mlpsh_reselect_blas_kernels(void) {
  if (gotoblas_dynamic_init == 0 || gotoblas_dynamic_quit == 0) return 0;
  gotoblas_dynamic_quit();
  gotoblas_dynamic_init();
  return 1;
}

#ifndef MLPSH_SPARSE_PRODUCT_H
#define MLPSH_SPARSE_PRODUCT_H

#include <stdbool.h>
#include <stddef.h>

/// Whether this CPU (and its operating system) runs `mlpsh_sparse_product`'s AVX-512 loop.
/// When it does not, the caller multiplies with BLAS.
bool mlpsh_sparse_product_available(void);

/// `y = x · w` for `rows` rows of `x` (`rows x inputs`, row-major) and `w` (`inputs x
/// outputs`, row `k` at `w + k * ldw`): for each row of `x`, the weight rows of its nonzero
/// entries, scaled and summed in the order of the entries, one fused multiply-add each. Zero
/// entries (±0) are left out; NaN and infinities are not. `y` is `rows x outputs`, row-major.
/// `w` and `ldw` should keep every weight row on a 64-byte boundary (speed, not correctness).
/// `scratch` holds `2 * (inputs + 16)` 32-bit words (the row's nonzero entries and their
/// columns). Call only when `mlpsh_sparse_product_available()`.
void mlpsh_sparse_product(const float *x, size_t rows, size_t inputs, const float *w,
                          size_t ldw, size_t outputs, float *y, void *scratch);

#endif

// The two loops of the sparse first-layer product (MLPCore's SparseRows). They are C so that
// the compiler can build a copy for each vector width (AVX-512, AVX2 with FMA, the x86-64
// baseline) and the processor's own is chosen when the program loads; Swift code is built for
// the baseline alone.
#ifndef MLPSH_SPARSE_ROWS_H
#define MLPSH_SPARSE_ROWS_H

#include <stdint.h>

/// Writes the indices of the nonzero entries of x[0 ..< width] to indices, in order, and
/// returns how many there are.
long mlpsh_find_nonzeros(const float *x, long width, int32_t *indices);

/// sum[0 ..< columns] = Σ_e x[indices[e]] · b[indices[e] · columns ..< +columns], over the
/// count entries of indices: a row of the product x · b that skips x's zeros.
void mlpsh_sum_picked_rows(const float *x, const int32_t *indices, long count,
                           const float *b, long columns, float *sum);

#endif

// The first layer's product for inputs that are mostly zeros (raw MNIST pixels: 81%).
// Row by row: gather the row's nonzero entries and their columns, then add up the weight rows
// they pick, 128 outputs (eight AVX-512 registers) at a time. A weight row of 128 floats is
// eight cache lines from the L2 cache, so a nonzero costs several of OpenBLAS's dense
// multiply-adds; on MNIST's test set (19% nonzeros) the product takes 0.57 of OpenBLAS's time.
// Weight rows must start on 64-byte boundaries: a load that straddles two cache lines reads
// both, and made the same loop 0.82 of OpenBLAS's time (docs/performance.md).
//
// Compiled for AVX-512 function by function (`target` attributes), so the package needs no
// architecture flags; `mlpsh_sparse_product_available` checks the CPU at run time.

#include "CSparseProduct.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>
#include <stdint.h>

#define AVX512 __attribute__((target("avx512f")))

bool mlpsh_sparse_product_available(void) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f");
}

/// Writes the nonzero entries of `row` (`inputs` floats) to `values` and their columns to
/// `columns`, in order, and returns how many there are. Both take `inputs + 16` elements: a
/// step stores all 16 lanes of its compressed vector.
AVX512 static size_t gather_nonzeros(const float *row, size_t inputs, float *values,
                                     int32_t *columns) {
  const __m512i lanes = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  size_t count = 0;
  for (size_t start = 0; start < inputs; start += 16) {
    size_t left = inputs - start;
    __mmask16 inside = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
    __m512 v = _mm512_maskz_loadu_ps(inside, row + start);
    // NEQ_UQ: NaN counts as nonzero, so it reaches the sums as it would in a dense product.
    __mmask16 nonzero = _mm512_mask_cmp_ps_mask(inside, v, _mm512_setzero_ps(), _CMP_NEQ_UQ);
    __m512i column = _mm512_add_epi32(_mm512_set1_epi32((int32_t)start), lanes);
    _mm512_storeu_ps(values + count, _mm512_maskz_compress_ps(nonzero, v));
    _mm512_storeu_si512(columns + count, _mm512_maskz_compress_epi32(nonzero, column));
    count += (size_t)__builtin_popcount(nonzero);
  }
  return count;
}

/// `y[0 ..< width] = Σ values[j] · w[columns[j] * ldw ..< + width]` for
/// `16 * (vectors - 1) < width ≤ 16 * vectors`, `vectors` ≤ 8: one register of sums per 16
/// outputs, each summing the entries in order. Only the last register's loads are masked.
AVX512 static inline __attribute__((always_inline)) void sum_weight_rows(
    int vectors, size_t width, const float *values, const int32_t *columns, size_t count,
    const float *w, size_t ldw, float *y) {
  size_t left = width - (size_t)(vectors - 1) * 16;
  __mmask16 last = left >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << left) - 1);
  __m512 sums[8];
  for (int v = 0; v < vectors; v++) sums[v] = _mm512_setzero_ps();
  for (size_t j = 0; j < count; j++) {
    const float *weights = w + (size_t)columns[j] * ldw;
    __m512 value = _mm512_set1_ps(values[j]);
    for (int v = 0; v < vectors - 1; v++) {
      sums[v] = _mm512_fmadd_ps(value, _mm512_loadu_ps(weights + v * 16), sums[v]);
    }
    sums[vectors - 1] = _mm512_fmadd_ps(
        value, _mm512_maskz_loadu_ps(last, weights + (vectors - 1) * 16), sums[vectors - 1]);
  }
  for (int v = 0; v < vectors - 1; v++) _mm512_storeu_ps(y + v * 16, sums[v]);
  _mm512_mask_storeu_ps(y + (vectors - 1) * 16, last, sums[vectors - 1]);
}

/// One specialisation per register count, so that the sums stay in registers.
AVX512 static void sum_block(size_t width, const float *values, const int32_t *columns,
                             size_t count, const float *w, size_t ldw, float *y) {
  switch ((width + 15) / 16) {
  case 1: sum_weight_rows(1, width, values, columns, count, w, ldw, y); break;
  case 2: sum_weight_rows(2, width, values, columns, count, w, ldw, y); break;
  case 3: sum_weight_rows(3, width, values, columns, count, w, ldw, y); break;
  case 4: sum_weight_rows(4, width, values, columns, count, w, ldw, y); break;
  case 5: sum_weight_rows(5, width, values, columns, count, w, ldw, y); break;
  case 6: sum_weight_rows(6, width, values, columns, count, w, ldw, y); break;
  case 7: sum_weight_rows(7, width, values, columns, count, w, ldw, y); break;
  default: sum_weight_rows(8, width, values, columns, count, w, ldw, y); break;
  }
}

AVX512 void mlpsh_sparse_product(const float *x, size_t rows, size_t inputs, const float *w,
                                 size_t ldw, size_t outputs, float *y, void *scratch) {
  float *values = (float *)scratch;
  int32_t *columns = (int32_t *)(values + inputs + 16);
  for (size_t r = 0; r < rows; r++) {
    size_t count = gather_nonzeros(x + r * inputs, inputs, values, columns);
    for (size_t block = 0; block < outputs; block += 128) {
      size_t width = outputs - block < 128 ? outputs - block : 128;
      sum_block(width, values, columns, count, w + block, ldw, y + r * outputs + block);
    }
  }
}

#else

bool mlpsh_sparse_product_available(void) { return false; }

void mlpsh_sparse_product(const float *x, size_t rows, size_t inputs, const float *w,
                          size_t ldw, size_t outputs, float *y, void *scratch) {
  (void)x; (void)rows; (void)inputs; (void)w; (void)ldw; (void)outputs; (void)y; (void)scratch;
  __builtin_trap();  // Callers check mlpsh_sparse_product_available() first.
}

#endif

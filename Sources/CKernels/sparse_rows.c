#include "sparse_rows.h"
#include <string.h>

// Finding the nonzeros: a bit mask of a group of entries (one vector comparison where the
// processor has AVX-512), then one step per set bit, so the work follows the nonzeros.

static long append_set_bits(uint64_t mask, long first, int32_t *indices, long count) {
  while (mask) {
    indices[count++] = (int32_t)(first + __builtin_ctzll(mask));
    mask &= mask - 1;
  }
  return count;
}

static long find_nonzeros_plain(const float *x, long first, long width, int32_t *indices, long count) {
  for (; first < width; first += 64) {
    long size = width - first < 64 ? width - first : 64;
    uint64_t mask = 0;
    for (long k = 0; k < size; k++) mask |= (uint64_t)(x[first + k] != 0.0f) << k;
    count = append_set_bits(mask, first, indices, count);
  }
  return count;
}

#if defined(__x86_64__) && defined(__linux__)
#include <immintrin.h>
#define MLPSH_X86_DISPATCH 1

__attribute__((target("avx512f")))
static long find_nonzeros_avx512(const float *x, long width, int32_t *indices) {
  long count = 0, first = 0;
  const __m512 zero = _mm512_setzero_ps();
  for (; first + 16 <= width; first += 16) {
    __mmask16 mask = _mm512_cmp_ps_mask(_mm512_loadu_ps(x + first), zero, _CMP_NEQ_UQ);
    count = append_set_bits(mask, first, indices, count);
  }
  return find_nonzeros_plain(x, first, width, indices, count);
}
#endif

long mlpsh_find_nonzeros(const float *x, long width, int32_t *indices) {
#ifdef MLPSH_X86_DISPATCH
  // The processor's features are read once, when the program loads (by the compiler's
  // runtime); asking is a load and a test.
  if (__builtin_cpu_supports("avx512f")) return find_nonzeros_avx512(x, width, indices);
#endif
  return find_nonzeros_plain(x, 0, width, indices, 0);
}

// Summing the picked rows: one copy of the loop per vector width (AVX-512, AVX2 with FMA,
// the x86-64 baseline); the loader's ifunc picks the one this processor runs. Where the
// compiler or platform cannot clone, the loop is built for the baseline alone.
#if defined(__x86_64__) && defined(__linux__) && defined(__has_attribute)
#if __has_attribute(target_clones)
#define MLPSH_CLONES __attribute__((target_clones("avx512f", "arch=haswell", "default")))
#endif
#endif
#ifndef MLPSH_CLONES
#define MLPSH_CLONES
#endif

// 16 floats: one AVX-512 register (two AVX or four SSE registers in the other clones).
typedef float floats16 __attribute__((vector_size(64)));

// Columns summed per pass over the picked rows: 128, eight registers of partial sums that
// stay in registers while the rows stream past (eight independent chains of additions).
enum { BLOCK = 128 };

MLPSH_CLONES
void mlpsh_sum_picked_rows(const float *x, const int32_t *indices, long count,
                           const float *b, long columns, float *sum) {
  long first = 0;
  for (; first + BLOCK <= columns; first += BLOCK) {
    floats16 partial[8] = {{0}};
    for (long e = 0; e < count; e++) {
      long j = indices[e];
      floats16 value = (floats16){0} + x[j];
      const float *picked = b + j * columns + first;
      for (int r = 0; r < 8; r++) {
        floats16 p;
        memcpy(&p, picked + 16 * r, 64);  // an unaligned load
        partial[r] += value * p;
      }
    }
    memcpy(sum + first, partial, sizeof partial);
  }
  // The last columns, fewer than a block.
  for (long k = first; k < columns; k++) sum[k] = 0;
  for (long e = 0; e < count && first < columns; e++) {
    long j = indices[e];
    const float *picked = b + j * columns;
    for (long k = first; k < columns; k++) sum[k] += x[j] * picked[k];
  }
}

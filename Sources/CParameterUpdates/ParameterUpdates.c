// The optimizers' per-parameter loops, in C so that the compiler vectorises all of them,
// square roots and divisions included (Swift's SIMD types computed Adam's square roots one
// lane at a time). Each function is compiled three times, for AVX-512, AVX2 and baseline
// x86-64 (`target_clones`: the loader picks the one the CPU runs), so the package needs no
// architecture flags. Reached from ParameterUpdates.swift only.
//
// Contraction into fused multiply-adds is off: every width computes each element with the
// same roundings, so these loops give the same bits on every CPU (the matrix products,
// OpenBLAS's, still differ in the order of their sums from one kernel family to another).

#include "CParameterUpdates.h"

#pragma clang fp contract(off)

#if defined(__x86_64__) && defined(__clang__)
#define WIDTHS __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define WIDTHS
#endif

/// √x without `errno` (C's `sqrtf` may set it, which keeps it out of vector code).
#define SQUARE_ROOT(x) __builtin_elementwise_sqrt(x)

WIDTHS void mlpsh_add_decay(float lambda, const float *restrict p, float *restrict g, size_t count) {
  for (size_t i = 0; i < count; i++) g[i] = g[i] + lambda * p[i];
}

WIDTHS void mlpsh_descend(float *restrict p, const float *restrict g, float eta, size_t count) {
  for (size_t i = 0; i < count; i++) p[i] = p[i] - eta * g[i];
}

WIDTHS void mlpsh_scale(float *restrict p, float factor, size_t count) {
  for (size_t i = 0; i < count; i++) p[i] = p[i] * factor;
}

WIDTHS void mlpsh_nesterov(float *restrict p, const float *restrict g, float *restrict v, float mu, float eta,
                           size_t count) {
  for (size_t i = 0; i < count; i++) {
    float velocity = mu * v[i] + g[i];
    v[i] = velocity;
    p[i] = p[i] - eta * (g[i] + mu * velocity);
  }
}

WIDTHS void mlpsh_momentum_from_velocity(float *restrict p, float *restrict v, float lambda, float eta,
                                         size_t count) {
  if (lambda != 0) {
    for (size_t i = 0; i < count; i++) {
      float velocity = v[i] + lambda * p[i];
      v[i] = velocity;
      p[i] = p[i] - eta * velocity;
    }
  } else {
    for (size_t i = 0; i < count; i++) p[i] = p[i] - eta * v[i];
  }
}

WIDTHS void mlpsh_adam(float *restrict p, const float *restrict g, float *restrict m, float *restrict s,
                       float beta1, float beta2, float epsilon, float step_size, float root_correction,
                       size_t count) {
  for (size_t i = 0; i < count; i++) {
    float moment = beta1 * m[i] + (1 - beta1) * g[i];
    float square = beta2 * s[i] + (1 - beta2) * g[i] * g[i];
    m[i] = moment;
    s[i] = square;
    p[i] = p[i] - step_size * moment / (SQUARE_ROOT(square) / root_correction + epsilon);
  }
}

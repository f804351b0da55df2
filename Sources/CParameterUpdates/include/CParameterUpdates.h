#ifndef MLPSH_PARAMETER_UPDATES_H
#define MLPSH_PARAMETER_UPDATES_H

#include <stddef.h>

// The optimizers' per-parameter loops (Optimizer.swift gives each formula and its
// convention). `p` are the parameters, `g` their gradient, `v`, `m` and `s` the optimizer's
// buffers; none of them may overlap. Each element is computed by exactly the scalar formula
// written here, in this order and without fused multiply-adds, so every CPU gives the same
// bits whatever the width of its vectors. Reached from ParameterUpdates.swift only.

/// `g ← g + λ·p` (l2 added to the gradient).
void mlpsh_add_decay(float lambda, const float *p, float *g, size_t count);

/// `p ← p − η·g`.
void mlpsh_descend(float *p, const float *g, float eta, size_t count);

/// `p ← p · factor` (adamw's decoupled decay; momentum's velocity of unused rows).
void mlpsh_scale(float *p, float factor, size_t count);

/// `v ← μ·v + g;  p ← p − η·(g + μ·v)`.
void mlpsh_nesterov(float *p, const float *g, float *v, float mu, float eta, size_t count);

/// `v ← v + λ·p` then `p ← p − η·v`: momentum's step once `v ← μ·v + g` is made by the
/// gradient's own product (λ = 0: no decay).
void mlpsh_momentum_from_velocity(float *p, float *v, float lambda, float eta, size_t count);

/// Adam's moments and step: `m ← β₁·m + (1−β₁)·g;  s ← β₂·s + (1−β₂)·g·g;
/// p ← p − stepSize·m / (√s / rootCorrection + ε)`.
void mlpsh_adam(float *p, const float *g, float *m, float *s, float beta1, float beta2, float epsilon,
                float step_size, float root_correction, size_t count);

#endif

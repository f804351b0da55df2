/// The optimizers' per-parameter loops, four lanes at a time (`SIMD4<Float>`, SSE's width:
/// the package builds for baseline x86-64; eight lanes compiled to spilled pairs) with a
/// scalar tail. The compiler leaves the plain loops scalar (it cannot prove that the parameters,
/// the gradient and the buffers do not overlap, and `divss`/`sqrtss` one at a time made
/// Adam's step cost more than the rest of the iteration); each lane computes exactly the
/// scalar formula, so the results are the same bits either way.
enum OptimizerLanes {
  typealias Lanes = SIMD4<Float>
  static let width = 4

  @inline(__always)
  static func load(_ pointer: UnsafeMutablePointer<Float>, _ index: Int) -> Lanes {
    UnsafeRawPointer(pointer + index).loadUnaligned(as: Lanes.self)
  }

  @inline(__always)
  static func store(_ value: Lanes, _ pointer: UnsafeMutablePointer<Float>, _ index: Int) {
    UnsafeMutableRawPointer(pointer + index).storeBytes(of: value, as: Lanes.self)
  }

  /// The first index the four-lane loop leaves to the scalar one.
  @inline(__always)
  static func tail(_ count: Int) -> Int { count - count % width }

  /// `g ← g + λ·p` (l2 added to the gradient).
  static func addDecay(_ λ: Float, _ p: UnsafeMutablePointer<Float>, to g: UnsafeMutablePointer<Float>, count: Int) {
    var i = 0
    while i < tail(count) {
      store(load(g, i) + λ * load(p, i), g, i)
      i += width
    }
    while i < count {
      g[i] += λ * p[i]
      i += 1
    }
  }

  /// `p ← p − η·g`.
  static func descend(_ p: UnsafeMutablePointer<Float>, _ g: UnsafeMutablePointer<Float>, η: Float, count: Int) {
    var i = 0
    while i < tail(count) {
      store(load(p, i) - η * load(g, i), p, i)
      i += width
    }
    while i < count {
      p[i] -= η * g[i]
      i += 1
    }
  }

  /// `p ← p · s` (adamw's decoupled decay).
  static func shrink(_ p: UnsafeMutablePointer<Float>, by s: Float, count: Int) {
    var i = 0
    while i < tail(count) {
      store(load(p, i) * s, p, i)
      i += width
    }
    while i < count {
      p[i] *= s
      i += 1
    }
  }

  /// `v ← μ·v + g;  p ← p − η·v`, or with `nesterov`, `p ← p − η·(g + μ·v)`.
  static func momentum(
    _ p: UnsafeMutablePointer<Float>, _ g: UnsafeMutablePointer<Float>, _ v: UnsafeMutablePointer<Float>,
    μ: Float, η: Float, nesterov: Bool, count: Int
  ) {
    var i = 0
    if nesterov {
      while i < tail(count) {
        let gi = load(g, i)
        let vi = μ * load(v, i) + gi
        store(vi, v, i)
        store(load(p, i) - η * (gi + μ * vi), p, i)
        i += width
      }
      while i < count {
        v[i] = μ * v[i] + g[i]
        p[i] -= η * (g[i] + μ * v[i])
        i += 1
      }
    } else {
      while i < tail(count) {
        let vi = μ * load(v, i) + load(g, i)
        store(vi, v, i)
        store(load(p, i) - η * vi, p, i)
        i += width
      }
      while i < count {
        v[i] = μ * v[i] + g[i]
        p[i] -= η * v[i]
        i += 1
      }
    }
  }

  /// Adam's moments and step: `m ← β₁·m + (1−β₁)·g;  s ← β₂·s + (1−β₂)·g²;
  /// p ← p − stepSize · m / (√s / rootCorrection + ε)`.
  static func adam(
    _ p: UnsafeMutablePointer<Float>, _ g: UnsafeMutablePointer<Float>, _ m: UnsafeMutablePointer<Float>,
    _ s: UnsafeMutablePointer<Float>, b1: Float, b2: Float, ε: Float, stepSize: Float, rootCorrection: Float,
    count: Int
  ) {
    var i = 0
    while i < tail(count) {
      let gi = load(g, i)
      let mi = b1 * load(m, i) + (1 - b1) * gi
      let si = b2 * load(s, i) + (1 - b2) * gi * gi
      store(mi, m, i)
      store(si, s, i)
      store(load(p, i) - stepSize * mi / (si.squareRoot() / rootCorrection + ε), p, i)
      i += width
    }
    while i < count {
      m[i] = b1 * m[i] + (1 - b1) * g[i]
      s[i] = b2 * s[i] + (1 - b2) * g[i] * g[i]
      p[i] -= stepSize * m[i] / (s[i].squareRoot() / rootCorrection + ε)
      i += 1
    }
  }
}

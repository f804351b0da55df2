/// SHA-256 (FIPS 180-4), to verify downloads without a crypto dependency.
///
/// The message is padded with a 1 bit, zeros and its 64-bit big-endian bit length to a
/// multiple of 512 bits; each 512-bit block is expanded to 64 words
/// ```
/// Wₜ = σ₁(Wₜ₋₂) + Wₜ₋₇ + σ₀(Wₜ₋₁₅) + Wₜ₋₁₆        σ₀(x) = x⋙7 ⊕ x⋙18 ⊕ x≫3
///                                                σ₁(x) = x⋙17 ⊕ x⋙19 ⊕ x≫10
/// ```
/// and mixed into the eight-word state by 64 rounds of
/// ```
/// T₁ = h + Σ₁(e) + Ch(e,f,g) + Kₜ + Wₜ     Σ₁(e) = e⋙6 ⊕ e⋙11 ⊕ e⋙25,  Ch = (e∧f) ⊕ (¬e∧g)
/// T₂ = Σ₀(a) + Maj(a,b,c)                 Σ₀(a) = a⋙2 ⊕ a⋙13 ⊕ a⋙22, Maj = (a∧b) ⊕ (a∧c) ⊕ (b∧c)
/// ```
/// Checked against the FIPS 180-2 test vectors in the tests.
struct SHA256 {
  private var state: [UInt32] = [
    0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19,
  ]
  /// Bytes waiting for a full 64-byte block.
  private var pending: [UInt8] = []
  /// The message length so far, in bytes.
  private var length: UInt64 = 0

  /// The lower-case hex digest of `bytes`.
  static func hexDigest(of bytes: [UInt8]) -> String {
    var hasher = SHA256()
    hasher.update(bytes)
    return hasher.finalize().map { byte in
      let digits = String(byte, radix: 16)
      return byte < 16 ? "0" + digits : digits
    }.joined()
  }

  /// Adds `bytes` to the message.
  mutating func update(_ bytes: [UInt8]) {
    length &+= UInt64(bytes.count)
    bytes.withUnsafeBufferPointer { input in
      var offset = 0
      if !pending.isEmpty {
        let take = min(64 - pending.count, input.count)
        pending += input[0 ..< take]
        offset = take
        guard pending.count == 64 else { return }
        let block = pending
        block.withUnsafeBufferPointer { compress(blocks: $0.baseAddress!, count: 1) }
        pending.removeAll(keepingCapacity: true)
      }
      let whole = (input.count - offset) / 64
      if whole > 0 {
        compress(blocks: input.baseAddress! + offset, count: whole)
      }
      pending += input[(offset + whole * 64)...]
    }
  }

  /// The 32-byte digest of the message; the hasher is spent.
  mutating func finalize() -> [UInt8] {
    let bitLength = length &* 8
    var tail = pending
    tail.append(0x80)
    while tail.count % 64 != 56 { tail.append(0) }
    for shift in stride(from: 56, through: 0, by: -8) {
      tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
    }
    tail.withUnsafeBufferPointer { compress(blocks: $0.baseAddress!, count: tail.count / 64) }
    pending = []
    return state.flatMap { word in
      [UInt8(word >> 24), UInt8(word >> 16 & 0xff), UInt8(word >> 8 & 0xff), UInt8(word & 0xff)]
    }
  }

  /// Mixes `count` consecutive 64-byte blocks into the state.
  private mutating func compress(blocks: UnsafePointer<UInt8>, count: Int) {
    withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
      SHA256.roundConstants.withUnsafeBufferPointer { k in
        var h0 = state[0], h1 = state[1], h2 = state[2], h3 = state[3]
        var h4 = state[4], h5 = state[5], h6 = state[6], h7 = state[7]
        for blockIndex in 0 ..< count {
          let block = blocks + blockIndex * 64
          for t in 0 ..< 16 {
            let p = block + 4 * t
            w[t] = UInt32(p[0]) << 24 | UInt32(p[1]) << 16 | UInt32(p[2]) << 8 | UInt32(p[3])
          }
          for t in 16 ..< 64 {
            let x = w[t - 15], y = w[t - 2]
            let s0 = rotate(x, 7) ^ rotate(x, 18) ^ (x >> 3)
            let s1 = rotate(y, 17) ^ rotate(y, 19) ^ (y >> 10)
            w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
          }
          var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
          for t in 0 ..< 64 {
            let t1 = h &+ (rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[t] &+ w[t]
            let t2 = (rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
            h = g
            g = f
            f = e
            e = d &+ t1
            d = c
            c = b
            b = a
            a = t1 &+ t2
          }
          h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
          h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
        }
        state = [h0, h1, h2, h3, h4, h5, h6, h7]
      }
    }
  }

  /// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
  private static let roundConstants: [UInt32] = [
    0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
    0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
    0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
    0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
    0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
    0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
    0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
    0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
  ]
}

/// Rotates `x` right by `n` bits.
@inline(__always)
private func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 {
  (x >> n) | (x << (32 - n))
}

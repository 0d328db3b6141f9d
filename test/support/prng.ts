/**
 * mulberry32: a tiny, fast, seeded PRNG, identical in every JS engine (Node and Chromium give the
 * same sequence), for generated carts in tests and benchmarks. Returns floats in [0, 1).
 */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

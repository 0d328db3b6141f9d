/**
 * Timing how a cost grows with its input, on a noisy machine. A scaling test compares the best time
 * at a small size with the best time at a large one; measuring the sizes in turn (small, large,
 * small, large, …) rather than one after the other keeps a slow stretch of the machine (another
 * process, a garbage collection of a heap the large case grew) from landing on one size only, and
 * the best of several rounds is the time the code needs rather than the time the machine lent it.
 */

/**
 * The best time, in milliseconds, of `run(size)` for each size, over `rounds` interleaved rounds.
 * `run` does the work and its own checks; only the span it reports counts, so setup (building a
 * request, checking the answer) stays out of the time.
 *
 * @example
 *   const [small, large] = bestTimes([500, 2000], (n) => { const t0 = performance.now(); work(n); return performance.now() - t0 }, 5)
 *   expect(large / small).toBeLessThan(8)
 */
export function bestTimes(sizes: readonly number[], run: (size: number) => number, rounds: number): number[] {
  const best = sizes.map(() => Infinity)
  for (let k = 0; k < rounds; k++) sizes.forEach((n, i) => { best[i] = Math.min(best[i]!, run(n)) })
  return best
}

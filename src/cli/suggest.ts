/**
 * "Did you mean": the closest name within an edit distance of 2 (insertions, deletions,
 * substitutions and swaps of two neighbours each count 1).
 */

/** Optimal string alignment distance, stopping early once every cell exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev2: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1)
      cur.push(d)
      if (d < rowMin) rowMin = d
    }
    if (rowMin > max) return max + 1
    prev2 = prev
    prev = cur
  }
  return prev[b.length]!
}

/** The candidate closest to `input` (ties: the first listed), if within `max` edits. */
export function closest(input: string, candidates: Iterable<string>, max = 2): string | undefined {
  let best: string | undefined
  let bestD = max + 1
  for (const c of candidates) {
    const d = editDistance(input.toLowerCase(), c.toLowerCase(), max)
    if (d < bestD) {
      best = c
      bestD = d
    }
  }
  return best
}

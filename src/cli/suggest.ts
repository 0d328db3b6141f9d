/**
 * "Did you mean": the closest name within an edit distance of 2 (insertions, deletions,
 * substitutions and swaps of two neighbours each count 1).
 */
import { distance } from '../input/known'

/** The candidate closest to `input` (ties: the first listed), if within `max` edits. */
export function closest(input: string, candidates: Iterable<string>, max = 2): string | undefined {
  let best: string | undefined
  let bestD = max + 1
  for (const c of candidates) {
    const d = distance(input.toLowerCase(), c.toLowerCase(), max)
    if (d < bestD) {
      best = c
      bestD = d
    }
  }
  return best
}

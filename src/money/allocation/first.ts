import type { AllocationRule } from './rule'

/**
 * First: floor every share and give one unit each to the first parts with a positive weight, in
 * order (a part whose share was whole counts too).
 *
 * @example
 * ```ts
 * allocate(10, [2, 1, 1], undefined, first) // [6, 2, 2]
 * ```
 */
export const first: AllocationRule = {
  name: 'first',
  split(s) {
    const parts = s.floors.slice()
    let left = s.leftover
    for (let i = 0; i < s.length && left > 0; i++)
      if (s.positive(i)) {
        parts[i]! += 1
        left--
      }
    return parts
  },
}

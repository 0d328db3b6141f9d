import type { AllocationRule } from './rule'

/**
 * Last: floor every share and give one unit each to the last parts with a positive weight, from
 * the end (a part whose share was whole counts too).
 *
 * @example
 * ```ts
 * allocate(10, [1, 1, 2], undefined, last) // [2, 2, 6]
 * ```
 */
export const last: AllocationRule = {
  name: 'last',
  split(s) {
    const parts = s.floors.slice()
    let left = s.leftover
    for (let i = s.length - 1; i >= 0 && left > 0; i--)
      if (s.positive(i)) {
        parts[i]! += 1
        left--
      }
    return parts
  },
}

import type { AllocationRule } from './rule'

/**
 * Largest remainder (the default): floor every share and give one unit each to the parts with the
 * largest fractional remainders, ties to the earlier part.
 *
 * @example
 * ```ts
 * allocate(100, [1, 1, 1], undefined, largestRemainder) // [34, 33, 33]
 * ```
 */
export const largestRemainder: AllocationRule = {
  name: 'largest_remainder',
  split(s) {
    const parts = s.floors.slice()
    if (s.leftover === 0) return parts
    const idx: number[] = []
    for (let i = 0; i < s.length; i++) idx.push(i)
    // Stable: equal remainders keep index order, so ties go to the earlier part.
    idx.sort((a, b) => s.compare(b, a) || a - b)
    for (let k = 0; k < s.leftover; k++) parts[idx[k]!]! += 1
    return parts
  },
}

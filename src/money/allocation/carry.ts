import type { AllocationRule } from './rule'

/**
 * Carry (running rounding): part i is R(Cᵢ) − R(Cᵢ₋₁), where Cᵢ is the exact running share
 * total × (w₀ + … + wᵢ) / Σw and R the rounding mode; the rounding error is carried to the next
 * part and the last takes what is left.
 *
 * @example
 * ```ts
 * allocate(100, [1, 1, 1], undefined, carry, Rounding.HalfUp) // [33, 34, 33]
 * ```
 */
export const carry: AllocationRule = {
  name: 'carry',
  split(s, mode) {
    const parts = new Array<number>(s.length)
    let before = 0
    for (let i = 0; i < s.length; i++) {
      const upTo = i === s.length - 1 ? s.total : s.cumulative(i, mode)
      parts[i] = upTo - before
      before = upTo
    }
    return parts
  },
}

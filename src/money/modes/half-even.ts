import type { RoundingMode } from './mode'

/**
 * Half even (banker's rounding): to the nearest integer, ties to the even neighbour (2.5 → 2, 3.5 → 4).
 *
 * @example
 * ```ts
 * roundDiv(5, 2, halfEven) // 2
 * ```
 */
export const halfEven: RoundingMode = { name: 'half_even', away: (_negative, odd, half) => half > 0 || (half === 0 && odd) }

import type { RoundingMode } from './mode'

/**
 * Half down: to the nearest integer, ties toward zero (2.5 → 2, −2.5 → −2).
 *
 * @example
 * ```ts
 * roundDiv(5, 2, halfDown) // 2
 * ```
 */
export const halfDown: RoundingMode = { name: 'half_down', away: (_negative, _odd, half) => half > 0 }

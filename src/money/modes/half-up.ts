import type { RoundingMode } from './mode'

/**
 * Half up: to the nearest integer, ties away from zero (2.5 → 3, −2.5 → −3). The default.
 *
 * @example
 * ```ts
 * roundDiv(5, 2, halfUp) // 3
 * ```
 */
export const halfUp: RoundingMode = { name: 'half_up', away: (_negative, _odd, half) => half >= 0 }

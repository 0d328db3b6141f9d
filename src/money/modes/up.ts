import type { RoundingMode } from './mode'

/**
 * Up: away from zero (2.1 → 3, −2.1 → −3).
 *
 * @example
 * ```ts
 * roundDiv(21, 10, up) // 3
 * ```
 */
export const up: RoundingMode = { name: 'up', away: () => true }

import type { RoundingMode } from './mode'

/**
 * Floor: toward −∞ (2.9 → 2, −2.1 → −3).
 *
 * @example
 * ```ts
 * roundDiv(-21, 10, floor) // -3
 * ```
 */
export const floor: RoundingMode = { name: 'floor', away: (negative) => negative }

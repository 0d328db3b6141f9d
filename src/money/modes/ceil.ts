import type { RoundingMode } from './mode'

/**
 * Ceiling: toward +∞ (2.1 → 3, −2.9 → −2).
 *
 * @example
 * ```ts
 * roundDiv(-29, 10, ceil) // -2
 * ```
 */
export const ceil: RoundingMode = { name: 'ceil', away: (negative) => !negative }

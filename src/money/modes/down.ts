import type { RoundingMode } from './mode'

/**
 * Down: toward zero, truncation (2.9 → 2, −2.9 → −2).
 *
 * @example
 * ```ts
 * roundDiv(29, 10, down) // 2
 * ```
 */
export const down: RoundingMode = { name: 'down', away: () => false }

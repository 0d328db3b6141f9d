import type { RoundingMode } from '../modes/mode'

/**
 * The exact shares of one split, as an allocation rule sees them: `total × wᵢ / Σw` for each part,
 * with their floors, the units left over after flooring, and the remainders' order. Built by
 * `allocate` (on Numbers, or on BigInt when a product would pass 2^53); the rule only decides where
 * the leftover units go.
 */
export interface Shares {
  /** The number of parts. */
  readonly length: number
  /** The whole being split (≥ 0). */
  readonly total: number
  /** ⌊exact share⌋ of each part. */
  readonly floors: readonly number[]
  /** total − Σ floors: the units a rule places (fewer than the parts with a remainder). */
  readonly leftover: number
  /** Whether part i has a positive weight. */
  positive(i: number): boolean
  /** > 0 when part i's remainder is larger than part j's, < 0 when smaller, 0 when equal. */
  compare(i: number, j: number): number
  /** The rounding of the running share Cᵢ = total × (w₀ + … + wᵢ) / Σw (C₋₁ = 0). */
  cumulative(i: number, mode: RoundingMode): number
}

/**
 * Where the leftover cents of a split go: a value you pass to `allocate` (and that the
 * `allocation` policy names). Every rule returns parts that sum exactly to the total, none
 * negative, each within one unit of its exact share (`carry` within one of its running share).
 *
 * @example
 * ```ts
 * const toTheFirst: AllocationRule = { name: 'first', split: (s) => { … } }
 * ```
 */
export interface AllocationRule {
  /** The policy value that names it (`largest_remainder`, `first`, `last`, `carry`). */
  readonly name: string
  /** The parts of the split. */
  readonly split: (shares: Shares, mode: RoundingMode) => number[]
}

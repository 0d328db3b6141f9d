/**
 * The weights an order discount is split over its lines by. `base` uses each line's current base
 * as priced (gross for inclusive lines, net for exclusive ones); the others weigh it net or gross
 * of the percentage rates the line will really be charged, as an exact fraction.
 */
export interface Proration {
  /** The policy value (`base`, `net`, `gross`). */
  readonly name: string
  /**
   * The line's weight as a fraction [numerator, denominator], from its current `base`, whether it
   * is `inclusive`, and the sum of its percentage rates as K / L. `null` when the weight is the base
   * itself (the common, Number-only path).
   */
  readonly weight: (base: number, inclusive: boolean, k: bigint, l: bigint) => readonly [bigint, bigint] | null
}

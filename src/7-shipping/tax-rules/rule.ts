import type { NRate } from '../../store/model'

/** What the shipping tax rule sees of a shipped line: where it is taxed and at which goods rates. */
export interface ShippedGoods {
  readonly jurisdiction: string
  readonly rates: readonly NRate[]
}

/**
 * How shipping is taxed: for each shipped line, the goods rates its shipping share is taxed at
 * (a `shipping`-category rate of the jurisdiction still overrides them), or `null` for no tax.
 */
export interface ShippingTaxRule {
  /** The policy value (`proportional`, `highest`, `lowest`, `none`). */
  readonly name: string
  readonly follow: (lines: readonly ShippedGoods[]) => readonly (readonly NRate[] | null)[]
}

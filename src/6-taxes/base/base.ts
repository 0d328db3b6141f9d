/** Whether a line's taxes see its discount: the amount the taxes stage charges the rates on. */
export interface TaxBase {
  /** The policy value (`after_discount`, `before_discount`). */
  readonly name: string
  /** The amount taxed for a line with this `item_total` and `discount`. */
  readonly taxed: (itemTotal: number, discount: number) => number
}

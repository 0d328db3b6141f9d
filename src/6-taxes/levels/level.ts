/**
 * A tax rounding level: where the rounding of a percentage tax happens. The taxes stage asks the
 * level for one value and the charge engine does the rest.
 */
export interface TaxLevel {
  /** The policy value (`line`, `unit`, `total`). */
  readonly name: string
  /** `unit`: round the tax of one unit and multiply by the quantity. */
  readonly perUnit: boolean
  /** `total`: round once per rate over the whole document and split back over the lines. */
  readonly document: boolean
}

/**
 * Cross-border pricing of tax-inclusive prices: `keep_gross` (the default) charges the same gross
 * at the destination's rates; `keep_net` re-prices the unit to its origin net and taxes it as an
 * exclusive price at the destination. A new value is one line here (and the reading it needs).
 */

/** A cross-border policy value. @example `CROSS_BORDER.keep_net.reprice // true` */
export interface CrossBorder {
  readonly name: string
  /** Whether an inclusive line taxed outside the account's country is re-priced to its origin net. */
  readonly reprice: boolean
}

/** @example `CROSS_BORDER.keep_gross.reprice // false` */
export const CROSS_BORDER = {
  keep_gross: { name: 'keep_gross', reprice: false },
  keep_net: { name: 'keep_net', reprice: true },
} as const satisfies Readonly<Record<string, CrossBorder>>

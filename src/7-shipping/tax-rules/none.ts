import type { ShippingTaxRule } from './rule'

/** None: shipping is not taxed (a `shipping`-category rate is ignored too). @example `none.follow([{ jurisdiction: 'DE', rates: [] }]) // [null]` */
export const none: ShippingTaxRule = { name: 'none', follow: (lines) => lines.map(() => null) }

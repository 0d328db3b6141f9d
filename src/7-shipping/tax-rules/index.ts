/** The shipping tax rules by policy value: a new rule is one file plus one line here. */
import { highest } from './highest'
import { lowest } from './lowest'
import { none } from './none'
import { proportional } from './proportional'
import type { ShippingTaxRule } from './rule'

export type { ShippedGoods, ShippingTaxRule } from './rule'

/** @example `SHIPPING_TAX_RULES.highest` */
export const SHIPPING_TAX_RULES = { proportional, highest, lowest, none } as const satisfies Readonly<Record<string, ShippingTaxRule>>

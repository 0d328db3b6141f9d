import { bestPerJurisdiction } from './percent-sum'
import type { ShippingTaxRule } from './rule'

/** Lowest: the whole shipping at the rates of the shipped line whose summed percentage is lowest, per jurisdiction (BE practice). @example `lowest.name // 'lowest'` */
export const lowest: ShippingTaxRule = { name: 'lowest', follow: (lines) => bestPerJurisdiction(lines, (c) => c < 0) }

import { bestPerJurisdiction } from './percent-sum'
import type { ShippingTaxRule } from './rule'

/** Highest: the whole shipping at the rates of the shipped line whose summed percentage is highest, per jurisdiction (NL, UK practice). @example `highest.name // 'highest'` */
export const highest: ShippingTaxRule = { name: 'highest', follow: (lines) => bestPerJurisdiction(lines, (c) => c > 0) }

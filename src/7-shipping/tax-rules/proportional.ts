import type { ShippingTaxRule } from './rule'

/** Proportional (the default): each line's shipping share is taxed at that line's own rates (the DE/FR/SE reading of EU law). @example `proportional.name // 'proportional'` */
export const proportional: ShippingTaxRule = { name: 'proportional', follow: (lines) => lines.map((l) => l.rates) }

import type { TaxLevel } from './level'

/** Unit: the tax of one unit of the discounted line is rounded, then multiplied by the quantity. @example `unit.perUnit // true` */
export const unit: TaxLevel = { name: 'unit', perUnit: true, document: false }

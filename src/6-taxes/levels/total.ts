import type { TaxLevel } from './level'

/**
 * Total: each rate is rounded once over the whole document and the rounded tax is split back over
 * the lines by their exact tax (shipping tax is its own pool). @example `total.document // true`
 */
export const total: TaxLevel = { name: 'total', perUnit: false, document: true }

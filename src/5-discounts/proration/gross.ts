import type { Proration } from './proration'

/** Gross: each line weighs its base with its rates (an exclusive base × (1 + Σ rates)), as Vendure prorates on prices with tax. @example `gross.weight(1000, false, 19n, 100n) // [119000n, 100n] = 1190` */
export const gross: Proration = { name: 'gross', weight: (b, inclusive, k, l) => (inclusive ? null : [BigInt(b) * (l + k), l]) }

import type { Proration } from './proration'

/** Net: each line weighs its base net of its rates (an inclusive base ÷ (1 + Σ rates)). @example `net.weight(1190, true, 19n, 100n) // [119000n, 119n] = 1000` */
export const net: Proration = { name: 'net', weight: (b, inclusive, k, l) => (inclusive ? [BigInt(b) * l, l + k] : null) }

import type { Proration } from './proration'

/** Base (the default): each line weighs its current base as priced. @example `base.weight(1190, true, 19n, 100n) // null (the base itself)` */
export const base: Proration = { name: 'base', weight: () => null }

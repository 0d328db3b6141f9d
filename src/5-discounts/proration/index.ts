/** The discount proration rules by policy value: a new rule is one file plus one line here. */
import { base } from './base'
import { gross } from './gross'
import { net } from './net'
import type { Proration } from './proration'

export type { Proration } from './proration'

/** @example `DISCOUNT_PRORATIONS.gross` */
export const DISCOUNT_PRORATIONS = { base, net, gross } as const satisfies Readonly<Record<string, Proration>>

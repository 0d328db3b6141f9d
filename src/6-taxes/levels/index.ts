/** The tax rounding levels by policy value: a new level is one file plus one line here. */
import type { TaxLevel } from './level'
import { line } from './line'
import { total } from './total'
import { unit } from './unit'

export type { TaxLevel } from './level'

/** @example `TAX_LEVELS.total.document // true` */
export const TAX_LEVELS = { line, unit, total } as const satisfies Readonly<Record<string, TaxLevel>>

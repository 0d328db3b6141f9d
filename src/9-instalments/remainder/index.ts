/** The instalment remainder rules by policy value: a new rule is one file plus one line here. */
import { first } from './first'
import { last } from './last'
import type { InstalmentRemainder } from './remainder'
import { spreadFirst } from './spread-first'
import { spreadLast } from './spread-last'

export type { InstalmentRemainder } from './remainder'

/** @example `INSTALMENT_REMAINDERS.last.split(50000, 3) // [16666, 16666, 16668]` */
export const INSTALMENT_REMAINDERS = { spread_first: spreadFirst, spread_last: spreadLast, first, last } as const satisfies Readonly<Record<string, InstalmentRemainder>>

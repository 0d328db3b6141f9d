/**
 * Which part of a tax-inclusive price is rounded: `net` (the default: round the net, the tax is the
 * rest) or `tax` (round the tax, the net is the rest, as UK retailers do). A new value is one file
 * plus one line here; the money core's `extractInclusive` takes its `target`.
 */
import type { InclusiveTarget } from '../../money/inclusive'

/** An inclusive rounding policy value. @example `INCLUSIVE_ROUNDING.tax.target // 'tax'` */
export interface InclusiveRounding {
  readonly name: string
  readonly target: InclusiveTarget
}

/** @example `INCLUSIVE_ROUNDING.net.target // 'net'` */
export const INCLUSIVE_ROUNDING = {
  net: { name: 'net', target: 'net' },
  tax: { name: 'tax', target: 'tax' },
} as const satisfies Readonly<Record<string, InclusiveRounding>>

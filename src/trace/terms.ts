/**
 * The terms of a sum entry, read the same way by every reader of a trace: the amounts it adds
 * (`terms`), then those it subtracts (`less`).
 */
import type { TraceEntry } from './types'

/**
 * A sum's terms with their signs: each added path with 1, then each subtracted one with −1.
 *
 * @example
 * ```ts
 * signedTerms({ terms: ['products[0].totals.item_total'], less: ['products[0].totals.discount'] })
 * // [['products[0].totals.item_total', 1], ['products[0].totals.discount', -1]]
 * ```
 */
export function signedTerms(e: Pick<TraceEntry, 'terms' | 'less'>): [path: string, sign: 1 | -1][] {
  const out: [string, 1 | -1][] = []
  for (const p of e.terms ?? []) out.push([p, 1])
  for (const p of e.less ?? []) out.push([p, -1])
  return out
}

/**
 * The one amount a sum of one added term stands for (an alias: the same amount under another
 * path), else undefined.
 *
 * @example
 * ```ts
 * aliasOf({ op: 'sum', value: 1312, terms: ['shipping.shipping_rates[0].cost'] }) // 'shipping.shipping_rates[0].cost'
 * ```
 */
export function aliasOf(e: TraceEntry): string | undefined {
  const t = e.terms
  return e.op === 'sum' && t !== undefined && t.length === 1 && (e.less === undefined || e.less.length === 0) ? t[0] : undefined
}

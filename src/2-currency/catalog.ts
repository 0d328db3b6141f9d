/**
 * Catalog prices: what one line costs in one currency without conversion, and the currencies it
 * can be priced in. The currency stage chooses a currency with these; the lines stage prices with
 * them.
 */
import type { NLineRef } from '../0-estimate/request'
import { addAmounts, multiplyAmount } from '../money/amount'
import type { NVariant } from '../store/model'
import type { Recorder } from '../trace/recorder'

/**
 * A variant's unit price: with delta pricing, the product's price plus the variant's delta (a
 * missing delta is 0; never below 0). With a recorder, records how at `at`.
 */
export function variantPrice(v: NVariant, currency: string, rec?: Recorder, at = ''): number | undefined {
  const p = v.product
  if (p.deltaPricing) {
    const basePrice = p.prices.get(currency)
    if (basePrice === undefined) return undefined
    const delta = v.prices.get(currency)
    const sum = addAmounts(basePrice, delta ?? 0)
    if (rec !== undefined) {
      rec.givenAt(`${at}$product`, basePrice, 'store', p.path, currency)
      if (delta === undefined) rec.fixed(`${at}$delta`, 0, 'no_delta')
      else rec.givenAt(`${at}$delta`, delta, 'store', v.path, currency)
      if (sum < 0) rec.fixed(at, 0, 'price_floor', { inputs: [`${at}$product`, `${at}$delta`] })
      else rec.sum(at, sum, [[`${at}$product`, 1], [`${at}$delta`, 1]])
    }
    return Math.max(0, sum)
  }
  const own = v.prices.size === 0 ? p.prices.get(currency) : v.prices.get(currency)
  if (own !== undefined) rec?.givenAt(at, own, 'store', v.prices.size === 0 ? p.path : v.path, currency)
  return own
}

/**
 * The unit price of a catalog line in `currency`, without conversion; undefined when not priced in
 * it. With a recorder, records how at `at`.
 */
export function unitPriceIn(ref: NLineRef, currency: string, rec?: Recorder, at = ''): number | undefined {
  const product = ref.product!
  if (ref.pack !== null) {
    const own = ref.pack.prices?.get(currency)
    if (own !== undefined) {
      rec?.givenAt(at, own, 'store', ref.pack.path, currency)
      return own
    }
    // A pack with its own pricing but none in this currency falls back to its contents' prices.
    if (ref.pack.items !== null) {
      let sum = 0
      const terms: (readonly [string, 1])[] = []
      for (let j = 0; j < ref.pack.items.length; j++) {
        const it = ref.pack.items[j]!
        const p = variantPrice(it.variant, currency, rec, `${at}$items[${j}]`)
        if (p === undefined) return undefined
        const part = multiplyAmount(p, it.units)
        sum += part
        if (rec !== undefined) {
          rec.product(`${at}$items[${j}]$units`, part, [`${at}$items[${j}]`, String(it.units)])
          terms.push([`${at}$items[${j}]$units`, 1])
        }
      }
      const total = multiplyAmount(sum, 1)
      rec?.sum(at, total, terms)
      return total
    }
    const unit = product.prices.get(currency)
    if (unit === undefined) return undefined
    const total = multiplyAmount(unit, ref.pack.units)
    if (rec !== undefined) {
      rec.givenAt(`${at}$unit`, unit, 'store', product.path, currency)
      rec.product(at, total, [`${at}$unit`, String(ref.pack.units)])
    }
    return total
  }
  if (ref.variant !== null) return variantPrice(ref.variant, currency, rec, at)
  const price = product.prices.get(currency)
  if (price !== undefined) rec?.givenAt(at, price, 'store', product.path, currency)
  return price
}

/**
 * The currencies a catalog line can be priced in without conversion — a variant or pack can be
 * priced in fewer (or other) currencies than its product — in the product's currency order.
 */
export function lineCurrencies(ref: NLineRef): string[] {
  const p = ref.product!
  const seen = new Set<string>(p.prices.keys())
  for (const v of p.variants) for (const c of v.prices.keys()) seen.add(c)
  for (const k of p.packs) if (k.prices !== null) for (const c of k.prices.keys()) seen.add(c)
  return [...seen].filter((c) => unitPriceIn(ref, c) !== undefined)
}

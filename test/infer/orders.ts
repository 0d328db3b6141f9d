/**
 * Seeded orders for the inference tests and bench: carts against the hand-written rich store of the
 * fuzz suite (inclusive and exclusive prices, several rates per country, compound and fixed rates,
 * cross-border customers, every discount and shipping type, instalment plans), priced under a
 * hidden policy setting, with the API's response written as that estimate.
 */
import { AXES, AXIS_NAMES } from '../../src/policies/axes'
import { RICH_STORE } from '../fuzz/rich'
import { prng } from '../support/prng'

export const AT = '2026-03-02T09:30:00.000Z'

type Json = Record<string, unknown>

/** The rich store with its account's policy fields removed (what inference must find is not in it). */
export function strippedStore(): Json {
  const account: Json = { ...(RICH_STORE.account as Json) }
  for (const a of AXIS_NAMES) delete account[a]
  delete account.preset
  return { ...RICH_STORE, account }
}

const LINES: readonly Json[] = [
  { id: 'mug' },
  { id: 'book' },
  { variant: 'shirt-s' },
  { variant: 'shirt-m' },
  { variant: 'shirt-xl' },
  { pack: 'shirt-trio' },
  { id: 'poster' },
  { pack: 'poster-10' },
  { id: 'ebook' },
  { id: 'tea' },
  { name: 'Gift wrap', price: 250 },
]
const CUSTOMERS: readonly Json[] = [
  { customer: { id: 'c-de' } },
  { customer: { id: 'c-us' } },
  { customer: { id: 'c-fr-b2b' } },
  { customer: { id: 'c-exempt' } },
  ...['DE', 'DE', 'DE', 'AT', 'FR', 'SE', 'NL', 'CH', 'GB', 'US'].map((country, i) => ({ new_customer: { name: `N${i}`, email: `n${i}@example.com`, country, same_shipping_address: true } })),
]
const COUPONS = ['SAVE10', 'FIVER', 'BOOKS', 'FREESHIP', 'HALFSHIP', 'SHIPTWO', 'KLARNA'] as const
const SHIPPING = ['std', 'per', 'heavy', 'incl'] as const

/** A random cart against the rich store. */
export function richRequest(rnd: () => number): Json {
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const n = int(1, 5)
  const products: Json[] = []
  for (let i = 0; i < n; i++) products.push({ ...pick(LINES), quantity: int(1, 5) })
  const req: Json = { products, ...pick(CUSTOMERS) }
  const r = rnd()
  if (r < 0.1) Object.assign(req, { currency: 'SEK', convert_prices: true })
  else if (r < 0.15) Object.assign(req, { currency: 'USD', convert_prices: true })
  if (rnd() < 0.7) req.coupons = Array.from({ length: int(1, 2) }, () => pick(COUPONS))
  if (rnd() < 0.7) req.shipping = { tamio: pick(SHIPPING) }
  return req
}

/** A random setting of every axis (each axis non-default with probability `p`). */
export function randomSetting(rnd: () => number, p = 0.5): Record<string, string> {
  const out: Record<string, string> = {}
  for (const a of AXIS_NAMES) {
    const values = Object.keys(AXES[a].values)
    if (rnd() < p) out[a] = values[Math.floor(rnd() * values.length)]!
  }
  return out
}

export { prng }

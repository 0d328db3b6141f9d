/**
 * Inputs for the cross-runtime determinism check: the API fixtures plus carts generated from a
 * seeded PRNG over the example store and the fixture stores — quantities, coupons (valid, invalid,
 * mixed case), countries (EU, non-EU, unknown), shipping choices (valid, unavailable, unknown) and
 * per-call policy overrides. Pure data, importable in Node and in a browser (JSON modules, no fs).
 */
import estimateStore from '../fixtures/api-estimate-de/store.json'
import estimateRequest from '../fixtures/api-estimate-de/request.json'
import createStore_ from '../fixtures/api-create-de/store.json'
import createRequest from '../fixtures/api-create-de/request.json'
import exampleStore from '../../examples/cart-preview/store.json'
import { prng } from './prng'

/** A store (by key into STORES), a request body and estimate options. */
export interface Case {
  readonly name: string
  readonly store: keyof typeof STORES
  readonly request: Record<string, unknown>
  readonly options: Record<string, unknown>
}

export const STORES = {
  'api-estimate-de': estimateStore,
  'api-create-de': createStore_,
  'cart-preview': exampleStore,
} as const

/** The clock every case uses (date rules and instalment due dates). */
export const AT = '2026-03-02T09:30:00.000Z'


const ROUNDINGS = ['half_up', 'half_even', 'half_down', 'up', 'down', 'ceil', 'floor'] as const
const TAX_ROUNDING = ['line', 'unit', 'total'] as const
const SHIPPING_TAX = ['proportional', 'highest', 'lowest', 'none'] as const
const COUNTRIES = ['DE', 'AT', 'FR', 'SE', 'NL', 'CH', 'GB', 'US', 'XI']
const COUPONS = ['SAVE10', 'save10', 'WELCOME5', 'FREESHIP', 'BOOKS15', 'NOPE', 'SAVE20']

export function generatedCarts(count: number, seed = 20260302): Case[] {
  const rnd = prng(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const cases: Case[] = []
  for (let i = 0; i < count; i++) {
    const storeKey = i % 5 === 4 ? pick(['api-estimate-de', 'api-create-de'] as const) : 'cart-preview'
    const store = STORES[storeKey] as { products?: readonly { id: string }[]; shipping_methods?: readonly { id: string }[] }
    const ids = (store.products ?? []).map((p) => p.id)
    const lines = ids.filter(() => rnd() < 0.6).map((id) => ({ id, quantity: int(1, 12) }))
    if (lines.length === 0) lines.push({ id: ids[0]!, quantity: int(1, 3) })
    const request: Record<string, unknown> = {
      products: lines,
      new_customer: { name: 'Gen', email: `gen${i}@example.com`, country: pick(COUNTRIES), same_shipping_address: true },
    }
    if (rnd() < 0.6) request.coupons = Array.from({ length: int(1, 2) }, () => pick(COUPONS))
    if (rnd() < 0.4) request.shipping = { tamio: rnd() < 0.85 ? pick((store.shipping_methods ?? []).map((m) => m.id).concat('unknown')) : 'nope' }
    if (rnd() < 0.1) request.no_discounts = true
    const options: Record<string, unknown> = { at: AT }
    if (rnd() < 0.5) options.rounding = pick(ROUNDINGS)
    if (rnd() < 0.4) options.tax_rounding = pick(TAX_ROUNDING)
    if (rnd() < 0.4) options.shipping_tax = pick(SHIPPING_TAX)
    if (rnd() < 0.3) options.instalment_rounding = pick(['tamio', 'exact'] as const)
    cases.push({ name: `generated #${i} (${storeKey})`, store: storeKey, request, options })
  }
  return cases
}

/** The fixtures as given, plus each with every rounding mode and the exact instalment rounding. */
export function fixtureCases(): Case[] {
  const base: Case[] = [
    { name: 'fixture api-estimate-de', store: 'api-estimate-de', request: estimateRequest, options: { at: AT } },
    { name: 'fixture api-create-de', store: 'api-create-de', request: createRequest, options: { at: AT } },
  ]
  return base.flatMap((c) => [
    c,
    ...ROUNDINGS.map((rounding) => ({ ...c, name: `${c.name} rounding=${rounding}`, options: { ...c.options, rounding } })),
    { ...c, name: `${c.name} instalment_rounding=exact`, options: { ...c.options, instalment_rounding: 'exact' } },
  ])
}

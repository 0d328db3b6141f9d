/**
 * One test per resource limit (SECURITY.md): each shows the limit's boundary value is accepted and
 * one past it is refused with its code and path — so removing the limit fails the test — and the
 * 10 MB hostile requests are refused in bounded time. Runs in Node and in Chromium.
 */
import { describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateResponse, type Issue } from '../../src/index'
import { LIMITS } from '../../src/input/read'
import baseStore from '../fixtures/api-create-de/store.json'
import { storeIssues } from './check'

const AT = '2026-03-02T09:30:00.000Z'
const PID = 'f1a2b3c4-d5e6-7890-abcd-ef1234567890'
const store = createStore(baseStore as never)
type Json = Record<string, unknown>

function est(request: Json, s = store, options: Json = { at: AT }): EstimateResponse {
  return estimate(s, request as never, options as never)
}
function codes(res: EstimateResponse): Pick<Issue, 'code' | 'path'>[] {
  return res.status === 400 ? res.errors.map(({ code, path }) => ({ code, path })) : []
}
const withStore = (patch: Json): Json => ({ ...(baseStore as Json), ...patch })
const withAccount = (patch: Json): Json => withStore({ account: { ...(baseStore as Json).account as Json, ...patch } })
const line = { id: PID, quantity: 1 }
const cart = (patch: Json = {}): Json => ({ products: [line], new_customer: { name: 'N', country: 'DE' }, ...patch })
/** Milliseconds `f` takes. */
function ms(f: () => unknown): number {
  const t0 = performance.now()
  f()
  return performance.now() - t0
}

describe('request limits', () => {
  it(`strings: ${LIMITS.maxString} characters pass, one more is string_too_long at the field's path`, () => {
    expect(est(cart({ locale: 'x'.repeat(LIMITS.maxString) })).status).toBe(200)
    expect(codes(est(cart({ locale: 'x'.repeat(LIMITS.maxString + 1) })))).toEqual([{ code: 'string_too_long', path: 'locale' }])
    expect(codes(est({ ...cart(), products: [{ id: 'p'.repeat(LIMITS.maxString + 1) }] }))).toEqual([{ code: 'string_too_long', path: 'products[0].id' }])
  })

  it('an echoed customer field longer than the string limit is string_too_long (it would be copied into the output)', () => {
    const long = 'n'.repeat(LIMITS.maxString + 1)
    expect(codes(est(cart({ new_customer: { name: long, country: 'DE' } })))).toEqual([{ code: 'string_too_long', path: 'new_customer.name' }])
    expect(codes(est(cart({ new_customer: { country: 'DE', billing_information: { country: 'DE', street: long } } })))).toEqual([
      { code: 'string_too_long', path: 'new_customer.billing_information.street' },
    ])
  })

  it(`echoed objects: ${LIMITS.maxFields} fields pass, one more is too_many_items`, () => {
    const fields = (n: number): Json => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, i]))
    // country + (maxFields − 1) others = maxFields keys.
    expect(est(cart({ new_customer: { country: 'DE', ...fields(LIMITS.maxFields - 1) } })).status).toBe(200)
    expect(codes(est(cart({ new_customer: { country: 'DE', ...fields(LIMITS.maxFields) } })))).toEqual([{ code: 'too_many_items', path: 'new_customer' }])
    expect(codes(est(cart({ new_customer: { billing_information: { country: 'DE', ...fields(LIMITS.maxFields) } } })))).toEqual([
      { code: 'too_many_items', path: 'new_customer.billing_information' },
    ])
  })

  it('lines: account.max_lines (default 20) lines pass, one more is too_many_lines at products', () => {
    expect(est(cart({ products: Array.from({ length: 20 }, () => line) })).status).toBe(200)
    expect(codes(est(cart({ products: Array.from({ length: 21 }, () => line) })))).toEqual([{ code: 'too_many_lines', path: 'products' }])
    const wide = createStore(withAccount({ max_lines: 25 }) as never)
    expect(est(cart({ products: Array.from({ length: 25 }, () => line) }), wide).status).toBe(200)
    expect(codes(est(cart({ products: Array.from({ length: 26 }, () => line) }), wide))).toEqual([{ code: 'too_many_lines', path: 'products' }])
  })

  it(`account.max_lines itself is capped at ${LIMITS.maxLines}`, () => {
    expect(storeIssues(withAccount({ max_lines: LIMITS.maxLines }))).toEqual([])
    expect(storeIssues(withAccount({ max_lines: LIMITS.maxLines + 1 }))).toEqual([{ code: 'invalid_value', path: 'account.max_lines' }])
  })

  it(`coupons: ${LIMITS.maxCoupons} codes pass, one more is too_many_items at coupons`, () => {
    const list = (n: number) => Array.from({ length: n }, (_, i) => `CODE${i}`)
    const ok = est(cart({ coupons: list(LIMITS.maxCoupons) }))
    expect(ok.status).toBe(200)
    // Each unknown code is a warning at its own path.
    expect(ok.warnings.filter((w) => w.code === 'unknown_coupon')).toHaveLength(LIMITS.maxCoupons)
    expect(codes(est(cart({ coupons: list(LIMITS.maxCoupons + 1) })))).toEqual([{ code: 'too_many_items', path: 'coupons' }])
  })

  it(`nShift add-ons: ${LIMITS.maxAddons} pass, one more is too_many_items`, () => {
    const nshift = (n: number) => ({ nshift: { valid: true, price: 100, taxRate: '19', selectedAddons: Array.from({ length: n }, () => ({ price: 1 })) } })
    const ok = est(cart({ shipping: nshift(LIMITS.maxAddons) }))
    expect(ok.status).toBe(200)
    // cost = 100 + 100 × 1 = 200 minor units
    if (ok.status === 200) expect(ok.transaction.shipping.shipping_method?.cost).toBe(100 + LIMITS.maxAddons * 1)
    expect(codes(est(cart({ shipping: nshift(LIMITS.maxAddons + 1) })))).toEqual([{ code: 'too_many_items', path: 'shipping.nshift.selectedAddons' }])
  })

  it('options.at: years 0001–9999 only (every schedule date stays a Date)', () => {
    expect(est(cart(), store, { at: '9999-12-31T00:00:00Z' }).status).toBe(200)
    for (const at of ['0000-12-31T00:00:00Z', new Date(8.64e15), new Date(-8.64e15), '9999-12-31T23:59:59-14:00']) {
      expect(codes(est(cart(), store, { at }))).toEqual([{ code: 'invalid_date', path: 'options.at' }])
    }
  })
})

describe('store limits', () => {
  const product = (baseStore as { products: Json[] }).products[0]!

  it(`store lists: ${LIMITS.maxList} entries at most (too_many_items, refused before any entry is read)`, () => {
    const huge = new Array<unknown>(LIMITS.maxList + 1).fill(null)
    let issues: Pick<Issue, 'code' | 'path'>[] = []
    const t = ms(() => (issues = storeIssues(withStore({ customers: huge }))))
    expect(issues).toEqual([{ code: 'too_many_items', path: 'customers' }])
    // Walking a million nulls would report a million invalid_type issues; the cap answers at once.
    expect(t).toBeLessThan(250)
  })

  it(`a product's own lists: ${LIMITS.maxPerProduct} entries at most`, () => {
    const variants = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `v${i}` }))
    expect(storeIssues(withStore({ products: [{ ...product, variations: { variants: variants(LIMITS.maxPerProduct) } }] }))).toEqual([])
    expect(storeIssues(withStore({ products: [{ ...product, variations: { variants: variants(LIMITS.maxPerProduct + 1) } }] }))).toEqual([
      { code: 'too_many_items', path: 'products[0].variations.variants' },
    ])
    const packs = Array.from({ length: LIMITS.maxPerProduct + 1 }, (_, i) => ({ id: `k${i}`, stock: 2 }))
    expect(storeIssues(withStore({ products: [{ ...product, packs }] }))).toEqual([{ code: 'too_many_items', path: 'products[0].packs' }])
    const pricing = Array.from({ length: LIMITS.maxPerProduct + 1 }, () => ({ currency: 'EUR', price: 1 }))
    expect(storeIssues(withStore({ products: [{ ...product, pricing_model: pricing }] }))).toEqual([{ code: 'too_many_items', path: 'products[0].pricing_model' }])
  })

  it(`maps: ${LIMITS.maxMapEntries} keys at most (per-currency amounts, languages, exchange rates)`, () => {
    const keys = (n: number, v: unknown) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`K${i}`, v]))
    const coupon = { code: 'BIG', label: 'x', type: 'percent', value: '10', min_subtotal: keys(LIMITS.maxMapEntries + 1, 1) }
    expect(storeIssues(withStore({ coupons: [coupon] }))).toEqual([{ code: 'too_many_items', path: 'coupons[0].min_subtotal' }])
    expect(storeIssues(withStore({ products: [{ ...product, languages: keys(LIMITS.maxMapEntries + 1, { title: 't' }) }] }))).toEqual([
      { code: 'too_many_items', path: 'products[0].languages' },
    ])
    expect(storeIssues(withStore({ exchange_rates: { base: 'EUR', rates: keys(LIMITS.maxMapEntries + 1, '1') } }))).toEqual([
      { code: 'too_many_items', path: 'exchange_rates.rates' },
    ])
    // At the limit the keys are read one by one (here: every made-up code is not a currency).
    const atLimit = storeIssues(withStore({ exchange_rates: { base: 'EUR', rates: keys(LIMITS.maxMapEntries, '1') } }))
    expect(atLimit).toHaveLength(LIMITS.maxMapEntries)
    expect(atLimit.every((i) => i.code === 'invalid_currency')).toBe(true)
  })

  it('a currency given twice in one map (any case) is invalid_value, not whichever key comes last', () => {
    const coupon = { code: 'TWICE', label: 'x', type: 'fixed', amounts: { eur: 100, EUR: 200 } }
    expect(storeIssues(withStore({ coupons: [coupon] }))).toEqual([{ code: 'invalid_value', path: 'coupons[0].amounts.EUR' }])
    expect(storeIssues(withStore({ exchange_rates: { base: 'EUR', rates: { sek: '11', SEK: '12' } } }))).toEqual([
      { code: 'invalid_value', path: 'exchange_rates.rates.SEK' },
    ])
  })

  it('a per-currency map is ordered by currency code: the result does not depend on key order', () => {
    // EUR transaction, coupon listed in SEK and USD only (no EUR, not the base): converted from the
    // first in code order, SEK, whichever order the JSON lists them in.
    const s = (amounts: Json) =>
      createStore(withStore({
        account: { base_currency: 'EUR', country: 'DE', currencies: ['EUR'] },
        coupons: [{ code: 'X', label: 'x', type: 'fixed', amounts }],
        exchange_rates: { base: 'EUR', rates: { SEK: '10', USD: '2' } },
      }) as never)
    const a = est(cart({ coupons: ['X'] }), s({ USD: 200, SEK: 500 }))
    const b = est(cart({ coupons: ['X'] }), s({ SEK: 500, USD: 200 }))
    // 500 SEK öre / 10 = 50 EUR cents (USD would give 200 / 2 = 100).
    expect(a.status === 200 && a.transaction.totals.discount).toBe(50)
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
  })

  it(`a product title longer than ${LIMITS.maxString} characters is string_too_long (it can become the line's name)`, () => {
    expect(storeIssues(withStore({ products: [{ ...product, name: null, languages: { en: { title: 't'.repeat(LIMITS.maxString + 1) } } }] }))).toEqual([
      { code: 'string_too_long', path: 'products[0].languages.en.title' },
    ])
  })

  it(`echoed store customers: ${LIMITS.maxFields} fields at most`, () => {
    const c = { id: 'c', ...Object.fromEntries(Array.from({ length: LIMITS.maxFields }, (_, i) => [`f${i}`, i])) }
    expect(storeIssues(withStore({ customers: [c] }))).toEqual([{ code: 'too_many_items', path: 'customers[0]' }])
  })

  it(`tax rates: ${LIMITS.maxRatesPerJurisdiction} per jurisdiction, the next is too_many_items at its jurisdiction`, () => {
    const rates = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, label: `r${i}`, jurisdiction: 'DE', category: `c${i}`, rate_percent: '1' }))
    expect(storeIssues(withStore({ tax_rates: rates(LIMITS.maxRatesPerJurisdiction) }))).toEqual([])
    expect(storeIssues(withStore({ tax_rates: rates(LIMITS.maxRatesPerJurisdiction + 1) }))).toEqual([
      { code: 'too_many_items', path: `tax_rates[${LIMITS.maxRatesPerJurisdiction}].jurisdiction` },
    ])
  })

  it(`instalment plans: ${LIMITS.maxInstalments} instalments and a schedule within ${LIMITS.maxScheduleDays} days`, () => {
    const plan = (p: Json) => withStore({ instalment_plans: [{ id: 'p', instalments: 3, interval: 1, cycle: 'day', offset: 0, ...p }] })
    expect(storeIssues(plan({ instalments: LIMITS.maxInstalments }))).toEqual([])
    expect(storeIssues(plan({ instalments: LIMITS.maxInstalments + 1 }))).toEqual([{ code: 'invalid_value', path: 'instalment_plans[0].instalments' }])
    // Last due date: offset + (n − 1) × interval cycles. Days: 36 525 = the limit, 36 526 past it.
    expect(storeIssues(plan({ cycle: 'day', offset: LIMITS.maxScheduleDays, instalments: 1 }))).toEqual([])
    expect(storeIssues(plan({ cycle: 'day', offset: LIMITS.maxScheduleDays + 1, instalments: 1 }))).toEqual([{ code: 'invalid_value', path: 'instalment_plans[0]' }])
    // Months count 31 days: 12 × 100 months × 31 = 37 200 > 36 525.
    expect(storeIssues(plan({ cycle: 'month', interval: 100, instalments: 13 }))).toEqual([{ code: 'invalid_value', path: 'instalment_plans[0]' }])
    // Within the limit from the last representable instant, every due date is still an ISO date.
    const s = createStore(plan({ cycle: 'day', offset: LIMITS.maxScheduleDays, instalments: 1 }) as never)
    const res = est(cart(), s, { at: '9999-12-31T23:59:59.999Z' })
    expect(res.status).toBe(200)
    if (res.status === 200) expect(res.transaction.instalments[0]!.schedule[1]!.due).toBe(new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999) + LIMITS.maxScheduleDays * 86_400_000).toISOString())
  })
})

describe('10 MB hostile requests are refused in bounded time', () => {
  const MB10 = 10 * 1024 * 1024
  // The requests are built before the clock starts: only estimate() is timed. Refusals that need
  // no walk (a list's length, a string's length) take well under a millisecond; the bound is
  // generous for a loaded CI machine or a browser.
  const BOUND_MS = 500

  function timedEstimate(request: Json): { res: EstimateResponse; ms: number } {
    let res: EstimateResponse | undefined
    const t = ms(() => (res = est(request)))
    return { res: res!, ms: t }
  }

  it('10 MB of product lines: too_many_lines before any line is read', () => {
    const lines = Array.from({ length: Math.ceil(MB10 / JSON.stringify(line).length) }, () => ({ id: PID, quantity: 1 }))
    const { res, ms: t } = timedEstimate(cart({ products: lines }))
    expect(codes(res)).toEqual([{ code: 'too_many_lines', path: 'products' }])
    expect(t).toBeLessThan(BOUND_MS)
  })

  it('a 10 MB string: string_too_long without looking at its characters', () => {
    const big = 'x'.repeat(MB10)
    const { res, ms: t } = timedEstimate(cart({ affiliate: big, products: [{ id: big }] }))
    expect(codes(res)).toEqual([
      { code: 'string_too_long', path: 'products[0].id' },
      { code: 'string_too_long', path: 'affiliate' },
    ])
    expect(t).toBeLessThan(BOUND_MS)
  })

  it('10 MB of coupon codes: too_many_items at coupons', () => {
    const { res, ms: t } = timedEstimate(cart({ coupons: Array.from({ length: MB10 / 8 }, (_, i) => `C${i}`) }))
    expect(codes(res)).toEqual([{ code: 'too_many_items', path: 'coupons' }])
    expect(t).toBeLessThan(BOUND_MS)
  })

  it('a customer object with many fields: too_many_items, in one pass over its keys (nothing copied)', () => {
    // 100 000 keys (≈ 1.5 MB of JSON): an object this wide is slow for the engine itself (JSON.parse
    // made it), so the bound is relative: at most a few times one Object.keys over the same object.
    const customer: Json = { country: 'DE' }
    for (let i = 0; i < 100_000; i++) customer[`field_${i}`] = 'v'
    const baseline = ms(() => Object.keys(customer))
    const { res, ms: t } = timedEstimate(cart({ new_customer: customer }))
    expect(codes(res)).toEqual([{ code: 'too_many_items', path: 'new_customer' }])
    expect(t).toBeLessThan(5 * baseline + BOUND_MS)
  })

  it('unknown keys and deep nesting under an unknown key are never walked: 200', () => {
    const request: Json = { ...cart() }
    for (let i = 0; i < 100_000; i++) request[`junk_${i}`] = i
    let deep: unknown = 1
    for (let i = 0; i < 100_000; i++) deep = { a: deep }
    request.fulfillment_options = deep
    // 100 000 top-level keys: as above, the bound is relative to one Object.keys over the request
    // (a loaded machine slows both alike).
    const baseline = ms(() => Object.keys(request))
    const { res, ms: t } = timedEstimate(request)
    expect(res.status).toBe(200)
    expect(t).toBeLessThan(5 * baseline + BOUND_MS)
    // Deep nesting under a known object key is not echoed either (only scalars are).
    const nested = est(cart({ new_customer: { country: 'DE', name: 'N', extra: deep } }))
    expect(nested.status === 200 && nested.transaction.customer_information).toEqual({ country: 'DE', name: 'N', billing_information: null, shipping_information: null })
  })
})

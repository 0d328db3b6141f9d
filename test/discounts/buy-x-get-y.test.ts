/**
 * Buy X get Y: units, not lines, take part; each application takes the Y cheapest get-units not yet
 * used, then the X dearest buy-units; the amount is rounded once over all applications and split
 * over the got units' lines by their got bases. Hand-computed carts (numbers worked out beside
 * them), then properties over random carts against a unit-by-unit reference written here.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateRequest, type Issue, type StoreConfig, type Transaction } from '../../src/index'
import { checkTrace } from '../support/trace-check'

const AT = '2026-03-15T12:00:00Z'
const CUSTOMER = { new_customer: { name: 'Erika', email: 'erika@example.com', country: 'DE' } }
const VAT = { id: 'de19', label: 'MwSt. 19%', jurisdiction: 'DE', category: null, rate_percent: '19', vat_tax: true }

/** Services priced 1000, 900, … 500 (no shipping), 19 % VAT, and the offers under test. */
function storeWith(coupons: readonly Record<string, unknown>[], products?: readonly Record<string, unknown>[]): ReturnType<typeof createStore> {
  const prices = [1000, 900, 800, 700, 600, 500]
  return createStore({
    account: { base_currency: 'EUR', country: 'DE' },
    products: products ?? [
      ...prices.map((p) => ({ id: `p${p}`, name: `Item ${p}`, type: 'service', price: p, currency: 'EUR' })),
      { id: 'book', name: 'Book', type: 'service', tax_category: 'books', price: 2000, currency: 'EUR' },
      { id: 'gift', name: 'Gift card', type: 'service', price: 100, currency: 'EUR', discount_allowed: false },
    ],
    tax_rates: [VAT],
    coupons,
  } as unknown as StoreConfig)
}

/** Estimates (traced): every entry of the trace re-checks, so the offer's amounts are recorded as computed. */
function run(store: ReturnType<typeof createStore>, products: { id: string; quantity?: number }[], coupons: string[]): { t: Transaction; warnings: readonly Issue[] } {
  const request = { products, coupons, ...CUSTOMER }
  const r = estimate(store, request as EstimateRequest, { at: AT, trace: true })
  if (r.status !== 200) throw new Error(JSON.stringify(r.errors))
  expect(checkTrace(r.trace!, r.transaction, {}, request).filter((p) => !p.includes('store.'))).toEqual([])
  return { t: r.transaction, warnings: r.warnings }
}
const discounts = (t: Transaction) => t.products.map((p) => p.totals.discount)

const B2G1 = { code: 'B2G1', label: 'Buy 2, get 1 free', type: 'buy_x_get_y', buy: { quantity: 2 }, get: { quantity: 1 } }

describe('buy 2 get 1 free', () => {
  const store = storeWith([B2G1])

  it('one set: of 1000, 900, 800 the 800 is free; taxes see the discounted base', () => {
    const { t } = run(store, [{ id: 'p1000' }, { id: 'p900' }, { id: 'p800' }], ['B2G1'])
    expect(discounts(t)).toEqual([0, 0, 800])
    expect(t.totals.discount).toBe(800)
    // 19 % of 1000 and 900; the free line has base 0 and no tax
    expect(t.products.map((p) => p.totals.tax)).toEqual([190, 171, 0])
    expect(t.discounts).toEqual([{ id: null, code: 'B2G1', label: 'Buy 2, get 1 free', type: 'buy_x_get_y', value: 100, amount: 800, shipping_amount: 0, applies_to: { products: ['p800'], categories: null } }])
  })

  it('two sets (the rule’s example): of 1000, 900, 800, 700, 600, 500 the 500 and the 600 are free — 1100', () => {
    // first: get the cheapest (500), buy the two dearest (1000, 900); second: get 600, buy 800 and 700
    const { t } = run(store, [1000, 900, 800, 700, 600, 500].map((p) => ({ id: `p${p}` })), ['B2G1'])
    expect(discounts(t)).toEqual([0, 0, 0, 0, 600, 500])
    expect(t.totals.discount).toBe(1100)
    expect(t.discounts[0]!.applies_to).toEqual({ products: ['p600', 'p500'], categories: null })
  })

  it('one line of quantity 3: one unit of 1000 is free, the line pays 2000', () => {
    const { t } = run(store, [{ id: 'p1000', quantity: 3 }], ['B2G1'])
    expect(t.products[0]!.totals).toMatchObject({ item_total: 3000, discount: 1000, subtotal: 2000, tax: 380 })
  })

  it('no application possible: two units cannot fill buy 2 + get 1 — coupon_no_eligible_products, nothing taken', () => {
    const { t, warnings } = run(store, [{ id: 'p1000' }, { id: 'p900' }], ['B2G1'])
    expect(t.totals.discount).toBe(0)
    expect(warnings.map((w) => `${w.code}@${w.path}`)).toEqual(['coupon_no_eligible_products@coupons[0]'])
  })

  it('a unit that does not allow discounts takes no part', () => {
    const { t, warnings } = run(store, [{ id: 'p1000' }, { id: 'p900' }, { id: 'gift' }], ['B2G1'])
    expect(t.totals.discount).toBe(0)
    expect(warnings[0]?.code).toBe('coupon_no_eligible_products')
  })
})

describe('the offer’s own settings', () => {
  it('max_applications: buy 1 get 1, at most 2 — 500 and 600 free (1100), not also 700 (1800)', () => {
    const store = storeWith([
      { code: 'B1G1', label: 'b1g1', type: 'buy_x_get_y', buy: { quantity: 1 }, get: { quantity: 1 }, max_applications: 2 },
      { code: 'B1G1ALL', label: 'b1g1 all', type: 'buy_x_get_y', buy: { quantity: 1 }, get: { quantity: 1 } },
    ])
    const cart = [1000, 900, 800, 700, 600, 500].map((p) => ({ id: `p${p}` }))
    // gets 500 (buy 1000), 600 (buy 900); unlimited: then 700 (buy 800)
    expect(discounts(run(store, cart, ['B1G1']).t)).toEqual([0, 0, 0, 0, 600, 500])
    expect(discounts(run(store, cart, ['B1G1ALL']).t)).toEqual([0, 0, 0, 700, 600, 500])
  })

  it('get.value: buy 1 get 1 at half price — round(500 × 50 %) = 250 off the cheaper', () => {
    const store = storeWith([{ code: 'HALF', label: 'half', type: 'buy_x_get_y', buy: { quantity: 1 }, get: { quantity: 1, value: '50' } }])
    const { t } = run(store, [{ id: 'p1000' }, { id: 'p500' }], ['HALF'])
    expect(discounts(t)).toEqual([0, 250])
    expect(t.discounts[0]!.value).toBe(50)
  })

  it('buy and get select by product or category: buy a book, get the cheapest general item free', () => {
    const store = storeWith([{ code: 'BOOKGIFT', label: 'book + gift', type: 'buy_x_get_y', buy: { quantity: 1, categories: ['books'] }, get: { quantity: 1, products: ['p600', 'p700'] } }])
    const { t } = run(store, [{ id: 'book' }, { id: 'p500' }, { id: 'p700' }, { id: 'p600' }], ['BOOKGIFT'])
    // the get-set is p700 and p600 (p500 is not in it): the cheaper, 600, is free; one book bought
    expect(discounts(t)).toEqual([0, 0, 0, 600])
  })

  it('the amount is rounded once over all applications and split by the got bases: 33.333 % of (700 + 600) = 433.329 → 433', () => {
    const store = storeWith([{ code: 'THIRD', label: 'a third off', type: 'buy_x_get_y', buy: { quantity: 1 }, get: { quantity: 2, value: '33.333' } }])
    // get the two cheapest (600, 700), buy the dearest (1000); 1300 × 33.333 % = 433.329 → 433
    // split 433 by [700, 600]: exact 233.15, 199.85 → floors 233, 199, the cent to .85 → 233, 200
    const { t } = run(store, [{ id: 'p1000' }, { id: 'p700' }, { id: 'p600' }], ['THIRD'])
    expect(discounts(t)).toEqual([0, 233, 200])
  })

  it('the amount is round(Σ got bases) even when an earlier discount leaves the units at a fraction of a cent: 2 × 999.67 → 1999', () => {
    const products = [{ id: 'a', name: 'A', type: 'service', price: 1000, currency: 'EUR' }, { id: 'b', name: 'B', type: 'service', price: 1000, currency: 'EUR' }]
    const store = storeWith([{ code: 'TWO', label: '2 cents', type: 'fixed', amounts: { EUR: 2 } }, B2G1], products)
    const { t } = run(store, [{ id: 'a', quantity: 3 }, { id: 'b', quantity: 3 }], ['TWO', 'B2G1'])
    // TWO: 2 over 3000 + 3000 → 1 + 1, each line 2999 now, its units 2999 / 3 = 999.667
    // B2G1: one unit got on each line (the earlier line's cheapest, then its two others bought; then b alike)
    // amount round(2 × 999.667 = 1999.33) = 1999 (not capped at 999 + 999), split 999.5 + 999.5, the tie to a
    expect(t.discounts.map((d) => d.amount)).toEqual([2, 1999])
    expect(t.products.map((p) => p.discounts.map((d) => d.amount))).toEqual([
      [1, 1000],
      [1, 999],
    ])
  })

  it('max_amount caps it like every discount', () => {
    const store = storeWith([{ ...B2G1, code: 'CAPPED', max_amount: { EUR: 300 } }])
    const { t } = run(store, [{ id: 'p1000' }, { id: 'p900' }, { id: 'p800' }], ['CAPPED'])
    expect(discounts(t)).toEqual([0, 0, 300])
  })

  it('a bad offer is a store error: quantities must be positive integers, get.value in (0, 100]', () => {
    const bad = (d: Record<string, unknown>) => {
      try {
        storeWith([{ code: 'X', label: 'x', type: 'buy_x_get_y', buy: { quantity: 1 }, get: { quantity: 1 }, ...d }])
        return null
      } catch (e) {
        return (e as { issues: { code: string; path: string }[] }).issues.map((i) => `${i.code}@${i.path}`)
      }
    }
    expect(bad({ buy: { quantity: 0 } })).toEqual(['invalid_value@coupons[0].buy.quantity'])
    expect(bad({ get: { quantity: 1, value: '0' } })).toEqual(['invalid_value@coupons[0].get.value'])
    expect(bad({ get: { quantity: 1, value: '120' } })).toEqual(['invalid_value@coupons[0].get.value'])
    expect(bad({ max_applications: 0 })).toEqual(['invalid_value@coupons[0].max_applications'])
    expect(bad({ buy: undefined })).toEqual(['required@coupons[0].buy'])
  })
})

/** The reference: every unit one by one (the rule as written, no batching). */
function referenceGot(units: { line: number; base: number }[], lines: number, x: number, y: number, max: number | null): number[] {
  const used = new Array<boolean>(units.length).fill(false)
  const got = new Array<number>(lines).fill(0)
  const cheap = units.map((_, i) => i).sort((a, b) => units[a]!.base - units[b]!.base || units[a]!.line - units[b]!.line)
  const dear = units.map((_, i) => i).sort((a, b) => units[b]!.base - units[a]!.base || units[a]!.line - units[b]!.line)
  for (let app = 0; max === null || app < max; app++) {
    const gets = cheap.filter((i) => !used[i]).slice(0, y)
    if (gets.length < y) break
    const buys = dear.filter((i) => !used[i] && !gets.includes(i)).slice(0, x)
    if (buys.length < x) break
    for (const i of [...gets, ...buys]) used[i] = true
    for (const i of gets) got[units[i]!.line]! += 1
  }
  return got
}

describe('properties over random carts', () => {
  const cart = fc.array(fc.record({ price: fc.integer({ min: 1, max: 5000 }), quantity: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 6 })
  const offer = fc.record({ x: fc.integer({ min: 1, max: 3 }), y: fc.integer({ min: 1, max: 3 }), max: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), value: fc.constantFrom('100', '50', '33.333', '12.5') })

  it('the shares sum to the amount, no line loses more than its got units’ base, and (at 100 %) the got units are the cheapest', () => {
    fc.assert(
      fc.property(cart, offer, (lines, o) => {
        const products = lines.map((l, i) => ({ id: `x${i}`, name: `x${i}`, type: 'service', price: l.price, currency: 'EUR' }))
        const store = storeWith([{ code: 'OFFER', label: 'offer', type: 'buy_x_get_y', buy: { quantity: o.x }, get: { quantity: o.y, value: o.value }, ...(o.max === null ? {} : { max_applications: o.max }) }], products)
        const r = estimate(store, { products: lines.map((l, i) => ({ id: `x${i}`, quantity: l.quantity })), coupons: ['OFFER'], ...CUSTOMER } as EstimateRequest, { at: AT })
        if (r.status !== 200) throw new Error(JSON.stringify(r.errors))
        const units = lines.flatMap((l, i) => Array.from({ length: l.quantity }, () => ({ line: i, base: l.price })))
        const got = referenceGot(units, lines.length, o.x, o.y, o.max)
        const shares = r.transaction.products.map((p) => p.totals.discount)
        const applied = r.transaction.discounts[0]
        if (got.every((g) => g === 0)) {
          expect(applied).toBeUndefined()
          expect(r.warnings.map((w) => w.code)).toContain('coupon_no_eligible_products')
          return
        }
        expect(shares.reduce((a, b) => a + b, 0)).toBe(applied!.amount)
        shares.forEach((s, i) => expect(s).toBeLessThanOrEqual(got[i]! * lines[i]!.price))
        if (o.value === '100') expect(shares).toEqual(got.map((g, i) => g * lines[i]!.price))
      }),
      { numRuns: 400 },
    )
  })
})

/**
 * No silent wrong numbers: every way an amount can leave the safe-integer range (±9 007 199 254 740 991
 * minor units) is a 400 `amount_overflow` naming the input behind it — one test per path, each with
 * the arithmetic that overflows written out — and never a rounded or wrapped amount. Runs in Node and
 * in Chromium.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateResponse, type Issue } from '../../src/index'
import { storeIssues } from './check'

const AT = '2026-03-02T09:30:00.000Z'
const MAX = Number.MAX_SAFE_INTEGER // 9 007 199 254 740 991
type Json = Record<string, unknown>

/** A store around the given products: EUR/DE, one DE rate unless `tax_rates` is given, no shipping unless given. */
function store(products: Json[], extra: Json = {}) {
  return createStore({
    account: { base_currency: 'EUR', country: 'DE', currencies: ['EUR', 'JPY'] },
    products,
    tax_rates: [],
    exchange_rates: { base: 'EUR', rates: { JPY: '162.5', USD: '1.0873' } },
    ...extra,
  } as never)
}
const digital = (id: string, price: number, extra: Json = {}): Json => ({ id, name: id, type: 'digital_product', price, currency: 'EUR', ...extra })
const physical = (id: string, price: number, extra: Json = {}): Json => ({ ...digital(id, price, extra), type: 'physical_product' })
const customer = { new_customer: { name: 'N', country: 'DE' } }

function est(s: ReturnType<typeof store>, request: Json): EstimateResponse {
  return estimate(s, { ...customer, ...request } as never, { at: AT })
}
function errors(res: EstimateResponse): Pick<Issue, 'code' | 'path'>[] {
  return res.status === 400 ? res.errors.map(({ code, path }) => ({ code, path })) : []
}
const overflowAt = (path: string) => [{ code: 'amount_overflow', path }]

describe('read from the request', () => {
  it('an invoice price past 2^53 − 1: products[0].price', () => {
    const res = est(store([]), { products: [{ name: 'x', price: MAX + 1 }] })
    expect(errors(res)).toEqual(overflowAt('products[0].price'))
  })

  it('a quantity past 2^53 − 1: products[0].quantity', () => {
    const res = est(store([digital('p', 1)]), { products: [{ id: 'p', quantity: 2 ** 53 }] })
    expect(errors(res)).toEqual(overflowAt('products[0].quantity'))
  })

  it('an nShift price plus its add-ons past 2^53 − 1: shipping.nshift.price', () => {
    // (2^53 − 1) + 1 = 2^53
    const res = est(store([physical('p', 1)]), { products: [{ id: 'p' }], shipping: { nshift: { valid: true, price: MAX, selectedAddons: [{ price: 1 }] } } })
    expect(errors(res)).toEqual(overflowAt('shipping.nshift.price'))
  })
})

describe('computed for one line', () => {
  it('unit_price × quantity: products[0].quantity (and exactly at the limit it is priced)', () => {
    // 10^15 × 10 = 10^16 > 9 007 199 254 740 991
    expect(errors(est(store([digital('p', 1e15)]), { products: [{ id: 'p', quantity: 10 }] }))).toEqual(overflowAt('products[0].quantity'))
    // 900 719 925 474 099 × 10 = 9 007 199 254 740 990 ≤ MAX: a 200 with the exact amount.
    const ok = est(store([digital('p', 900_719_925_474_099)]), { products: [{ id: 'p', quantity: 10 }] })
    expect(ok.status === 200 && ok.transaction.totals.total).toBe(9_007_199_254_740_990)
  })

  it('an invoice item price × quantity: products[0].quantity', () => {
    // 10^15 × 10 = 10^16
    expect(errors(est(store([]), { products: [{ name: 'x', price: 1e15, quantity: 10 }] }))).toEqual(overflowAt('products[0].quantity'))
  })

  it('a pack priced as unit price × units per pack: products[0] (the line)', () => {
    // 5·10^15 × 2 units = 10^16
    const s = store([digital('p', 5e15, { packs: [{ id: 'two', stock: 2 }] })])
    expect(errors(est(s, { products: [{ pack: 'two' }] }))).toEqual(overflowAt('products[0]'))
  })

  it('a pack of variants priced as the sum of its variants: products[0]', () => {
    // 5·10^15 + 5·10^15 = 10^16
    const s = store([
      digital('p', 0, {
        variations: { variants: [{ id: 'a', pricing_model: [{ currency: 'EUR', price: 5e15 }] }, { id: 'b', pricing_model: [{ currency: 'EUR', price: 5e15 }] }] },
        packs: [{ id: 'ab', stock: 2, variants: [{ id: 'a', stock: 1 }, { id: 'b', stock: 1 }] }],
      }),
    ])
    expect(errors(est(s, { products: [{ pack: 'ab' }] }))).toEqual(overflowAt('products[0]'))
  })

  it('a delta-priced variant, product price + delta: products[0]', () => {
    // 5·10^15 + 5·10^15 = 10^16
    const s = store([digital('p', 5e15, { variations: { delta_pricing: true, variants: [{ id: 'v', pricing_model: [{ currency: 'EUR', price: 5e15 }] }] } })])
    expect(errors(est(s, { products: [{ variant: 'v' }] }))).toEqual(overflowAt('products[0]'))
  })

  it('a price converted into another currency: products[0]', () => {
    // 9·10^15 cents EUR → JPY (exponent 0): 9·10^15 × 162.5 / 100 = 1.4625·10^16
    const s = store([digital('p', 9e15)])
    expect(errors(est(s, { products: [{ id: 'p' }], currency: 'JPY', convert_prices: true }))).toEqual(overflowAt('products[0]'))
  })

  it('item_total_with_tax = subtotal + tax: products[0]', () => {
    // 5·10^15 + round(5·10^15 × 100 %) = 10^16
    const s = store([digital('p', 5e15)], { tax_rates: [{ label: 'T', jurisdiction: 'DE', rate_percent: '100' }] })
    expect(errors(est(s, { products: [{ id: 'p' }] }))).toEqual(overflowAt('products[0]'))
  })

  it("the line total = item_total_with_tax + shipping_total: products[0]", () => {
    // 5·10^15 (item) + 5·10^15 (its shipping share) = 10^16
    const s = store([physical('p', 5e15)], { shipping_methods: [{ id: 's', label: 'S', type: 'fixed', cost: 5e15, currency: 'EUR' }] })
    expect(errors(est(s, { products: [{ id: 'p' }] }))).toEqual(overflowAt('products[0]'))
  })
})

describe('computed for the cart', () => {
  it('Σ item_total over the lines: products', () => {
    // 5·10^15 + 5·10^15 = 10^16, each line alone is fine
    const s = store([digital('a', 5e15), digital('b', 5e15)])
    expect(errors(est(s, { products: [{ id: 'a' }, { id: 'b' }] }))).toEqual(overflowAt('products'))
    expect(est(s, { products: [{ id: 'a' }] }).status).toBe(200)
  })

  it('Σ quantity (item_count) over the lines, even at a price of 0: products', () => {
    // 5·10^15 + 5·10^15 items = 10^16
    const res = est(store([]), { products: [{ name: 'a', price: 0, quantity: 5e15 }, { name: 'b', price: 0, quantity: 5e15 }] })
    expect(errors(res)).toEqual(overflowAt('products'))
  })

  it('a tax past 2^53 − 1 (a rate above 100 %): products', () => {
    // round(10^15 × 1000 %) = 10^16
    const s = store([digital('p', 1e15)], { tax_rates: [{ label: 'T', jurisdiction: 'DE', rate_percent: '1000' }] })
    expect(errors(est(s, { products: [{ id: 'p' }] }))).toEqual(overflowAt('products'))
  })

  it('a fixed tax per unit × units: products', () => {
    // 10^15 per unit × 10 units = 10^16
    const s = store([digital('p', 1)], { tax_rates: [{ label: 'T', jurisdiction: 'DE', rate_amount: 1e15 }] })
    expect(errors(est(s, { products: [{ id: 'p', quantity: 10 }] }))).toEqual(overflowAt('products'))
  })

  it('a per-item shipping cost, even of a method not chosen (it is listed with its cost): shipping', () => {
    // 10^15 + 10^15 × (10 − 1) = 10^16
    const methods = [
      { id: 'cheap', label: 'C', type: 'fixed', cost: 100, currency: 'EUR' },
      { id: 'per', label: 'P', type: 'per_item', cost: 1e15, additional_item_cost: 1e15, currency: 'EUR' },
    ]
    const s = store([physical('p', 1)], { shipping_methods: methods })
    expect(errors(est(s, { products: [{ id: 'p', quantity: 10 }] }))).toEqual(overflowAt('shipping'))
  })

  it('a fixed coupon converted into the transaction currency: coupons[0]', () => {
    // 9·10^15 US cents → JPY: 9·10^15 × 162.5 / 1.0873 / 100 ≈ 1.345·10^16
    const s = store([digital('p', 100, { pricing_model: [{ currency: 'JPY', price: 100 }] })], {
      coupons: [{ code: 'BIG', label: 'big', type: 'fixed', amounts: { USD: 9e15 } }],
    })
    expect(errors(est(s, { products: [{ id: 'p' }], currency: 'JPY', coupons: ['BIG'] }))).toEqual(overflowAt('coupons[0]'))
  })

  it('an instalment plan: total + interest past 2^53 − 1: products', () => {
    // T = 7·10^15 + round(7·10^15 × 30 %) = 9.1·10^15 > 9 007 199 254 740 991
    const plan = { id: 'p3', instalments: 3, interval: 1, cycle: 'week', offset: 1, upfront_percent: '10', interest_percent: '30' }
    const s = store([digital('p', 7e15)], { instalment_plans: [plan] })
    expect(errors(est(s, { products: [{ id: 'p' }] }))).toEqual(overflowAt('products'))
    // Without interest the same cart is priced: T = 7·10^15, upfront 10 % = 7·10^14,
    // instalments floor(6.3·10^15 / 3) = 2.1·10^15, total_amount = 7·10^14 + 3 × 2.1·10^15.
    const ok = est(store([digital('p', 7e15)], { instalment_plans: [{ ...plan, interest_percent: '0' }] }), { products: [{ id: 'p' }] })
    expect(ok.status === 200 && ok.transaction.instalments[0]!.total_amount).toBe(7e14 + 3 * 2.1e15)
  })
})

describe('read from the store config', () => {
  const account = { base_currency: 'EUR', country: 'DE' }

  it('a price past 2^53 − 1: its pricing_model path', () => {
    expect(storeIssues({ account, products: [{ id: 'p', pricing_model: [{ currency: 'EUR', price: 2 ** 53 }] }] })).toEqual(overflowAt('products[0].pricing_model[0].price'))
  })

  it('a stock_breakdown that sums past 2^53 − 1: products[0].stock_breakdown', () => {
    // (2^53 − 1) + 1
    const p = { id: 'p', price: 1, currency: 'EUR', stock_breakdown: [{ stock: MAX }, { stock: 1 }] }
    expect(storeIssues({ account, products: [p] })).toEqual(overflowAt('products[0].stock_breakdown'))
  })

  it('a coupon amount past 2^53 − 1: its amounts path', () => {
    expect(storeIssues({ account, coupons: [{ code: 'X', label: 'x', type: 'fixed', amounts: { EUR: 1e16 } }] })).toEqual([
      ...overflowAt('coupons[0].amounts.EUR'),
      { code: 'required', path: 'coupons[0].amounts' },
    ])
  })
})

describe('properties', () => {
  it('unit_price × quantity is exact when it fits and amount_overflow at products[0].quantity when it does not (BigInt oracle)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeNat(), fc.integer({ min: 0, max: 1e6 })), fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: MAX })), (price, quantity) => {
        const res = est(store([digital('p', price)]), { products: [{ id: 'p', quantity }] })
        const exact = BigInt(price) * BigInt(quantity)
        if (exact <= BigInt(MAX)) {
          expect(res.status).toBe(200)
          if (res.status === 200) expect(BigInt(res.transaction.totals.total)).toBe(exact)
        } else expect(errors(res)).toEqual(overflowAt('products[0].quantity'))
      }),
      { numRuns: 200, seed: 9 },
    )
  })

  it('a line taxed at any percentage is either exact (BigInt oracle) or amount_overflow — never a rounded amount', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeNat(), fc.integer({ min: 0, max: 1e9 })), fc.integer({ min: 0, max: 100_000 }), (price, basisPoints) => {
        const rate = `${Math.floor(basisPoints / 100)}.${String(basisPoints % 100).padStart(2, '0')}`
        const s = store([digital('p', price)], { tax_rates: [{ label: 'T', jurisdiction: 'DE', rate_percent: rate }] })
        const res = est(s, { products: [{ id: 'p' }] })
        // tax = round_half_up(price × bp / 10 000)
        const n = BigInt(price) * BigInt(basisPoints)
        const tax = (2n * n + 10_000n) / 20_000n
        const total = BigInt(price) + tax
        if (tax <= BigInt(MAX) && total <= BigInt(MAX)) {
          expect(res.status).toBe(200)
          if (res.status === 200) expect([BigInt(res.transaction.totals.tax), BigInt(res.transaction.totals.total)]).toEqual([tax, total])
        } else {
          expect(res.status).toBe(400)
          expect(errors(res)[0]!.code).toBe('amount_overflow')
          expect(['products', 'products[0]']).toContain(errors(res)[0]!.path)
        }
      }),
      { numRuns: 200, seed: 10 },
    )
  })
})

/**
 * SPEC §3.5 on hand-computed carts: every expected number below is worked out in the comment or
 * expression next to it (largest remainder: floor the exact shares, leftover cents to the largest
 * remainders, ties to the earlier line). Store: test/discounts/store.ts (19% VAT, 7% books).
 */
import { describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateOptions, type EstimateRequest, type Issue, type StoreConfig, type Transaction } from '../../src/index'
import { AT, COUPONS, CUSTOMER, STORE } from './store'

const store = createStore(STORE)

function run(products: EstimateRequest['products'], coupons: string[] = [], options: EstimateOptions = {}, extra: Partial<EstimateRequest> = {}, s = store): { t: Transaction; warnings: readonly Issue[] } {
  const res = estimate(s, { products, coupons, ...CUSTOMER, ...extra } as EstimateRequest, { at: AT, ...options })
  if (res.status !== 200) throw new Error(`expected 200, got ${JSON.stringify(res.errors)}`)
  return { t: res.transaction, warnings: res.warnings }
}
const discounts = (t: Transaction) => t.products.map((p) => p.totals.discount)
const codes = (w: readonly Issue[]) => w.map((x) => `${x.code}@${x.path}`)

describe('percent discounts', () => {
  it('10% over mixed lines: base 1999 + 1000 + 1190 (gross) = 4189, amount round(418.9) = 419, one largest-remainder cent', () => {
    const { t } = run([{ id: 'course' }, { id: 'ebook' }, { id: 'voucher' }], ['PCT10'])
    // exact shares 419 × (1999, 1000, 1190) / 4189 = 199.948, 100.024, 119.028 → floors 199, 100, 119 = 418;
    // the leftover cent goes to the largest remainder (.948, the course).
    expect(discounts(t)).toEqual([200, 100, 119])
    expect(t.totals.discount).toBe(419)
    expect(t.discounts).toEqual([{ id: null, code: 'PCT10', label: '10% off', type: 'percent', value: 10, amount: 419, shipping_amount: 0, applies_to: null }])
    expect(t.products[0]!.discounts).toEqual([{ id: null, code: 'PCT10', label: '10% off', type: 'percent', amount: 200, shipping_amount: 0 }])
    // Taxes on the discounted bases: course round(1799 × 0.19 = 341.81) = 342; e-book round(900 × 0.07) = 63;
    // voucher (inclusive) gross 1190 − 119 = 1071, net round(1071 / 1.19) = 900, tax 171.
    expect(t.products.map((p) => p.totals.subtotal)).toEqual([1799, 900, 1071])
    expect(t.products.map((p) => p.totals.tax)).toEqual([342, 63, 171])
    expect(t.totals.total).toBe(1799 + 342 + 900 + 63 + 1071)
  })

  it('an inclusive line: the discount reduces the gross and the extracted tax', () => {
    const before = run([{ id: 'voucher' }]).t.products[0]!.totals
    // 1190 gross: net round(1190 / 1.19) = 1000, tax 190.
    expect([before.subtotal, before.tax]).toEqual([1190, 190])
    const after = run([{ id: 'voucher' }], ['PCT10']).t.products[0]!.totals
    // 10% of the gross: round(119) = 119 → gross 1071, net round(1071 / 1.19) = 900, tax 1071 − 900 = 171.
    expect([after.discount, after.subtotal, after.tax, after.item_total_with_tax]).toEqual([119, 1071, 171, 1071])
    expect(after.total).toBe(1071)
  })

  it('max_amount caps the percent: 50% of 1999 + 1000 = round(1499.5) = 1500 → capped at 1000', () => {
    const { t } = run([{ id: 'course' }, { id: 'ebook' }], ['CAP'])
    // 1000 × (1999, 1000) / 2999 = 666.556, 333.444 → 666 + 333 = 999, the cent to .556 (the course).
    expect(discounts(t)).toEqual([667, 333])
    expect(t.discounts[0]!.amount).toBe(1000)
  })

  it('rounds the percent amount once on the whole base, not per line: 10% of 1995 + 1995 = 399 (per line 200 + 200 = 400)', () => {
    const { t } = run([{ name: 'A', price: 1995 }, { name: 'B', price: 1995 }], ['PCT10'])
    // 399 × (1, 1) / 2 = 199.5 each → 199 + 199 = 398, the cent to the earlier line on the tie.
    expect(discounts(t)).toEqual([200, 199])
    expect(t.totals.discount).toBe(399)
  })
})

describe('fixed discounts', () => {
  it('splits 500 over 1999 and 1000 by largest remainder: 333.278, 166.722 → 333, 167', () => {
    const { t } = run([{ id: 'course' }, { id: 'ebook' }], ['FIX5'])
    expect(discounts(t)).toEqual([333, 167])
    // tax: round(1666 × 0.19 = 316.54) = 317; round(833 × 0.07 = 58.31) = 58
    expect(t.products.map((p) => p.totals.tax)).toEqual([317, 58])
  })

  it('is capped at the base: 5000 off a 1000 e-book takes 1000, subtotal and tax 0', () => {
    const { t } = run([{ id: 'ebook' }], ['FIX50'])
    expect(t.discounts[0]!.amount).toBe(1000)
    expect(t.products[0]!.totals).toMatchObject({ discount: 1000, subtotal: 0, tax: 0, total: 0 })
  })

  it('converts from the one listed currency: 1000 öre at 11.0235 SEK/EUR = 90.715 → 91 cents', () => {
    const { t } = run([{ id: 'course' }], ['SEKONLY'])
    expect(t.discounts[0]!.amount).toBe(91)
    expect(t.products[0]!.totals.subtotal).toBe(1999 - 91)
  })

  it('prefers the account base currency when converting: EUR 1000 × 11.0235 = 11023.5 → 11024 öre (from USD it would be 10138)', () => {
    const { t } = run([{ name: 'Service', price: 50000 }], ['USDEUR'], {}, { currency: 'SEK' })
    expect(t.discounts[0]!.amount).toBe(11024)
  })
})

describe('stacking: each discount on the current base', () => {
  it('PCT10 then FIX5 on 1999: 200 (round 199.9), then 500 → 1299; FIX5 then PCT10: 500, then round(149.9) = 150 → 1349', () => {
    const a = run([{ id: 'course' }], ['PCT10', 'FIX5']).t
    expect(a.discounts.map((d) => d.amount)).toEqual([200, 500])
    expect(a.products[0]!.totals.subtotal).toBe(1999 - 200 - 500)
    expect(a.products[0]!.discounts.map((d) => d.amount)).toEqual([200, 500])
    const b = run([{ id: 'course' }], ['FIX5', 'PCT10']).t
    expect(b.discounts.map((d) => d.amount)).toEqual([500, 150])
    expect(b.products[0]!.totals.subtotal).toBe(1999 - 500 - 150)
  })

  it('two percents compound: 10% then 20% of an e-book: 100, then 20% of 900 = 180 (not 200)', () => {
    const { t } = run([{ id: 'ebook' }], ['PCT10', 'BOOKS20'])
    expect(t.discounts.map((d) => d.amount)).toEqual([100, 180])
    expect(t.products[0]!.totals.subtotal).toBe(720)
  })

  it('automatic discounts come first, in store order, then coupons', () => {
    const s = createStore({ ...STORE, discounts: [{ label: 'Spring', type: 'percent', value: '10' }, { label: 'Loyalty', type: 'fixed', amounts: { EUR: 99 } }] })
    const { t } = run([{ id: 'course' }], ['FIX5'], {}, {}, s)
    // 10% of 1999 = 200 → 1799; 99 → 1700; FIX5 500 → 1200
    expect(t.discounts.map((d) => [d.label, d.amount])).toEqual([['Spring', 200], ['Loyalty', 99], ['5 EUR off', 500]])
    expect(t.products[0]!.totals.subtotal).toBe(1200)
  })
})

describe('applies_to and discount_allowed', () => {
  it('category-limited: 20% off books touches only the e-book: 200; the course keeps 1999', () => {
    const { t } = run([{ id: 'course' }, { id: 'ebook' }], ['BOOKS20'])
    expect(discounts(t)).toEqual([0, 200])
    expect(t.products[1]!.totals.tax).toBe(56) // round(800 × 0.07)
    expect(t.products[0]!.discounts).toEqual([])
    expect(t.discounts[0]!.applies_to).toEqual({ products: null, categories: ['books'] })
  })

  it('product-limited by product id: 15% of the lamp (3000) = 450; the atlas untouched', () => {
    const { t } = run([{ id: 'atlas' }, { id: 'lamp' }], ['LAMP15'])
    expect(discounts(t)).toEqual([0, 450])
  })

  it('product-limited by variant id: only the evening workshop: 10% of 1700 = 170', () => {
    const { t } = run([{ variant: 'ws_morning' }, { variant: 'ws_evening' }], ['EVENING'])
    expect(discounts(t)).toEqual([0, 170])
  })

  it('product-limited by pack id: only the pack line: 10% of 3 × 1000 × 2 packs = 600', () => {
    const { t } = run([{ id: 'ebook' }, { pack: 'ebook_pack3', quantity: 2 }], ['BUNDLE'])
    expect(discounts(t)).toEqual([0, 600])
  })

  it('discount_allowed: false lines are excluded (base = the course only: 10% of 1999 = 200)', () => {
    const { t } = run([{ id: 'giftcard' }, { id: 'course' }], ['PCT10'])
    expect(discounts(t)).toEqual([0, 200])
    const only = run([{ id: 'giftcard' }], ['PCT10'])
    expect(only.t.discounts).toEqual([])
    expect(codes(only.warnings)).toEqual(['coupon_no_eligible_products@coupons[0]'])
  })

  it('eligible lines already at 0 are still eligible: the coupon applies with amount 0 (listed, no warning) and, applied, blocks a later combinable: false one', () => {
    // FULL takes the whole 1999 off the course; PCT10 then has one eligible line of base 0: round(0 × 10%) = 0.
    const after = run([{ id: 'course' }], ['FULL', 'PCT10'])
    expect(after.t.discounts.map((d) => [d.code, d.amount])).toEqual([['FULL', 1999], ['PCT10', 0]])
    expect(codes(after.warnings)).toEqual([])
    // A fixed amount is capped by the base (0) the same way.
    expect(run([{ id: 'course' }], ['FULL', 'FIX5']).t.discounts.map((d) => [d.code, d.amount])).toEqual([['FULL', 1999], ['FIX5', 0]])
    // A free line (price 0) is eligible too: PCT10 applies at 0, so SOLO (not combinable) is rejected and nothing is taken off.
    const free = run([{ name: 'Sample', price: 0 }], ['PCT10', 'SOLO'])
    expect(free.t.discounts.map((d) => [d.code, d.amount])).toEqual([['PCT10', 0]])
    expect(codes(free.warnings)).toEqual(['coupon_not_combinable@coupons[1]'])
  })

  it('no eligible product in the cart: coupon_no_eligible_products', () => {
    const { t, warnings } = run([{ id: 'course' }], ['BOOKS20'])
    expect(t.totals.discount).toBe(0)
    expect(codes(warnings)).toEqual(['coupon_no_eligible_products@coupons[0]'])
  })
})

describe('payment methods', () => {
  it('with options.payment_method "klarna": 5% of 1999 = round(99.95) = 100', () => {
    const { t, warnings } = run([{ id: 'course' }], ['KLARNA5'], { payment_method: 'klarna' })
    expect(t.totals.discount).toBe(100)
    expect(warnings).toEqual([])
  })

  it('without a payment method: skipped with payment_method_discount_skipped', () => {
    const { t, warnings } = run([{ id: 'course' }], ['KLARNA5'])
    expect(t.totals.discount).toBe(0)
    expect(codes(warnings)).toEqual(['payment_method_discount_skipped@coupons[0]'])
  })

  it('with another payment method: rejected with payment_method_not_allowed', () => {
    const { t, warnings } = run([{ id: 'course' }], ['KLARNA5'], { payment_method: 'stripe' })
    expect(t.totals.discount).toBe(0)
    expect(codes(warnings)).toEqual(['payment_method_not_allowed@coupons[0]'])
  })

  it('an automatic payment-method discount warns when no payment method is given, at its store path', () => {
    const s = createStore({ ...STORE, discounts: [{ label: 'Klarna', type: 'percent', value: '5', payment_methods: ['klarna'] }] })
    expect(codes(run([{ id: 'course' }], [], {}, {}, s).warnings)).toEqual(['payment_method_discount_skipped@discounts[0]'])
    expect(run([{ id: 'course' }], [], { payment_method: 'klarna' }, {}, s).t.totals.discount).toBe(100)
  })
})

describe('shipping discounts', () => {
  // Lamp 3000 (19%) + atlas 1000 (7%), both shipped; shipping 500 split 500 × (3000, 1000) / 4000 = 375, 125.
  const cart = [{ id: 'lamp' }, { id: 'atlas' }]

  it('without a coupon: shares 375 and 125, shipping tax round(71.25) + round(8.75) = 71 + 9', () => {
    const { t } = run(cart)
    expect(t.products.map((p) => p.totals.shipping_subtotal)).toEqual([375, 125])
    expect(t.products.map((p) => p.totals.shipping_tax)).toEqual([71, 9])
  })

  it('free_shipping: the whole 500 as shipping_discount, shipping and shipping tax 0', () => {
    const { t } = run(cart, ['FREESHIP'])
    expect(t.products.map((p) => p.totals.shipping_discount)).toEqual([375, 125])
    expect(t.totals).toMatchObject({ shipping_subtotal: 500, shipping_discount: 500, shipping: 0, shipping_tax: 0, shipping_total: 0, discount: 0 })
    expect(t.discounts).toEqual([{ id: null, code: 'FREESHIP', label: 'Free shipping', type: 'free_shipping', value: null, amount: 0, shipping_amount: 500, applies_to: null }])
    expect(t.products[1]!.discounts).toEqual([{ id: null, code: 'FREESHIP', label: 'Free shipping', type: 'free_shipping', amount: 0, shipping_amount: 125 }])
    expect(t.shipping.shipping_method!.cost).toBe(500) // the method's cost stays before discounts
  })

  it('shipping 50%: round(250) = 250 split over 375, 125 → 187.5, 62.5 → 188, 62 (tie to the earlier line); tax on what is left', () => {
    const { t } = run(cart, ['SHIP50'])
    expect(t.products.map((p) => p.totals.shipping_discount)).toEqual([188, 62])
    expect(t.products.map((p) => p.totals.shipping)).toEqual([187, 63])
    // the discount reduces the shipping tax base: round(187 × 0.19 = 35.53) = 36, round(63 × 0.07 = 4.41) = 4
    expect(t.products.map((p) => p.totals.shipping_tax)).toEqual([36, 4])
    expect(t.discounts[0]!.shipping_amount).toBe(250)
  })

  it('shipping amount 300: 300 × (375, 125) / 500 = 225, 75', () => {
    const { t } = run(cart, ['SHIP3'])
    expect(t.products.map((p) => p.totals.shipping_discount)).toEqual([225, 75])
    // tax: round(150 × 0.19 = 28.5) = 29, round(50 × 0.07 = 3.5) = 4
    expect(t.products.map((p) => p.totals.shipping_tax)).toEqual([29, 4])
  })

  it('stacked shipping discounts work on what is left: 50% (250), then 300 capped at the 250 left', () => {
    const { t } = run(cart, ['SHIP50', 'SHIP3'])
    expect(t.discounts.map((d) => d.shipping_amount)).toEqual([250, 250])
    expect(t.totals.shipping).toBe(0)
  })

  it('an item discount moves the shipping split: 15% off the lamp (450) → bases 2550, 1000 → 500 × 2550 / 3550 = 359.15, 140.85 → 359, 141', () => {
    const { t } = run(cart, ['LAMP15', 'FREESHIP'])
    expect(t.products.map((p) => p.totals.shipping_discount)).toEqual([359, 141])
  })

  it('a shipping discount on an order with nothing shipped: coupon_no_eligible_products', () => {
    const { t, warnings } = run([{ id: 'course' }], ['FREESHIP'])
    expect(t.discounts).toEqual([])
    expect(codes(warnings)).toEqual(['coupon_no_eligible_products@coupons[0]'])
  })
})

describe('min_subtotal (Σ item_total before any discount, inclusive bound)', () => {
  it('4999: just below 5000 → coupon_min_subtotal', () => {
    const { t, warnings } = run([{ name: 'Item', price: 4999 }], ['MIN50'])
    expect(t.totals.discount).toBe(0)
    expect(codes(warnings)).toEqual(['coupon_min_subtotal@coupons[0]'])
  })

  it('5000: exactly at the threshold → applies, 10% = 500', () => {
    const { t, warnings } = run([{ name: 'Item', price: 5000 }], ['MIN50'])
    expect(t.totals.discount).toBe(500)
    expect(warnings).toEqual([])
  })

  it('is judged before earlier discounts: after PCT10 the base is 4500, yet MIN50 still applies (10% of 4500 = 450)', () => {
    const { t } = run([{ name: 'Item', price: 5000 }], ['PCT10', 'MIN50'])
    expect(t.discounts.map((d) => d.amount)).toEqual([500, 450])
  })

  it('counts every accepted line, discountable or not', () => {
    // the gift card alone is 5000 but not discountable → it passes the minimum, then has no eligible product
    const { warnings } = run([{ id: 'giftcard' }], ['MIN50'])
    expect(codes(warnings)).toEqual(['coupon_no_eligible_products@coupons[0]'])
    const both = run([{ name: 'Item', price: 4000 }, { id: 'ebook' }], ['MIN50']).t
    // 4000 + 1000 = 5000 → applies: 500 × (4000, 1000) / 5000 = 400, 100
    expect(discounts(both)).toEqual([400, 100])
  })
})

describe('dates against options.at', () => {
  // WINDOW: starts_at 2026-03-01T00:00:00Z, ends_at 2026-04-01T00:00:00Z
  const at = (iso: string) => run([{ id: 'course' }], ['WINDOW'], { at: iso })
  it('at == starts_at: it has started (200 off)', () => {
    expect(at('2026-03-01T00:00:00Z').t.totals.discount).toBe(200)
  })
  it('one millisecond before starts_at: coupon_not_started', () => {
    const r = at('2026-02-28T23:59:59.999Z')
    expect(r.t.totals.discount).toBe(0)
    expect(codes(r.warnings)).toEqual(['coupon_not_started@coupons[0]'])
  })
  it('one millisecond before ends_at: still valid', () => {
    expect(at('2026-03-31T23:59:59.999Z').t.totals.discount).toBe(200)
  })
  it('at == ends_at: coupon_expired', () => {
    const r = at('2026-04-01T00:00:00Z')
    expect(r.t.totals.discount).toBe(0)
    expect(codes(r.warnings)).toEqual(['coupon_expired@coupons[0]'])
  })
})

describe('combinable: false, both ways', () => {
  it('rejected when a discount was already applied', () => {
    const { t, warnings } = run([{ id: 'course' }], ['PCT10', 'SOLO'])
    expect(t.discounts.map((d) => d.code)).toEqual(['PCT10'])
    expect(codes(warnings)).toEqual(['coupon_not_combinable@coupons[1]'])
  })
  it('once applied, it rejects every later one: 25% of 1999 = round(499.75) = 500', () => {
    const { t, warnings } = run([{ id: 'course' }], ['SOLO', 'PCT10', 'FREESHIP'])
    expect(t.discounts.map((d) => [d.code, d.amount])).toEqual([['SOLO', 500]])
    expect(codes(warnings)).toEqual(['coupon_not_combinable@coupons[1]', 'coupon_not_combinable@coupons[2]'])
  })
  it('an automatic non-combinable discount closes the door to coupons', () => {
    const s = createStore({ ...STORE, discounts: [{ label: 'Clearance', type: 'percent', value: '30', combinable: false }] })
    const { t, warnings } = run([{ id: 'course' }], ['PCT10'], {}, {}, s)
    expect(t.discounts.map((d) => [d.label, d.amount])).toEqual([['Clearance', 600]]) // round(599.7)
    expect(codes(warnings)).toEqual(['coupon_not_combinable@coupons[0]'])
  })
  it('a rejected coupon does not count as applied: an expired one before SOLO leaves SOLO free to apply', () => {
    const s = createStore({ ...STORE, coupons: [...COUPONS, { code: 'OLD', label: 'old', type: 'percent', value: '5', ends_at: '2020-01-01T00:00:00Z' }] })
    const { t } = run([{ id: 'course' }], ['OLD', 'SOLO'], {}, {}, s)
    expect(t.discounts.map((d) => d.code)).toEqual(['SOLO'])
  })
})

describe('codes, rejections and no_discounts', () => {
  it('unknown coupon: warning unknown_coupon at its request path, nothing applied', () => {
    const { t, warnings } = run([{ id: 'course' }], ['PCT10', 'NOPE'])
    expect(codes(warnings)).toEqual(['unknown_coupon@coupons[1]'])
    expect(t.totals.discount).toBe(200)
  })

  it('codes match case-insensitively (and trimmed); the output shows the store spelling', () => {
    const { t } = run([{ id: 'course' }], [' pct10 '])
    expect(t.discounts[0]!.code).toBe('PCT10')
    expect(t.totals.discount).toBe(200)
  })

  it('the same coupon twice applies once (coupon_duplicate)', () => {
    const { t, warnings } = run([{ id: 'course' }], ['PCT10', 'pct10'])
    expect(t.totals.discount).toBe(200)
    expect(codes(warnings)).toEqual(['coupon_duplicate@coupons[1]'])
  })

  it('no_discounts: discounts_disabled for each coupon, and no automatic discount either', () => {
    const s = createStore({ ...STORE, discounts: [{ label: 'Spring', type: 'percent', value: '10' }] })
    const { t, warnings } = run([{ id: 'course' }], ['PCT10', 'NOPE'], {}, { no_discounts: true }, s)
    expect(t.discounts).toEqual([])
    expect(t.totals.discount).toBe(0)
    expect(codes(warnings)).toEqual(['discounts_disabled@coupons[0]', 'discounts_disabled@coupons[1]'])
  })

  it('currencies: a coupon limited to SEK is rejected in EUR with coupon_currency', () => {
    const { warnings } = run([{ id: 'course' }], ['SEKCOUPON'])
    expect(codes(warnings)).toEqual(['coupon_currency@coupons[0]'])
  })

  it('strict turns coupon rejections into a 400', () => {
    const res = estimate(store, { products: [{ id: 'course' }], coupons: ['NOPE'], ...CUSTOMER } as EstimateRequest, { at: AT, strict: true })
    expect(res.status).toBe(400)
    if (res.status === 400) expect(codes(res.errors)).toEqual(['unknown_coupon@coupons[0]'])
  })

  it('a store coupon with an empty code is a store error', () => {
    const bad = { ...STORE, coupons: [{ code: '  ', label: 'x', type: 'percent', value: '5' }] } as unknown as StoreConfig
    expect(() => createStore(bad)).toThrow()
  })
})

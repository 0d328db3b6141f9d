/**
 * Each stage alone: its input built directly (test/stages/records.ts), its record checked against
 * numbers worked out beside them. No estimate() here — a stage is a function of readonly inputs.
 */
import { describe, expect, it } from 'vitest'
import { applyDiscounts } from '../../src/5-discounts/discounts'
import { chargeAll, chargeOne } from '../../src/6-taxes/charge'
import { taxLines } from '../../src/6-taxes/taxes'
import { discountShipping, quoteShipping, shareShipping, taxShipping } from '../../src/7-shipping/shipping'
import { lineTotals } from '../../src/8-totals/totals'
import { computePlan } from '../../src/9-instalments/instalments'
import { createStore } from '../../src/index'
import { prepared } from '../../src/store/createStore'
import type { StoreConfig } from '../../src/index'
import { Recorder } from '../../src/trace/recorder'
import { line, policies, rate, taxed } from './records'

const frozen = <T>(x: T): T => {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x)
    for (const v of Object.values(x as object)) frozen(v)
  }
  return x
}

describe('the taxes stage', () => {
  it('exclusive at the line level: 3 × 1999 at 19 % — round(1139.43) = 1139; at the unit level round(379.81) × 3 = 1140', () => {
    const t = frozen({ base: 5997, quantity: 3, units: 3, rates: [rate(19)], inclusive: false })
    expect(chargeOne(t, policies()).tax).toBe(1139)
    expect(chargeOne(t, policies({ tax_rounding: 'unit' })).tax).toBe(1140)
  })

  it('a compound rate is charged on the base plus the rounded taxes before it: 1000 at 10 %, then 5 % of 1100', () => {
    const c = chargeOne(frozen({ base: 1000, quantity: 1, units: 1, rates: [rate(10, { index: 0 }), rate(5, { index: 1, compound: true })], inclusive: false }), policies())
    expect(c.charges.map((x) => [x.tax, x.taxable])).toEqual([[100, 1000], [55, 1100]])
    expect(c.tax).toBe(155)
  })

  it('a fixed amount is per contained unit: 50 × 3 units', () => {
    expect(chargeOne(frozen({ base: 3000, quantity: 1, units: 3, rates: [rate(null, { amount: 50 })], inclusive: false }), policies()).tax).toBe(150)
  })

  it('inclusive: 11900 gross at 10 % + 9 % — net round(11900 / 1.19) = 10000, tax 1900 split 10 : 9 → 1000, 900', () => {
    const c = chargeOne(frozen({ base: 11900, quantity: 1, units: 1, rates: [rate(10), rate(9)], inclusive: true }), policies())
    expect([c.net, c.tax, ...c.charges.map((x) => x.tax)]).toEqual([10000, 1900, 1000, 900])
    // inclusive_rounding "tax": the tax is rounded, the net is the rest (the same here, exactly 1900)
    expect(chargeOne(frozen({ base: 1000, quantity: 1, units: 1, rates: [rate(19)], inclusive: true }), policies({ inclusive_rounding: 'tax' })).tax).toBe(160) // round(159.66)
  })

  it('the document level rounds each rate once over all lines and splits it back by exact tax: 1000 and 1100 at 8.25 %', () => {
    // exact 82.5 + 90.75 = 173.25 → 173; shares 173 × 82.5 / 173.25 = 82.38…, 90.61… → 82, 91 (largest remainder)
    const r = rate(8.25)
    const items = frozen([{ base: 1000, quantity: 1, units: 1, rates: [r], inclusive: false }, { base: 1100, quantity: 1, units: 1, rates: [r], inclusive: false }])
    expect(chargeAll(items, policies({ tax_rounding: 'total' })).map((c) => c.tax)).toEqual([82, 91])
    // per line: round(82.5) = 83, round(90.75) = 91 → 174
    expect(chargeAll(items, policies()).map((c) => c.tax)).toEqual([83, 91])
  })

  it('taxLines taxes each line on item_total − discount (after_discount) or on item_total (before_discount)', () => {
    const l = frozen(line({ unitPrice: 10000 }))
    const t = frozen(taxed(l, [rate(19)]))
    expect(taxLines([l], [t], [1000], policies(), false)[0]!.tax).toBe(1710) // 9000 × 19 %
    expect(taxLines([l], [t], [1000], policies({ tax_base: 'before_discount' }), false)[0]!.tax).toBe(1900) // 10000 × 19 %
  })
})

const store = prepared(
  createStore({
    account: { base_currency: 'EUR', country: 'DE' },
    shipping_methods: [
      { id: 'dhl', label: 'DHL', type: 'fixed', cost: 1312, currency: 'EUR' },
      { id: 'post', label: 'Post', type: 'weight', currency: 'EUR', weight_tiers: [{ up_to: 1000, cost: 400 }, { up_to: null, cost: 900 }] },
    ],
    coupons: [
      { code: 'P10', label: '10 %', type: 'percent', value: '10' },
      { code: 'SHIP50', label: 'half shipping', type: 'shipping', value: '50' },
    ],
  } as unknown as StoreConfig),
)

describe('the discounts stage', () => {
  it('a 10 % coupon over 1999 and 1000: round(299.9) = 300, split by the bases — 200, 100', () => {
    const lines = frozen([line({ unitPrice: 1999 }), line({ index: 1, path: 'products[1]', unitPrice: 1000 })])
    const d = applyDiscounts(store, lines, lines.map((l) => taxed(l, [])), [{ code: 'p10', path: 'coupons[0]' }], { currency: 'EUR', at: 0, paymentMethod: null, converter: { convert: (a) => a, rate: () => 1, factor: () => ({ num: 1n, den: 1n }) }, policies: policies(), noDiscounts: false, rec: undefined }, [])
    // exact 200.03, 99.97 → floors 200, 99, the cent to .97
    expect(d.lineDiscount).toEqual([200, 100])
    expect(d.applied.map((a) => a.amount)).toEqual([300])
  })

  it('discount_proration gross weighs an exclusive line with its tax: 1000 at 19 % (1190) against 1000 untaxed', () => {
    const lines = frozen([line({ unitPrice: 1000 }), line({ index: 1, path: 'products[1]', unitPrice: 1000 })])
    const juris = [taxed(lines[0]!, [rate(19)]), taxed(lines[1]!, [])]
    const run = (p: ReturnType<typeof policies>) =>
      applyDiscounts(store, lines, juris, [{ code: 'P10', path: 'coupons[0]' }], { currency: 'EUR', at: 0, paymentMethod: null, converter: { convert: (a) => a, rate: () => 1, factor: () => ({ num: 1n, den: 1n }) }, policies: p, noDiscounts: false, rec: undefined }, []).lineDiscount
    // 200 over [1000, 1000] → 100, 100; over [1190, 1000] → 108.67, 91.32 → 109, 91
    expect(run(policies())).toEqual([100, 100])
    expect(run(policies({ discount_proration: 'gross' }))).toEqual([109, 91])
  })
})

describe('the shipping stage, step by step', () => {
  const ctx = { currency: 'EUR', shipCountry: 'DE', converter: { convert: (a: number) => a, rate: () => 1, factor: () => ({ num: 1n, den: 1n }) }, policies: policies(), requested: null, nshift: null }
  const lines = frozen([line({ unitPrice: 10000, shipped: true, weight: 800 }), line({ index: 1, path: 'products[1]', unitPrice: 5000, shipped: true, weight: 700 })])
  const juris = lines.map((l) => taxed(l, [rate(19)]))
  const none = [{ tax: 0, net: 0, charges: [], taxRates: [] }, { tax: 0, net: 0, charges: [], taxRates: [] }]

  it('quote: every available method with its cost (1500 g ships at the open tier, 900); the first is chosen', () => {
    const q = quoteShipping(store, lines, juris, [0, 0], none, ctx, [])
    expect(q.rates.map((r) => [r.id, r.cost])).toEqual([['dhl', 1312], ['post', 900]])
    expect(q.method?.id).toBe('dhl')
    expect(q.shipped).toEqual([0, 1])
  })

  it('shares: 1312 over bases 10000 and 5000 — 874.67, 437.33 → 875, 437', () => {
    const q = quoteShipping(store, lines, juris, [0, 0], none, ctx, [])
    expect(shareShipping(q, lines, juris, [0, 0], policies())).toEqual([875, 437])
  })

  it('discounts: half shipping on the shares — round(656) split 437.5, 218.5 → 438, 218; tax on what is left', () => {
    const q = quoteShipping(store, lines, juris, [0, 0], none, ctx, [])
    const shares = shareShipping(q, lines, juris, [0, 0], policies())
    const d = store.coupons.get('ship50')!
    const sd = discountShipping(q, shares, [{ discount: d, path: 'coupons[0]', amount: 0, shippingFixed: null, appliesTo: null }], [0, 0], 'EUR', policies())
    expect(sd.amounts).toEqual([656])
    expect(sd.lineDiscount).toEqual([438, 218])
    const left = shares.map((x, k) => x - sd.lineDiscount[k]!)
    const tax = taxShipping(store, q, juris, left, null, { reverseCharge: false, exempt: false }, policies(), [])
    // 437 × 19 % = 83.03 → 83; 219 × 19 % = 41.61 → 42
    expect(tax.map((t) => t.tax)).toEqual([83, 42])
  })
})

describe('the totals and instalments stages', () => {
  it('line totals from the stages’ records: item_total_with_tax, shipping_total and total', () => {
    const l = frozen(line({ unitPrice: 10000, shipped: true }))
    const t = lineTotals(
      { line: l, taxed: taxed(l, []), discount: 0, tax: { tax: 1900, net: 10000, charges: [], taxRates: [] }, shippingSubtotal: 1312, shippingDiscount: 0, shippingTax: { tax: 249, net: 1312, inclusive: false, taxRates: [] } },
      0,
    )
    expect([t.item_total_with_tax, t.shipping_total, t.total]).toEqual([11900, 1561, 13461])
  })

  it('a plan on 13461: interest round(4038.3), T 17499, upfront round(2159.38), 3 × floor(15340 / 3); exact keeps the cent', () => {
    const plan = frozen({ path: 'instalment_plans[0]', id: 'p', instalments: 3, interval: 1, cycle: 'week' as const, offset: 1, upfront: { num: 617, den: 5000 }, upfrontNumber: 12.34, interest: { num: 3, den: 10 }, minTotal: null, maxTotal: null, currencies: null })
    const tamio = computePlan(plan, 13461, policies(), 0)
    expect([tamio.interest, tamio.upfront_amount, tamio.instalments_amount, tamio.total_amount]).toEqual([4038, 2159, 5113, 17498])
    const exact = computePlan(plan, 13461, policies({ instalment_rounding: 'exact', instalment_remainder: 'spread_last' }), 0)
    expect([exact.total_amount, ...exact.schedule.map((s) => s.amount)]).toEqual([17499, 2159, 5113, 5113, 5114])
  })

  it('a stage records as it computes: the recorder passed in holds the entry of every amount it made', () => {
    const rec = new Recorder()
    const plan = frozen({ path: 'instalment_plans[0]', id: 'p', instalments: 2, interval: 1, cycle: 'day' as const, offset: 0, upfront: { num: 0, den: 1 }, upfrontNumber: 0, interest: { num: 0, den: 1 }, minTotal: null, maxTotal: null, currencies: null })
    computePlan(plan, 1001, policies({ instalment_rounding: 'exact' }), 0, rec)
    const t = rec.trace('EUR', {} as never)
    expect(t.amounts['instalments[0].instalments_amount']).toMatchObject({ op: 'round', value: 500, exact: '1001/2', rounding: 'floor' })
    expect(t.splits['instalments[0]']).toMatchObject({ total: 1001, parts: [501, 500], rule: 'spread_first' })
  })
})

/**
 * Line and transaction totals (SPEC §3.6) on a mixed cart — exclusive, inclusive, invoice item,
 * shipping split over two lines — every field computed by hand; subscriptions and trials.
 */
import { describe, expect, it } from 'vitest'
import { ok, physical, product, run, type Cfg } from '../support/estimate-kit'

const cfg: Cfg = {
  products: [
    physical('a3000', 3000),
    physical('i1190', 1190, { tax_calculation: 'inclusive' }),
    product('sub', 1000, { type: 'subscription', trial_days: 14 }),
    product('sub0', 1000, { type: 'subscription', trial_days: 0 }),
  ],
  shipping_methods: [{ id: 's', label: 'Standard', type: 'fixed', cost: 1000 }],
}

describe('totals', () => {
  // a3000 × 2: 6000 + 19% 1140 = 7140. i1190 (inclusive): 1190 = 1000 + 190. Fee 500 + 95 = 595.
  // Shipping 1000 over the shipped bases 6000 : 1190 → 834.49…, 165.50… → 834, 166 (largest remainder);
  // its tax: 834 × 19% = 158.46 → 158, 166 × 19% = 31.54 → 32.
  const t = ok(run(cfg, { products: [{ id: 'a3000', quantity: 2 }, { id: 'i1190' }, { name: 'Fee', price: 500 }], affiliate: 'aff-1', page: 'shop.example' }))

  it('each line follows the documented formulas', () => {
    const rows = t.products.map((p) => {
      const x = p.totals
      return [x.unit_price, x.item_total, x.discount, x.subtotal, x.tax, x.item_total_with_tax, x.shipping_subtotal, x.shipping_discount, x.shipping, x.shipping_tax, x.shipping_total, x.total]
    })
    expect(rows).toEqual([
      [3000, 6000, 0, 6000, 1140, 7140, 834, 0, 834, 158, 834 + 158, 7140 + 992],
      [1190, 1190, 0, 1190, 190, 1190, 166, 0, 166, 32, 166 + 32, 1190 + 198],
      [500, 500, 0, 500, 95, 595, 0, 0, 0, 0, 0, 595],
    ])
    for (const p of t.products) {
      expect([p.totals.moss_taxable_amount, p.totals.moss_tax_total, p.totals.exchange_rate, p.totals.price_conversion]).toEqual([0, 0, null, false])
    }
  })

  it('transaction totals are the sums of the lines; total = Σ line total − trial_deductions', () => {
    expect(t.totals).toEqual({
      item_total: 6000 + 1190 + 500,
      discount: 0,
      subtotal: 7690,
      tax: 1140 + 190 + 95,
      item_total_with_tax: 7140 + 1190 + 595,
      shipping_subtotal: 1000,
      shipping_discount: 0,
      shipping: 1000,
      shipping_tax: 158 + 32,
      shipping_total: 1190,
      moss_taxable_amount: 0,
      moss_tax_total: 0,
      item_count: 2 + 1 + 1,
      price_conversion: false,
      trial_deductions: 0,
      total: 8132 + 1388 + 595,
    })
  })

  it('the aggregated rates and has_vat', () => {
    expect(t.taxes.tax_rates.map((r) => [r.id, r.tax, r.taxable_amount, r.applies_to])).toEqual([['de-19', 1425, 6000 + 1000 + 500, ['a3000', 'i1190', null]]])
    // one goods rate, but the inclusive line's rate is the same identity: aggregated in one entry
    expect(t.taxes.shipping_tax_rates.map((r) => [r.tax, r.taxable_amount, r.applies_to])).toEqual([[190, 1000, ['a3000', 'i1190']]])
    expect(t.taxes.has_vat).toBe(true)
  })

  it('the transaction and product envelopes', () => {
    expect([t.object, t.affiliate, t.site, t.currency, t.has_subscriptions, t.discounts]).toEqual(['transaction', 'aff-1', 'shop.example', 'EUR', false, []])
    const p = t.products[0]!
    expect([p.name, p.quantity, p.type, p.classification, p.discount_allowed, p.is_moss_product, p.currency, p.reservations, p.discounts, p.has_shipping]).toEqual([
      'a3000', 2, 'physical_product', 'general', true, false, 'EUR', [], [], true,
    ])
    const none = ok(run(cfg, { products: [{ id: 'a3000' }] }))
    expect([none.affiliate, none.site]).toEqual([null, null])
  })

  describe('subscriptions', () => {
    it('a subscription in a trial (trial_days > 0) is deducted: trial_deductions = its line total', () => {
      // sub: 1000 + 190 = 1190, not shipped; a3000: 3000 + 570 + 1000 + 190 = 4760
      const s = ok(run(cfg, { products: [{ id: 'sub' }, { id: 'a3000' }] }))
      expect(s.has_subscriptions).toBe(true)
      expect(s.products[0]!.totals.total).toBe(1190)
      expect(s.totals.trial_deductions).toBe(1190)
      expect(s.totals.total).toBe(1190 + 4760 - 1190)
    })

    it('trial_days 0: a subscription, nothing deducted', () => {
      const s = ok(run(cfg, { products: [{ id: 'sub0' }] }))
      expect([s.has_subscriptions, s.totals.trial_deductions, s.totals.total]).toEqual([true, 0, 1190])
    })

    it('instalments are computed on the total after trial deductions', () => {
      const plan = { id: 'p', instalments: 2, interval: 1, cycle: 'month', offset: 1, upfront_percent: '0', interest_percent: '0' }
      const s = ok(run({ ...cfg, instalment_plans: [plan] }, { products: [{ id: 'sub' }, { id: 'a3000' }] }))
      expect(s.instalments[0]!.total_amount).toBe(4760) // 2 × 2380
    })
  })
})

describe('aggregated rates of a cart with many distinct rates', () => {
  it('one entry per distinct rate in first-seen order, each summing the tax and taxable amount of its lines', () => {
    // 20 categories, each with its own rate (1 % … 20 %), and two lines per category in the
    // order c1, c2, …, c20, c1, c2, …: the lines of category k (both priced 1000) pay
    // round(1000 × k %) = 10 × k each, so rate k sums tax 20 × k on a taxable 2000.
    const cats = Array.from({ length: 20 }, (_, i) => i + 1)
    const over: Cfg = {
      tax_rates: cats.map((k) => ({ id: `r${k}`, label: `VAT ${k}`, jurisdiction: 'DE', category: `c${k}`, rate_percent: String(k), vat_tax: true })),
      products: cats.map((k) => product(`p${k}`, 1000, { tax_category: `c${k}` })),
      account: { max_lines: 40 },
    }
    const t = ok(run(over, { products: [...cats, ...cats].map((k) => ({ id: `p${k}` })) }))
    expect(t.taxes.tax_rates.map((r) => [r.id, r.tax, r.taxable_amount, r.applies_to])).toEqual(cats.map((k) => [`r${k}`, 20 * k, 2000, [`p${k}`]]))
    // Σ 20 × k over k = 1…20 = 20 × 210
    expect(t.totals.tax).toBe(4200)
  })
})

/**
 * The `tax_base` policy: `after_discount` (the default) charges a line's taxes on its discounted
 * subtotal; `before_discount` on its undiscounted `item_total` — the discount lowers the price
 * only. For an inclusive line the tax is extracted from the undiscounted gross and never exceeds the
 * line's subtotal (a 100 % coupon leaves no tax; the excess comes off its last rates);
 * `taxable_amount` and `moss_taxable_amount` show the undiscounted net. Shipping shares, shipping
 * tax and `free_over` keep reading the discounted line. Numbers worked out beside them.
 */
import { describe, expect, it } from 'vitest'
import { estimate, type EstimateRequest, type TaxRoundingLevel } from '../../src/index'
import { checkTrace } from '../support/trace-check'
import { AT, CONSUMER, est, goods, gross, item, percentOff, rate, rateTaxes, ship, shop, storeConfig, type Shop } from './kit'

const BASES = ['after_discount', 'before_discount'] as const
const LEVELS: readonly TaxRoundingLevel[] = ['line', 'unit', 'total']
const COUPONS = [percentOff('TEN', '10'), percentOff('P90', '90'), percentOff('P95', '95'), percentOff('FULL', '100'), percentOff('HALFA', '50', { applies_to: { products: ['A'] } })]
const s = shop({ rates: [rate('de19', '19')], products: [item('E', 1000), gross('I', 1190), item('u102', 102)], coupons: COUPONS })

describe('an exclusive line', () => {
  it('10 % off 10.00: after_discount taxes 9.00 (1.71), before_discount 10.00 (1.90); the discount lowers the price either way', () => {
    const x = BASES.map((tax_base) => est(s, [{ id: 'E' }], { tax_base }, { coupons: ['TEN'] }).products[0]!)
    // subtotal 1000 − 100 = 900 both; tax round(900 × 19 %) = 171 or 1000 × 19 % = 190; item_total_with_tax = 900 + tax
    expect(x.map((p) => [p.totals.subtotal, p.totals.tax, p.taxes.tax_rates[0]!.taxable_amount, p.totals.item_total_with_tax, p.totals.total])).toEqual([
      [900, 171, 900, 1071, 1071],
      [900, 190, 1000, 1090, 1090],
    ])
  })

  it('the unit level rounds the tax of item_total / quantity: 3 × 1.02 with 10 % off (0.31)', () => {
    // discount round(306 × 10 %) = round(30.6) = 31 → subtotal 275
    // unit:  after round(275 / 3 × 19 % = 17.42) = 17 × 3 = 51; before round(102 × 19 % = 19.38) = 19 × 3 = 57
    // line:  after round(275 × 19 % = 52.25) = 52;             before round(306 × 19 % = 58.14) = 58
    const tax = (tax_base: (typeof BASES)[number], tax_rounding: TaxRoundingLevel) => est(s, [{ id: 'u102', quantity: 3 }], { tax_base, tax_rounding }, { coupons: ['TEN'] }).totals.tax
    expect([tax('after_discount', 'unit'), tax('before_discount', 'unit'), tax('after_discount', 'line'), tax('before_discount', 'line')]).toEqual([51, 57, 52, 58])
  })

  it('the document level pools the undiscounted bases: two lines of 1.02 with 10 % off', () => {
    // discount round(204 × 10 %) = 20 → 10 + 10, subtotals 92, 92
    // after:  round(2 × 92 × 19 % = 34.96) = 35 → 17.5 each → 18, 17 (the tie to the earlier line)
    // before: round(2 × 102 × 19 % = 38.76) = 39 → 19.5 each → 20, 19
    const taxes = BASES.map((tax_base) => est(s, [{ id: 'u102' }, { id: 'u102' }], { tax_base, tax_rounding: 'total' }, { coupons: ['TEN'] }).products.map((p) => p.totals.tax))
    expect(taxes).toEqual([
      [18, 17],
      [20, 19],
    ])
  })
})

describe('an inclusive line', () => {
  it('10 % off 11.90 gross: after_discount extracts from 10.71, before_discount from 11.90', () => {
    const x = BASES.map((tax_base) => est(s, [{ id: 'I' }], { tax_base }, { coupons: ['TEN'] }).products[0]!)
    // discount 119, subtotal 1071 both. after: net round(1071 / 1.19) = 900, tax 171. before: net round(1190 / 1.19) = 1000, tax 190.
    // The price the customer pays is the subtotal either way (inclusive: item_total_with_tax = subtotal).
    expect(x.map((p) => [p.totals.subtotal, p.totals.tax, p.taxes.tax_rates[0]!.taxable_amount, p.totals.item_total_with_tax])).toEqual([
      [1071, 171, 900, 1071],
      [1071, 190, 1000, 1071],
    ])
  })

  it('a 100 % coupon leaves no tax before discount, at every level; taxable_amount still shows the undiscounted net 10.00', () => {
    for (const tax_rounding of LEVELS) {
      const p = est(s, [{ id: 'I' }], { tax_base: 'before_discount', tax_rounding }, { coupons: ['FULL'] }).products[0]!
      expect([tax_rounding, p.totals.subtotal, p.totals.tax, p.taxes.tax_rates[0]!.taxable_amount]).toEqual([tax_rounding, 0, 0, 1000])
    }
    // after discount nothing is left to tax: net 0
    expect(est(s, [{ id: 'I' }], {}, { coupons: ['FULL'] }).products[0]!.taxes.tax_rates[0]).toMatchObject({ tax: 0, taxable_amount: 0 })
  })

  it('90 % off 11.90: the tax 1.90 is held at the subtotal 1.19, at every level', () => {
    // discount round(1071) = 1071, subtotal 119; before: extracted 190 > 119 → 119; after: net round(119 / 1.19) = 100, tax 19
    for (const tax_rounding of LEVELS) {
      const [after, before] = BASES.map((tax_base) => est(s, [{ id: 'I' }], { tax_base, tax_rounding }, { coupons: ['P90'] }).products[0]!)
      expect([tax_rounding, after!.totals.tax, after!.taxes.tax_rates[0]!.taxable_amount, before!.totals.tax, before!.taxes.tax_rates[0]!.taxable_amount]).toEqual([tax_rounding, 19, 100, 119, 1000])
    }
  })

  it('the excess comes off the last rates: 11.50 gross at 10 % + 5 % (tax 1.00 + 0.50)', () => {
    const two = shop({ rates: [rate('r10', '10'), rate('r5', '5')], products: [gross('G', 1150)], coupons: COUPONS })
    // net round(1150 / 1.15) = 1000, tax 150 → 100 + 50 by the rates
    // 90 %: discount round(1035) = 1035, subtotal 115 → 35 too much, off the 5 % rate → 100, 15
    // 95 %: discount round(1092.5) = 1093, subtotal 57 → 93 too much: the 5 % rate's 50, then 43 off the 10 % → 57, 0
    for (const tax_rounding of LEVELS) {
      const taxes = (code: string) => rateTaxes(est(two, [{ id: 'G' }], { tax_base: 'before_discount', tax_rounding }, { coupons: [code] }))[0]
      expect([tax_rounding, taxes('P90'), taxes('P95')]).toEqual([tax_rounding, [100, 15], [57, 0]])
    }
  })

  it('a fixed per-unit amount is cut too, and the trace records the taxes before and after the cut', () => {
    // W: 12.15 gross with a 0.25 deposit (rate_amount) and 19 %: gross 1215 − 25 = 1190 → net 1000, VAT 190; tax 215
    const cfg: Shop = {
      rates: [rate('vat19', '19', { category: 'bottles' }), rate('pfand', '0', { category: 'bottles', rate_percent: null, rate_amount: 25, vat_tax: false })],
      products: [gross('W', 1215, { tax_category: 'bottles' })],
      coupons: COUPONS,
    }
    // 90 %: discount round(1093.5) = 1094, subtotal 121 → 94 too much: the deposit's 25, then 69 off the VAT → 121, 0
    for (const tax_rounding of LEVELS) {
      const request = { products: [{ id: 'W' }], coupons: ['P90'], ...CONSUMER } as EstimateRequest
      const res = estimate(shop(cfg), request, { at: AT, trace: true, tax_base: 'before_discount', tax_rounding })
      if (res.status !== 200) throw new Error('expected 200')
      const p = res.transaction.products[0]!
      expect([tax_rounding, p.totals.subtotal, p.taxes.tax_rates.map((r) => [r.tax, r.taxable_amount])]).toEqual([tax_rounding, 121, [[121, 1000], [0, 1000]]])
      const a = res.trace!.amounts
      expect(a['$products[0].taxes.tax_rates[1].uncapped']).toMatchObject({ op: 'product', value: 25 })
      expect(a['products[0].taxes.tax_rates[1].tax']).toMatchObject({ op: 'given', value: 0, rule: 'clamped' })
      // The tax base taxed before discount is the item total (1215), recorded as its own entry.
      expect(a['$products[0].totals.tax.base']).toMatchObject({ value: 1215 })
      expect(a['$products[0].totals.tax.gross']).toMatchObject({ value: 1190, terms: [['$products[0].totals.tax.base', 1], ['$products[0].taxes.tax_rates[1].uncapped', -1]] })
      expect(checkTrace(res.trace!, res.transaction, storeConfig(cfg), request)).toEqual([])
    }
  })
})

describe('what reads the discounted line either way', () => {
  it('shipping shares are weighted by the discounted base, and shipping tax is unaffected', () => {
    const s2 = shop({ rates: [rate('de19', '19')], products: [goods('A', 1000), goods('B', 1000)], shipping: [ship('post', 300)], coupons: COUPONS })
    // HALFA: 500 off A → bases 500, 1000 → shipping 300 split 100, 200; shipping tax 19 % of each: 19, 38
    // goods tax: after A round(500 × 19 %) = 95, B 190; before A 190, B 190
    const x = BASES.map((tax_base) => est(s2, [{ id: 'A' }, { id: 'B' }], { tax_base }, { coupons: ['HALFA'] }))
    expect(x.map((t) => t.products.map((p) => [p.totals.shipping_subtotal, p.totals.shipping_tax, p.totals.tax]))).toEqual([
      [[100, 19, 95], [200, 38, 190]],
      [[100, 19, 190], [200, 38, 190]],
    ])
  })

  it('free_over reads item_total_with_tax (the discounted subtotal plus the tax charged): free at 10.80 only before discount', () => {
    const s3 = shop({ rates: [rate('de19', '19')], products: [goods('G', 1000)], shipping: [ship('post', 500, { free_over: { EUR: 1080 } })], coupons: COUPONS })
    // after: 900 + 171 = 1071 < 1080 → shipping 500 (+ 95 tax); before: 900 + 190 = 1090 ≥ 1080 → free
    const x = BASES.map((tax_base) => est(s3, [{ id: 'G' }], { tax_base }, { coupons: ['TEN'] }))
    expect(x.map((t) => [t.products[0]!.totals.item_total_with_tax, t.totals.shipping, t.totals.shipping_tax, t.totals.total])).toEqual([
      [1071, 500, 95, 1071 + 500 + 95],
      [1090, 0, 0, 1090],
    ])
  })

  it('an OSS line shows the undiscounted net in moss_taxable_amount', () => {
    const oss = shop({ account: { eu_oss: true }, rates: [rate('at20', '20', { jurisdiction: 'AT' })], products: [item('S', 1000)], coupons: COUPONS })
    const austrian = { new_customer: { name: 'Anna', country: 'AT' } }
    // a service to an Austrian consumer under OSS: 20 %. after: 900 → 180; before: 1000 → 200
    const x = BASES.map((tax_base) => est(oss, [{ id: 'S' }], { tax_base }, { coupons: ['TEN'], ...austrian }).products[0]!.totals)
    expect(x.map((t) => [t.tax, t.moss_taxable_amount, t.moss_tax_total])).toEqual([
      [180, 900, 180],
      [200, 1000, 200],
    ])
  })
})

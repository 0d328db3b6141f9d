/**
 * Cross-border tax, branch by branch (SPEC §3.2–§3.4), through estimate(). Every expected amount is
 * computed by hand in the test from the store in ./store.ts (DE 19%, FR 20%, EL 24%, GB 20%, CH 8.1%,
 * US 1% + US-CA 7.25% + US-CA-Los Angeles 2.25%, CA 5% + CA-QC 9.975% compound; shipping 500).
 */
import { describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateRequest, type TransactionProduct } from '../../src/index'
import { AT, B2B, B2C, codes, est, ok, STORES } from './store'

/** half_up of a non-negative exact value given as num/den (hand rounding for the comments). */
const r = (num: number, den = 1) => Math.floor((2 * num + den) / (2 * den))

const byId = (products: readonly TransactionProduct[], id: string) => products.find((p) => p.id === id)!
const rates = (p: TransactionProduct) => p.taxes.tax_rates.map((x) => [x.jurisdiction, x.rate_percent, x.tax, x.moss])
const shipRates = (p: TransactionProduct) => p.taxes.shipping_tax_rates.map((x) => [x.jurisdiction, x.rate_percent, x.tax, x.moss])

describe('place of supply and jurisdiction', () => {
  it('DE→DE: domestic, German 19% on goods and shipping', () => {
    const t = ok(est('plain', [{ id: 'shirt' }], B2C('DE')))
    const p = t.products[0]!
    expect(rates(p)).toEqual([['DE', 19, r(10000 * 19, 100), false]]) // 1900
    expect(shipRates(p)).toEqual([['DE', 19, r(500 * 19, 100), false]]) // 95
    expect(t.totals.total).toBe(10000 + 1900 + 500 + 95) // 12495
    expect([t.totals.moss_taxable_amount, t.totals.moss_tax_total]).toEqual([0, 0])
  })

  it('DE→FR B2C without eu_oss: taxed in Germany at 19%', () => {
    const t = ok(est('plain', [{ id: 'shirt' }], B2C('fr')))
    const p = t.products[0]!
    expect(rates(p)).toEqual([['DE', 19, 1900, false]])
    expect(shipRates(p)).toEqual([['DE', 19, 95, false]])
    expect(t.totals.moss_taxable_amount).toBe(0)
  })

  it('DE→FR B2C with eu_oss: French 20%, moss on item and shipping rates, moss totals with the shipping share', () => {
    // shirt 10000 + 2 caps (2 × 2500 = 5000); shipping 500 split by base 10000 : 5000
    // = 333.33 : 166.67 → floors 333 + 166 = 499, the leftover cent to the larger remainder (.67, caps).
    const t = ok(est('oss', [{ id: 'shirt' }, { id: 'cap', quantity: 2 }], B2C('FR')))
    const shirt = byId(t.products, 'shirt')
    const cap = byId(t.products, 'cap')
    expect([shirt.totals.shipping, cap.totals.shipping]).toEqual([333, 167])
    expect(rates(shirt)).toEqual([['FR', 20, 2000, true]]) // 10000 × 20%
    expect(rates(cap)).toEqual([['FR', 20, 1000, true]]) // 5000 × 20%
    expect(shipRates(shirt)).toEqual([['FR', 20, r(333 * 20, 100), true]]) // round(66.6) = 67
    expect(shipRates(cap)).toEqual([['FR', 20, r(167 * 20, 100), true]]) // round(33.4) = 33
    expect([shirt.totals.moss_taxable_amount, shirt.totals.moss_tax_total]).toEqual([10000 + 333, 2000 + 67])
    expect([cap.totals.moss_taxable_amount, cap.totals.moss_tax_total]).toEqual([5000 + 167, 1000 + 33])
    expect(t.totals.moss_taxable_amount).toBe(10333 + 5167) // 15500
    expect(t.totals.moss_tax_total).toBe(2067 + 1033) // 3100
    expect(t.totals.total).toBe(15000 + 3000 + 500 + 100) // 18600
    expect(t.taxes.shipping_tax_rates[0]!.label).toBe('Shipping taxes')
  })

  it('DE→FR is_moss_product digital item: the place is the bill-to, not the ship-to', () => {
    // billed in FR, shipped to DE: the e-book (not shipped) is supplied where the customer is billed
    const t = ok(est('plain', [{ id: 'ebook' }], B2C('FR'), B2C('DE')))
    const p = t.products[0]!
    expect(rates(p)).toEqual([['FR', 20, 200, true]]) // 1000 × 20%
    expect([p.totals.moss_taxable_amount, p.totals.moss_tax_total]).toEqual([1000, 200])
    expect(t.shipping.has_shipping).toBe(false)
    // billed in DE, shipped to FR: domestic
    const back = ok(est('plain', [{ id: 'ebook' }], B2C('DE'), B2C('FR')))
    expect(rates(back.products[0]!)).toEqual([['DE', 19, 190, false]])
  })

  it('a shipped is_moss_product follows the ship-to even without eu_oss', () => {
    const t = ok(est('plain', [{ id: 'kit' }], B2C('DE'), B2C('FR')))
    expect(rates(t.products[0]!)).toEqual([['FR', 20, 2000, true]])
    expect(shipRates(t.products[0]!)).toEqual([['FR', 20, 100, true]]) // 500 × 20%
  })

  it('mixed cart: goods shipped to FR under OSS, a digital item billed to DE — two jurisdictions', () => {
    const t = ok(est('oss', [{ id: 'shirt' }, { id: 'ebook' }], B2C('DE'), B2C('FR')))
    const shirt = byId(t.products, 'shirt')
    const ebook = byId(t.products, 'ebook')
    expect(rates(shirt)).toEqual([['FR', 20, 2000, true]])
    expect(rates(ebook)).toEqual([['DE', 19, 190, false]]) // 1000 × 19%, bill-to DE is domestic
    // only the shirt is shipped: it carries all 500 of shipping, at FR 20%
    expect(shipRates(shirt)).toEqual([['FR', 20, 100, true]])
    expect(ebook.totals.shipping).toBe(0)
    expect([t.totals.moss_taxable_amount, t.totals.moss_tax_total]).toEqual([10000 + 500, 2000 + 100])
    expect([ebook.totals.moss_taxable_amount, ebook.totals.moss_tax_total]).toEqual([0, 0])
    expect(t.taxes.tax_rates.map((x) => [x.jurisdiction, x.tax, x.applies_to])).toEqual([
      ['FR', 2000, ['shirt']], // configured as "fr": codes are upper-cased
      ['DE', 190, ['ebook']],
    ])
    expect(t.totals.total).toBe(10000 + 2000 + 500 + 100 + 1000 + 190) // 13790
  })
})

describe('EU B2B and reverse charge', () => {
  // shirt 10000 (19%), heater 10000 (19% VAT + 2% non-VAT energy tax), mug 1190 inclusive (19%)
  const cart = [{ id: 'shirt' }, { id: 'heater' }, { id: 'mug' }]

  it('verified VAT company in FR: VAT not applied, the non-VAT tax still is, the inclusive mug at its German net', () => {
    const res = est('oss', cart, B2B('FR', true))
    expect(codes(res)).toEqual(['reverse_charge'])
    const t = ok(res)
    const shirt = byId(t.products, 'shirt')
    const heater = byId(t.products, 'heater')
    const mug = byId(t.products, 'mug')
    expect(shirt.totals.tax).toBe(0)
    expect(rates(heater)).toEqual([['DE', 2, r(10000 * 2, 100), false]]) // energy tax 200, VAT dropped
    expect(heater.taxes.tax_rates[0]!.vat_tax).toBe(false)
    // mug: unit re-priced to round(1190 / 1.19) = 1000, exclusive from then on, no VAT
    expect(mug.totals.unit_price).toBe(r(1190 * 100, 119))
    expect(mug.totals.item_total_with_tax).toBe(1000)
    expect(mug.taxes.inclusive).toBe(false)
    // shipping 500 over bases 10000, 10000, 1000 (Σ 21000): 238.095, 238.095, 23.81 → 238, 238, 23
    // + the leftover cent to the largest remainder (.81, the mug) → 238, 238, 24
    expect(t.products.map((p) => p.totals.shipping)).toEqual([238, 238, 24])
    // shipping tax at each line's remaining rates: only the heater's 2% → round(4.76) = 5
    expect(t.products.map((p) => p.totals.shipping_tax)).toEqual([0, r(238 * 2, 100), 0])
    expect(t.totals.tax).toBe(200)
    expect(t.totals.total).toBe(21000 + 200 + 500 + 5) // 21705
    expect(t.taxes.has_vat).toBe(false)
    expect(t.totals.moss_taxable_amount).toBe(0) // B2B is never OSS
  })

  it('unverified VAT company in FR: German VAT (not OSS: a company with a VAT number is no consumer)', () => {
    const res = est('oss', cart, B2B('FR', false))
    expect(codes(res)).toEqual([])
    const t = ok(res)
    const [shirt, heater, mug] = [byId(t.products, 'shirt'), byId(t.products, 'heater'), byId(t.products, 'mug')]
    expect(rates(shirt)).toEqual([['DE', 19, 1900, false]])
    expect(rates(heater)).toEqual([['DE', 19, 1900, false], ['DE', 2, 200, false]])
    // mug inclusive 1190: net = round(1190 / 1.19) = 1000, tax 190
    expect(mug.totals.tax).toBe(1190 - r(1190 * 100, 119))
    expect(mug.totals.item_total_with_tax).toBe(1190)
    // shipping 500 over 10000, 10000, 1190 (Σ 21190): 235.96, 235.96, 28.08 → 235, 235, 28 (498)
    // + 2 leftover cents to the two largest remainders (.96, .96) → 236, 236, 28
    expect(t.products.map((p) => p.totals.shipping)).toEqual([236, 236, 28])
    // 236 × 19% = 44.84 → 45; heater 45 + round(236 × 2%) = round(4.72) = 5 → 50; mug 28 × 19% = 5.32 → 5
    expect(t.products.map((p) => p.totals.shipping_tax)).toEqual([r(236 * 19, 100), r(236 * 19, 100) + r(236 * 2, 100), r(28 * 19, 100)])
    expect(t.totals.tax).toBe(1900 + 2100 + 190)
    expect(t.totals.total).toBe(11900 + 12100 + 1190 + 500 + 45 + 50 + 5) // 25790
  })

  it('a shipping-category rate overrides the goods rates for shipping; under reverse charge its VAT is dropped and the goods\' non-VAT levy does not take its place', () => {
    const store = createStore({
      account: { base_currency: 'EUR', country: 'DE' },
      products: [{ id: 'mug', name: 'Mug', type: 'physical_product', price: 10000, currency: 'EUR' }],
      tax_rates: [
        { id: 'de', label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: '19', vat_tax: true },
        { id: 'eco', label: 'Eco levy', jurisdiction: 'DE', category: null, rate_percent: '1.5', vat_tax: false },
        { id: 'deship', label: 'Versand', jurisdiction: 'DE', category: 'shipping', rate_percent: '7', vat_tax: true },
      ],
      shipping_methods: [{ id: 'flat', label: 'Flat', type: 'fixed', cost: 1000 }],
    })
    const run = (billing_information: Record<string, unknown>) =>
      ok(estimate(store, { products: [{ id: 'mug' }], new_customer: { billing_information } } as EstimateRequest, { at: AT }))
    const ids = (list: readonly { id: string | null; tax: number }[]) => list.map((x) => [x.id, x.tax])
    // Domestic: goods 19 % (1900) and 1.5 % (150) of 10000; shipping only the override, 7 % of 1000 = 70.
    const home = run({ country: 'DE' }).products[0]!
    expect(ids(home.taxes.tax_rates)).toEqual([['de', 1900], ['eco', 150]])
    expect(ids(home.taxes.shipping_tax_rates)).toEqual([['deship', 70]])
    // A verified FR business: reverse charge drops VAT — the goods keep the levy (150), the shipping's
    // only rate is the VAT override, so the shipping pays nothing.
    const b2b = run({ country: 'FR', is_company: true, vat: 'FR123', verified_vat: true })
    const line = b2b.products[0]!
    expect(ids(line.taxes.tax_rates)).toEqual([['eco', 150]])
    expect(ids(line.taxes.shipping_tax_rates)).toEqual([])
    expect([line.totals.shipping_tax, b2b.totals.total]).toEqual([0, 10000 + 150 + 1000])
  })

  it('a verified company billed in Germany is domestic: no reverse charge', () => {
    const res = est('plain', [{ id: 'shirt' }], B2B('DE', true))
    expect(codes(res)).toEqual([])
    expect(ok(res).totals.tax).toBe(1900)
  })

  it('a verified FR company, goods delivered inside Germany: German VAT on the goods, reverse charge on the service', () => {
    // the shirt's place of supply is the ship-to DE (a domestic delivery); the consulting service's is the bill-to FR
    const res = est('plain', [{ id: 'shirt' }, { id: 'consult' }], B2B('FR', true), B2C('DE'))
    expect(codes(res)).toEqual(['reverse_charge'])
    const t = ok(res)
    expect(rates(byId(t.products, 'shirt'))).toEqual([['DE', 19, 1900, false]])
    expect(shipRates(byId(t.products, 'shirt'))).toEqual([['DE', 19, 95, false]])
    expect(byId(t.products, 'consult').totals.tax).toBe(0)
  })

  it('a verified company exporting outside the EU is not reverse-charged: the destination rules apply', () => {
    // billed to a verified French company, goods shipped to Switzerland with CH rates configured
    const res = est('withCh', [{ id: 'shirt' }], B2B('FR', true), B2C('CH'))
    expect(codes(res)).toEqual([])
    expect(rates(ok(res).products[0]!)).toEqual([['CH', 8.1, 810, false]])
  })
})

describe('outside the EU', () => {
  it('DE→CH export with CH rates: Swiss 8.1% on goods and shipping', () => {
    const t = ok(est('withCh', [{ id: 'shirt' }], B2C('CH')))
    const p = t.products[0]!
    expect(rates(p)).toEqual([['CH', 8.1, r(10000 * 81, 1000), false]]) // 810
    expect(shipRates(p)).toEqual([['CH', 8.1, r(500 * 81, 1000), false]]) // 40.5 → 41 (half_up)
    expect(t.totals.total).toBe(10000 + 810 + 500 + 41)
  })

  it('DE→CH export without CH rates: no tax at all', () => {
    const t = ok(est('plain', [{ id: 'shirt' }, { id: 'mug' }], B2C('CH')))
    expect(t.totals.tax + t.totals.shipping_tax).toBe(0)
    expect(t.taxes.tax_rates).toEqual([])
    expect(t.taxes.has_vat).toBe(false)
    // keep_gross (default): the inclusive mug still costs its gross
    expect(byId(t.products, 'mug').totals.item_total_with_tax).toBe(1190)
  })

  it('DE→US-CA with a county: US + US-CA + US-CA-Los Angeles rates apply together, in store order', () => {
    const t = ok(est('plain', [{ id: 'shirt' }], B2C('us', { state: 'ca', county: ' los  angeles ' })))
    const p = t.products[0]!
    // 10000 × 1% = 100; × 7.25% = 725; × 2.25% = 225
    expect(rates(p)).toEqual([['US', 1, 100, false], ['US-CA', 7.25, 725, false], ['US-CA-LOS ANGELES', 2.25, 225, false]])
    // shipping 500: 5; 36.25 → 36; 11.25 → 11
    expect(shipRates(p)).toEqual([['US', 1, 5, false], ['US-CA', 7.25, r(500 * 725, 10000), false], ['US-CA-LOS ANGELES', 2.25, r(500 * 225, 10000), false]])
    expect(t.totals.total).toBe(10000 + 1050 + 500 + 52)
  })

  it('US-CA without a county: two levels; another state: the US rate only', () => {
    expect(ok(est('plain', [{ id: 'shirt' }], B2C('US', { state: 'CA' }))).totals.tax).toBe(100 + 725)
    expect(ok(est('plain', [{ id: 'shirt' }], B2C('US', { state: 'NY' }))).totals.tax).toBe(100)
    // a region written into the country code gives the state
    expect(ok(est('plain', [{ id: 'shirt' }], B2C('us-ca'))).totals.tax).toBe(100 + 725)
  })

  it('the state is the place of supply’s: the ship-to’s for goods, the bill-to’s for services', () => {
    // billed in NY, shipped to CA: shirt 10000 at US 1% + US-CA 7.25% = 825; consult 5000 at US 1% = 50
    const t = ok(est('plain', [{ id: 'shirt' }, { id: 'consult' }], B2C('US', { state: 'NY' }), B2C('US', { state: 'CA' })))
    expect(byId(t.products, 'shirt').totals.tax).toBe(100 + 725)
    expect(byId(t.products, 'consult').totals.tax).toBe(r(5000 * 1, 100))
    // a ship-to without a country takes the bill-to's country, and keeps its own state
    const noCountry = ok(est('plain', [{ id: 'shirt' }], B2C('US', { state: 'NY' }), { state: 'CA' }))
    expect(noCountry.products[0]!.totals.tax).toBe(825)
  })

  it('a shipping-category rate overrides the goods rates at its own level only', () => {
    // US-CA shipping at 0% (its own label); US 1% and the county 2.25% still follow the goods
    const t = ok(est('caShippingExempt', [{ id: 'shirt' }], B2C('US', { state: 'CA', county: 'Los Angeles' })))
    const sr = t.products[0]!.taxes.shipping_tax_rates
    expect(sr.map((x) => [x.jurisdiction, x.rate_percent, x.tax, x.label])).toEqual([
      ['US', 1, 5, 'Shipping taxes'],
      ['US-CA-LOS ANGELES', 2.25, 11, 'Shipping taxes'],
      ['US-CA', 0, 0, 'CA shipping exempt'],
    ])
    expect(t.products[0]!.totals.tax).toBe(1050) // the goods are unchanged
  })

  it('compound rates across levels: Quebec 9.975% on the base plus the 5% before it', () => {
    const t = ok(est('quebec', [{ id: 'shirt' }], B2C('CA', { state: 'QC' })))
    // GST 10000 × 5% = 500; QST (10000 + 500) × 9.975% = 1047.375 → 1047
    expect(t.products[0]!.taxes.tax_rates.map((x) => x.tax)).toEqual([500, r(10500 * 9975, 100000)])
  })
})

describe('country codes', () => {
  it('Greece written EL (rate, address, whitelist in any case) is Greece: 24% under OSS', () => {
    // the rate is stored as "el", the address says "El", the product's whitelist says "gr"
    const t = ok(est('oss', [{ id: 'greek-only' }], B2C('El')))
    const p = t.products[0]!
    expect(rates(p)).toEqual([['EL', 24, r(5000 * 24, 100), true]]) // 1200
    expect(shipRates(p)).toEqual([['EL', 24, r(500 * 24, 100), true]]) // 120
    // and the whitelist still refuses another country
    expect(codes(est('oss', [{ id: 'greek-only' }, { id: 'shirt' }], B2C('FR')))).toEqual(['country_not_allowed'])
  })

  it('XI (Northern Ireland) counts as EU for goods only; without XI rates the UK rates apply', () => {
    // no OSS: goods to XI are an EU B2C sale → German VAT; a service to XI is an export → GB 20%
    const plain = ok(est('plain', [{ id: 'shirt' }, { id: 'consult' }], B2C('xi')))
    expect(rates(byId(plain.products, 'shirt'))).toEqual([['DE', 19, 1900, false]])
    expect(rates(byId(plain.products, 'consult'))).toEqual([['GB', 20, 1000, false]]) // 5000 × 20%
    // with OSS: the goods are taxed at the destination (UK rate), as OSS
    const oss = ok(est('oss', [{ id: 'shirt' }], B2C('XI')))
    expect(rates(oss.products[0]!)).toEqual([['GB', 20, 2000, true]])
    expect(oss.totals.moss_tax_total).toBe(2000 + 100)
  })

  it('XI business with a verified VAT number: reverse charge on goods, not on services', () => {
    const res = est('plain', [{ id: 'shirt' }, { id: 'consult' }], B2B('XI', true))
    expect(codes(res)).toEqual(['reverse_charge'])
    const t = ok(res)
    expect(byId(t.products, 'shirt').totals.tax).toBe(0)
    expect(rates(byId(t.products, 'consult'))).toEqual([['GB', 20, 1000, false]])
  })
})

describe('cross-border inclusive prices (keep_gross / keep_net)', () => {
  it('keep_gross: the mug sold DE→FR under OSS still costs 1190; the tax is extracted at 20%', () => {
    const t = ok(est('oss', [{ id: 'mug' }], B2C('FR')))
    const p = t.products[0]!
    // net = round(1190 / 1.20) = round(991.67) = 992, tax = 1190 − 992 = 198
    expect(p.totals.tax).toBe(1190 - r(1190 * 100, 120))
    expect(p.totals.item_total_with_tax).toBe(1190)
    expect(p.taxes.inclusive).toBe(true)
    expect([p.totals.moss_taxable_amount, p.totals.moss_tax_total]).toEqual([992 + 500, 198 + 100])
  })

  it('keep_net: re-priced to its German net round(1190 / 1.19) = 1000, then 20% on top', () => {
    const t = ok(est('ossNet', [{ id: 'mug', quantity: 3 }], B2C('FR')))
    const p = t.products[0]!
    expect(p.totals.unit_price).toBe(r(1190 * 100, 119)) // 1000
    expect(p.totals.item_total).toBe(3 * 1000)
    expect(p.totals.tax).toBe(r(3000 * 20, 100)) // 600
    expect(p.totals.item_total_with_tax).toBe(3600)
    expect(p.taxes.inclusive).toBe(false)
    expect([p.totals.moss_taxable_amount, p.totals.moss_tax_total]).toEqual([3000 + 500, 600 + 100])
  })

  it('keep_net leaves domestic sales alone', () => {
    const t = ok(est('ossNet', [{ id: 'mug' }], B2C('DE')))
    expect([t.products[0]!.totals.unit_price, t.products[0]!.totals.tax, t.products[0]!.taxes.inclusive]).toEqual([1190, 190, true])
  })
})

describe('highest / lowest shipping tax across jurisdictions', () => {
  it('lowest picks within each line’s own jurisdiction: an OSS kit keeps FR 20% on its shipping', () => {
    // kit (is_moss_product, shipped to FR) → FR 20%; shirt (no OSS) → DE 19%; shipping 250 each
    const t = ok(est('lowest', [{ id: 'kit' }, { id: 'shirt' }], B2C('FR')))
    expect(shipRates(byId(t.products, 'kit'))).toEqual([['FR', 20, 50, true]]) // 250 × 20%
    expect(shipRates(byId(t.products, 'shirt'))).toEqual([['DE', 19, r(250 * 19, 100), false]]) // 47.5 → 48
  })
})

describe('tax-exempt customers', () => {
  it('no taxes at all, warning tax_exempt; an inclusive price is charged at its net', () => {
    const res = estimateExempt()
    expect(codes(res)).toEqual(['tax_exempt'])
    const t = ok(res)
    expect(t.totals.tax + t.totals.shipping_tax).toBe(0)
    expect(t.taxes.tax_rates).toEqual([])
    expect(t.taxes.shipping_tax_rates).toEqual([])
    expect(byId(t.products, 'mug').totals.item_total).toBe(r(1190 * 100, 119)) // 1000
    expect(t.totals.total).toBe(10000 + 1000 + 500)
  })
})

describe('tax-exempt inline customers', () => {
  it('new_customer with tax_exempt: true is exempt too', () => {
    const res = estimate(STORES.oss, { products: [{ id: 'shirt' }], new_customer: { name: 'NGO', tax_exempt: true, billing_information: { country: 'FR' } } } as unknown as EstimateRequest, { at: AT })
    expect(codes(res)).toEqual(['tax_exempt'])
    expect(ok(res).totals.total).toBe(10000 + 500)
  })

  it('a tax-exempt consumer in another EU country of an OSS account is no OSS sale: nothing for the OSS return', () => {
    // The shirt (100.00) and its shipping (5.00) to FR under eu_oss: no tax anywhere, so no OSS line.
    const res = estimate(STORES.oss, { products: [{ id: 'shirt' }], new_customer: { name: 'NGO', tax_exempt: true, billing_information: { country: 'FR' } } } as unknown as EstimateRequest, { at: AT })
    const t = ok(res)
    expect([t.totals.tax, t.totals.shipping_tax, t.totals.moss_taxable_amount, t.totals.moss_tax_total]).toEqual([0, 0, 0, 0])
    expect(t.products.map((p) => p.totals.moss_taxable_amount)).toEqual([0])
    // The same customer without the exemption is an OSS sale: 100.00 + 5.00 taxed in FR.
    const taxed = ok(estimate(STORES.oss, { products: [{ id: 'shirt' }], new_customer: { name: 'NGO', billing_information: { country: 'FR' } } } as unknown as EstimateRequest, { at: AT }))
    expect(taxed.totals.moss_taxable_amount).toBe(10000 + 500)
  })
})

function estimateExempt() {
  return estimate(STORES.plain, { products: [{ id: 'shirt' }, { id: 'mug' }], customer: { id: 'exempt-de' } } as unknown as EstimateRequest, { at: AT })
}

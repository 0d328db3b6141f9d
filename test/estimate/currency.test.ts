/**
 * Transaction currency and price conversion (SPEC §3.1): request.currency, the common currency with
 * convert_prices, exact cross rates (rates[X] = units of X per EUR), one rounding per unit, and
 * currency exponents (JPY 0, KWD 3). Every converted amount is worked out by hand below.
 */
import { describe, expect, it } from 'vitest'
import { errors, ok, physical, product, run, warnings, type Cfg } from '../support/estimate-kit'

const priced = (entries: [string, number][]) => entries.map(([currency, price]) => ({ currency, price }))

const catalog = [
  product('mug', 1200, { pricing_model: priced([['EUR', 1200], ['SEK', 13900]]) }),
  product('gadget', 2999, { currency: 'USD', pricing_model: priced([['USD', 2999]]) }),
  product('print', 1000),
  product('yen', 1626, { currency: 'JPY', pricing_model: priced([['JPY', 1626]]) }),
  product('nordic', 5000, { currency: 'SEK', pricing_model: priced([['SEK', 5000], ['USD', 480]]) }),
  product('nordic2', 7000, { currency: 'SEK', pricing_model: priced([['SEK', 7000], ['USD', 650]]) }),
  product('shirt', 2026, { variations: { delta_pricing: true, variants: [{ id: 'v-26', pricing_model: priced([['EUR', 26]]) }] } }),
  product('pencil', 101, { packs: [{ id: 'pk-10', stock: 10 }] }),
  product('poster', 1500, { variations: { delta_pricing: false, variants: [{ id: 'p-sek', pricing_model: priced([['SEK', 17000]]) }] } }),
]
const cfg: Cfg = {
  products: catalog,
  tax_rates: [],
  account: { currencies: ['EUR', 'SEK', 'USD', 'JPY', 'KWD'] },
  exchange_rates: { base: 'EUR', rates: { SEK: '11.0235', USD: '1.0873', JPY: '162.57', KWD: '0.33457' } },
}

describe('currency', () => {
  it('request.currency picks the product\'s own price in that currency: no conversion', () => {
    const t = ok(run(cfg, { currency: 'SEK', products: [{ id: 'mug', quantity: 2 }] }))
    expect(t.currency).toBe('SEK')
    expect(t.products[0]!.currency).toBe('SEK')
    const x = t.products[0]!.totals
    expect([x.unit_price, x.item_total, x.price_conversion, x.exchange_rate]).toEqual([13900, 27800, false, null])
    expect(t.totals.price_conversion).toBe(false)
  })

  it('a USD-priced product into SEK: exact cross rate SEK/USD, the unit rounded once, then × quantity', () => {
    // unit = 2999 × 11.0235 / 1.0873 = 2999 × 110235 / 10873 = 330594765 / 10873 = 30405.110… → 30405
    // (10873 × 30405 = 330593565, remainder 1200). item_total = 5 × 30405 = 152025 — rounding the
    // line instead would give round(5 × 30405.110…) = round(152025.55) = 152026.
    const t = ok(run(cfg, { currency: 'SEK', convert_prices: true, products: [{ id: 'gadget', quantity: 5 }] }))
    const x = t.products[0]!.totals
    expect(x.unit_price).toBe(30405)
    expect(x.item_total).toBe(5 * 30405)
    expect(x.price_conversion).toBe(true)
    expect(x.exchange_rate).toBeCloseTo(11.0235 / 1.0873, 12) // 10.138416…, SEK per USD in major units
    expect(t.totals.price_conversion).toBe(true)
  })

  it('two precise rates whose cross rate is no safe-integer fraction still price the cart (the shown rate is read from the exact ratio)', () => {
    // SEK 1234567.891234567 and USD 9876543.21987654 per EUR each fit in safe integers; SEK per USD
    // = 1234567891234567 × 10^8 / (987654321987654 × 10^9) does not, even reduced. The amounts never
    // needed it: unit = 999 × 1234567.891234567 / 9876543.21987654 = 124.87… → 125 öre, and the USD
    // shipping cost 500 × the same ratio = 62.49… → 62.
    const precise: Cfg = { ...cfg, products: [...catalog, physical('parcel', 999)], shipping_methods: [{ id: 's-usd', label: 'Parcel', type: 'fixed', cost: 500, currency: 'USD' }], exchange_rates: { base: 'EUR', rates: { SEK: '1234567.891234567', USD: '9876543.21987654' } } }
    for (const trace of [false, true]) {
      const t = ok(run(precise, { currency: 'SEK', convert_prices: true, products: [{ id: 'gadget', quantity: 1 }, { id: 'parcel' }], shipping: { tamio: 's-usd' } }, { trace }))
      // gadget: 2999 × 1234567.891234567 / 9876543.21987654 = 374.87… → 375
      expect(t.products[0]!.totals.unit_price).toBe(375)
      expect(t.products[0]!.totals.exchange_rate).toBeCloseTo(1234567.891234567 / 9876543.21987654, 12)
      expect(t.shipping.shipping_rates[0]).toMatchObject({ id: 's-usd', cost: 62, convert_from: 'USD' })
      expect(t.shipping.shipping_rates[0]!.exchange_rate).toBeCloseTo(0.124999998860937, 12)
    }
  })

  it('without convert_prices a product not priced in the currency is rejected: currency_not_supported', () => {
    const res = run(cfg, { currency: 'SEK', products: [{ id: 'gadget' }, { id: 'mug' }] })
    expect(warnings(res)).toEqual([['currency_not_supported', 'products[0]']])
    expect(res.warnings[0]!.message).toBe('this product has no price in SEK')
    expect(errors(run(cfg, { currency: 'SEK', products: [{ id: 'gadget' }] }))).toEqual([['no_products', 'products']])
  })

  it('into JPY (exponent 0): m × rate × 10^(0 − 2)', () => {
    // 1000 cents × 162.57 / 100 = 1625.7 → 1626 yen
    const x = ok(run(cfg, { currency: 'JPY', convert_prices: true, products: [{ id: 'print' }] })).products[0]!.totals
    expect(x.unit_price).toBe(1626)
    expect(x.exchange_rate).toBe(162.57)
  })

  it('into KWD (exponent 3): m × rate × 10^(3 − 2)', () => {
    // 1000 cents × 0.33457 × 10 = 3345.7 → 3346 fils
    expect(ok(run(cfg, { currency: 'KWD', convert_prices: true, products: [{ id: 'print' }] })).products[0]!.totals.unit_price).toBe(3346)
  })

  it('from JPY into EUR: m / rate × 10^(2 − 0)', () => {
    // 1626 yen / 162.57 × 100 = 162600 / 162.57 = 1000.18… → 1000 cents
    expect(ok(run(cfg, { currency: 'EUR', convert_prices: true, products: [{ id: 'yen' }] })).products[0]!.totals.unit_price).toBe(1000)
  })

  it('the conversion rounds with the account rounding mode (per-call override too)', () => {
    // 1625.7 yen: half_up → 1626, floor → 1625, down → 1625
    const req = { currency: 'JPY', convert_prices: true, products: [{ id: 'print' }] }
    expect(ok(run({ ...cfg, account: { ...cfg.account, rounding: 'floor' } }, req)).products[0]!.totals.unit_price).toBe(1625)
    expect(ok(run(cfg, req, { rounding: 'down' })).products[0]!.totals.unit_price).toBe(1625)
  })

  it('a variant with delta pricing converts its final default-currency price once', () => {
    // (2026 + 26) × 11.0235 = 2052 × 11.0235 = 22620.222 → 22620
    // (converting the parts would give round(22333.611) + round(286.611) = 22334 + 287 = 22621)
    const x = ok(run(cfg, { currency: 'SEK', convert_prices: true, products: [{ variant: 'v-26' }] })).products[0]!.totals
    expect(x.unit_price).toBe(22620)
  })

  it('a pack converts the pack price (unit × units), not the unit', () => {
    // 101 × 10 = 1010 cents × 11.0235 = 11133.735 → 11134 (converting 101 first: 1113 × 10 = 11130)
    expect(ok(run(cfg, { currency: 'SEK', convert_prices: true, products: [{ pack: 'pk-10' }] })).products[0]!.totals.unit_price).toBe(11134)
  })

  it('an invoice item is in the transaction currency as given', () => {
    expect(ok(run(cfg, { currency: 'JPY', products: [{ name: 'Fee', price: 500 }] })).products[0]!.totals.unit_price).toBe(500)
  })

  describe('choosing the transaction currency', () => {
    it('without request.currency and without convert_prices: the base currency', () => {
      const res = run(cfg, { products: [{ id: 'nordic' }] })
      expect(warnings(res)).toEqual([['currency_not_supported', 'products[0]']])
      expect(ok(run(cfg, { products: [{ id: 'mug' }] })).currency).toBe('EUR')
    })

    it('with convert_prices: the one currency every line is priced in', () => {
      expect(ok(run(cfg, { convert_prices: true, products: [{ id: 'nordic' }] })).currency).toBe('SEK')
    })

    it('with convert_prices: the base currency wins when it is one of several common ones', () => {
      expect(ok(run(cfg, { convert_prices: true, products: [{ id: 'mug' }] })).currency).toBe('EUR') // EUR and SEK
    })

    it('with convert_prices: else the first of account.currencies among the common ones', () => {
      // nordic and nordic2 are both priced in SEK and USD
      const req = { convert_prices: true, products: [{ id: 'nordic' }, { id: 'nordic2' }] }
      expect(ok(run(cfg, req)).currency).toBe('SEK') // [EUR, SEK, USD, …]
      expect(ok(run({ ...cfg, account: { currencies: ['EUR', 'USD', 'SEK'] } }, req)).currency).toBe('USD')
    })

    it('with convert_prices and no common currency: the base currency, lines converted into it', () => {
      // mug is EUR/SEK, gadget USD only. gadget: 2999 / 1.0873 = 29990000 / 10873 = 2758.208… → 2758
      const t = ok(run(cfg, { convert_prices: true, products: [{ id: 'mug' }, { id: 'gadget' }] }))
      expect(t.currency).toBe('EUR')
      expect(t.products.map((p) => [p.totals.unit_price, p.totals.price_conversion])).toEqual([
        [1200, false],
        [2758, true],
      ])
    })

    it('a variant priced in other currencies than its product counts with its own', () => {
      // poster is priced in EUR, its fixed-price variant only in SEK: the line's one currency is SEK
      const t = ok(run(cfg, { convert_prices: true, products: [{ variant: 'p-sek' }] }))
      expect([t.currency, t.products[0]!.totals.unit_price, t.products[0]!.totals.price_conversion]).toEqual(['SEK', 17000, false])
    })

    it('a variant not priced in its product\'s default currency converts from its own currency', () => {
      // 17000 öre / 11.0235 = 1542.159… → 1542 cents
      const t = ok(run(cfg, { currency: 'EUR', convert_prices: true, products: [{ variant: 'p-sek' }] }))
      expect(t.products[0]!.totals.unit_price).toBe(1542)
    })

    it('with convert_prices: the one common currency is taken even when it is not enabled, and then rejected', () => {
      // gadget is priced in USD only; an account without USD cannot sell it in its one currency
      const noUsd = { ...cfg, account: { currencies: ['EUR', 'SEK'] } }
      expect(errors(run(noUsd, { convert_prices: true, products: [{ id: 'gadget' }] }))).toEqual([['currency_not_enabled', 'currency']])
      // nordic and nordic2 share SEK and USD: with neither enabled, the same answer
      expect(errors(run({ ...cfg, account: { currencies: ['EUR'] } }, { convert_prices: true, products: [{ id: 'nordic' }, { id: 'nordic2' }] }))).toEqual([['currency_not_enabled', 'currency']])
      // naming a currency lets it convert: 2999 / 1.0873 = 2758.2… → 2758
      expect(ok(run(noUsd, { currency: 'EUR', convert_prices: true, products: [{ id: 'gadget' }] })).products[0]!.totals.unit_price).toBe(2758)
    })

    it('a currency that is not enabled is a 400, even with convert_prices', () => {
      expect(errors(run(cfg, { currency: 'GBP', convert_prices: true, products: [{ id: 'mug' }] }))).toEqual([['currency_not_enabled', 'currency']])
    })

    it('without an exchange rate for the currency, conversion is impossible: currency_not_supported', () => {
      const noRates = { ...cfg, exchange_rates: { base: 'EUR', rates: { SEK: '11.0235' } } }
      expect(warnings(run(noRates, { currency: 'EUR', convert_prices: true, products: [{ id: 'gadget' }, { id: 'mug' }] }))).toEqual([['currency_not_supported', 'products[0]']])
    })
  })
})

/**
 * Shipping (SPEC §3.4): availability, selection, the cost types, free_over, conversion, nShift,
 * allocation over the shipped lines and the shipping-tax policies (shipping discounts are tested
 * with discounts). German merchant and customer: 19% general, 7% books. Numbers by hand.
 */
import { describe, expect, it } from 'vitest'
import { DE_VAT, ok, physical, product, run, warnings, type Cfg } from '../support/estimate-kit'

const BOOKS = { id: 'de-7', label: 'MwSt. 7', jurisdiction: 'DE', category: 'books', rate_percent: '7', vat_tax: true }
const fixed = (id: string, cost: number, extra: Record<string, unknown> = {}) => ({ id, label: id, type: 'fixed', cost, currency: 'EUR', ...extra })

const products = [
  physical('big', 10000),
  physical('big9999', 9999),
  physical('a3000', 3000),
  physical('b1000', 1000, { classification: 'books' }),
  physical('c100', 100),
  physical('k1000', 1000),
  physical('k2000', 2000),
  physical('zero', 0),
  physical('w250', 1000, { weight: 250, packs: [{ id: 'w-pack', stock: 4 }] }),
  physical('heavy', 1000, { weight: 6000 }),
  physical('tee', 1000, { weight: 100, variations: { variants: [{ id: 'tee-xl', weight: 300, pricing_model: [{ currency: 'EUR', price: 1000 }] }] } }),
  physical('combo', 1000, { tax_category: 'combo' }),
  product('svc', 500),
]
const base: Cfg = { products, tax_rates: [DE_VAT, BOOKS], shipping_methods: [fixed('dhl', 1312)] }
const est = (over: Cfg, request: Record<string, unknown>, options: Record<string, unknown> = {}) => ok(run({ ...base, ...over }, request, options))

describe('shipping', () => {
  describe('availability and selection', () => {
    const methods = [fixed('at-only', 500, { countries: ['AT'] }), fixed('dhl', 1312), fixed('ups', 990)]

    it('shipping_rates lists the available methods in store order; the default is the first', () => {
      const t = est({ shipping_methods: methods }, { products: [{ id: 'big' }] })
      expect(t.shipping.shipping_rates.map((m) => m.id)).toEqual(['dhl', 'ups'])
      expect(t.shipping.shipping_method?.id).toBe('dhl')
      const at = est({ shipping_methods: methods }, { customer: { id: 'c-de', shipping_information: { country: 'AT' } }, products: [{ id: 'big' }] })
      expect(at.shipping.shipping_rates.map((m) => m.id)).toEqual(['at-only', 'dhl', 'ups'])
      expect(at.shipping.shipping_method?.id).toBe('at-only')
    })

    it('request.shipping.tamio picks an available method', () => {
      const t = est({ shipping_methods: methods }, { products: [{ id: 'big' }], shipping: { tamio: 'ups' } })
      expect([t.shipping.shipping_method?.id, t.totals.shipping]).toEqual(['ups', 990])
    })

    it('an unknown or unavailable requested method warns shipping_method_unavailable and uses the default', () => {
      for (const id of ['nope', 'at-only']) {
        const res = run({ ...base, shipping_methods: methods }, { products: [{ id: 'big' }], shipping: { tamio: id } })
        expect(warnings(res)).toEqual([['shipping_method_unavailable', 'shipping.tamio']])
        expect(ok(res).shipping.shipping_method?.id).toBe('dhl')
      }
    })

    it('no available method: warning no_shipping_method, shipping 0', () => {
      const res = run({ ...base, shipping_methods: [fixed('at-only', 500, { countries: ['AT'] })] }, { products: [{ id: 'big' }] })
      expect(warnings(res)).toEqual([['no_shipping_method', 'shipping']])
      const t = ok(res)
      expect([t.shipping.has_shipping, t.shipping.shipping_method, t.shipping.shipping_rates, t.totals.shipping, t.totals.shipping_tax]).toEqual([true, null, [], 0, 0])
      expect(t.totals.total).toBe(11900)
    })

    it('nothing shipped: no shipping at all, no warning, even without methods', () => {
      const res = run({ ...base, shipping_methods: [] }, { products: [{ id: 'svc' }] })
      expect(warnings(res)).toEqual([])
      const t = ok(res)
      expect([t.shipping.has_shipping, t.shipping.shipping_rates, t.shipping.shipping_method, t.shipping.item_count, t.totals.shipping]).toEqual([false, [], null, 0, 0])
    })

    it('the output method: id, label, bundling, type, cost in the transaction currency, convert_from, exchange_rate', () => {
      const t = est({ shipping_methods: [fixed('dhl', 1312, { label: 'DHL Paket', bundling: true })] }, { products: [{ id: 'big' }] })
      expect(t.shipping.shipping_method).toEqual({ id: 'dhl', label: 'DHL Paket', bundling: true, type: 'fixed', cost: 1312, convert_from: 'EUR', exchange_rate: 1 })
      expect(t.shipping.item_count).toBe(1)
    })
  })

  describe('cost', () => {
    it('fixed: the cost (SPEC §5: 1312, tax round(249.28) = 249)', () => {
      const t = est({}, { products: [{ id: 'big' }] })
      expect([t.totals.shipping, t.totals.shipping_tax, t.totals.shipping_total, t.totals.total]).toEqual([1312, 249, 1561, 13461])
    })

    it('per_item: cost for the first contained unit, additional_item_cost for each further one', () => {
      const m = { id: 'pi', label: 'pi', type: 'per_item', cost: 500, additional_item_cost: 200 }
      // 2 × w250 + 1 pack of 4 = 6 units → 500 + 5 × 200 = 1500
      const t = est({ shipping_methods: [m] }, { products: [{ id: 'w250', quantity: 2 }, { pack: 'w-pack' }, { id: 'svc' }] })
      expect(t.totals.shipping).toBe(500 + 5 * 200)
      expect(t.shipping.item_count).toBe(3) // Σ quantity of shipped lines: 2 + 1
      // without additional_item_cost every unit costs `cost`: 6 × 500
      expect(est({ shipping_methods: [{ ...m, additional_item_cost: null }] }, { products: [{ id: 'w250', quantity: 2 }, { pack: 'w-pack' }] }).totals.shipping).toBe(3000)
    })

    describe('weight tiers (grams; the first tier whose up_to covers the weight)', () => {
      const tiers = [
        { up_to: 1000, cost: 500 },
        { up_to: 5000, cost: 900 },
        { up_to: null, cost: 2000 },
      ]
      const w = (request: Record<string, unknown>, t = tiers) => est({ shipping_methods: [{ id: 'w', label: 'w', type: 'weight', weight_tiers: t }] }, request).totals.shipping

      it('exactly up_to is covered by that tier: 4 × 250 g = 1000 g → 500', () => expect(w({ products: [{ id: 'w250', quantity: 4 }] })).toBe(500))
      it('one gram more is the next tier: 5 × 250 g = 1250 g → 900', () => expect(w({ products: [{ id: 'w250', quantity: 5 }] })).toBe(900))
      it('up_to null has no limit: 6000 g → 2000', () => expect(w({ products: [{ id: 'heavy' }] })).toBe(2000))
      it('a pack weighs units × weight: 4 × 250 = 1000 g → 500; with one more unit 1250 → 900', () => {
        expect(w({ products: [{ pack: 'w-pack' }] })).toBe(500)
        expect(w({ products: [{ pack: 'w-pack' }, { id: 'w250' }] })).toBe(900)
      })
      it('a variant\'s own weight wins: 4 × 300 g = 1200 g → 900 (the product\'s 100 g would give 500)', () => {
        expect(w({ products: [{ variant: 'tee-xl', quantity: 4 }] })).toBe(900)
      })
      it('beyond the last tier the method is unavailable', () => {
        const res = run({ ...base, shipping_methods: [{ id: 'w', label: 'w', type: 'weight', weight_tiers: tiers.slice(0, 2) }] }, { products: [{ id: 'heavy' }] })
        expect(warnings(res)).toEqual([['no_shipping_method', 'shipping']])
      })
    })

    it('free_over: 0 when the shipped lines\' item_total_with_tax reaches the threshold exactly', () => {
      const m = [fixed('dhl', 1312, { free_over: { EUR: 11900 } })]
      // 10000 + 1900 = 11900 ≥ 11900 → free
      const free = est({ shipping_methods: m }, { products: [{ id: 'big' }] })
      expect([free.shipping.shipping_method?.cost, free.totals.shipping, free.totals.shipping_tax, free.totals.total]).toEqual([0, 0, 0, 11900])
      // 9999 + round(1899.81) = 11899 < 11900 → charged
      expect(est({ shipping_methods: m }, { products: [{ id: 'big9999' }] }).totals.shipping).toBe(1312)
      // unshipped lines do not count towards it: 9999 + 1900 + (500 + 95)
      expect(est({ shipping_methods: m }, { products: [{ id: 'big9999' }, { id: 'svc' }] }).totals.shipping).toBe(1312)
    })

    it('free_over in another currency only does not apply', () => {
      expect(est({ shipping_methods: [fixed('dhl', 1312, { free_over: { SEK: 100 } })] }, { products: [{ id: 'big' }] }).totals.shipping).toBe(1312)
    })

    it('a method priced in another currency is converted (convert_from, exchange_rate)', () => {
      // 10000 öre / 11.0235 = 907.15… → 907 cents
      const t = est(
        { shipping_methods: [{ id: 'postnord', label: 'PostNord', type: 'fixed', cost: 10000, currency: 'SEK' }], exchange_rates: { base: 'EUR', rates: { SEK: '11.0235' } } },
        { products: [{ id: 'big' }] },
      )
      const m = t.shipping.shipping_method!
      expect([m.cost, m.convert_from]).toEqual([907, 'SEK'])
      expect(m.exchange_rate).toBeCloseTo(1 / 11.0235, 12)
      expect(t.totals.shipping).toBe(907)
    })

    it('an nShift quote replaces the method: price + add-ons, taxed at taxRate', () => {
      const nshift = { valid: true, price: 990, taxRate: 25, selectedAddons: [{ id: 'sms', price: 100 }, { id: 'sig', price: 10 }] }
      const t = est({}, { products: [{ id: 'big' }], shipping: { nshift } })
      // 990 + 100 + 10 = 1100; 25% → 275
      expect([t.shipping.shipping_method?.id, t.shipping.shipping_method?.cost, t.totals.shipping, t.totals.shipping_tax]).toEqual(['nshift', 1100, 1100, 275])
      expect(t.products[0]!.taxes.shipping_tax_rates.map((r) => [r.rate_percent, r.tax, r.label])).toEqual([[25, 275, 'Shipping taxes']])
      // valid: false → ignored
      expect(est({}, { products: [{ id: 'big' }], shipping: { nshift: { ...nshift, valid: false } } }).totals.shipping).toBe(1312)
    })

    it('an nShift quote at taxRate 0 is untaxed; without a taxRate its shipping is taxed as for a store method', () => {
      const nshift = { valid: true, price: 590, selectedAddons: [] }
      // taxRate 0: 590 × 0 % = 0, and no shipping rate line (the goods' 19 % does not apply)
      const zero = est({}, { products: [{ id: 'big' }], shipping: { nshift: { ...nshift, taxRate: 0 } } })
      expect([zero.totals.shipping, zero.totals.shipping_tax, zero.products[0]!.taxes.shipping_tax_rates.length]).toEqual([590, 0, 0])
      // no taxRate: the goods' 19 % follows → round(590 × 0.19) = round(112.1) = 112
      const none = est({}, { products: [{ id: 'big' }], shipping: { nshift } })
      expect([none.totals.shipping, none.totals.shipping_tax]).toEqual([590, 112])
    })
  })

  describe('allocation over the shipped lines', () => {
    const alloc = (cost: number, request: Record<string, unknown>) => est({ shipping_methods: [fixed('s', cost)] }, request).products.map((p) => p.totals.shipping_subtotal)

    it('in proportion to the base, ties to the earlier line: 1000 over 3 × 100 → 334, 333, 333', () => {
      expect(alloc(1000, { products: [{ id: 'c100' }, { id: 'c100' }, { id: 'c100' }] })).toEqual([334, 333, 333])
    })

    it('largest remainder: 1001 over 1000 : 2000 → 333.67, 667.33 → 334, 667', () => {
      expect(alloc(1001, { products: [{ id: 'k1000' }, { id: 'k2000' }] })).toEqual([334, 667])
    })

    it('unshipped lines get no share', () => {
      expect(alloc(1000, { products: [{ id: 'svc' }, { id: 'k1000' }, { name: 'Fee', price: 5000 }] })).toEqual([0, 1000, 0])
    })

    it('all-zero bases split by quantity: 1000 over quantities 1 and 3 → 250, 750', () => {
      expect(alloc(1000, { products: [{ id: 'zero' }, { id: 'zero', quantity: 3 }] })).toEqual([250, 750])
    })
  })

  describe('shipping tax', () => {
    // a3000 (19%) and b1000 (7%): 1000 of shipping splits 750 / 250
    const cart = { products: [{ id: 'a3000' }, { id: 'b1000' }] }
    const ship = (options: Record<string, unknown>, over: Cfg = {}) => est({ shipping_methods: [fixed('s', 1000)], ...over }, cart, options)

    it('proportional (default): each share at its line\'s rate: 750 × 19% = 142.5 → 143, 250 × 7% = 17.5 → 18', () => {
      const t = ship({})
      expect(t.products.map((p) => p.totals.shipping_tax)).toEqual([143, 18])
      expect(t.totals.shipping_tax).toBe(161)
      expect(t.taxes.shipping_tax_rates.map((r) => [r.id, r.rate_percent, r.tax, r.taxable_amount, r.label])).toEqual([
        ['de-19', 19, 143, 750, 'Shipping taxes'],
        ['de-7', 7, 18, 250, 'Shipping taxes'],
      ])
    })

    it('highest: every share at 19%: 142.5 → 143, 47.5 → 48', () => {
      expect(ship({ shipping_tax: 'highest' }).products.map((p) => p.totals.shipping_tax)).toEqual([143, 48])
    })

    it('lowest: every share at 7%: 52.5 → 53, 17.5 → 18', () => {
      expect(ship({ shipping_tax: 'lowest' }).products.map((p) => p.totals.shipping_tax)).toEqual([53, 18])
    })

    it('none: no shipping tax at all', () => {
      const t = ship({ shipping_tax: 'none' })
      expect([t.totals.shipping_tax, t.taxes.shipping_tax_rates, t.totals.total]).toEqual([0, [], 3000 + 570 + 1000 + 70 + 1000])
    })

    it('the account policy is the default', () => {
      expect(ship({}, { account: { shipping_tax: 'lowest' } }).totals.shipping_tax).toBe(71)
    })

    it('highest compares summed rates exactly: 19% ties with 7% + 12%, and the tie goes to the earlier line', () => {
      const combo = [
        { id: 'c7', label: 'c7', jurisdiction: 'DE', category: 'combo', rate_percent: '7' },
        { id: 'c12', label: 'c12', jurisdiction: 'DE', category: 'combo', rate_percent: '12' },
      ]
      const t = est({ shipping_methods: [fixed('s', 1000)], tax_rates: [DE_VAT, ...combo] }, { products: [{ id: 'k1000' }, { id: 'combo' }] }, { shipping_tax: 'highest' })
      expect(t.products.map((p) => p.taxes.shipping_tax_rates.map((r) => r.id))).toEqual([['de-19'], ['de-19']])
    })

    it('a category "shipping" rate overrides the goods\' rates and keeps its own id and label', () => {
      const override = { id: 'ship-10', label: 'Versand', jurisdiction: 'DE', category: 'shipping', rate_percent: '10' }
      for (const policy of ['proportional', 'highest', 'lowest']) {
        const t = ship({ shipping_tax: policy }, { tax_rates: [DE_VAT, BOOKS, override] })
        // 750 × 10% = 75, 250 × 10% = 25
        expect(t.products.map((p) => p.taxes.shipping_tax_rates.map((r) => [r.id, r.label, r.tax]))).toEqual([[['ship-10', 'Versand', 75]], [['ship-10', 'Versand', 25]]])
        expect(t.totals.tax).toBe(570 + 70) // goods still at 19% / 7%
      }
    })

    it('account.shipping_tax_label labels the goods rates that shipping follows', () => {
      const t = ship({}, { account: { shipping_tax_label: 'Versandkosten' } })
      expect(t.products[0]!.taxes.shipping_tax_rates[0]!.label).toBe('Versandkosten')
    })

    it('an inclusive method: the share is gross, its tax extracted; shipping_total does not add it', () => {
      const t = est({ shipping_methods: [fixed('s', 1190, { inclusive: true })] }, { products: [{ id: 'a3000' }] })
      const x = t.products[0]!.totals
      // 1190 / 1.19 = 1000 → tax 190
      expect([x.shipping, x.shipping_tax, x.shipping_total, x.total]).toEqual([1190, 190, 1190, 3000 + 570 + 1190])
      expect(t.products[0]!.taxes.shipping_tax_rates.map((r) => [r.inclusive, r.taxable_amount])).toEqual([[true, 1000]])
    })

    it('shipping follows account.prices_include_tax unless the method says otherwise', () => {
      const over = { account: { prices_include_tax: true } }
      const incl = est({ ...over, shipping_methods: [fixed('s', 1190)] }, { products: [{ id: 'a3000' }] })
      expect([incl.totals.shipping_tax, incl.totals.shipping_total]).toEqual([190, 1190])
      const excl = est({ ...over, shipping_methods: [fixed('s', 1190, { inclusive: false })] }, { products: [{ id: 'a3000' }] })
      expect([excl.totals.shipping_tax, excl.totals.shipping_total]).toEqual([226, 1416]) // 1190 × 19% = 226.1
    })

    it('an nShift quote, which has no inclusive flag of its own, follows account.prices_include_tax too', () => {
      const nshift = { valid: true, price: 1190, taxRate: 19, selectedAddons: [] }
      // inclusive: 1190 − round(1190 / 1.19) = 1190 − 1000 = 190
      const incl = est({ account: { prices_include_tax: true } }, { products: [{ id: 'a3000' }], shipping: { nshift } })
      expect([incl.totals.shipping_tax, incl.totals.shipping_total, incl.products[0]!.taxes.shipping_tax_rates[0]!.inclusive]).toEqual([190, 1190, true])
      // exclusive: round(1190 × 0.19) = round(226.1) = 226 on top
      const excl = est({}, { products: [{ id: 'a3000' }], shipping: { nshift } })
      expect([excl.totals.shipping_tax, excl.totals.shipping_total]).toEqual([226, 1416])
    })

    it('tax_rounding total pools shipping tax on its own: 1000 × 19% = 190 split 64, 63, 63', () => {
      // shares 334, 333, 333: exact 63.46, 63.27, 63.27 — line level gives 63 + 63 + 63 = 189
      const cart3 = { products: [{ id: 'c100' }, { id: 'c100' }, { id: 'c100' }] }
      const line = est({ shipping_methods: [fixed('s', 1000)] }, cart3)
      expect(line.products.map((p) => p.totals.shipping_tax)).toEqual([63, 63, 63])
      const total = est({ shipping_methods: [fixed('s', 1000)] }, cart3, { tax_rounding: 'total' })
      expect(total.products.map((p) => p.totals.shipping_tax)).toEqual([64, 63, 63])
      expect(total.totals.tax).toBe(57) // goods: 3 × 19 exactly
    })
  })
})

/**
 * Domestic taxes (SPEC §3.3): rates by category with the fallback to `category: null`, fixed
 * per-unit amounts, compound rates, inclusive and exclusive prices, inclusive_rounding, and the
 * three tax rounding levels — on a cart where line, unit and total give three different totals.
 * Every amount is computed by hand in the test. German customer, German merchant: no cross-border.
 */
import { describe, expect, it } from 'vitest'
import { createStore, estimate, StoreConfigError, type EstimateRequest } from '../../src/index'
import { AT, config, errors, ok, physical, product, run, warnings, type Cfg } from '../support/estimate-kit'

const rate = (id: string, category: string | null, pct: string | null, extra: Record<string, unknown> = {}) => ({
  id,
  label: id,
  jurisdiction: 'DE',
  category,
  rate_percent: pct,
  vat_tax: true,
  ...extra,
})

const RATES = [
  rate('de-19', null, '19'),
  rate('de-7', 'books', '7'),
  rate('bottle-19', 'bottles', '19'),
  rate('pfand', 'bottles', null, { rate_amount: 25, vat_tax: false }),
  rate('base-5', 'tobacco', '5'),
  rate('extra-7', 'tobacco', '7', { compound: true }),
  rate('c-first', 'tobacco2', '7', { compound: true }),
  rate('then-5', 'tobacco2', '5'),
  rate('duty', 'spirits', null, { rate_amount: 100, vat_tax: false }),
  rate('vat-spirits', 'spirits', '19', { compound: true }),
  rate('ten', 'duo', '10'),
  rate('five', 'duo', '5'),
  rate('twenty', 'uk', '20'),
]
const cfg: Cfg = {
  tax_rates: RATES,
  products: [
    product('p102', 102),
    product('p150', 150),
    product('thing', 10000),
    product('food', 10000, { tax_category: 'food' }),
    product('novel', 10000, { classification: 'books' }),
    product('bottle', 100, { tax_category: 'bottles', packs: [{ id: 'crate', stock: 6, multiple: true }] }),
    product('cigar', 10000, { tax_category: 'tobacco' }),
    product('cigar1005', 1005, { tax_category: 'tobacco' }),
    product('cigar2', 10000, { tax_category: 'tobacco2' }),
    product('gin', 1000, { tax_category: 'spirits' }),
    product('duo105', 105, { tax_category: 'duo' }),
    product('incl', 11900, { tax_calculation: 'inclusive' }),
    product('incl1000', 1000, { tax_calculation: 'inclusive' }),
    product('uk1209', 1209, { tax_calculation: 'inclusive', tax_category: 'uk' }),
    product('incl-bottle', 1215, { tax_calculation: 'inclusive', tax_category: 'bottles' }),
    product('plain', 5000),
    product('excl', 5000, { tax_calculation: 'exclusive' }),
  ],
}

const line = (request: Record<string, unknown>, options: Record<string, unknown> = {}, over: Cfg = cfg) => ok(run(over, request, options))
/** [rate id, tax, taxable_amount] of each rate of line `i`. */
const rates = (t: ReturnType<typeof line>, i = 0) => t.products[i]!.taxes.tax_rates.map((r) => [r.id, r.tax, r.taxable_amount])

describe('taxes (domestic)', () => {
  describe('which rates apply', () => {
    it('a line takes the rates of its category', () => {
      const t = line({ products: [{ id: 'novel' }] })
      expect(rates(t)).toEqual([['de-7', 700, 10000]]) // 10000 × 7%
      expect(t.products[0]!.classification).toBe('books')
    })

    it('a category without rates falls back to the rates with category null', () => {
      expect(rates(line({ products: [{ id: 'food' }] }))).toEqual([['de-19', 1900, 10000]])
    })

    it('a category with its own rates does not also get the null-category rates', () => {
      // bottles: 19% (its own) + 25 per unit, not 19% twice
      expect(rates(line({ products: [{ id: 'bottle' }] })).map((r) => r[0])).toEqual(['bottle-19', 'pfand'])
    })

    it('no rates at all → no tax, no rates, has_vat false', () => {
      const t = line({ products: [{ id: 'thing' }] }, {}, { ...cfg, tax_rates: [] })
      expect([t.totals.tax, t.products[0]!.taxes.tax_rates, t.taxes.has_vat]).toEqual([0, [], false])
    })

    it('a tax-exempt customer pays no taxes at all (goods and shipping), warning tax_exempt', () => {
      const over = {
        ...cfg,
        products: [product('thing', 10000, { type: 'physical_product' })],
        shipping_methods: [{ id: 's', label: 's', type: 'fixed', cost: 1000 }],
        customers: [{ id: 'c-ex', country: 'DE', tax_exempt: true }],
      }
      const res = run(over, { customer: { id: 'c-ex' }, products: [{ id: 'thing' }] })
      expect(res.warnings.map((w) => [w.code, w.path])).toEqual([['tax_exempt', 'customer']])
      const t = ok(res)
      expect([t.totals.tax, t.totals.shipping_tax, t.totals.total, t.taxes.tax_rates, t.taxes.has_vat]).toEqual([0, 0, 11000, [], false])
    })

    it('has_vat only counts rates marked vat_tax', () => {
      const t = line({ products: [{ id: 'thing' }] }, {}, { ...cfg, tax_rates: [rate('sales', null, '5', { vat_tax: false })] })
      expect([t.totals.tax, t.taxes.has_vat]).toEqual([500, false])
    })
  })

  describe('fixed amounts and compound rates', () => {
    it('rate_amount is charged per contained unit (2 crates × 6 bottles = 12 units)', () => {
      // item_total = 100 × 6 × 2 = 1200; 19% → 228; 25 × 12 = 300
      const t = line({ products: [{ pack: 'crate', quantity: 2 }] })
      expect(rates(t)).toEqual([
        ['bottle-19', 228, 1200],
        ['pfand', 300, 1200],
      ])
      const r = t.products[0]!.taxes.tax_rates[1]!
      expect([r.rate_percent, r.rate_amount, r.vat_tax]).toEqual([null, 25, false])
      expect(t.totals.tax).toBe(528)
      expect(t.totals.item_total_with_tax).toBe(1200 + 528)
    })

    it('a compound rate is charged on the base plus the rounded taxes before it', () => {
      // 5% of 10000 = 500; 7% of (10000 + 500) = 735
      expect(rates(line({ products: [{ id: 'cigar' }] }))).toEqual([
        ['base-5', 500, 10000],
        ['extra-7', 735, 10500],
      ])
    })

    it('compound rates apply in store order: a compound rate listed first sees no prior tax', () => {
      // c-first (7%, compound, first): 700 on 10000; then-5: 500 on 10000
      expect(rates(line({ products: [{ id: 'cigar2' }] }))).toEqual([
        ['c-first', 700, 10000],
        ['then-5', 500, 10000],
      ])
    })

    it('a compound rate that would tax an inclusive product is a store error (compound_inclusive)', () => {
      const bad = config({ tax_rates: [rate('base-5', 'tobacco', '5'), rate('extra-7', 'tobacco', '7', { compound: true })], products: [product('cig', 100, { tax_category: 'tobacco', tax_calculation: 'inclusive' })] })
      expect(() => createStore(bad)).toThrowError(/compound rate cannot apply to a tax-inclusive/)
      try {
        createStore(bad)
      } catch (e) {
        expect((e as StoreConfigError).issues.map((i) => [i.code, i.path])).toEqual([['compound_inclusive', 'products[0]']])
      }
    })

    it('a compound rate without a category never reaches an inclusive product whose category has rates of its own there', () => {
      // DE: 19 % and a compound 2 % for every category, 7 % for books. A book is taxed at the 7 % only
      // (a category's own rates, else those without one): 1070 inclusive = 1000 + 70.
      const taxes = [rate('vat', null, '19'), rate('surcharge', null, '2', { compound: true }), rate('books-7', 'books', '7')]
      const book = product('book', 1070, { tax_category: 'books', tax_calculation: 'inclusive' })
      const s = createStore(config({ tax_rates: taxes, products: [book] }))
      const t = ok(estimate(s, { products: [{ id: 'book' }], customer: { id: 'c-de' } } as unknown as EstimateRequest, { at: AT }))
      expect([t.totals.tax, t.totals.total]).toEqual([70, 1070])
      // A product of another category falls back to the rates without one, the compound among them: still an error.
      const mug = product('mug', 1190, { tax_calculation: 'inclusive' })
      expect(() => createStore(config({ tax_rates: taxes, products: [book, mug] }))).toThrowError(/compound rate cannot apply to a tax-inclusive/)
      // So is a book where some other jurisdiction's compound rate reaches books (AT has no books rate).
      const at = [...taxes, rate('at-vat', null, '20', { jurisdiction: 'AT' }), rate('at-extra', null, '1', { compound: true, jurisdiction: 'AT' })]
      expect(() => createStore(config({ tax_rates: at, products: [book] }))).toThrowError(/compound rate cannot apply to a tax-inclusive/)
    })

    describe('compound rates never meet an inclusive line silently', () => {
      // The account's prices include tax; a compound 5 % on top of 19 % for every category.
      const incl: Cfg = {
        account: { prices_include_tax: true },
        tax_rates: [rate('vat', null, '19'), rate('extra', null, '5', { compound: true })],
        products: [physical('box', 1000, { tax_calculation: 'exclusive' })],
        shipping_methods: [{ id: 'post', label: 'Post', type: 'fixed', cost: 500, currency: 'EUR' }],
      }

      it('an invoice item (inclusive as the account) taxed by a compound rate in its jurisdiction is a 400 at its line', () => {
        expect(errors(run(incl, { products: [{ id: 'box' }, { name: 'Engraving', price: 1190 }] }))).toEqual([['compound_inclusive', 'products[1]']])
        // a compound rate elsewhere (Canada) does not tax a German item: 1190 − round(1190 / 1.19) = 190
        const elsewhere = { ...incl, tax_rates: [rate('vat', null, '19'), { ...rate('qc', null, '9.975', { compound: true }), jurisdiction: 'CA' }] }
        expect(ok(run(elsewhere, { products: [{ name: 'Engraving', price: 1190 }] })).totals.tax).toBe(190)
        // the same item in an exclusive account is taxed: 1000 × 19 % = 190, then 5 % of 1190 = 59.5 → 60
        const t = ok(run({ ...incl, account: {} }, { products: [{ name: 'Engraving', price: 1000 }] }))
        expect(t.totals.tax).toBe(250)
      })

      it('an nShift quote without its own rate is taxed at the goods rates like a method (warned); with one it is taxed at it', () => {
        const nshift = { valid: true, price: 590, selectedAddons: [] }
        expect(warnings(run(incl, { products: [{ id: 'box' }], shipping: { nshift } }))).toEqual([['compound_inclusive', 'shipping']])
        // an invalid rate is that one error, not also compound_inclusive
        expect(errors(run(incl, { products: [{ id: 'box' }], shipping: { nshift: { ...nshift, taxRate: -1 } } })).map(([c]) => c)).not.toContain('compound_inclusive')
        // taxRate 19, inclusive: 590 − round(590 / 1.19) = 590 − round(495.80) = 590 − 496 = 94
        expect(ok(run(incl, { products: [{ id: 'box' }], shipping: { nshift: { ...nshift, taxRate: 19 } } })).totals.shipping_tax).toBe(94)
      })

      it('inclusive shipping taxed at goods rates that include a compound one warns compound_inclusive at shipping', () => {
        const res = run(incl, { products: [{ id: 'box' }] })
        expect(warnings(res)).toEqual([['compound_inclusive', 'shipping']])
        // an exclusive method: no warning (19 % of 500 = 95, 5 % of 595 = 29.75 → 30)
        const excl = run({ ...incl, shipping_methods: [{ id: 'post', label: 'Post', type: 'fixed', cost: 500, currency: 'EUR', inclusive: false }] }, { products: [{ id: 'box' }] })
        expect(warnings(excl)).toEqual([])
        expect(ok(excl).totals.shipping_tax).toBe(125)
      })
    })

    it('a fixed amount before a compound rate is part of its base, at every rounding level', () => {
      // 2 × 1000 = 2000; duty 2 × 100 = 200; VAT 19% of (2000 + 200) = 418
      for (const level of ['line', 'unit', 'total']) {
        expect(rates(line({ products: [{ id: 'gin', quantity: 2 }] }, { tax_rounding: level }))).toEqual([
          ['duty', 200, 2000],
          ['vat-spirits', 418, 2200],
        ])
      }
    })
  })

  describe('inclusive and exclusive', () => {
    it('an inclusive price is gross: net = round(gross / 1.19), tax = gross − net', () => {
      const t = line({ products: [{ id: 'incl' }, { id: 'incl1000' }] })
      // 11900 / 1.19 = 10000; 1000 / 1.19 = 840.336… → 840, tax 160
      expect(rates(t, 0)).toEqual([['de-19', 1900, 10000]])
      expect(rates(t, 1)).toEqual([['de-19', 160, 840]])
      const x = t.products[0]!.totals
      expect([x.subtotal, x.tax, x.item_total_with_tax]).toEqual([11900, 1900, 11900]) // tax is inside
      expect(t.products[0]!.taxes.inclusive).toBe(true)
      expect(t.products[0]!.taxes.tax_rates[0]!.inclusive).toBe(true)
      expect(t.totals.total).toBe(11900 + 1000)
    })

    it('account.prices_include_tax is the default; a product\'s tax_calculation wins', () => {
      // (a compound rate on an inclusive product is a store error, so this store has only the 19%)
      const over = { tax_rates: [RATES[0]!], products: cfg.products!.filter((p) => p.id === 'plain' || p.id === 'excl'), account: { prices_include_tax: true } }
      const t = line({ products: [{ id: 'plain' }, { id: 'excl' }, { name: 'Fee', price: 1190 }] }, {}, over)
      // plain: 5000 gross → net round(4201.68) = 4202, tax 798; excl: 5000 net + 950; invoice item gross 1190 → 1000 + 190
      expect(t.products.map((p) => [p.taxes.inclusive, p.totals.tax, p.totals.item_total_with_tax])).toEqual([
        [true, 798, 5000],
        [false, 950, 5950],
        [true, 190, 1190],
      ])
    })

    it('inclusive_rounding: net (default) rounds the net, tax rounds the tax — they differ on a tie', () => {
      // 1209 at 20%: exact net 1007.5, exact tax 201.5
      expect(rates(line({ products: [{ id: 'uk1209' }] }))).toEqual([['twenty', 1209 - 1008, 1008]]) // net → 1008
      expect(rates(line({ products: [{ id: 'uk1209' }] }, { inclusive_rounding: 'tax' }))).toEqual([['twenty', 202, 1209 - 202]]) // tax → 202
    })

    it('a fixed amount on an inclusive line comes out of the gross first', () => {
      // 1215 − 25 = 1190 → net 1000, VAT 190; total tax 215
      const t = line({ products: [{ id: 'incl-bottle' }] })
      expect(rates(t)).toEqual([
        ['bottle-19', 190, 1000],
        ['pfand', 25, 1000],
      ])
      expect(t.totals.tax).toBe(215)
      expect(t.totals.total).toBe(1215)
    })
  })

  describe('tax rounding level', () => {
    // Line A: 3 × 102 = 306 → exact tax 58.14; line B: 1 × 102 → 19.38.
    const cart = { products: [{ id: 'p102', quantity: 3 }, { id: 'p102' }] }
    const taxes = (level: string) => line(cart, { tax_rounding: level }).products.map((p) => p.totals.tax)

    it('line (default): each line × rate rounded: 58 + 19 = 77', () => {
      expect(taxes('line')).toEqual([58, 19])
      expect(line(cart).totals.tax).toBe(77)
    })

    it('unit: one unit rounded, × quantity: round(19.38) × 3 = 57, + 19 = 76', () => {
      expect(taxes('unit')).toEqual([57, 19])
    })

    it('total: round(58.14 + 19.38 = 77.52) = 78, split back by exact tax; the tie goes to the earlier line', () => {
      // 78 × 5814 / 7752 = 58.5 and 78 × 1938 / 7752 = 19.5 → floors 58 + 19, the leftover cent to line A
      expect(taxes('total')).toEqual([59, 19])
      const t = line(cart, { tax_rounding: 'total' })
      expect(t.totals.tax).toBe(78)
      expect(t.taxes.tax_rates.map((r) => [r.tax, r.taxable_amount])).toEqual([[78, 408]])
    })

    it('the account setting is the default for the call', () => {
      expect(line(cart, {}, { ...cfg, account: { tax_rounding: 'unit' } }).totals.tax).toBe(76)
    })

    it('unit level with two plain rates: each rate on the unit alone', () => {
      // 105 × 10% = 10.5 → 11 × 2 = 22; 105 × 5% = 5.25 → 5 × 2 = 10 (not 5% of the unit plus the 10%)
      expect(rates(line({ products: [{ id: 'duo105', quantity: 2 }] }, { tax_rounding: 'unit' }))).toEqual([
        ['ten', 22, 210],
        ['five', 10, 210],
      ])
    })

    it('unit level with a compound rate: the unit plus the rounded prior tax per unit', () => {
      // 1005 × 5% = 50.25 → 50 × 2 = 100; (2010 + 100) / 2 = 1055 × 7% = 73.85 → 74 × 2 = 148
      expect(rates(line({ products: [{ id: 'cigar1005', quantity: 2 }] }, { tax_rounding: 'unit' }))).toEqual([
        ['base-5', 100, 2010],
        ['extra-7', 148, 2110],
      ])
      // line level for comparison: 100.5 → 101; (2010 + 101) × 7% = 147.77 → 148
      expect(rates(line({ products: [{ id: 'cigar1005', quantity: 2 }] }))).toEqual([
        ['base-5', 101, 2010],
        ['extra-7', 148, 2111],
      ])
    })

    it('the account rounding mode rounds taxes: 150 × 19% = 28.5', () => {
      const cart150 = { products: [{ id: 'p150' }] }
      expect(line(cart150).totals.tax).toBe(29) // half_up
      expect(line(cart150, { rounding: 'half_even' }).totals.tax).toBe(28)
      expect(line(cart150, { rounding: 'half_down' }).totals.tax).toBe(28)
      expect(line(cart150, { rounding: 'ceil' }).totals.tax).toBe(29)
      expect(line(cart150, { rounding: 'floor' }).totals.tax).toBe(28)
    })
  })

  describe('aggregated rates', () => {
    it('taxes.tax_rates sums tax and taxable_amount per rate, applies_to lists product ids in line order', () => {
      const t = line({ products: [{ id: 'novel' }, { id: 'thing', quantity: 2 }, { id: 'food' }, { id: 'novel' }] })
      expect(t.taxes.tax_rates.map((r) => [r.id, r.tax, r.taxable_amount, r.applies_to])).toEqual([
        ['de-7', 700 + 700, 20000, ['novel']],
        ['de-19', 3800 + 1900, 30000, ['thing', 'food']],
      ])
      expect(t.taxes.tax_rates[1]!.rate_percent).toBe(19)
    })
  })
})

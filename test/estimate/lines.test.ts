/**
 * Lines (SPEC §2.1, §3.1): the four line forms and their unit prices, which reference decides,
 * quantity defaults, and every rejection rule — each number worked out by hand in the test.
 * Taxes are switched off here (no tax rates) so that totals show the prices alone.
 */
import { describe, expect, it } from 'vitest'
import { AT, errors, ok, physical, product, run, warnings, type Cfg } from '../support/estimate-kit'

const eur = (price: number) => [{ currency: 'EUR', price }]

const catalog = [
  product('mug', 1200, { sku: 'MUG-1', ean: '400000000001' }),
  // delta pricing: variant price = product price + delta (missing entry = delta 0; floor at 0)
  product('shirt', 2000, {
    sku: 'SHIRT',
    variations: {
      delta_pricing: true,
      variants: [
        { id: 'v-red', pricing_model: eur(500), sku: 'SHIRT-RED', ean: '400000000002' },
        { id: 'v-blue', pricing_model: eur(-300) },
        { id: 'v-plain' },
        { id: 'v-neg', pricing_model: eur(-5000) },
      ],
    },
  }),
  // fixed variant pricing: the variant's entry is the price
  product('poster', 1500, { variations: { delta_pricing: false, variants: [{ id: 'p-a', pricing_model: eur(1700) }, { id: 'p-b', pricing_model: eur(900) }] } }),
  // packs: without own pricing = unit × units; with own pricing = that price
  product('pencil', 100, {
    packs: [
      { id: 'pk-10', label: 'Pack of 10', stock: 10, multiple: true },
      { id: 'pk-own', label: 'Pack of 12', stock: 12, pricing_model: eur(1000) },
    ],
  }),
  // a pack of variants: Σ variant price × units of it
  product('socks', 300, {
    variations: { delta_pricing: true, variants: [{ id: 's-red', pricing_model: eur(50) }, { id: 's-blue' }] },
    packs: [{ id: 'pk-mix', stock: 5, multiple: true, variants: [{ id: 's-red', stock: 2 }, { id: 's-blue', stock: 3 }] }],
  }),
  product('titled', 700, { name: null, languages: { en: { title: 'Blue T-shirt' }, de: { title: 'Blaues T-Shirt' } } }),
]
const cfg: Cfg = { products: catalog, tax_rates: [] }

/** unit_price and item_total of each accepted line. */
function priced(request: Record<string, unknown>, over: Cfg = cfg): [number, number][] {
  return ok(run(over, request)).products.map((p) => [p.totals.unit_price, p.totals.item_total])
}

describe('lines', () => {
  describe('the four line forms', () => {
    it('a catalog product: unit price from its price; item_total = unit × quantity', () => {
      expect(priced({ products: [{ id: 'mug', quantity: 3 }] })).toEqual([[1200, 3 * 1200]])
    })

    it('quantity defaults to 1 (absent or null)', () => {
      const t = ok(run(cfg, { products: [{ id: 'mug' }, { id: 'mug', quantity: null }] }))
      expect(t.products.map((p) => [p.quantity, p.totals.item_total])).toEqual([
        [1, 1200],
        [1, 1200],
      ])
      expect(t.totals.item_count).toBe(2)
    })

    it('a variant with delta pricing: product price + delta (positive, negative, missing = 0)', () => {
      expect(priced({ products: [{ variant: 'v-red' }, { variant: 'v-blue', quantity: 2 }, { variant: 'v-plain' }] })).toEqual([
        [2000 + 500, 2500],
        [2000 - 300, 2 * 1700],
        [2000 + 0, 2000],
      ])
    })

    it('a negative delta never takes the price below 0', () => {
      expect(priced({ products: [{ variant: 'v-neg' }] })).toEqual([[0, 0]]) // max(0, 2000 − 5000)
    })

    it('a variant without delta pricing: the variant entry is the price', () => {
      expect(priced({ products: [{ variant: 'p-a' }, { variant: 'p-b', quantity: 3 }] })).toEqual([
        [1700, 1700],
        [900, 2700],
      ])
    })

    it('a pack without own pricing: unit price × units in the pack; quantity counts packs', () => {
      expect(priced({ products: [{ pack: 'pk-10', quantity: 2 }] })).toEqual([[100 * 10, 2 * 1000]])
    })

    it('a pack with its own pricing_model uses it', () => {
      expect(priced({ products: [{ pack: 'pk-own' }] })).toEqual([[1000, 1000]]) // not 12 × 100 = 1200
    })

    it('a pack of variants: Σ variant price × units of each', () => {
      // s-red: 300 + 50 = 350 × 2 = 700; s-blue: 300 + 0 = 300 × 3 = 900 → 1600
      expect(priced({ products: [{ pack: 'pk-mix', quantity: 2 }] })).toEqual([[2 * 350 + 3 * 300, 2 * 1600]])
    })

    it('an invoice item: price in the transaction currency, type invoice_item, id null, not shipped', () => {
      const t = ok(run(cfg, { products: [{ name: 'Setup', price: 10035, quantity: 2 }, { label: 'Support', price: 500 }] }))
      const [a, b] = t.products
      expect([a!.name, a!.type, a!.id, a!.has_shipping, a!.totals.item_total]).toEqual(['Setup', 'invoice_item', null, false, 2 * 10035])
      expect([b!.name, b!.totals.unit_price]).toEqual(['Support', 500])
      expect(a!.classification).toBe('general')
      expect(t.shipping.has_shipping).toBe(false)
    })

    it('the output names the variant, the pack, and the variant\'s sku/ean before the product\'s', () => {
      const t = ok(run(cfg, { products: [{ variant: 'v-red' }, { variant: 'v-blue' }, { pack: 'pk-10' }, { id: 'mug' }] }))
      expect(t.products.map((p) => [p.id, p.variation_id, p.is_variant, p.pack, p.sku, p.ean])).toEqual([
        ['shirt', 'v-red', true, null, 'SHIRT-RED', '400000000002'],
        ['shirt', 'v-blue', true, null, 'SHIRT', null],
        ['pencil', null, false, 'pk-10', null, null],
        ['mug', null, false, null, 'MUG-1', '400000000001'],
      ])
    })

    it('a product without a name is named by its title in the transaction locale, else the first title', () => {
      expect(ok(run(cfg, { locale: 'de', products: [{ id: 'titled' }] })).products[0]!.name).toBe('Blaues T-Shirt')
      expect(ok(run(cfg, { locale: 'fr', products: [{ id: 'titled' }] })).products[0]!.name).toBe('Blue T-shirt')
      // a regional locale finds its language's title
      expect(ok(run(cfg, { locale: 'de-AT', products: [{ id: 'titled' }] })).products[0]!.name).toBe('Blaues T-Shirt')
    })

    it('a regional locale falls back to its bare language, never to a sibling region, then to the first title', () => {
      const regional: Cfg = {
        tax_rates: [],
        products: [
          // object order: de-CH first, so "first title" and "same language" would both pick it
          { id: 'r', price: 500, currency: 'EUR', type: 'digital', languages: { 'de-CH': { title: 'Schweizer Titel' }, en: { title: 'English' }, de: { title: 'Deutscher Titel' } } },
          { id: 's', price: 500, currency: 'EUR', type: 'digital', languages: { en: { title: 'English' }, 'de-CH': { title: 'Schweizer Titel' } } },
        ],
      }
      const names = (locale: string) => ok(run(regional, { locale, products: [{ id: 'r' }, { id: 's' }] })).products.map((p) => p.name)
      expect(names('de-AT')).toEqual(['Deutscher Titel', 'English']) // s: no de-AT, no de → first title, not de-CH
      expect(names('de-CH')).toEqual(['Schweizer Titel', 'Schweizer Titel'])
      expect(names('DE_at')).toEqual(['Deutscher Titel', 'English'])
      // a bare language takes its regional titles: s has de-CH only
      expect(names('de')).toEqual(['Deutscher Titel', 'Schweizer Titel'])
    })
  })

  describe('which reference decides', () => {
    it('pack before variant before id; price and name are then ignored', () => {
      const t = ok(run(cfg, { products: [{ pack: 'pk-10', variant: 'v-red', id: 'mug', name: 'X', price: 1 }, { variant: 'v-red', id: 'mug', price: 1 }, { id: 'mug', name: 'X', price: 1 }] }))
      expect(t.products.map((p) => [p.id, p.pack, p.variation_id, p.totals.unit_price])).toEqual([
        ['pencil', 'pk-10', null, 1000],
        ['shirt', null, 'v-red', 2500],
        ['mug', null, null, 1200],
      ])
    })

    it('a present but unknown reference is a 400 even when a later one is known', () => {
      expect(errors(run(cfg, { products: [{ pack: 'nope', id: 'mug' }] }))).toEqual([['unknown_pack', 'products[0].pack']])
    })
  })

  describe('rejections (warnings at the line; the line is left out)', () => {
    const only = (over: Cfg, request: Record<string, unknown>) => {
      const res = run(over, request)
      return { w: warnings(res), ids: res.status === 200 ? res.transaction.products.map((p) => p.id) : null }
    }

    it('variant_required: a product with variants asked for by id', () => {
      expect(only(cfg, { products: [{ id: 'shirt' }, { id: 'mug' }] })).toEqual({ w: [['variant_required', 'products[0]']], ids: ['mug'] })
    })

    it('not_buyable', () => {
      const c = { ...cfg, products: [product('x', 100, { buyable: false }), product('mug', 1200)] }
      expect(only(c, { products: [{ id: 'x' }, { id: 'mug' }] })).toEqual({ w: [['not_buyable', 'products[0]']], ids: ['mug'] })
    })

    it('release_date: not released before it, released from the instant itself', () => {
      const at = Date.parse(AT)
      const c = {
        ...cfg,
        products: [
          product('now', 100, { release_date: new Date(at).toISOString() }),
          product('later', 100, { release_date: new Date(at + 1).toISOString() }),
          product('nested', 100, { additional_information: { release_date: '2027-01-01T00:00:00Z' } }),
        ],
      }
      expect(only(c, { products: [{ id: 'now' }, { id: 'later' }, { id: 'nested' }] })).toEqual({
        w: [
          ['not_released', 'products[1]'],
          ['not_released', 'products[2]'],
        ],
        ids: ['now'],
      })
    })

    it('expiry_date: expired from the instant itself, fine one millisecond before it', () => {
      const at = Date.parse(AT)
      const c = { ...cfg, products: [product('gone', 100, { expiry_date: new Date(at).toISOString() }), product('last', 100, { expiry_date: new Date(at + 1).toISOString() })] }
      expect(only(c, { products: [{ id: 'gone' }, { id: 'last' }] })).toEqual({ w: [['expired', 'products[0]']], ids: ['last'] })
    })

    it('whitelist is checked against the ship-to country (case-insensitive)', () => {
      const c = { ...cfg, products: [product('fr-only', 100, { whitelist: ['fr'] }), product('de-ok', 100, { whitelist: ['de', 'at'] })] }
      const res = run(c, { products: [{ id: 'fr-only' }, { id: 'de-ok' }] })
      expect(warnings(res)).toEqual([['country_not_allowed', 'products[0]']])
      expect(res.warnings[0]!.message).toBe('this product cannot be sold to DE')
      // shipped to France (billed in Germany): the FR-only product is allowed, the DE/AT one is not
      const fr = run(c, { customer: { id: 'c-de', shipping_information: { country: 'FR' } }, products: [{ id: 'fr-only' }, { id: 'de-ok' }] })
      expect(warnings(fr)).toEqual([['country_not_allowed', 'products[1]']])
    })

    it('min_units / max_units count the units of the product across the cart', () => {
      const c = { ...cfg, products: [product('min3', 100, { min_units: 3 }), product('max4', 100, { max_units: 4 }), product('mug', 1200)] }
      // 1 + 2 = 3 units of min3 across two lines: both accepted
      expect(only(c, { products: [{ id: 'min3' }, { id: 'min3', quantity: 2 }] }).ids).toEqual(['min3', 'min3'])
      // 2 units only: rejected
      expect(only(c, { products: [{ id: 'min3', quantity: 2 }, { id: 'mug' }] })).toEqual({ w: [['below_min_units', 'products[0]']], ids: ['mug'] })
      // 3 + 2 = 5 > 4: every line of that product is rejected
      expect(only(c, { products: [{ id: 'max4', quantity: 3 }, { id: 'mug' }, { id: 'max4', quantity: 2 }] })).toEqual({
        w: [
          ['above_max_units', 'products[0]'],
          ['above_max_units', 'products[2]'],
        ],
        ids: ['mug'],
      })
      // the bounds are inclusive: exactly 4
      expect(only(c, { products: [{ id: 'max4', quantity: 4 }] }).ids).toEqual(['max4'])
    })

    it('min/max units count contained units of packs (2 packs of 10 = 20 units)', () => {
      const c = { ...cfg, products: [product('pencil', 100, { max_units: 15, packs: [{ id: 'pk-10', stock: 10, multiple: true }] }), product('mug', 1200)] }
      expect(only(c, { products: [{ pack: 'pk-10', quantity: 2 }, { id: 'mug' }] }).w).toEqual([['above_max_units', 'products[0]']])
      expect(only(c, { products: [{ pack: 'pk-10' }] }).ids).toEqual(['pencil'])
    })

    it('insufficient_stock: lines are accepted in order while they fit the product stock', () => {
      const c = { ...cfg, products: [product('five', 100, { stock: 5 }), product('mug', 1200)] }
      // 3 fits (3 ≤ 5), the next 3 does not (6 > 5), the final 2 does (5 ≤ 5)
      const r = only(c, { products: [{ id: 'five', quantity: 3 }, { id: 'five', quantity: 3 }, { id: 'five', quantity: 2 }] })
      expect(r).toEqual({ w: [['insufficient_stock', 'products[1]']], ids: ['five', 'five'] })
    })

    it('stock is the variant\'s own, else the product\'s', () => {
      const c = {
        ...cfg,
        products: [product('tee', 1000, { stock: 1, variations: { delta_pricing: true, variants: [{ id: 't-own', stock: 2 }, { id: 't-shared' }] } })],
      }
      expect(only(c, { products: [{ variant: 't-own', quantity: 2 }] }).ids).toEqual(['tee']) // 2 ≤ own 2 (product's 1 is not used)
      expect(only(c, { products: [{ variant: 't-own', quantity: 3 }] }).w).toEqual([['insufficient_stock', 'products[0]']])
      expect(only(c, { products: [{ variant: 't-shared', quantity: 2 }] }).w).toEqual([['insufficient_stock', 'products[0]']]) // 2 > product 1
    })

    it('stock_breakdown is summed when stock is absent; no stock at all means not limited', () => {
      const c = { ...cfg, products: [product('wh', 100, { stock_breakdown: [{ warehouse: 'a', stock: 2 }, { warehouse: 'b', stock: 1 }] }), product('free', 100)] }
      expect(only(c, { products: [{ id: 'wh', quantity: 3 }] }).ids).toEqual(['wh']) // 3 ≤ 2 + 1
      expect(only(c, { products: [{ id: 'wh', quantity: 4 }] }).w).toEqual([['insufficient_stock', 'products[0]']])
      expect(only(c, { products: [{ id: 'free', quantity: 1_000_000 }] }).ids).toEqual(['free'])
    })

    it('unlimited_stock and allow_negative_stock lift the limit (the product\'s flag for its variants too)', () => {
      const c = {
        ...cfg,
        products: [
          product('unl', 100, { stock: 0, unlimited_stock: true }),
          product('neg', 100, { stock: 0, allow_negative_stock: true }),
          product('vunl', 100, { stock: 0, variations: { variants: [{ id: 'vu', stock: 0, unlimited_stock: true }, { id: 'vn', stock: 0, allow_negative_stock: true }] } }),
          product('punl', 100, { unlimited_stock: true, variations: { variants: [{ id: 'pv', stock: 0 }] } }),
        ],
      }
      const r = only(c, { products: [{ id: 'unl', quantity: 9 }, { id: 'neg', quantity: 9 }, { variant: 'vu', quantity: 9 }, { variant: 'vn', quantity: 9 }, { variant: 'pv', quantity: 9 }] })
      expect(r).toEqual({ w: [], ids: ['unl', 'neg', 'vunl', 'vunl', 'punl'] })
    })

    it('a pack takes units per pack × packs from the stock', () => {
      const c = { ...cfg, products: [product('pencil', 100, { stock: 15, packs: [{ id: 'pk-10', stock: 10, multiple: true }] })] }
      expect(only(c, { products: [{ pack: 'pk-10' }] }).ids).toEqual(['pencil']) // 10 ≤ 15
      expect(only(c, { products: [{ pack: 'pk-10', quantity: 2 }] }).w).toEqual([['insufficient_stock', 'products[0]']]) // 20 > 15
    })

    it('a pack of variants sharing the product stock takes their sum from it', () => {
      // s-red 2 + s-blue 3 = 5 units from the product pool of 4: does not fit
      const c = {
        ...cfg,
        products: [
          product('socks', 300, {
            stock: 4,
            variations: { delta_pricing: true, variants: [{ id: 's-red' }, { id: 's-blue' }] },
            packs: [{ id: 'pk-mix', stock: 5, variants: [{ id: 's-red', stock: 2 }, { id: 's-blue', stock: 3 }] }],
          }),
        ],
      }
      expect(only(c, { products: [{ pack: 'pk-mix' }] }).w).toEqual([['insufficient_stock', 'products[0]']])
      const five = { ...c, products: [{ ...c.products[0]!, stock: 5 }] }
      expect(only(five, { products: [{ pack: 'pk-mix' }] }).ids).toEqual(['socks'])
    })

    it('a pack of variants with their own stock takes units from each variant', () => {
      const c = {
        ...cfg,
        products: [
          product('socks', 300, {
            variations: { delta_pricing: true, variants: [{ id: 's-red', stock: 4 }, { id: 's-blue', stock: 100 }] },
            packs: [{ id: 'pk-mix', stock: 5, multiple: true, variants: [{ id: 's-red', stock: 2 }, { id: 's-blue', stock: 3 }] }],
          }),
        ],
      }
      expect(only(c, { products: [{ pack: 'pk-mix', quantity: 2 }] }).ids).toEqual(['socks']) // s-red 4 ≤ 4
      expect(only(c, { products: [{ pack: 'pk-mix', quantity: 3 }] }).w).toEqual([['insufficient_stock', 'products[0]']]) // s-red 6 > 4
    })

    it('pack_multiple_not_allowed: more than one pack needs multiple: true', () => {
      expect(only(cfg, { products: [{ pack: 'pk-own', quantity: 2 }, { pack: 'pk-10', quantity: 2 }] })).toEqual({
        w: [['pack_multiple_not_allowed', 'products[0]']],
        ids: ['pencil'],
      })
      expect(only(cfg, { products: [{ pack: 'pk-own' }] }).ids).toEqual(['pencil'])
    })

    it('no_products when every line is rejected, with the rejections as warnings', () => {
      const res = run(cfg, { products: [{ id: 'shirt' }, { pack: 'pk-own', quantity: 3 }] })
      expect(errors(res)).toEqual([['no_products', 'products']])
      expect(warnings(res)).toEqual([
        ['variant_required', 'products[0]'],
        ['pack_multiple_not_allowed', 'products[1]'],
      ])
    })

    it('an invoice item is never rejected by product rules', () => {
      const c = { ...cfg, products: [product('x', 1, { buyable: false })] }
      expect(only(c, { products: [{ id: 'x' }, { name: 'Fee', price: 250 }] })).toEqual({ w: [['not_buyable', 'products[0]']], ids: [null] })
    })
  })

  describe('shipped lines', () => {
    it('only physical products are shipped; item_count counts a pack once', () => {
      const c = { ...cfg, products: [physical('box', 1000, { packs: [{ id: 'pk-6', stock: 6, multiple: true }] }), product('svc', 500)], shipping_methods: [{ id: 's', label: 'S', type: 'fixed', cost: 0 }] }
      const t = ok(run(c, { products: [{ pack: 'pk-6', quantity: 2 }, { id: 'svc', quantity: 3 }] }))
      expect(t.products.map((p) => p.has_shipping)).toEqual([true, false])
      expect(t.totals.item_count).toBe(2 + 3)
      expect(t.shipping.item_count).toBe(2)
    })
  })
})

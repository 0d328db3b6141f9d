/**
 * The presets: each runs on the bundled examples and fixtures (a 200 that keeps every conservation
 * law), and on a cart where it must differ from the defaults it gives the hand-computed numbers —
 * where the system documents them, the system's own example. The resolution order is per-call
 * option → per-call preset → account field → account preset → default; a preset sets only the axes
 * it lists.
 */
import { describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateOptions, type EstimateRequest, type PresetName, type StoreConfig } from '../../src/index'
import cartPreviewStore from '../../examples/cart-preview/store.json'
import shopPreviewStore from '../../examples/shop-preview/store.json'
import exampleStore from '../../examples/api-estimate-de/store.json'
import exampleRequest from '../../examples/api-estimate-de/request.json'
import estimateStore from '../fixtures/api-estimate-de/store.json'
import estimateRequest from '../fixtures/api-estimate-de/request.json'
import createStoreJson from '../fixtures/api-create-de/store.json'
import createRequest from '../fixtures/api-create-de/request.json'
import { laws } from './laws'
import { AT, est, fixedOff, goods, gross, item, lineDiscounts, rate, ship, shop } from './kit'

const PRESETS: readonly PresetName[] = ['tamio', 'commercetools', 'shopify', 'stripe', 'vendure', 'saleor', 'magento', 'woocommerce', 'hmrc']

type Json = Record<string, unknown>

/** Carts over a store's own products and coupons: every product, then each coupon alone, then all of them, at home and abroad. */
function cartsFor(store: Json): Json[] {
  const ids = (store.products as { id: string }[]).map((p) => p.id)
  const codes = ((store.coupons ?? []) as { code: string }[]).map((c) => c.code)
  const products = ids.map((id, i) => ({ id, quantity: 1 + (i % 3) }))
  const customers = [{ name: 'Erika', country: 'DE' }, { name: 'Anna', country: 'AT' }, { name: 'Jo', country: 'US' }]
  return customers.flatMap((new_customer) => [[], ...codes.map((c) => [c]), codes].map((coupons) => ({ products, coupons, new_customer })))
}

const BUNDLED: readonly { name: string; store: Json; requests: readonly Json[] }[] = [
  { name: 'examples/api-estimate-de', store: exampleStore, requests: [exampleRequest] },
  { name: 'examples/cart-preview', store: cartPreviewStore, requests: cartsFor(cartPreviewStore) },
  { name: 'examples/shop-preview', store: shopPreviewStore, requests: cartsFor(shopPreviewStore) },
  { name: 'test/fixtures/api-estimate-de', store: estimateStore, requests: [estimateRequest] },
  { name: 'test/fixtures/api-create-de', store: createStoreJson, requests: [createRequest] },
]

describe('every preset on the bundled examples and fixtures', () => {
  for (const b of BUNDLED)
    it(`${b.name}: a 200 under every preset (per call and on the account), keeping every conservation law`, () => {
      for (const preset of PRESETS)
        for (const where of ['call', 'account'] as const) {
          const config = where === 'account' ? { ...b.store, account: { ...(b.store.account as Json), preset } } : b.store
          const store = createStore(config as unknown as StoreConfig)
          for (const request of b.requests) {
            const res = estimate(store, request as unknown as EstimateRequest, { at: AT, trace: true, ...(where === 'call' ? { preset } : {}) } as EstimateOptions)
            if (res.status !== 200) throw new Error(`${b.name} ${preset} (${where}): ${JSON.stringify(res.errors)}`)
            expect([preset, where, laws(res.transaction, { config, request }, res.trace!)]).toEqual([preset, where, []])
          }
        }
    })

  it('api-estimate-de: 100.00 + 13.12 shipping at 19 %; magento and vendure leave shipping untaxed (132.12), the others 134.61', () => {
    const store = createStore(estimateStore as unknown as StoreConfig)
    const totals = PRESETS.map((preset) => {
      const res = estimate(store, estimateRequest as unknown as EstimateRequest, { at: AT, preset })
      if (res.status !== 200) throw new Error('expected 200')
      return [preset, res.transaction.totals.tax, res.transaction.totals.shipping_tax, res.transaction.totals.total]
    })
    // tax 10000 × 19 % = 1900; shipping tax round(1312 × 19 % = 249.28) = 249 (no tie: half_even agrees)
    expect(totals).toEqual([
      ['tamio', 1900, 249, 13461], // the API's own response
      ['commercetools', 1900, 249, 13461],
      ['shopify', 1900, 249, 13461],
      ['stripe', 1900, 249, 13461],
      ['vendure', 1900, 0, 13212],
      ['saleor', 1900, 249, 13461],
      ['magento', 1900, 0, 13212],
      ['woocommerce', 1900, 249, 13461],
      ['hmrc', 1900, 249, 13461],
    ])
  })

  it('api-create-de: the account leaves shipping untaxed; a per-call preset that sets shipping_tax overrides it, an account preset does not', () => {
    const total = (preset: PresetName, where: 'call' | 'account') => {
      const config = where === 'account' ? { ...createStoreJson, account: { ...createStoreJson.account, preset } } : createStoreJson
      const res = estimate(createStore(config as unknown as StoreConfig), createRequest as unknown as EstimateRequest, { at: AT, ...(where === 'call' ? { preset } : {}) })
      if (res.status !== 200) throw new Error('expected 200')
      return res.transaction.totals.total
    }
    // 5000 + 950 VAT + 500 shipping = 6450 (the API's response); shopify and hmrc tax shipping proportionally: + round(500 × 19 %) = 95
    expect(PRESETS.map((p) => [p, total(p, 'call')])).toEqual(PRESETS.map((p) => [p, p === 'shopify' || p === 'hmrc' ? 6545 : 6450]))
    // on the account, the account's own shipping_tax field wins over the account's preset
    expect(PRESETS.map((p) => total(p, 'account'))).toEqual(PRESETS.map(() => 6450))
  })
})

describe('where a preset differs from the defaults', () => {
  it('commercetools rounds half to even: 19 % of 1.50 = 28.5 → 28 (default 29); its documented 1.08 × 3 at 19 % → 0.62 at line level', () => {
    const s = shop({ rates: [rate('de19', '19')], products: [item('tie', 150), item('doc', 108)] })
    expect([est(s, [{ id: 'tie' }]).totals.tax, est(s, [{ id: 'tie' }], { preset: 'commercetools' }).totals.tax]).toEqual([29, 28])
    // (108 × 3 = 324) × 19 % = 61.56 → 62, gross 386 ($3.86 in commercetools' TaxCalculationMode docs)
    expect(est(s, [{ id: 'doc', quantity: 3 }], { preset: 'commercetools' }).totals).toMatchObject({ tax: 62, total: 386 })
  })

  it("shopify re-prices a tax-inclusive price abroad to its home net: Shopify's own example, 100.00 at a home 10 % sold at 20 % → 109.09", () => {
    const s = shop({ account: { base_currency: 'USD', country: 'AU' }, rates: [rate('au10', '10', { jurisdiction: 'AU' }), rate('gb20', '20', { jurisdiction: 'GB' })], products: [gross('print', 10000, { currency: 'USD' })] })
    const uk = { new_customer: { name: 'Sam', country: 'GB' } }
    const x = [est(s, [{ id: 'print' }], {}, uk), est(s, [{ id: 'print' }], { preset: 'shopify' }, uk)].map((t) => t.products[0]!)
    // default keep_gross: 10000 gross at 20 % → net round(8333.33) = 8333, tax 1667, total 10000
    // shopify keep_net: home net round(10000 / 1.1 = 9090.91) = 9091, + round(9091 × 20 % = 1818.2) = 1818 → 10909
    expect(x.map((p) => [p.totals.unit_price, p.totals.tax, p.totals.total])).toEqual([
      [10000, 1667, 10000],
      [9091, 1818, 10909],
    ])
  })

  it('vendure prorates an order discount on prices with tax and leaves shipping untaxed', () => {
    const s = shop({ rates: [rate('de19', '19'), rate('zero', '0', { category: 'zero' })], products: [goods('A', 1000), goods('B', 1000, { tax_category: 'zero' })], coupons: [fixedOff('OFF', 100)], shipping: [ship('post', 500)] })
    const cart = [{ id: 'A' }, { id: 'B' }]
    const line = (t: ReturnType<typeof est>) => t.products.map((p) => [p.totals.discount, p.totals.tax, p.totals.shipping_subtotal, p.totals.shipping_tax])
    // default: 100 split 50 + 50; A's tax round(950 × 19 % = 180.5) = 181; shipping 250 + 250, A's round(250 × 19 % = 47.5) = 48
    const d = est(s, cart, {}, { coupons: ['OFF'] })
    expect([line(d), d.totals.total]).toEqual([[[50, 181, 250, 48], [50, 0, 250, 0]], 950 + 181 + 250 + 48 + 950 + 250])
    // vendure: weights 1190 (A with its 19 %) and 1000 → 54.34, 45.66 → 54, 46; A's tax round(946 × 19 % = 179.74) = 180;
    // shipping 500 over 946, 954 → 248.95, 251.05 → 248, 251 + the cent to .95 (A) → 249, 251; shipping untaxed
    const v = est(s, cart, { preset: 'vendure' }, { coupons: ['OFF'] })
    expect([line(v), v.totals.total]).toEqual([[[54, 180, 249, 0], [46, 0, 251, 0]], 946 + 180 + 249 + 954 + 251])
  })

  it("vendure's own prorate tests: 299 over 4300 / 1400 / 2300 → 161, 52, 86; 299 over 1000 × 3 → 100, 100, 99", () => {
    const s = shop({ products: [item('a', 4300), item('b', 1400), item('c', 2300), item('k', 1000)], coupons: [fixedOff('OFF', 299)] })
    // 299 × (43, 14, 23) / 80 = 160.71, 52.33, 85.96 → 160, 52, 85 + two cents to .96 and .71
    expect(lineDiscounts(est(s, [{ id: 'a' }, { id: 'b' }, { id: 'c' }], { preset: 'vendure' }, { coupons: ['OFF'] }))).toEqual([161, 52, 86])
    // 99.67 each → 99 × 3 + two cents to the earlier lines
    expect(lineDiscounts(est(s, [{ id: 'k' }, { id: 'k' }, { id: 'k' }], { preset: 'vendure' }, { coupons: ['OFF'] }))).toEqual([100, 100, 99])
  })

  it("magento rounds tax once per rate over the document: its fixture 10.00 + 11.00 at 8.25 % → 1.73 (the default's row level gives Magento's ROW 1.74)", () => {
    const s = shop({ rates: [rate('tx', '8.25')], products: [item('simple1', 1000), item('simple2', 1100)] })
    const cart = [{ id: 'simple1' }, { id: 'simple2' }]
    // default (line): round(82.5) = 83, round(90.75) = 91 → 174 = Magento's excluding_tax_multi_item_row 0.83 + 0.91
    expect(est(s, cart).products.map((p) => p.totals.tax)).toEqual([83, 91])
    // magento (total + carry): round(173.25) = 173 = Magento's excluding_tax_multi_item_total 1.73; split 82.381, 90.619 by carry → 82, 91
    // (Magento itself shows 0.83 + 0.90: its running delta is over the exact taxes, not over the pooled 1.73 — see docs/presets.md)
    const m = est(s, cart, { preset: 'magento' })
    expect([m.products.map((p) => p.totals.tax), m.totals.tax, m.totals.total]).toEqual([[82, 91], 173, 2273])
  })

  it('magento rounds the tax of a tax-inclusive price (net = the rest); hmrc keeps the default, rounding the net: 12.09 at 20 %', () => {
    const s = shop({ rates: [rate('vat20', '20')], products: [gross('g', 1209)] })
    // exact net 1209 / 1.2 = 1007.5, exact tax 201.5: net rounded → 1008 + 201; tax rounded → 202 + 1007
    const tax = (preset?: PresetName) => est(s, [{ id: 'g' }], preset === undefined ? {} : { preset }).products[0]!.taxes.tax_rates[0]!
    expect([tax(), tax('magento'), tax('hmrc')].map((r) => [r.tax, r.taxable_amount])).toEqual([
      [201, 1008],
      [202, 1007],
      [201, 1008],
    ])
  })

  it("magento carries the rounding of a cart discount from line to line: 10.00 off 3 × 10.00 → 3.33, 3.34, 3.33", () => {
    const s = shop({ products: [item('a', 1000), item('b', 1000), item('c', 1000)], coupons: [fixedOff('TEN', 1000)] })
    const cart = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    // 333.33 each: default largest remainder → 334, 333, 333; carry R(333.33) = 333, R(666.67) = 667 → 334, 1000 − 667 = 333
    expect([lineDiscounts(est(s, cart, {}, { coupons: ['TEN'] })), lineDiscounts(est(s, cart, { preset: 'magento' }, { coupons: ['TEN'] }))]).toEqual([
      [334, 333, 333],
      [333, 334, 333],
    ])
  })

  it('woocommerce (and magento) re-price an inclusive price for another EU country to the home net; 9.99 at 20 % still splits 8.33 + 1.66', () => {
    const s = shop({ account: { eu_oss: true }, rates: [rate('de19', '19'), rate('fr20', '20', { jurisdiction: 'FR' })], products: [gross('lamp', 1190)] })
    const fr = { new_customer: { name: 'Luc', country: 'FR' } }
    const total = (preset?: PresetName) => est(s, [{ id: 'lamp' }], preset === undefined ? {} : { preset }, fr).totals
    // default keep_gross: 1190 at 20 % → net round(991.67) = 992, tax 198, total 1190
    // keep_net: home net round(1190 / 1.19) = 1000, + 20 % = 200 → 1200
    expect([total(), total('woocommerce'), total('magento')].map((t) => [t.tax, t.total])).toEqual([
      [198, 1190],
      [200, 1200],
      [200, 1200],
    ])
    // WooCommerce's own comment: 9.99 incl. 20 % → VAT 1.665: net round(832.5) = 833 (half up), tax 166
    const uk = shop({ account: { country: 'GB', base_currency: 'GBP' }, rates: [rate('gb20', '20', { jurisdiction: 'GB' })], products: [gross('p', 999, { currency: 'GBP' })] })
    expect(est(uk, [{ id: 'p' }], { preset: 'woocommerce' }, { new_customer: { name: 'Sam', country: 'GB' } }).products[0]!.taxes.tax_rates[0]).toMatchObject({ tax: 166, taxable_amount: 833 })
  })
})

describe('presets that only name defaults still win over the account', () => {
  // The account rounds half to even, at the document level, and does not tax shipping.
  const s = shop({
    account: { rounding: 'half_even', tax_rounding: 'total', shipping_tax: 'none' },
    rates: [rate('de19', '19'), rate('de5', '5', { category: 'reduced' })],
    products: [goods('x', 150), goods('y', 150), item('dime', 10, { tax_category: 'reduced' })],
    shipping: [ship('post', 150)],
  })
  const cart = [{ id: 'x' }, { id: 'y' }]
  const run = (preset?: PresetName) => est(s, cart, preset === undefined ? {} : { preset })

  it('tamio sets nothing: the account decides (half_even at total: 57 → 28.5 + 28.5 → 29, 28; shipping untaxed)', () => {
    expect([run().products.map((p) => p.totals.tax), run('tamio').products.map((p) => p.totals.tax), run('tamio').totals.shipping_tax]).toEqual([[29, 28], [29, 28], 0])
  })

  it('stripe and saleor: half up per line (28.5 → 29 each); shipping_tax is not theirs, so it stays untaxed', () => {
    for (const p of ['stripe', 'saleor'] as const) expect([p, run(p).products.map((x) => x.totals.tax), run(p).totals.shipping_tax, run(p).totals.total]).toEqual([p, [29, 29], 0, 300 + 58 + 150])
  })

  it("saleor keeps the default allocation: 0.05 off three lines of 1.00 gives Saleor's 2, 2, 1; 0.10 gives 4, 3, 3 (Saleor: 3, 3, 4)", () => {
    const s3 = shop({ products: [item('a', 100), item('b', 100), item('c', 100)], coupons: [fixedOff('FIVE', 5), fixedOff('TEN', 10)] })
    const cart3 = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    // 5 / 3 = 1.67 each → 1 × 3 + two cents to the earlier lines; 10 / 3 = 3.33 each → 3 × 3 + one cent to the first
    // (Saleor rounds each share half up and gives the last line the rest: 2, 2, 1 and 3, 3, 4)
    expect(['FIVE', 'TEN'].map((c) => lineDiscounts(est(s3, cart3, { preset: 'saleor' }, { coupons: [c] })))).toEqual([
      [2, 2, 1],
      [4, 3, 3],
    ])
  })

  it("stripe's own support example: 0.43 and 4.84 at 15 % → 0.06 + 0.73 = 0.79, total 6.06 (over an account that floors)", () => {
    const s15 = shop({ account: { rounding: 'floor' }, rates: [rate('t15', '15')], products: [item('l1', 43), item('l2', 484)] })
    const cart15 = [{ id: 'l1' }, { id: 'l2' }]
    // exact 6.45 and 72.6: the account floors them to 6 + 72; stripe rounds half up per line, 6 + 73
    const [own, stripe] = [est(s15, cart15), est(s15, cart15, { preset: 'stripe' })]
    expect([own.products.map((p) => p.totals.tax), stripe.products.map((p) => p.totals.tax), stripe.totals.total]).toEqual([[6, 72], [6, 73], 606])
  })

  it('hmrc: half up per line, and shipping taxed like the goods: 75 + 75 of shipping at 19 % → 14 + 14', () => {
    const t = run('hmrc')
    // 150 × 19 % = 28.5 → 29 each; shipping 150 split 75, 75 → round(14.25) = 14 each
    expect([t.products.map((p) => [p.totals.tax, p.totals.shipping_tax]), t.totals.total]).toEqual([[[29, 14], [29, 14]], 300 + 58 + 150 + 28])
    // HMRC's rule for half a penny: 0.10 at 5 % = 0.5p → 1p (the account's half_even would give 0)
    expect([est(s, [{ id: 'dime' }]).totals.tax, est(s, [{ id: 'dime' }], { preset: 'hmrc' }).totals.tax]).toEqual([0, 1])
  })
})

describe('the resolution order: per-call option → per-call preset → account field → account preset → default', () => {
  // 3 × 1.02 and 1 × 1.02 at 19 %: line 58 + 19 = 77; unit round(19.38) × 3 + 19 = 76; total round(77.52) = 78
  const cart = [{ id: 'p', quantity: 3 }, { id: 'p' }]
  const tax = (account: Json, options: EstimateOptions = {}) => est(shop({ account, rates: [rate('de19', '19')], products: [item('p', 102)] }), cart, options).totals.tax

  it('each level wins over the ones after it', () => {
    expect([
      tax({}), // default: line
      tax({ preset: 'magento' }), // account preset: total
      tax({ preset: 'magento', tax_rounding: 'unit' }), // account field over account preset
      tax({ preset: 'magento', tax_rounding: 'unit' }, { preset: 'commercetools' }), // per-call preset over account field
      tax({ preset: 'magento', tax_rounding: 'unit' }, { preset: 'commercetools', tax_rounding: 'total' }), // per-call option over all
    ]).toEqual([77, 78, 76, 77, 78])
  })

  it('a preset sets only the axes it lists: commercetools names no shipping_tax, so the account preset magento still leaves shipping untaxed', () => {
    const s = shop({ account: { preset: 'magento' }, rates: [rate('de19', '19')], products: [goods('g', 1000)], shipping: [ship('post', 500)] })
    // magento (account preset): shipping_tax none; commercetools per call: rounding and tax_rounding only
    expect([est(s, [{ id: 'g' }], { preset: 'commercetools' }).totals.shipping_tax, est(s, [{ id: 'g' }], { preset: 'hmrc' }).totals.shipping_tax]).toEqual([0, 95])
  })
})

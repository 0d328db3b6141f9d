/**
 * Request validation (SPEC §1, §2.1, §3.1): every malformed field answers the API's 400 envelope
 * with a stable code and the JSON path of the field; business-rule rejections are warnings, and
 * `strict` turns them (only them) into 400s.
 */
import { describe, expect, it } from 'vitest'
import { createStore, estimate, ISSUE_CODES, type EstimateRequest, type StoreConfig } from '../../src/index'
import { AT, config, errors, ok, product, run, warnings } from '../support/estimate-kit'

const products = [
  product('mug', 1200),
  product('shirt', 2000, { variations: { delta_pricing: true, variants: [{ id: 'v-red', pricing_model: [{ currency: 'EUR', price: 100 }] }] } }),
  product('pencil', 100, { packs: [{ id: 'pk-10', stock: 10, multiple: true }] }),
  product('hidden', 500, { buyable: false }),
]
const cfg = { products }

describe('request validation', () => {
  it.each([
    ['0', 0],
    ['-1', -1],
    ['1.5', 1.5],
    ['"2" (a string)', '2'],
    ['true', true],
    ['NaN', Number.NaN],
  ])('quantity %s → 400 invalid_quantity at products[0].quantity', (_, quantity) => {
    const res = run(cfg, { products: [{ id: 'mug', quantity }] })
    expect(errors(res)).toEqual([['invalid_quantity', 'products[0].quantity']])
    if (res.status === 400) {
      expect(res.warnings).toEqual([])
      expect(res.errors[0]!.message).toBe('quantity must be a positive integer')
    }
  })

  it('a quantity past the safe-integer range is amount_overflow, not a silent float', () => {
    expect(errors(run(cfg, { products: [{ id: 'mug', quantity: 2 ** 53 }] }))).toEqual([['amount_overflow', 'products[0].quantity']])
  })

  it('the path points at the offending line; every bad line is reported at once', () => {
    const res = run(cfg, { products: [{ id: 'mug' }, { id: 'mug', quantity: 0 }, { id: 'nope' }, { variant: 'v-nope' }, { pack: 'pk-nope' }] })
    expect(errors(res)).toEqual([
      ['invalid_quantity', 'products[1].quantity'],
      ['unknown_product', 'products[2].id'],
      ['unknown_variant', 'products[3].variant'],
      ['unknown_pack', 'products[4].pack'],
    ])
  })

  it('unknown ids name the id in the message', () => {
    const res = run(cfg, { products: [{ id: 'nope' }] })
    if (res.status !== 400) throw new Error('expected 400')
    expect(res.errors[0]!.message).toBe('no product with id "nope"')
  })

  it('ids are opaque: a number id is read as its string, a non-UUID id is fine', () => {
    const res = run({ products: [product('42', 1000), product('not-a-uuid-0000', 1000)] }, { products: [{ id: 42 }, { id: 'not-a-uuid-0000' }] })
    expect(ok(res).products.map((p) => p.id)).toEqual(['42', 'not-a-uuid-0000'])
  })

  it('an empty id is invalid_value, a non-string id invalid_type', () => {
    expect(errors(run(cfg, { products: [{ id: '' }] }))).toEqual([['invalid_value', 'products[0].id']])
    expect(errors(run(cfg, { products: [{ id: { x: 1 } }] }))).toEqual([['invalid_type', 'products[0].id']])
  })

  it('missing customer and new_customer → customer_required at customer', () => {
    const res = estimate(createStore(config(cfg)), { products: [{ id: 'mug' }] } as EstimateRequest, { at: AT })
    expect(errors(res)).toEqual([['customer_required', 'customer']])
  })

  it('customer without id → required customer.id; customer not an object → invalid_type customer', () => {
    expect(errors(run(cfg, { customer: {}, products: [{ id: 'mug' }] }))).toEqual([['required', 'customer.id']])
    expect(errors(run(cfg, { customer: 'c-de', products: [{ id: 'mug' }] }))).toEqual([['invalid_type', 'customer']])
  })

  it('an unknown customer id is usable through its inline information', () => {
    const t = ok(run(cfg, { customer: { id: 'someone-else', billing_information: { country: 'DE' } }, products: [{ id: 'mug' }] }))
    expect(t.customer_information.id).toBe('someone-else')
  })

  it('an invoice item needs name (or label) and price', () => {
    expect(errors(run(cfg, { products: [{ name: 'Setup' }] }))).toEqual([['required', 'products[0].price']])
    expect(errors(run(cfg, { products: [{ price: 100 }] }))).toEqual([['required', 'products[0].name']])
    expect(errors(run(cfg, { products: [{ quantity: 2 }] }))).toEqual([
      ['required', 'products[0].name'],
      ['required', 'products[0].price'],
    ])
  })

  it('a null name or price counts as missing: the line is a 400, never silently dropped', () => {
    expect(errors(run(cfg, { products: [{ id: 'mug' }, { name: null, price: 100 }] }))).toEqual([['required', 'products[1].name']])
    expect(errors(run(cfg, { products: [{ id: 'mug' }, { label: null, price: 100 }] }))).toEqual([['required', 'products[1].name']])
    expect(errors(run(cfg, { products: [{ id: 'mug' }, { name: 'Setup', price: null }] }))).toEqual([['required', 'products[1].price']])
  })

  it('an invoice item price must be a non-negative integer amount', () => {
    expect(errors(run(cfg, { products: [{ name: 'Setup', price: -1 }] }))).toEqual([['invalid_amount', 'products[0].price']])
    expect(errors(run(cfg, { products: [{ name: 'Setup', price: 10.5 }] }))).toEqual([['invalid_amount', 'products[0].price']])
    expect(errors(run(cfg, { products: [{ name: 'Setup', price: '100' }] }))).toEqual([['invalid_type', 'products[0].price']])
  })

  it('products: required, an array, at least one, at most account.max_lines', () => {
    expect(errors(run(cfg, {}))).toEqual([['required', 'products']])
    expect(errors(run(cfg, { products: { id: 'mug' } }))).toEqual([['invalid_type', 'products']])
    expect(errors(run(cfg, { products: [] }))).toEqual([['no_products', 'products']])
    expect(errors(run(cfg, { products: ['mug'] }))).toEqual([['invalid_type', 'products[0]']])
    const three = { products: [{ id: 'mug' }, { id: 'mug' }, { id: 'mug' }] }
    const res = run({ ...cfg, account: { max_lines: 2 } }, three)
    expect(errors(res)).toEqual([['too_many_lines', 'products']])
    if (res.status === 400) expect(res.errors[0]!.message).toBe('at most 2 product lines are allowed')
    expect(ok(run({ ...cfg, account: { max_lines: 3 } }, three)).products).toHaveLength(3) // the bound is inclusive
  })

  it('max_lines defaults to 20', () => {
    const line = { id: 'mug' }
    expect(ok(run(cfg, { products: Array.from({ length: 20 }, () => line) })).products).toHaveLength(20)
    expect(errors(run(cfg, { products: Array.from({ length: 21 }, () => line) }))).toEqual([['too_many_lines', 'products']])
  })

  it('a currency not enabled on the account → 400 currency_not_enabled at currency', () => {
    const res = run(cfg, { currency: 'SEK', products: [{ id: 'mug' }] })
    expect(errors(res)).toEqual([['currency_not_enabled', 'currency']])
    if (res.status === 400) expect(res.errors[0]!.message).toBe('currency SEK is not enabled on this account')
  })

  it('a currency that is not ISO 4217 → invalid_currency; the code is case-insensitive', () => {
    expect(errors(run(cfg, { currency: 'EURO', products: [{ id: 'mug' }] }))).toEqual([['invalid_currency', 'currency']])
    expect(ok(run(cfg, { currency: 'eur', products: [{ id: 'mug' }] })).currency).toBe('EUR')
  })

  it.each([['yesterday'], ['2026-13-45'], [12345], [{}]])('options.at %j → 400 invalid_date at options.at', (at) => {
    expect(errors(run(cfg, { products: [{ id: 'mug' }] }, { at }))).toEqual([['invalid_date', 'options.at']])
  })

  // Date.parse rolls 30 February over into 2 March; a day the month does not have is a typo.
  it.each([['2026-02-30'], ['2026-02-29T12:00:00Z'], ['2026-04-31T00:00:00+02:00'], ['2100-02-29'], ['2026-06-00']])(
    'options.at %j, a day its month does not have → 400 invalid_date',
    (at) => {
      expect(errors(run(cfg, { products: [{ id: 'mug' }] }, { at }))).toEqual([['invalid_date', 'options.at']])
    },
  )

  it('options.at accepts 29 February of a leap year (2028, 2000) and the last day of every month', () => {
    for (const at of ['2028-02-29', '2000-02-29T23:59:59Z', '2026-01-31', '2026-04-30', '2026-12-31T23:59:59Z']) {
      expect(run(cfg, { products: [{ id: 'mug' }] }, { at }).status).toBe(200)
    }
  })

  // A JavaScript caller can pass a sparse array (`[, 'X']`); forEach would skip its holes, so a
  // hole was silently dropped while `[undefined]` was an error. A hole is read as undefined.
  it('a hole in coupons or selectedAddons is invalid_type at its index, like undefined', () => {
    // eslint-disable-next-line no-sparse-arrays
    const coupons = [, 'NOPE'] as unknown as string[]
    expect(errors(run(cfg, { products: [{ id: 'mug' }], coupons }))).toEqual([['invalid_type', 'coupons[0]']])
    expect(errors(run(cfg, { products: [{ id: 'mug' }], coupons: [undefined] as unknown as string[] }))).toEqual([['invalid_type', 'coupons[0]']])
    // eslint-disable-next-line no-sparse-arrays
    const selectedAddons = [{ price: 100 }, , { price: 10 }] as unknown as { price: number }[]
    const shipping = { nshift: { valid: true, price: 990, taxRate: 25, selectedAddons } }
    expect(errors(run(cfg, { products: [{ id: 'mug' }], shipping }))).toEqual([['invalid_type', 'shipping.nshift.selectedAddons[1]']])
  })

  it('a valid nShift quote without its price, or an add-on without one, is required — never free shipping', () => {
    expect(errors(run(cfg, { products: [{ id: 'mug' }], shipping: { nshift: { valid: true, taxRate: 19 } } }))).toEqual([['required', 'shipping.nshift.price']])
    expect(errors(run(cfg, { products: [{ id: 'mug' }], shipping: { nshift: { valid: true, price: null, taxRate: 19 } } }))).toEqual([['required', 'shipping.nshift.price']])
    expect(errors(run(cfg, { products: [{ id: 'mug' }], shipping: { nshift: { valid: true, price: 590, selectedAddons: [{ id: 'sms' }] } } }))).toEqual([['required', 'shipping.nshift.selectedAddons[0].price']])
    // A quote that is not valid is not read: the store's methods price the shipping.
    expect(run(cfg, { products: [{ id: 'mug' }], shipping: { nshift: { valid: false } } }).status).toBe(200)
  })

  it('options null is no options, as in reconcile and inferPolicies; a string or a list is a 400', () => {
    const store = createStore(config({ products: [product('mug', 1200)] }))
    const req = { products: [{ id: 'mug' }], customer: { id: 'c-de' } } as unknown as EstimateRequest
    const none = estimate(store, req, null as never)
    expect(none.status).toBe(200)
    // Only the default `at` (now) can differ; the amounts are those of no options.
    expect(none.status === 200 && none.transaction.totals).toEqual(ok(estimate(store, req)).totals)
    for (const bad of ['half_up', [], 5]) expect(errors(estimate(store, req, bad as never))).toEqual([['invalid_type', 'options']])
  })

  it('options.at accepts an ISO string and a Date', () => {
    expect(ok(run(cfg, { products: [{ id: 'mug' }] }, { at: new Date(AT) })).totals.total).toBe(1428) // 1200 + 228 (19%)
  })

  it('an unknown policy value in options → invalid_option at its path', () => {
    expect(errors(run(cfg, { products: [{ id: 'mug' }] }, { rounding: 'bankers' }))).toEqual([['invalid_option', 'options.rounding']])
    expect(errors(run(cfg, { products: [{ id: 'mug' }] }, { tax_rounding: 'document' }))).toEqual([['invalid_option', 'options.tax_rounding']])
    expect(errors(run(cfg, { products: [{ id: 'mug' }] }, { shipping_tax: 'max' }))).toEqual([['invalid_option', 'options.shipping_tax']])
  })

  it('a flag or payment method of the wrong type is invalid_option, not silently false or absent', () => {
    const cart = { products: [{ id: 'mug' }] }
    expect(errors(run(cfg, cart, { strict: 'yes' }))).toEqual([['invalid_option', 'options.strict']])
    expect(errors(run(cfg, cart, { strict: 1 }))).toEqual([['invalid_option', 'options.strict']])
    expect(errors(run(cfg, cart, { trace: 'no' }))).toEqual([['invalid_option', 'options.trace']])
    expect(errors(run(cfg, cart, { payment_method: 42 }))).toEqual([['invalid_option', 'options.payment_method']])
    // booleans, null and absence are fine
    for (const o of [{ strict: false }, { strict: true, trace: false }, { strict: null }, { payment_method: null }, {}]) expect(run(cfg, cart, o).status).toBe(200)
  })

  it('a request that is not an object → invalid_type at the root', () => {
    expect(errors(estimate(createStore(config(cfg)), null as unknown as EstimateRequest, { at: AT }))).toEqual([['invalid_type', '']])
    expect(errors(estimate(createStore(config(cfg)), [] as unknown as EstimateRequest, { at: AT }))).toEqual([['invalid_type', '']])
  })

  it('unknown keys and fulfillment_options are ignored', () => {
    const t = ok(run(cfg, { products: [{ id: 'mug', colour: 'red' }], fulfillment_options: { stock: true }, whatever: 1 }))
    expect(t.totals.item_total).toBe(1200)
  })

  it('every code in an envelope is one of ISSUE_CODES and every message is non-empty English', () => {
    const res = run(cfg, { currency: 'EURO', products: [{ id: 'mug', quantity: 0 }, { id: 'nope' }, { name: 'x' }] })
    if (res.status !== 400) throw new Error('expected 400')
    expect(res.errors.length).toBe(4)
    for (const e of res.errors) {
      expect(ISSUE_CODES).toContain(e.code)
      expect(e.message.length).toBeGreaterThan(5)
      expect(Object.keys(e).sort()).toEqual(['code', 'message', 'path'])
    }
  })

  describe('strict', () => {
    it('a rejected line is a warning by default and the rest of the cart is estimated', () => {
      const res = run(cfg, { products: [{ id: 'hidden' }, { id: 'mug' }] })
      expect(warnings(res)).toEqual([['not_buyable', 'products[0]']])
      expect(ok(res).products.map((p) => p.id)).toEqual(['mug'])
    })

    it('with strict the rejection is a 400 error at the line', () => {
      const res = run(cfg, { products: [{ id: 'hidden' }, { id: 'mug' }] }, { strict: true })
      expect(errors(res)).toEqual([['not_buyable', 'products[0]']])
    })

    it('with strict, informational warnings stay warnings and the estimate succeeds', () => {
      // a customer without any country: the account's country is used (informational)
      const res = run({ ...cfg, customers: [{ id: 'c-x' }] }, { customer: { id: 'c-x' }, products: [{ id: 'mug' }] }, { strict: true })
      expect(warnings(res)).toEqual([['customer_country_unknown', 'customer.country']])
      expect(ok(res).totals.total).toBe(1428)
    })

    it('with strict, an unknown coupon is a 400 too', () => {
      expect(errors(run(cfg, { products: [{ id: 'mug' }], coupons: ['NOPE'] }, { strict: true }))).toEqual([['unknown_coupon', 'coupons[0]']])
    })

    it('when every line is rejected: no_products; with strict the rejections are errors as well', () => {
      const loose = run(cfg, { products: [{ id: 'hidden' }] })
      expect(errors(loose)).toEqual([['no_products', 'products']])
      expect(warnings(loose)).toEqual([['not_buyable', 'products[0]']])
      const strict = run(cfg, { products: [{ id: 'hidden' }] }, { strict: true })
      expect(errors(strict)).toEqual([
        ['not_buyable', 'products[0]'],
        ['no_products', 'products'],
      ])
      expect(warnings(strict)).toEqual([])
    })
  })
})

describe('request validation: the store is validated once, by createStore', () => {
  it('an invalid config throws StoreConfigError with every issue and its path', () => {
    let caught: unknown
    try {
      createStore({ account: { base_currency: 'EURO' }, products: [{ id: 'p', price: -5, currency: 'EUR' }] } as unknown as StoreConfig)
    } catch (e) {
      caught = e
    }
    expect((caught as { name: string }).name).toBe('StoreConfigError')
    const issues = (caught as { issues: { code: string; path: string }[] }).issues.map((i) => [i.code, i.path])
    expect(issues).toEqual(
      expect.arrayContaining([
        ['invalid_currency', 'account.base_currency'],
        ['required', 'account.country'],
        ['invalid_amount', 'products[0].price'],
      ]),
    )
  })
})

describe('inputs that are not plain JSON', () => {
  /** A proxy like a reactive UI framework's: every nested object read through another proxy. */
  const reactive = <T extends object>(o: T): T =>
    new Proxy(o, {
      get(t, k, r) {
        const v: unknown = Reflect.get(t, k, r)
        return typeof v === 'object' && v !== null ? reactive(v) : v
      },
    })
  const storeConfig = config(cfg) as StoreConfig
  const request = { products: [{ id: 'mug', quantity: 2 }, { id: 'shirt', variation_id: 'v-red', quantity: 1 }, { id: 'pencil', pack_id: 'pk-10', quantity: 1 }], new_customer: { country: 'DE' } } as EstimateRequest

  it('a store config and a request behind proxies give the JSON their plain copies give', () => {
    const plain = JSON.stringify(estimate(createStore(storeConfig), request, { at: AT }))
    expect(JSON.parse(plain).status).toBe(200)
    expect(JSON.stringify(estimate(createStore(reactive(storeConfig)), reactive(request), { at: AT }))).toBe(plain)
  })

  it("what a getter throws comes out of estimate as it was thrown (the caller's error, not an input issue)", () => {
    const mine = new Error('mine')
    const line = { id: 'mug', get quantity(): number { throw mine } }
    expect(() => estimate(createStore(storeConfig), { products: [line] } as unknown as EstimateRequest, { at: AT })).toThrow(mine)
  })
})

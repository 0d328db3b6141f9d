/**
 * The public input types let no misspelt known field compile: no index signature anywhere a typo
 * could hide. `@ts-expect-error` lines are checked by `tsc --noEmit -p .` (run inside `npm test`):
 * an unused one is itself an error, so each line fails the build if a type loosens. At run time the
 * same mistakes are still reported (a warning or a store error), which the assertions check.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  createStore,
  estimate,
  StoreConfigError,
  type EstimateOptions,
  type EstimateRequest,
  type Issue,
  type IssueCode,
  type ProductConfig,
  type RequestLine,
  type RoundingModeName,
  type RoundingPolicy,
  type StoreConfig,
} from '../../src/index'

const account = { base_currency: 'EUR', country: 'DE' } as const
const store = createStore({ account, products: [{ id: 'mug', name: 'Mug', type: 'service', price: 1200, currency: 'EUR' }] })
const at = '2026-01-01T00:00:00Z'

describe('misspelt fields do not compile', () => {
  it('request lines: qty, prize', () => {
    // @ts-expect-error `qty` is not a field of a line (it is `quantity`)
    const qty: RequestLine = { id: 'mug', qty: 3 }
    // @ts-expect-error `prize` is not a field of a line (it is `price`)
    const prize: RequestLine = { name: 'Gift wrap', prize: 250 }
    const res = estimate(store, { products: [qty, prize], new_customer: { country: 'DE' } }, { at })
    expect(res.warnings.map((w) => [w.path, w.suggestion])).toEqual([
      ['products[0].qty', 'quantity'],
      ['products[1].prize', 'price'],
    ])
  })

  it('requests: shipping_method, Currency, coupon', () => {
    // @ts-expect-error `shipping_method` is not a request field (it is `shipping: { tamio }`)
    const a: EstimateRequest = { products: [{ id: 'mug' }], new_customer: { country: 'DE' }, shipping_method: 'ups' }
    // @ts-expect-error fields are snake_case and lower-case
    const b: EstimateRequest = { products: [{ id: 'mug' }], new_customer: { country: 'DE' }, Currency: 'EUR' }
    // @ts-expect-error `coupon` is not a request field (it is `coupons`)
    const c: EstimateRequest = { products: [{ id: 'mug' }], new_customer: { country: 'DE' }, coupon: ['SAVE10'] }
    // @ts-expect-error an inline address has `postcode`, not `zip`
    const d: EstimateRequest = { products: [{ id: 'mug' }], new_customer: { country: 'DE', billing_information: { zip: '10115' } } }
    expect([a, b, c, d].map((r) => estimate(store, r, { at }).warnings[0]?.suggestion)).toEqual(['shipping.tamio', 'currency', 'coupons', 'postcode'])
  })

  it('store configs: taxRates, tax_rate, a misspelt account or product field', () => {
    // @ts-expect-error `taxRates` is not a store key (it is `tax_rates`)
    const a: StoreConfig = { account, taxRates: [] }
    // @ts-expect-error `tax_rate` is not a store key (it is `tax_rates`)
    const b: StoreConfig = { account, tax_rate: [] }
    // @ts-expect-error `roundng` is not an account field
    const c: StoreConfig = { account: { ...account, roundng: 'half_even' } }
    for (const config of [a, b, c]) expect(() => createStore(config)).toThrow(StoreConfigError)
    // @ts-expect-error `prize` is not a product field (it is `price`)
    const p: ProductConfig = { id: 'p', prize: 100 }
    // @ts-expect-error `physical` is not a product type (it is `physical_product`)
    const q: ProductConfig = { id: 'q', price: 100, currency: 'EUR', type: 'physical' }
    expect(createStore({ account, products: [p, q] }).warnings.map((w) => [w.code, w.path])).toEqual([
      ['unknown_field', 'products[0].prize'],
      ['unknown_value', 'products[1].type'],
    ])
  })

  it('options: roundng, a policy value that does not exist', () => {
    // @ts-expect-error `roundng` is not an option
    const a: EstimateOptions = { at, roundng: 'half_even' }
    // @ts-expect-error not an allocation policy
    const b: EstimateOptions = { at, allocation: 'random' }
    expect(estimate(store, { products: [{ id: 'mug' }], new_customer: { country: 'DE' } }, a).warnings[0]?.path).toBe('options.roundng')
    expect(b.allocation).toBe('random')
  })

  it('every documented field compiles, with the policy axes and presets', () => {
    const request: EstimateRequest = {
      products: [{ id: 'mug', quantity: 2 }, { variant: 'v' }, { pack: 'k', quantity: 1 }, { name: 'Wrap', label: 'Wrap', price: 250 }],
      currency: 'EUR', convert_prices: false, coupons: ['SAVE10'], no_discounts: false, locale: 'en', affiliate: 'a', page: 'p',
      customer: { id: 'c', billing_address_id: 'b', shipping_address_id: 's', same_shipping_address: false, billing_information: { country: 'DE', verified_vat: true, county: 'X', state: 'Y' }, shipping_information: null, tax_exempt: false },
      shipping: { tamio: 'dhl', nshift: { valid: false, deliveryCheckoutId: '0', selectedOptionId: '0', optionIds: [], price: 0, taxRate: 0, selectedAddons: [{ id: 'x', price: 0 }], fields: [] } },
      fulfillment_options: { stock: true, accounting_systems: true, merchant_emails: true, customer_emails: true, automations: true, shipping_providers: true },
    }
    const options: EstimateOptions = {
      at, payment_method: 'klarna', rounding: 'half_even', tax_rounding: 'total', shipping_tax: 'highest', inclusive_rounding: 'tax',
      inclusive_cross_border: 'keep_net', instalment_rounding: 'exact', allocation: 'carry', discount_proration: 'gross',
      tax_base: 'before_discount', instalment_remainder: 'spread_last', preset: 'magento', strict: false, trace: false,
    }
    const config: StoreConfig = {
      $schema: './node_modules/tamio-pricing/schemas/store-config.json',
      account: { ...account, allocation: 'last', discount_proration: 'net', tax_base: 'after_discount', instalment_remainder: 'first', preset: 'shopify' },
      coupons: [{ code: 'B2G1', label: 'Buy 2 get 1', type: 'buy_x_get_y', buy: { quantity: 2, categories: ['books'] }, get: { quantity: 1, value: '100' }, max_applications: 2 }],
    }
    expect(request.products).toHaveLength(4)
    expect(options.preset).toBe('magento')
    expect(config.coupons?.[0]?.type).toBe('buy_x_get_y')
  })
})

describe('policy names', () => {
  it("the rounding policy is the money primitives' rounding mode name", () => {
    expectTypeOf<RoundingPolicy>().toEqualTypeOf<RoundingModeName>()
    expectTypeOf<NonNullable<EstimateOptions['rounding']>>().toEqualTypeOf<RoundingModeName>()
    expect(estimate(store, { products: [{ id: 'mug' }], new_customer: { country: 'DE' } }, { at, rounding: 'floor' }).status).toBe(200)
  })
})

describe('issues', () => {
  it('Issue.code is the IssueCode union; suggestion is optional', () => {
    expectTypeOf<Issue['code']>().toEqualTypeOf<IssueCode>()
    expectTypeOf<Issue['suggestion']>().toEqualTypeOf<string | undefined>()
    // @ts-expect-error not an issue code
    const bad: IssueCode = 'unknown_feild'
    expect(bad).toBe('unknown_feild')
  })

  it('the store warnings are readonly issues, the Store stays opaque otherwise', () => {
    expectTypeOf(store.warnings).toEqualTypeOf<readonly Issue[]>()
    // @ts-expect-error the prepared store's internals are not part of its type
    void store.products
    expect(store.warnings).toEqual([])
  })
})

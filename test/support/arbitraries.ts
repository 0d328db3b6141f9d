/**
 * fast-check generators of random catalogs and carts for the estimate properties: a German
 * merchant (EUR; SEK and USD enabled, with exchange rates) with random products (physical,
 * services, subscriptions; variants with and without delta pricing; packs with and without own
 * pricing, of variants too; stock, weights, exclusive/inclusive), random tax rates (by category,
 * fixed per-unit amounts, compound, a `shipping` override, some foreign jurisdictions), shipping
 * methods of every type, coupons, instalment plans and payment methods; and carts that reference
 * them (every line form, random quantities, customers in and outside the EU, currency and
 * shipping choices, per-call policy overrides). Amounts stay ordinary (≤ 10^6 minor units), so the
 * estimate succeeds and the properties see real transactions; pure data, browser-safe.
 */
import fc from 'fast-check'

type Json = Record<string, unknown>

/** The clock of every generated estimate. */
export const AT = '2026-03-02T09:30:00.000Z'

const PERCENTS = ['0', '5', '5.5', '7', '7.7', '10', '12.345', '19', '20', '21', '25', '33.333']
const CATEGORIES = ['general', 'books', 'bottles', 'tobacco'] as const
const ROUNDINGS = ['half_up', 'half_even', 'half_down', 'up', 'down', 'ceil', 'floor'] as const

const price = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 60_000 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 99, 1_000_000) })
const maybe = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined })

function pricingModel(signed: boolean): fc.Arbitrary<Json[]> {
  const p = signed ? fc.integer({ min: -3_000, max: 3_000 }) : price
  return fc.subarray(['EUR', 'SEK', 'USD']).chain((cs) => fc.tuple(...cs.map((currency) => p.map((v) => ({ currency, price: v })))))
}

function product(i: number): fc.Arbitrary<Json> {
  const id = `p${i}`
  return fc
    .record({
      type: fc.constantFrom('physical_product', 'physical_product', 'service', 'subscription'),
      category: fc.constantFrom(...CATEGORIES),
      price,
      currency: fc.constantFrom('EUR', 'EUR', 'EUR', 'SEK', 'USD'),
      pricing_model: pricingModel(false),
      tax_calculation: fc.constantFrom('exclusive', 'inclusive', null),
      stock: fc.option(fc.integer({ min: 0, max: 40 })),
      unlimited_stock: fc.boolean(),
      weight: fc.option(fc.integer({ min: 0, max: 3_000 })),
      trial_days: fc.option(fc.integer({ min: 0, max: 30 })),
      variants: fc.integer({ min: 0, max: 3 }),
      delta: fc.boolean(),
      packs: fc.integer({ min: 0, max: 2 }),
      min_units: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 4 }) }),
      max_units: fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 2, max: 30 }) }),
    })
    .chain((p) =>
      fc
        .tuple(
          fc.tuple(
            ...Array.from({ length: p.variants }, (_, k) =>
              fc.record({ pricing_model: pricingModel(p.delta), stock: fc.option(fc.integer({ min: 0, max: 30 })), weight: fc.option(fc.integer({ min: 0, max: 2_000 })) }).map((v) => ({ id: `${id}-v${k}`, ...v })),
            ),
          ),
          fc.tuple(
            ...Array.from({ length: p.packs }, (_, k) =>
              fc.record({ stock: fc.integer({ min: 1, max: 12 }), multiple: fc.boolean(), own: fc.boolean(), ofVariants: fc.boolean(), pricing_model: pricingModel(false) }).map((k2) => ({ k, ...k2 })),
            ),
          ),
        )
        .map(([variants, packs]) => ({
          id,
          name: `Product ${i}`,
          type: p.type,
          classification: p.category,
          price: p.price,
          currency: p.currency,
          pricing_model: p.pricing_model,
          // A compound rate may not tax an inclusive product (store error): tobacco is always exclusive.
          tax_calculation: p.category === 'tobacco' ? 'exclusive' : p.tax_calculation,
          stock: p.stock,
          unlimited_stock: p.unlimited_stock,
          weight: p.weight,
          trial_days: p.trial_days,
          min_units: p.min_units,
          max_units: p.max_units,
          variations: variants.length === 0 ? null : { delta_pricing: p.delta, variants },
          packs: packs.map((k) => ({
            id: `${id}-k${k.k}`,
            label: `Pack ${k.k}`,
            multiple: k.multiple,
            ...(k.own ? { pricing_model: k.pricing_model } : {}),
            ...(k.ofVariants && variants.length > 0
              ? { stock: variants.length * 2, variants: variants.map((v) => ({ id: v.id, stock: 2 })) }
              : { stock: k.stock }),
          })),
        })),
    )
}

const taxRates: fc.Arbitrary<Json[]> = fc
  .record({
    general: fc.constantFrom(...PERCENTS),
    books: fc.option(fc.constantFrom(...PERCENTS)),
    bottleFixed: fc.integer({ min: 0, max: 300 }),
    compound: fc.boolean(),
    shipping: fc.option(fc.constantFrom(...PERCENTS)),
    foreign: fc.boolean(),
  })
  .map((r) => {
    const rates: Json[] = [{ id: 'de-gen', label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: r.general, vat_tax: true }]
    if (r.books !== null) rates.push({ id: 'de-books', label: 'MwSt. books', jurisdiction: 'DE', category: 'books', rate_percent: r.books, vat_tax: true })
    rates.push({ id: 'de-bottle', label: 'MwSt. bottles', jurisdiction: 'DE', category: 'bottles', rate_percent: r.general, vat_tax: true })
    rates.push({ id: 'de-pfand', label: 'Pfand', jurisdiction: 'DE', category: 'bottles', rate_amount: r.bottleFixed, vat_tax: false })
    rates.push({ id: 'de-tob', label: 'Tabak', jurisdiction: 'DE', category: 'tobacco', rate_percent: '5', vat_tax: false })
    rates.push({ id: 'de-tob-vat', label: 'MwSt. Tabak', jurisdiction: 'DE', category: 'tobacco', rate_percent: '19', vat_tax: true, compound: r.compound })
    if (r.shipping !== null) rates.push({ id: 'de-ship', label: 'Versand', jurisdiction: 'DE', category: 'shipping', rate_percent: r.shipping, vat_tax: true })
    if (r.foreign) {
      rates.push({ id: 'ch-gen', label: 'MWST', jurisdiction: 'CH', category: null, rate_percent: '8.1', vat_tax: true })
      rates.push({ id: 'at-gen', label: 'USt', jurisdiction: 'AT', category: null, rate_percent: '20', vat_tax: true })
    }
    return rates
  })

function shippingMethod(i: number): fc.Arbitrary<Json> {
  return fc
    .record({
      kind: fc.constantFrom('fixed', 'per_item', 'weight'),
      cost: fc.integer({ min: 0, max: 3_000 }),
      additional: fc.option(fc.integer({ min: 0, max: 1_000 })),
      tiers: fc.array(fc.record({ up_to: fc.integer({ min: 0, max: 20_000 }), cost: fc.integer({ min: 0, max: 5_000 }) }), { minLength: 1, maxLength: 3 }),
      open: fc.boolean(),
      currency: fc.constantFrom('EUR', 'EUR', 'SEK'),
      countries: fc.oneof({ weight: 3, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.subarray(['DE', 'AT', 'CH', 'US'], { minLength: 1 }) }),
      free_over: fc.option(fc.integer({ min: 0, max: 100_000 }).map((v) => ({ EUR: v }))),
      inclusive: fc.option(fc.boolean()),
    })
    .map((m) => ({
      id: `s${i}`,
      label: `Ship ${i}`,
      type: m.kind,
      cost: m.cost,
      currency: m.currency,
      countries: m.countries,
      free_over: m.free_over,
      inclusive: m.inclusive,
      ...(m.kind === 'per_item' ? { additional_item_cost: m.additional } : {}),
      ...(m.kind === 'weight' ? { weight_tiers: [...m.tiers.sort((a, b) => a.up_to - b.up_to), ...(m.open ? [{ up_to: null, cost: 7_000 }] : [])] } : {}),
    }))
}

const coupons: Json[] = [
  { code: 'TEN', label: '10%', type: 'percent', value: '10' },
  { code: 'FIVER', label: '5 EUR', type: 'fixed', amounts: { EUR: 500, SEK: 5_000 } },
  { code: 'SHIPFREE', label: 'Free shipping', type: 'free_shipping' },
  { code: 'HALFSHIP', label: 'Half shipping', type: 'shipping', value: '50' },
]

const plan = (i: number): fc.Arbitrary<Json> =>
  fc
    .record({
      instalments: fc.integer({ min: 1, max: 12 }),
      interval: fc.integer({ min: 1, max: 3 }),
      cycle: fc.constantFrom('day', 'week', 'month'),
      offset: fc.integer({ min: 0, max: 2 }),
      upfront_percent: fc.constantFrom('0', '10', '12.34', '33.333'),
      interest_percent: fc.constantFrom('0', '5', '30', '12.5'),
      min_total: fc.option(fc.integer({ min: 0, max: 50_000 }).map((v) => ({ EUR: v }))),
    })
    .map((p) => ({ id: `plan${i}`, ...p }))

const CUSTOMERS: Json[] = [
  { id: 'c-de', country: 'DE', addresses: [{ id: 'a-de', country: 'DE' }], default_billing_address_id: 'a-de', default_shipping_address_id: 'a-de' },
  { id: 'c-at', country: 'AT', locale: 'de' },
  { id: 'c-ch', addresses: [{ id: 'a-ch', country: 'CH' }], default_billing_address_id: 'a-ch' },
  { id: 'c-us', addresses: [{ id: 'a-us', country: 'US', state: 'CA' }], default_billing_address_id: 'a-us' },
  { id: 'c-b2b', addresses: [{ id: 'a-fr', country: 'FR', is_company: true, vat: 'FR123', verified_vat: true }], default_billing_address_id: 'a-fr' },
  { id: 'c-none' },
]

/** A random store config (loosely typed JSON: cast where a StoreConfig is needed). */
export const storeConfig: fc.Arbitrary<Json> = fc
  .record({
    products: fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => product(i)))),
    tax_rates: taxRates,
    shipping_methods: fc.integer({ min: 0, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => shippingMethod(i)))),
    plans: fc.integer({ min: 0, max: 2 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => plan(i)))),
    prices_include_tax: fc.boolean(),
    eu_oss: fc.boolean(),
    rounding: fc.constantFrom(...ROUNDINGS),
    tax_rounding: fc.constantFrom('line', 'unit', 'total'),
    shipping_tax: fc.constantFrom('proportional', 'highest', 'lowest', 'none'),
    instalment_rounding: fc.constantFrom('tamio', 'exact'),
    payment_methods: fc.subarray<unknown>(['stripe', { id: 'klarna', currencies: ['EUR', 'SEK'], min_total: { EUR: 1_000 } }, { id: 'sofort', countries: ['DE', 'AT'] }, { id: 'cash', max_total: { EUR: 20_000 } }]),
  })
  .map((s) => {
    // prices_include_tax would make tobacco inclusive where a product does not say otherwise; they all do.
    const account = {
      base_currency: 'EUR',
      country: 'DE',
      currencies: ['EUR', 'SEK', 'USD'],
      prices_include_tax: s.prices_include_tax,
      eu_oss: s.eu_oss,
      rounding: s.rounding,
      tax_rounding: s.tax_rounding,
      shipping_tax: s.shipping_tax,
      instalment_rounding: s.instalment_rounding,
      payment_methods: s.payment_methods,
    }
    return {
      account,
      products: s.products,
      customers: CUSTOMERS,
      tax_rates: s.tax_rates,
      shipping_methods: s.shipping_methods,
      coupons,
      instalment_plans: s.plans,
      exchange_rates: { base: 'EUR', rates: { SEK: '11.0235', USD: '1.0873' } },
    }
  })

/** Every id a request line can name in a store: product, variant and pack lines. */
export function lineRefs(config: Json): Json[] {
  const refs: Json[] = []
  for (const p of config.products as Json[]) {
    refs.push({ id: p.id })
    const vs = (p.variations as { variants: Json[] } | null)?.variants ?? []
    for (const v of vs) refs.push({ variant: v.id })
    for (const k of p.packs as Json[]) refs.push({ pack: k.id })
  }
  return refs
}

/** A random request against `config`: 1–6 lines of every form, a customer, currency and shipping choices. */
export function request(config: Json): fc.Arbitrary<Json> {
  const refs = lineRefs(config)
  const methods = (config.shipping_methods as Json[]).map((m) => m.id as string)
  const line = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(fc.constantFrom(...refs), maybe(fc.integer({ min: 1, max: 5 }))).map(([ref, quantity]) => (quantity === undefined ? { ...ref } : { ...ref, quantity })) },
    { weight: 1, arbitrary: fc.record({ name: fc.constant('Fee'), price: fc.integer({ min: 0, max: 20_000 }), quantity: fc.integer({ min: 1, max: 3 }) }) },
  )
  return fc
    .record({
      products: fc.array(line, { minLength: 1, maxLength: 6 }),
      customer: fc.constantFrom(...CUSTOMERS.map((c) => c.id as string)),
      shipTo: fc.option(fc.constantFrom('DE', 'AT', 'CH', 'US')),
      currency: fc.constantFrom(undefined, undefined, 'EUR', 'SEK'),
      convert_prices: fc.boolean(),
      coupons: fc.subarray(['TEN', 'FIVER', 'SHIPFREE', 'HALFSHIP', 'NOPE']),
      tamio: fc.option(fc.constantFrom(...methods, 'unknown-method')),
      nshift: fc.option(fc.record({ valid: fc.boolean(), price: fc.integer({ min: 0, max: 3_000 }), taxRate: fc.constantFrom(0, 19, 25), selectedAddons: fc.array(fc.record({ price: fc.integer({ min: 0, max: 500 }) }), { maxLength: 2 }) }), { freq: 6 }),
    })
    .map((r) => {
      const out: Json = {
        products: r.products,
        customer: { id: r.customer, ...(r.shipTo === null ? {} : { shipping_information: { country: r.shipTo } }) },
        convert_prices: r.convert_prices,
        coupons: r.coupons,
      }
      if (r.currency !== undefined) out.currency = r.currency
      if (r.tamio !== null || r.nshift !== null) out.shipping = { ...(r.tamio === null ? {} : { tamio: r.tamio }), ...(r.nshift === null ? {} : { nshift: r.nshift }) }
      return out
    })
}

/** Per-call options: always `at`, sometimes policy overrides. */
export const options: fc.Arbitrary<Json> = fc
  .record({
    rounding: maybe(fc.constantFrom(...ROUNDINGS)),
    tax_rounding: maybe(fc.constantFrom('line', 'unit', 'total')),
    shipping_tax: maybe(fc.constantFrom('proportional', 'highest', 'lowest', 'none')),
    inclusive_rounding: maybe(fc.constantFrom('net', 'tax')),
    instalment_rounding: maybe(fc.constantFrom('tamio', 'exact')),
  })
  .map((o) => {
    const out: Json = { at: AT }
    for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v
    return out
  })

/** A store, a cart against it and options. */
export const scenario: fc.Arbitrary<{ config: Json; request: Json; options: Json }> = storeConfig.chain((config) =>
  fc.tuple(request(config), options).map(([req, opts]) => ({ config, request: req, options: opts })),
)

/** Freezes a JSON value and everything in it (tests that nothing mutates inputs). */
export function deepFreeze<T>(v: T): T {
  if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v)
    for (const k of Object.keys(v)) deepFreeze((v as Record<string, unknown>)[k])
  }
  return v
}

/** A structured clone of JSON data (so a frozen input can be compared with a pristine copy). */
export function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}

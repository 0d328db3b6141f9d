/**
 * Structurally valid random stores and carts: every id a request names exists, every field has its
 * documented type, so `createStore` accepts the store and `estimate` reaches the calculation. Values
 * range from ordinary to extreme (prices near 2^53, quantities in the millions, rates of 100 %,
 * fixed per-unit taxes, compound rates, every policy), so the conservation laws and the overflow
 * rule are both exercised. Pure data, no Node built-ins.
 */
import fc from 'fast-check'

type Json = Record<string, unknown>

const CURRENCIES = ['EUR', 'SEK', 'USD', 'JPY', 'KWD', 'CHF'] as const
const COUNTRIES = ['DE', 'FR', 'SE', 'AT', 'NL', 'US', 'GB', 'CH', 'XI', 'JP'] as const
const CATEGORIES = ['general', 'books', 'food'] as const
const PERCENTS = ['0', '5.5', '7', '7.7', '10', '19', '20', '21', '25', '7.25', '12.345', '33.333', '100'] as const
const RATES: Readonly<Record<string, string>> = { EUR: '1', SEK: '11.0235', USD: '1.0873', JPY: '162.5', KWD: '0.3341', CHF: '0.9412' }
const ROUNDINGS = ['half_up', 'half_even', 'half_down', 'up', 'down', 'ceil', 'floor'] as const

/** Ordinary amounts mostly; now and then one big enough that sums and products leave 2^53. */
/** `x` present with probability 1/n, else null. */
function rare<T>(x: fc.Arbitrary<T>, n: number): fc.Arbitrary<T | null> {
  return fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: x })
}

function amount(extreme: boolean): fc.Arbitrary<number> {
  return extreme
    ? fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(Number.MAX_SAFE_INTEGER, 2 ** 52, 1e15, 4e15, 999_999_999_999), fc.maxSafeNat())
    : fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 50_000 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 99, 1_000_000) })
}

function quantity(extreme: boolean): fc.Arbitrary<number> {
  return extreme
    ? fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(1_000_000, 2 ** 31, 1e12, Number.MAX_SAFE_INTEGER))
    : fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.integer({ min: 6, max: 60 }) })
}

function pricing(currencies: readonly string[], extreme: boolean, signed = false): fc.Arbitrary<Json[]> {
  return fc.subarray([...currencies], { minLength: 0 }).chain((cs) =>
    fc.tuple(...cs.map((c) => (signed ? fc.integer({ min: -3000, max: 3000 }) : amount(extreme)).map((price) => ({ currency: c, price })))),
  )
}

interface Ctx {
  readonly base: string
  readonly currencies: readonly string[]
  readonly extreme: boolean
  readonly inclusiveAllowed: boolean
}

function variantsOf(pid: string, ctx: Ctx, delta: boolean): fc.Arbitrary<Json[]> {
  return fc.integer({ min: 0, max: 3 }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record(
          {
            id: fc.constant(`${pid}-v${i}`),
            pricing_model: pricing(ctx.currencies, ctx.extreme, delta),
            stock: fc.option(fc.integer({ min: 0, max: 50 })),
            unlimited_stock: fc.boolean(),
            weight: fc.option(fc.integer({ min: 0, max: 5000 })),
            sku: fc.option(fc.constant(`SKU-${pid}-${i}`)),
          },
          { requiredKeys: ['id'] },
        ),
      ),
    ),
  )
}

function packsOf(pid: string, variantIds: readonly string[], ctx: Ctx): fc.Arbitrary<Json[]> {
  return fc.integer({ min: 0, max: 2 }).chain((n) =>
    fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.record(
          {
            id: fc.constant(`${pid}-k${i}`),
            label: fc.constant(`Pack ${i}`),
            stock: fc.integer({ min: 1, max: 12 }),
            multiple: fc.boolean(),
            variants: variantIds.length === 0 ? fc.constant(null) : fc.option(fc.subarray([...variantIds], { minLength: 1 }).chain((vs) => fc.tuple(...vs.map((id) => fc.integer({ min: 1, max: 4 }).map((stock) => ({ id, stock })))))),
            pricing_model: fc.option(pricing(ctx.currencies, ctx.extreme)),
          },
          { requiredKeys: ['id', 'stock'] },
        ),
      ),
    ),
  )
}

function product(i: number, ctx: Ctx): fc.Arbitrary<Json> {
  const id = `p${i}`
  return fc
    .record({
      delta: fc.boolean(),
      withVariants: fc.boolean(),
      type: fc.constantFrom('physical_product', 'physical_product', 'digital_product', 'subscription'),
      category: fc.constantFrom(...CATEGORIES),
      named: fc.boolean(),
      price: amount(ctx.extreme),
      currency: fc.oneof({ weight: 3, arbitrary: fc.constant(ctx.base) }, { weight: 1, arbitrary: fc.constantFrom(...ctx.currencies) }),
      pricing_model: pricing(ctx.currencies, ctx.extreme),
      tax_calculation: ctx.inclusiveAllowed ? fc.constantFrom('inclusive', 'exclusive', null) : fc.constantFrom('exclusive' as string | null),
      discount_allowed: fc.option(fc.boolean()),
      is_moss_product: fc.boolean(),
      buyable: fc.oneof({ weight: 24, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      whitelist: rare(fc.subarray([...COUNTRIES], { minLength: 3 }), 6),
      min_units: rare(fc.integer({ min: 0, max: 3 }), 6),
      max_units: rare(fc.integer({ min: 5, max: 60 }), 4),
      stock: fc.option(fc.integer({ min: 0, max: 200 })),
      unlimited_stock: fc.boolean(),
      weight: fc.option(fc.integer({ min: 0, max: 4000 })),
      trial_days: fc.option(fc.integer({ min: 0, max: 30 })),
    })
    .chain((p) =>
      (p.withVariants ? variantsOf(id, ctx, p.delta) : fc.constant<Json[]>([])).chain((variants) =>
        packsOf(id, variants.map((v) => v.id as string), ctx).map((packs) => {
          const out: Json = {
            id,
            // A product with no name shows a title; a single language keeps that independent of key order.
            ...(p.named ? { name: `Product ${i}` } : { languages: { en: { title: `Titel ${i}` } } }),
            type: p.type,
            classification: p.category,
            price: p.price,
            currency: p.currency,
            pricing_model: p.pricing_model,
            tax_calculation: p.tax_calculation,
            discount_allowed: p.discount_allowed,
            is_moss_product: p.is_moss_product,
            buyable: p.buyable,
            whitelist: p.whitelist,
            min_units: p.min_units,
            max_units: p.max_units,
            stock: p.stock,
            unlimited_stock: p.unlimited_stock,
            weight: p.weight,
            trial_days: p.trial_days,
            packs,
            variations: variants.length > 0 ? { delta_pricing: p.delta, variants } : null,
          }
          return out
        }),
      ),
    )
}

function taxRate(i: number, country: string, ctx: Ctx, compoundAllowed: boolean): fc.Arbitrary<Json> {
  return fc
    .record({
      jurisdiction: fc.constantFrom(country, country, 'FR', 'SE', 'US', 'US-CA', 'GB', 'CH'),
      category: fc.constantFrom(null, null, 'books', 'food', 'shipping'),
      percent: fc.constantFrom(...PERCENTS),
      fixed: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: ctx.extreme ? 1e12 : 300 }) }),
      vat_tax: fc.boolean(),
      compound: compoundAllowed ? fc.oneof({ weight: 4, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }) : fc.constant(false),
      numeric: fc.boolean(),
    })
    .map((r) => ({
      id: `t${i}`,
      label: `Tax ${i}`,
      jurisdiction: r.jurisdiction,
      category: r.category,
      rate_percent: r.fixed === null ? (r.numeric ? Number(r.percent) : r.percent) : null,
      rate_amount: r.fixed,
      vat_tax: r.vat_tax,
      compound: r.fixed === null && r.compound,
    }))
}

function shippingMethod(i: number, ctx: Ctx): fc.Arbitrary<Json> {
  return fc.oneof(
    fc.record({ type: fc.constant('fixed'), cost: amount(ctx.extreme) }),
    fc.record({ type: fc.constant('per_item'), cost: amount(ctx.extreme), additional_item_cost: fc.option(amount(ctx.extreme)) }),
    fc.record({
      type: fc.constant('weight'),
      weight_tiers: fc
        .array(fc.record({ up_to: fc.integer({ min: 0, max: 20_000 }), cost: amount(ctx.extreme) }), { minLength: 1, maxLength: 3 })
        .chain((ts) => fc.boolean().map((open) => [...ts.sort((a, b) => a.up_to - b.up_to), ...(open ? [{ up_to: null, cost: 9999 }] : [])])),
    }),
  ).chain((m) =>
    fc
      .record({
        currency: fc.constantFrom(...ctx.currencies),
        countries: rare(fc.subarray([...COUNTRIES], { minLength: 1 }), 4),
        free_over: rare(fc.constant({ [ctx.base]: 20_000 }), 3),
        inclusive: fc.option(fc.boolean()),
        bundling: fc.boolean(),
      })
      .map((rest) => ({ id: `s${i}`, label: `Ship ${i}`, ...m, ...rest })),
  )
}

function discount(i: number, ctx: Ctx, productIds: readonly string[], code: boolean): fc.Arbitrary<Json> {
  return fc
    .record({
      type: fc.constantFrom('percent', 'fixed', 'free_shipping', 'shipping'),
      value: fc.constantFrom('10', '12.5', '33.333', '50', '100', 5),
      amounts: fc.subarray([...ctx.currencies], { minLength: 1 }).chain((cs) => fc.tuple(...cs.map((c) => amount(ctx.extreme).map((a) => [c, a] as const)))).map((es) => Object.fromEntries(es)),
      useAmounts: fc.boolean(),
      applies: rare(fc.record({ products: fc.option(fc.subarray([...productIds])), categories: fc.option(fc.subarray([...CATEGORIES])) }), 3),
      min_subtotal: rare(fc.constant({ [ctx.base]: 3000 }), 4),
      max_amount: rare(fc.constant({ [ctx.base]: 1500 }), 4),
      combinable: fc.option(fc.boolean()),
      ends_at: rare(fc.constantFrom('2020-01-01T00:00:00Z', '2099-01-01T00:00:00Z'), 5),
      payment_methods: rare(fc.constant(['klarna']), 6),
    })
    .map((d) => {
      const out: Json = {
        id: `d${i}`,
        label: `Discount ${i}`,
        type: d.type,
        applies_to: d.applies,
        min_subtotal: d.min_subtotal,
        max_amount: d.max_amount,
        combinable: d.combinable,
        ends_at: d.ends_at,
        payment_methods: d.payment_methods,
      }
      if (code) out.code = `CODE${i}`
      if (d.type === 'percent' || (d.type === 'shipping' && !d.useAmounts)) out.value = d.value
      if (d.type === 'fixed' || (d.type === 'shipping' && d.useAmounts)) out.amounts = d.amounts
      return out
    })
}

const plan = (i: number): fc.Arbitrary<Json> =>
  fc.record({
    id: fc.constant(`plan${i}`),
    instalments: fc.integer({ min: 1, max: 24 }),
    interval: fc.integer({ min: 1, max: 3 }),
    cycle: fc.constantFrom('day', 'week', 'month'),
    offset: fc.integer({ min: 0, max: 2 }),
    upfront_percent: fc.constantFrom('0', '10', '12.34', 25, '100'),
    interest_percent: fc.constantFrom('0', '5', '30', '12.5'),
    min_total: rare(fc.constant({ EUR: 1000 }), 3),
    currencies: rare(fc.constant(['EUR', 'SEK']), 3),
  })

const address = (id: string): fc.Arbitrary<Json> =>
  fc.record({
    id: fc.constant(id),
    country: fc.option(fc.constantFrom(...COUNTRIES), { freq: 8 }),
    state: rare(fc.constantFrom('CA', 'NY'), 3),
    is_company: fc.boolean(),
    vat: fc.option(fc.constant('VAT123')),
    verified_vat: fc.boolean(),
    city: fc.constant('Town'),
  })

export interface ValidCase {
  readonly store: Json
  readonly request: Json
  readonly options: Json
  /** Whether amounts up to 2^53 − 1 were allowed (only then may `amount_overflow` come back). */
  readonly extreme: boolean
}

/** A valid store with a cart against it and per-call options. `extreme` allows amounts up to 2^53 − 1. */
export function validCase(extremeFreq = 8): fc.Arbitrary<ValidCase> {
  return fc
    .record({
      base: fc.constantFrom(...CURRENCIES),
      others: fc.subarray([...CURRENCIES]),
      country: fc.constantFrom(...COUNTRIES),
      extreme: fc.oneof({ weight: extremeFreq - 1, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      pricesIncludeTax: fc.boolean(),
      compound: fc.boolean(),
      nProducts: fc.integer({ min: 1, max: 5 }),
    })
    .chain((g) => {
      const currencies = [...new Set([g.base, ...g.others])]
      const inclusiveAllowed = !g.compound
      const ctx: Ctx = { base: g.base, currencies, extreme: g.extreme, inclusiveAllowed }
      return fc
        .record({
          products: fc.tuple(...Array.from({ length: g.nProducts }, (_, i) => product(i, ctx))),
          tax_rates: fc.integer({ min: 0, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => taxRate(i, g.country, ctx, g.compound)))),
          shipping_methods: fc.integer({ min: 0, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => shippingMethod(i, ctx)))),
          nCoupons: fc.integer({ min: 0, max: 4 }),
          nDiscounts: fc.integer({ min: 0, max: 2 }),
          plans: fc.integer({ min: 0, max: 2 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => plan(i)))),
          customers: fc.integer({ min: 0, max: 2 }).chain((n) =>
            fc.tuple(
              ...Array.from({ length: n }, (_, i) =>
                fc.record({
                  id: fc.constant(`c${i}`),
                  country: fc.option(fc.constantFrom(...COUNTRIES)),
                  tax_exempt: fc.oneof({ weight: 8, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
                  addresses: fc.tuple(address(`c${i}-a0`), address(`c${i}-a1`)),
                  default_billing_address_id: fc.option(fc.constant(`c${i}-a0`), { freq: 4 }),
                  default_shipping_address_id: fc.option(fc.constant(`c${i}-a1`), { freq: 4 }),
                  name: fc.constant(`Customer ${i}`),
                }),
              ),
            ),
          ),
          account: fc.record({
            rounding: fc.constantFrom(...ROUNDINGS),
            tax_rounding: fc.constantFrom('line', 'unit', 'total'),
            shipping_tax: fc.constantFrom('proportional', 'highest', 'lowest', 'none'),
            inclusive_rounding: fc.constantFrom('net', 'tax'),
            inclusive_cross_border: fc.constantFrom('keep_gross', 'keep_net'),
            instalment_rounding: fc.constantFrom('tamio', 'exact'),
            eu_oss: fc.boolean(),
          }),
        })
        .chain((s) => {
          const productIds = s.products.flatMap((p) => [
            p.id as string,
            ...(((p.variations as Json | null)?.variants as Json[] | undefined) ?? []).map((v) => v.id as string),
            ...(p.packs as Json[]).map((k) => k.id as string),
          ])
          return fc
            .record({
              coupons: fc.tuple(...Array.from({ length: s.nCoupons }, (_, i) => discount(i, ctx, productIds, true))),
              discounts: fc.tuple(...Array.from({ length: s.nDiscounts }, (_, i) => discount(100 + i, ctx, productIds, false))),
            })
            .map((d) => {
              const store: Json = {
                account: {
                  base_currency: g.base,
                  country: g.country,
                  currencies,
                  prices_include_tax: inclusiveAllowed && g.pricesIncludeTax,
                  payment_methods: ['stripe', { id: 'klarna', currencies: [g.base], countries: null, min_total: { [g.base]: 1000 }, max_total: null }],
                  max_lines: 20,
                  ...s.account,
                },
                products: s.products,
                customers: s.customers,
                tax_rates: s.tax_rates,
                shipping_methods: s.shipping_methods,
                coupons: d.coupons,
                discounts: d.discounts,
                instalment_plans: s.plans,
                exchange_rates: { base: 'EUR', rates: Object.fromEntries(CURRENCIES.map((c) => [c, RATES[c]!])) },
              }
              return { store, productIds, extreme: g.extreme, currencies }
            })
        })
        .chain(({ store, productIds, extreme, currencies: cs }) =>
          request(store, productIds, extreme, cs).map(([request, options]) => ({ store, request, options, extreme })),
        )
    })
}

function request(store: Json, productIds: readonly string[], extreme: boolean, currencies: readonly string[]): fc.Arbitrary<[Json, Json]> {
  const products = store.products as Json[]
  const plain = products.filter((p) => p.variations === null)
  const variantIds = productIds.filter((x) => /-v\d+$/.test(x))
  const packIds = productIds.filter((x) => /-k\d+$/.test(x))
  const codes = (store.coupons as Json[]).map((c) => c.code as string)
  const line = fc.oneof(
    { weight: 5, arbitrary: fc.record({ id: fc.constantFrom(...(plain.length > 0 ? plain : products).map((p) => p.id as string)), quantity: fc.option(quantity(extreme), { nil: undefined }) }, { requiredKeys: ['id'] }) },
    { weight: 1, arbitrary: fc.record({ id: fc.constantFrom(...products.map((p) => p.id as string)) }) },
    ...(variantIds.length > 0 ? [{ weight: 3, arbitrary: fc.record({ variant: fc.constantFrom(...variantIds), quantity: quantity(extreme) }) }] : []),
    ...(packIds.length > 0 ? [{ weight: 2, arbitrary: fc.record({ pack: fc.constantFrom(...packIds), quantity: fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: quantity(extreme) }) }) }] : []),
    { weight: 1, arbitrary: fc.record({ name: fc.constant('Gift wrap'), price: amount(extreme), quantity: quantity(extreme) }) },
  )
  const customers = store.customers as Json[]
  const customer = fc.oneof(
    fc.record({ new_customer: fc.record({ name: fc.constant('New'), country: fc.option(fc.constantFrom(...COUNTRIES), { freq: 8 }), same_shipping_address: fc.boolean(), billing_information: rare(address('inline-b'), 3), shipping_information: rare(address('inline-s'), 4) }) }),
    ...(customers.length > 0 ? [fc.record({ customer: fc.record({ id: fc.constantFrom(...customers.map((c) => c.id as string)), same_shipping_address: fc.boolean() }) })] : []),
  )
  const shippingIds = (store.shipping_methods as Json[]).map((m) => m.id as string)
  return fc
    .record({
      products: fc.array(line, { minLength: 1, maxLength: 8 }),
      customer,
      currency: rare(fc.constantFrom(...currencies), 3),
      convert_prices: fc.boolean(),
      coupons: codes.length === 0 ? fc.constant([]) : fc.array(fc.constantFrom(...codes, 'NOPE').chain((c) => fc.constantFrom(c, c.toLowerCase())), { maxLength: 3 }),
      shipping: fc.option(
        fc.oneof(
          fc.record({ tamio: fc.constantFrom(...shippingIds, 'unknown-method') }),
          fc.record({ nshift: fc.record({ valid: fc.constant(true), price: amount(extreme), taxRate: fc.constantFrom('0', '19', 25), selectedAddons: fc.array(fc.record({ price: fc.integer({ min: 0, max: 500 }) }), { maxLength: 2 }) }) }),
        ),
        { freq: 2 },
      ),
      no_discounts: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      locale: fc.option(fc.constantFrom('en', 'de')),
      options: fc.record(
        {
          rounding: fc.constantFrom(...ROUNDINGS),
          tax_rounding: fc.constantFrom('line', 'unit', 'total'),
          shipping_tax: fc.constantFrom('proportional', 'highest', 'lowest', 'none'),
          inclusive_rounding: fc.constantFrom('net', 'tax'),
          inclusive_cross_border: fc.constantFrom('keep_gross', 'keep_net'),
          instalment_rounding: fc.constantFrom('tamio', 'exact'),
          payment_method: fc.constantFrom('klarna', 'stripe'),
          strict: fc.oneof({ weight: 9, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
        },
        { requiredKeys: [] },
      ),
    })
    .map((r) => {
      const { options, customer: c, ...rest } = r
      const req: Json = { ...rest, ...c }
      return [req, { at: '2026-03-02T09:30:00.000Z', ...options }]
    })
}

/**
 * Random stores and carts for the policy-axis properties, built to reach every split the axes act
 * on: several rates on one inclusive line (10 % + 5 %), compound rates, fixed per-unit amounts, a
 * 0 % category, zero and one-cent prices, inclusive and exclusive lines side by side, shipped and
 * unshipped lines, percent (up to 100 %), fixed (up to more than the cart), buy-X-get-Y, shipping and
 * free-shipping coupons in any order, an instalment plan, and customers that change which rates
 * apply (domestic, OSS, tax-exempt, reverse charge). Every policy axis is drawn at random; a test
 * then fixes the one it is about. Pure data, browser-safe.
 */
import fc from 'fast-check'
import { AT } from './kit'

type Json = Record<string, unknown>

export const AXIS_VALUES = {
  rounding: ['half_up', 'half_even', 'half_down', 'up', 'down', 'ceil', 'floor'],
  tax_rounding: ['line', 'unit', 'total'],
  shipping_tax: ['proportional', 'highest', 'lowest', 'none'],
  inclusive_rounding: ['net', 'tax'],
  inclusive_cross_border: ['keep_gross', 'keep_net'],
  instalment_rounding: ['tamio', 'exact'],
  allocation: ['largest_remainder', 'first', 'last', 'carry'],
  discount_proration: ['base', 'net', 'gross'],
  tax_base: ['after_discount', 'before_discount'],
  instalment_remainder: ['spread_first', 'spread_last', 'first', 'last'],
} as const

export type AxisKey = keyof typeof AXIS_VALUES

const de = (id: string, category: string | null, percent: string | null, extra: Json = {}): Json => ({
  id, label: id, jurisdiction: 'DE', category, rate_percent: percent, rate_amount: null, vat_tax: true, compound: false, ...extra,
})

const RATES: Json[] = [
  de('de19', null, '19'),
  de('de7', 'books', '7'),
  de('m10', 'multi', '10'),
  de('m5', 'multi', '5'),
  de('tob5', 'tobacco', '5', { vat_tax: false }),
  de('tob19', 'tobacco', '19', { compound: true }),
  de('bot19', 'bottles', '19'),
  de('pfand', 'bottles', null, { rate_amount: 25, vat_tax: false }),
  de('zero', 'zero', '0'),
  { id: 'at20', label: 'USt', jurisdiction: 'AT', category: null, rate_percent: '20', rate_amount: null, vat_tax: true, compound: false },
  { id: 'at10', label: 'USt 10', jurisdiction: 'AT', category: 'books', rate_percent: '10', rate_amount: null, vat_tax: true, compound: false },
]

const CATEGORIES = ['general', 'books', 'multi', 'tobacco', 'bottles', 'zero'] as const

const price = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 2, max: 6000 }) }, { weight: 1, arbitrary: fc.constantFrom(0, 1, 99, 1190, 20_000) })

function product(i: number): fc.Arbitrary<Json> {
  return fc
    .record({
      category: fc.constantFrom(...CATEGORIES),
      price,
      inclusive: fc.boolean(),
      shipped: fc.boolean(),
      discountAllowed: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
    })
    .map((p) => ({
      id: `p${i}`,
      name: `Product ${i}`,
      type: p.shipped ? 'physical_product' : 'service',
      tax_category: p.category,
      price: p.price,
      currency: 'EUR',
      // a compound rate may not tax an inclusive price
      tax_calculation: p.inclusive && p.category !== 'tobacco' ? 'inclusive' : 'exclusive',
      discount_allowed: p.discountAllowed,
      unlimited_stock: true,
    }))
}

const COUPON = fc.oneof(
  fc.record({ type: fc.constant('percent'), value: fc.constantFrom('10', '12.5', '33.333', '50', '100') }),
  fc.record({ type: fc.constant('fixed'), amounts: fc.integer({ min: 1, max: 12_000 }).map((a) => ({ EUR: a })) }),
  fc.record({
    type: fc.constant('buy_x_get_y'),
    buy: fc.integer({ min: 1, max: 2 }).map((quantity) => ({ quantity })),
    get: fc.record({ quantity: fc.integer({ min: 1, max: 2 }), value: fc.constantFrom('100', '50', '33.333') }),
  }),
  fc.record({ type: fc.constant('shipping'), value: fc.constantFrom('50', '33.333') }),
  fc.record({ type: fc.constant('free_shipping') }),
)

const CUSTOMERS = [
  { new_customer: { name: 'Erika', country: 'DE' } },
  { new_customer: { name: 'Anna', country: 'AT' } },
  { new_customer: { name: 'Club', country: 'DE', tax_exempt: true } },
  { new_customer: { name: 'SARL', country: 'FR', billing_information: { country: 'FR', is_company: true, vat: 'FR123', verified_vat: true } } },
]

const policies = fc.record(Object.fromEntries(Object.entries(AXIS_VALUES).map(([k, vs]) => [k, fc.constantFrom(...vs)])) as { [K in AxisKey]: fc.Arbitrary<(typeof AXIS_VALUES)[K][number]> })

/** A store, a cart against it and per-call options with every policy axis set. */
export interface AxisCase {
  readonly config: Json
  readonly request: Json
  readonly options: Json
}

export const axisCase: fc.Arbitrary<AxisCase> = fc
  .record({
    products: fc.integer({ min: 1, max: 6 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => product(i)))),
    coupons: fc.array(COUPON, { minLength: 0, maxLength: 4 }),
    shippingCost: fc.integer({ min: 0, max: 2500 }),
    shippingInclusive: fc.boolean(),
    plan: fc.record({ instalments: fc.integer({ min: 1, max: 7 }), upfront_percent: fc.constantFrom('0', '12.34', '33.333'), interest_percent: fc.constantFrom('0', '5', '12.5') }),
    euOss: fc.boolean(),
    policies,
  })
  .chain((s) =>
    fc
      .record({
        lines: fc.array(fc.record({ id: fc.constantFrom(...s.products.map((p) => p.id as string)), quantity: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 6 }),
        coupons: fc.shuffledSubarray(s.coupons.map((_, i) => `C${i}`)),
        customer: fc.constantFrom(...CUSTOMERS),
      })
      .map((r) => ({
        config: {
          account: { base_currency: 'EUR', country: 'DE', eu_oss: s.euOss },
          products: s.products,
          tax_rates: RATES,
          coupons: s.coupons.map((c, i) => ({ code: `C${i}`, label: `Coupon ${i}`, ...c })),
          shipping_methods: [{ id: 'post', label: 'Post', type: 'fixed', cost: s.shippingCost, currency: 'EUR', bundling: false, countries: null, free_over: null, inclusive: s.shippingInclusive }],
          instalment_plans: [{ id: 'plan', interval: 1, cycle: 'month', offset: 1, min_total: null, max_total: null, currencies: null, ...s.plan }],
        },
        request: { products: r.lines, coupons: r.coupons, ...r.customer },
        options: { at: AT, ...s.policies },
      })),
  )

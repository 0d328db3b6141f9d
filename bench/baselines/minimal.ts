/**
 * The floor (issue 8): a hand-written function that produces the same output structure as
 * `estimate()` for exactly one cart shape — catalog lines of exclusive-priced physical products,
 * one 19% rate, one percent coupon allocated over the lines, one fixed shipping method allocated
 * over the lines and taxed at the lines' 19%, one instalment plan, a stored customer — on plain
 * Numbers, with no validation and no generality. Whatever `estimate()` costs beyond this is the
 * price of its generality and its checks.
 *
 * It is exact for this shape (every rounding is `Math.round(k / d)` of an integer `k` far below
 * 2^53, which is correctly rounded, and ties are positive), so its output can be compared field by
 * field with `estimate()`'s; the bench does that once before timing.
 */

interface MinProduct {
  readonly id: string
  readonly name: string
  readonly classification: string
  readonly price: number
  readonly sku: string | null
  readonly ean: string | null
}

interface MinRate {
  readonly id: string | null
  readonly label: string
  readonly percent: number
  readonly jurisdiction: string
}

/** What the minimal function knows, prepared once (its "createStore"). */
export interface MinimalIndex {
  readonly products: Map<string, MinProduct>
  readonly rate: MinRate
  readonly shippingLabel: string
  readonly couponByCode: Map<string, { id: string | null; code: string; label: string; percent: number }>
  readonly methods: readonly { id: string; label: string; bundling: boolean; type: string; cost: number; additional: number; convert_from: string }[]
  readonly plan: { id: string; instalments: number; interval: number; cycle: string; offset: number; upfrontNum: number; upfrontDen: number; upfront: number; interestNum: number; interestDen: number }
  readonly payments: readonly string[]
  readonly customer: Record<string, unknown>
  readonly address: Record<string, unknown>
}

function decimal(s: string): { num: number; den: number } {
  const dot = s.indexOf('.')
  if (dot < 0) return { num: Number(s), den: 1 }
  const places = s.length - dot - 1
  return { num: Number(s.replace('.', '')), den: 10 ** places }
}

/** Builds the index from the bench's StoreConfig (see bench/data.ts). No checks. */
export function prepareMinimal(config: any): MinimalIndex {
  const products = new Map<string, MinProduct>()
  for (const p of config.products) {
    products.set(p.id, {
      id: p.id,
      name: p.name,
      classification: p.classification ?? 'general',
      price: p.pricing_model[0].price,
      sku: p.additional_information?.sku ?? null,
      ean: p.additional_information?.ean ?? null,
    })
  }
  const t = config.tax_rates[0]
  const couponByCode = new Map<string, { id: string | null; code: string; label: string; percent: number }>()
  for (const c of config.coupons) couponByCode.set(c.code.toUpperCase(), { id: c.id ?? null, code: c.code, label: c.label, percent: Number(c.value) })
  const pl = config.instalment_plans[0]
  const up = decimal(pl.upfront_percent)
  const it = decimal(pl.interest_percent)
  const customer: Record<string, unknown> = {}
  const c = config.customers[0]
  for (const k of Object.keys(c)) {
    if (k !== 'addresses' && k !== 'default_billing_address_id' && k !== 'default_shipping_address_id') customer[k] = c[k]
  }
  return {
    products,
    rate: { id: t.id, label: t.label, percent: Number(t.rate_percent), jurisdiction: t.jurisdiction },
    shippingLabel: config.account.shipping_tax_label ?? 'Shipping taxes',
    couponByCode,
    methods: config.shipping_methods.map((m: any) => ({ id: m.id, label: m.label, bundling: m.bundling ?? false, type: m.type, cost: m.cost, additional: m.additional_item_cost ?? m.cost, convert_from: m.currency })),
    plan: {
      id: pl.id, instalments: pl.instalments, interval: pl.interval, cycle: pl.cycle, offset: pl.offset,
      upfrontNum: up.num, upfrontDen: up.den * 100, upfront: Number(pl.upfront_percent),
      interestNum: it.num, interestDen: it.den * 100,
    },
    payments: config.account.payment_methods.map((m: any) => (typeof m === 'string' ? m : m.id)),
    customer,
    address: c.addresses[0],
  }
}

/** Largest remainder of `total` over `weights` into `out` (ties to the earlier index). */
function split(total: number, weights: Float64Array, sum: number, out: Float64Array, rem: Float64Array, n: number): void {
  let given = 0
  for (let i = 0; i < n; i++) {
    const p = total * weights[i]!
    const r = p % sum
    out[i] = (p - r) / sum
    rem[i] = r
    given += out[i]!
  }
  const left = total - given
  if (left > 0) {
    const idx: number[] = new Array(n)
    for (let i = 0; i < n; i++) idx[i] = i
    idx.sort((a, b) => rem[b]! - rem[a]! || a - b)
    for (let k = 0; k < left; k++) out[idx[k]!]! += 1
  }
}

function columns(n: number) {
  return { item: new Float64Array(n), disc: new Float64Array(n), base: new Float64Array(n), ship: new Float64Array(n), rem: new Float64Array(n) }
}
let scratch = columns(64)

const WEEK = 7 * 86_400_000
const DAY = 86_400_000

/** The minimal estimate: same envelope and transaction structure as `estimate()`. */
export function minimalEstimate(ix: MinimalIndex, request: any, at: string): any {
  const lines = request.products
  const n = lines.length
  // Scratch columns reused across calls (a fresh Float64Array of more than 8 elements costs about
  // a microsecond on Node 20: its backing store is allocated off the V8 heap).
  if (scratch.item.length < n) scratch = columns(n)
  const { item, disc, base, ship, rem } = scratch
  const prods: MinProduct[] = new Array(n)
  const qty: number[] = new Array(n)
  let itemSum = 0
  let count = 0
  for (let i = 0; i < n; i++) {
    const l = lines[i]
    const p = ix.products.get(l.id)!
    const q = l.quantity ?? 1
    prods[i] = p
    qty[i] = q
    item[i] = p.price * q
    itemSum += item[i]!
    count += q
  }
  const coupon = ix.couponByCode.get(request.coupons[0].toUpperCase())!
  const discount = Math.round((itemSum * coupon.percent) / 100)
  split(discount, item, itemSum, disc, rem, n)
  let baseSum = 0
  for (let i = 0; i < n; i++) {
    base[i] = item[i]! - disc[i]!
    baseSum += base[i]!
  }
  // Every method is offered (none is limited to other countries in the bench store); the cart
  // uses the first, a fixed one. A per-item method costs `cost` + `additional` per further unit.
  const rates: any[] = new Array(ix.methods.length)
  for (let m = 0; m < ix.methods.length; m++) {
    const x = ix.methods[m]!
    const cost = x.type === 'per_item' ? x.cost + (count - 1) * x.additional : x.cost
    rates[m] = { id: x.id, label: x.label, bundling: x.bundling, type: x.type, cost, convert_from: x.convert_from, exchange_rate: 1 }
  }
  const method = rates[0]
  split(method.cost, base, baseSum, ship, rem, n)

  const rate = ix.rate
  const t = { item_total: 0, discount: 0, subtotal: 0, tax: 0, item_total_with_tax: 0, shipping_subtotal: 0, shipping_discount: 0, shipping: 0, shipping_tax: 0, shipping_total: 0, moss_taxable_amount: 0, moss_tax_total: 0, item_count: count, price_conversion: false, trial_deductions: 0, total: 0 }
  const appliesTo: string[] = new Array(n)
  const products: any[] = new Array(n)
  for (let i = 0; i < n; i++) {
    const p = prods[i]!
    const sub = base[i]!
    const tax = Math.round((sub * rate.percent) / 100)
    const sh = ship[i]!
    const shTax = Math.round((sh * rate.percent) / 100)
    const withTax = sub + tax
    const shTotal = sh + shTax
    const total = withTax + shTotal
    t.item_total += item[i]!
    t.discount += disc[i]!
    t.subtotal += sub
    t.tax += tax
    t.item_total_with_tax += withTax
    t.shipping_subtotal += sh
    t.shipping += sh
    t.shipping_tax += shTax
    t.shipping_total += shTotal
    t.total += total
    appliesTo[i] = p.id
    products[i] = {
      name: p.name,
      quantity: qty[i],
      type: 'physical_product',
      classification: p.classification,
      discount_allowed: true,
      is_moss_product: false,
      currency: 'EUR',
      id: p.id,
      taxes: {
        inclusive: false,
        tax_rates: [{ id: rate.id, rate_percent: rate.percent, rate_amount: null, label: rate.label, tax, moss: false, jurisdiction: rate.jurisdiction, inclusive: false, vat_tax: true, taxable_amount: sub }],
        shipping_tax_rates: [{ id: rate.id, rate_percent: rate.percent, rate_amount: null, label: ix.shippingLabel, tax: shTax, moss: false, jurisdiction: rate.jurisdiction, inclusive: false, vat_tax: true, taxable_amount: sh }],
      },
      totals: {
        unit_price: p.price, item_total: item[i], discount: disc[i], subtotal: sub, tax, item_total_with_tax: withTax,
        shipping_subtotal: sh, shipping_discount: 0, shipping: sh, shipping_tax: shTax, shipping_total: shTotal, total,
        moss_taxable_amount: 0, moss_tax_total: 0, exchange_rate: null, price_conversion: false,
      },
      reservations: [],
      discounts: [{ id: coupon.id, code: coupon.code, label: coupon.label, type: 'percent', amount: disc[i], shipping_amount: 0 }],
      has_shipping: true,
      variation_id: null,
      is_variant: false,
      pack: null,
      ean: p.ean,
      sku: p.sku,
    }
  }

  const pl = ix.plan
  const interest = Math.round((t.total * pl.interestNum) / pl.interestDen)
  const T = t.total + interest
  const upfront = Math.round((T * pl.upfrontNum) / pl.upfrontDen)
  const each = Math.floor((T - upfront) / pl.instalments)
  const t0 = Date.parse(at)
  const step = pl.cycle === 'week' ? WEEK : DAY
  const schedule: { due: string; amount: number }[] = [{ due: new Date(t0).toISOString(), amount: upfront }]
  for (let k = 1; k <= pl.instalments; k++) schedule.push({ due: new Date(t0 + (pl.offset + (k - 1) * pl.interval) * step).toISOString(), amount: each })

  // Object.assign, not `{ ...customer, billing_information }`: on Node 20 a spread followed by
  // more properties takes 1–8 µs (the clone's map is not reused), more than the rest of this function.
  const customer: any = Object.assign({}, ix.customer)
  customer.billing_information = Object.assign({}, ix.address)
  customer.shipping_information = Object.assign({}, ix.address)
  const payments = ix.payments.slice()
  payments.push('instalments')

  return {
    status: 200,
    warnings: [],
    transaction: {
      object: 'transaction',
      affiliate: null,
      site: null,
      customer_information: customer,
      payments,
      locale: request.locale ?? 'en',
      instalments: [
        {
          interval: pl.interval, instalments: pl.instalments, cycle: pl.cycle, offset: pl.offset, id: pl.id,
          upfront_amount: upfront, upfront: pl.upfront, instalments_amount: each, interest,
          total_amount: upfront + pl.instalments * each, schedule,
        },
      ],
      taxes: {
        tax_rates: [{ id: rate.id, rate_percent: rate.percent, rate_amount: null, label: rate.label, tax: t.tax, moss: false, jurisdiction: rate.jurisdiction, inclusive: false, vat_tax: true, taxable_amount: t.subtotal, applies_to: appliesTo }],
        shipping_tax_rates: [{ id: rate.id, rate_percent: rate.percent, rate_amount: null, label: ix.shippingLabel, tax: t.shipping_tax, moss: false, jurisdiction: rate.jurisdiction, inclusive: false, vat_tax: true, taxable_amount: t.shipping, applies_to: appliesTo.slice() }],
        has_vat: true,
      },
      shipping: { has_shipping: true, shipping_rates: rates, item_count: count, shipping_method: method },
      currency: 'EUR',
      products,
      totals: t,
      discounts: [{ id: coupon.id, code: coupon.code, label: coupon.label, type: 'percent', value: coupon.percent, amount: discount, shipping_amount: 0, applies_to: null }],
      has_subscriptions: false,
    },
  }
}

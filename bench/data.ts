/**
 * Fixed, seeded benchmark data in the SPEC's formats: StoreConfig (§2.2) and EstimateRequest (§2.1),
 * plus the same carts in Medusa's `decorateCartTotals` input shape (issue 8).
 *
 * Everything here is deterministic: the same arguments give the same objects on every run and
 * every machine (a mulberry32 PRNG, no Math.random, no clock). Generation always happens outside
 * the timed part of a benchmark.
 */

/** A small, fast, seeded PRNG (mulberry32), shared with the tests. Returns floats in [0, 1). */
import { prng as rng } from '../test/support/prng'

export { rng }

/** An integer in [lo, hi] from `r`. */
export function int(r: () => number, lo: number, hi: number): number {
  return lo + Math.floor(r() * (hi - lo + 1))
}

/** The instant every estimate of the bench is made at (instalment due dates, date rules). */
export const AT = '2026-03-02T09:30:00.000Z'

export const CUSTOMER_ID = 'cus-bench-0001'
export const SHIPPING_ID = 'ship-bench-standard'
export const COUPON_CODE = 'BENCH10'
export const PLAN_ID = 'plan-bench-3w'
export const VAT_PERCENT = 19
export const COUPON_PERCENT = 10
export const SHIPPING_COST = 1312

/** Product ids are stable and sortable: `prd-000001`, … */
export function productId(i: number): string {
  return `prd-${String(i).padStart(6, '0')}`
}

const CATEGORIES = ['general', 'Cell phones & accessories', 'Home & garden', 'Toys', 'Books']
const WORDS = ['Big', 'Small', 'Blue', 'Red', 'Wooden', 'Steel', 'Painting', 'Mug', 'Lamp', 'Chair', 'Poster', 'Shirt']

export interface StoreOptions {
  /** Number of products in the catalog. */
  readonly products: number
  /** `account.max_lines` (default 20, the API's maximum). */
  readonly maxLines?: number
  /**
   * Give some products variants and packs (about 10% and 5%), as real catalogs have. Only simple
   * products are ever put in the bench carts, so every cart stays comparable with the baselines.
   */
  readonly mixed?: boolean
  readonly seed?: number
}

/**
 * A German merchant (EUR, exclusive prices, 19% VAT), `n` physical products as the Tamio Inventory
 * API returns them (seed 004), one stored German consumer, two shipping methods (the cart uses the
 * fixed 13.12 EUR one), a 10% coupon, and the 3-instalment plan of the fixture `api-estimate-de`.
 */
export function makeStore(opts: StoreOptions): Record<string, unknown> {
  const r = rng(opts.seed ?? 0x5eed)
  const mixed = opts.mixed ?? false
  const products: Record<string, unknown>[] = new Array(opts.products)
  for (let i = 0; i < opts.products; i++) {
    const id = productId(i)
    const price = int(r, 99, 49999) // 0.99 … 499.99 EUR
    const name = `${WORDS[int(r, 0, WORDS.length - 1)]} ${WORDS[int(r, 0, WORDS.length - 1)]} ${i}`
    const kind = mixed ? r() : 1
    const product: Record<string, unknown> = {
      id,
      object: 'product',
      name,
      classification: CATEGORIES[int(r, 0, CATEGORIES.length - 1)],
      type: 'physical_product',
      price,
      currency: 'EUR',
      pricing_model: [{ id: `pm-${id}`, object: 'pricing_model', currency: 'EUR', price, recommended_seller_price: 0, acquisition_price: 0 }],
      tax_calculation: 'exclusive',
      discount_allowed: true,
      is_moss_product: false,
      buyable: true,
      stock: 1_000_000,
      unlimited_stock: false,
      allow_negative_stock: false,
      min_units: null,
      max_units: null,
      has_variations: false,
      variations: null,
      packs: [],
      weight: int(r, 50, 5000),
      languages: { en: { title: name, description: null, seo_title: null, seo_description: null, slug: null } },
      additional_information: { ean: null, sku: `SKU-${i}`, release_date: null, expiry_date: null },
    }
    if (kind < 0.1) {
      product.has_variations = true
      product.variations = {
        delta_pricing: kind < 0.05,
        variants: [0, 1, 2].map((v) => ({
          id: `${id}-v${v}`,
          pricing_model: [{ currency: 'EUR', price: kind < 0.05 ? v * 100 : price + v * 100 }],
          stock: 1000,
          sku: `SKU-${i}-${v}`,
          ean: null,
          weight: 300,
        })),
      }
    } else if (kind < 0.15) {
      product.packs = [{ id: `${id}-pk10`, label: 'Pack of 10', stock: 10, multiple: true }]
    }
    products[i] = product
  }
  return {
    account: {
      base_currency: 'EUR',
      country: 'DE',
      currencies: ['EUR'],
      payment_methods: ['stripe', 'sepa', 'sofort', { id: 'klarna', currencies: ['EUR'], countries: null, min_total: { EUR: 1000 }, max_total: null }],
      max_lines: opts.maxLines ?? 20,
    },
    products,
    customers: [
      {
        id: CUSTOMER_ID,
        name: 'Erika',
        last_name: 'Mustermann',
        email: 'erika@example.com',
        country: 'DE',
        locale: 'de',
        addresses: [
          {
            id: 'addr-bench-1', object: 'address', name: 'Erika Mustermann', email: 'erika@example.com', phone: null,
            address: 'Heidestraße 17', city: 'Köln', postcode: '51147', state: null, country: 'DE', locale: 'de',
            shipping_address: true, is_company: false, vat: null, verified_vat: false,
          },
        ],
        default_billing_address_id: 'addr-bench-1',
        default_shipping_address_id: 'addr-bench-1',
      },
    ],
    tax_rates: [{ id: null, label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: String(VAT_PERCENT), rate_amount: null, vat_tax: true, compound: false }],
    shipping_methods: [
      { id: SHIPPING_ID, label: 'DHL Paket', type: 'fixed', cost: SHIPPING_COST, currency: 'EUR', bundling: false, countries: null, free_over: null, additional_item_cost: null, weight_tiers: null, inclusive: null },
      { id: 'ship-bench-express', label: 'DHL Express', type: 'per_item', cost: 1990, currency: 'EUR', bundling: false, countries: ['DE', 'AT'], free_over: null, additional_item_cost: 250, weight_tiers: null, inclusive: null },
    ],
    coupons: [{ code: COUPON_CODE, id: 'cpn-bench-10', label: '10% off everything', type: 'percent', value: String(COUPON_PERCENT) }],
    discounts: [],
    instalment_plans: [
      { id: PLAN_ID, instalments: 3, interval: 1, cycle: 'week', offset: 1, upfront_percent: '12.34', interest_percent: '30', min_total: null, max_total: null, currencies: null },
    ],
    exchange_rates: { base: 'EUR', rates: { SEK: '11.0235', USD: '1.0873' } },
  }
}

/**
 * A cart of `lines` distinct simple products (ids spread over the catalog, quantities 1–3), for the
 * stored customer, with the coupon and the fixed shipping method.
 */
export function makeRequest(lines: number, catalogSize: number, seed = 0xca27): Record<string, unknown> {
  if (lines > catalogSize) throw new Error(`a cart of ${lines} distinct lines needs at least that many products`)
  const r = rng(seed + lines)
  // Distinct ids: a random stride co-prime with the catalog size walks it without repeats.
  let stride = int(r, 1, catalogSize - 1) | 1
  while (gcd(stride, catalogSize) !== 1) stride += 2
  let at = int(r, 0, catalogSize - 1)
  const products: { id: string; quantity: number }[] = new Array(lines)
  for (let i = 0; i < lines; i++) {
    products[i] = { id: productId(at), quantity: int(r, 1, 3) }
    at = (at + stride) % catalogSize
  }
  return {
    products,
    currency: 'EUR',
    coupons: [COUPON_CODE],
    customer: { id: CUSTOMER_ID },
    shipping: { tamio: SHIPPING_ID },
    locale: 'de',
  }
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b]
  return a
}

/** The unit price (minor units) of each line of `request`, read from `store`. */
export function linePrices(store: Record<string, unknown>, request: Record<string, unknown>): { price: number; quantity: number; id: string }[] {
  const byId = new Map<string, number>()
  for (const p of store.products as { id: string; price: number }[]) byId.set(p.id, p.price)
  return (request.products as { id: string; quantity: number }[]).map((l) => ({ id: l.id, quantity: l.quantity, price: byId.get(l.id)! }))
}

/** The Medusa cart shape `decorateCartTotals` reads (see bench/README.md). */
export interface MedusaCart {
  currency_code: string
  items: { id: string; unit_price: number; quantity: number; is_tax_inclusive: boolean; tax_lines: { rate: number }[]; adjustments: { amount: number }[] }[]
  shipping_methods: { id: string; amount: number; is_tax_inclusive: boolean; tax_lines: { rate: number }[]; adjustments: { amount: number }[] }[]
}

/**
 * The same cart in Medusa v2's input shape: amounts in major units (Medusa stores 25.00, not 2500),
 * one 19% tax line and one 10% adjustment per line (Medusa's promotion module precomputes
 * adjustment amounts; here it is exactly 10% of the line), one taxed shipping method. A fresh
 * object graph every call: `decorateCartTotals` mutates its input.
 */
export function makeMedusaCart(lines: readonly { price: number; quantity: number; id: string }[]): MedusaCart {
  return {
    currency_code: 'eur',
    items: lines.map((l) => ({
      id: `li-${l.id}`,
      unit_price: l.price / 100,
      quantity: l.quantity,
      is_tax_inclusive: false,
      tax_lines: [{ rate: VAT_PERCENT }],
      adjustments: [{ amount: (l.price * l.quantity * COUPON_PERCENT) / 100 / 100 }],
    })),
    shipping_methods: [{ id: SHIPPING_ID, amount: SHIPPING_COST / 100, is_tax_inclusive: false, tax_lines: [{ rate: VAT_PERCENT }], adjustments: [] }],
  }
}

/**
 * The "theirs" side of the bench's reconcile scenario: a copy of an estimate's JSON with one cent
 * moved (the transaction's tax and its first line's tax, each one cent more).
 */
export function oneCentMoved(ours: unknown): unknown {
  const theirs = JSON.parse(JSON.stringify(ours)) as { transaction: { totals: { tax: number }; products: { totals: { tax: number } }[] } }
  theirs.transaction.totals.tax += 1
  theirs.transaction.products[0]!.totals.tax += 1
  return theirs
}

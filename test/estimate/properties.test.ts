/**
 * The estimate as properties over random catalogs and carts (test/support/arbitraries.ts): the
 * conservation laws of SPEC §3 (every total is the sum of its parts, shares sum to what was split,
 * schedules sum to the plan), integer outputs, purity (frozen inputs, byte-identical JSON), and
 * malformed requests always answered with a 400 envelope, never an exception.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateOptions, type EstimateRequest, type EstimateResponse, type StoreConfig, type Transaction } from '../../src/index'
import { AT, clone, deepFreeze, scenario } from '../support/arbitraries'

const RUNS = 100

type Json = Record<string, unknown>

function runScenario(s: { config: Json; request: Json; options: Json }): EstimateResponse {
  return estimate(createStore(s.config as unknown as StoreConfig), s.request as unknown as EstimateRequest, s.options as EstimateOptions)
}

/** The transaction of a 200; a 400 from a valid generated cart may only be "every line rejected". */
function transactionOf(res: EstimateResponse): Transaction | null {
  if (res.status === 200) return res.transaction
  expect(res.errors.map((e) => e.code)).toEqual(['no_products'])
  return null
}

const SUMMED = [
  'item_total', 'discount', 'subtotal', 'tax', 'item_total_with_tax', 'shipping_subtotal', 'shipping_discount',
  'shipping', 'shipping_tax', 'shipping_total', 'moss_taxable_amount', 'moss_tax_total',
] as const

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

/** A decimal string as an exact fraction [num, den] of bigints. */
function decimalFraction(s: string): [bigint, bigint] {
  const [int, frac = ''] = s.split('.')
  return [BigInt(int! + frac), 10n ** BigInt(frac.length)]
}

/** n / d (d > 0) rounded with a SPEC §3.8 mode — an oracle independent of src/money. */
function roundBig(n: bigint, d: bigint, mode: string): number {
  const neg = n < 0n
  const a = neg ? -n : n
  let q = a / d
  const r = a - q * d
  if (r !== 0n) {
    const twice = 2n * r
    const away =
      mode === 'half_up' ? twice >= d
      : mode === 'half_down' ? twice > d
      : mode === 'half_even' ? twice > d || (twice === d && q % 2n === 1n)
      : mode === 'up' ? true
      : mode === 'down' ? false
      : mode === 'ceil' ? !neg
      : neg
    if (away) q += 1n
  }
  return Number(neg ? -q : q)
}

/** Numbers that are not amounts or counts: rates and percentages shown as JSON numbers. */
const NOT_AMOUNTS = new Set(['exchange_rate', 'rate_percent', 'upfront', 'value'])

function nonAmountNumbers(v: unknown, path: string, out: string[]): void {
  if (typeof v === 'number') {
    const key = path.slice(path.lastIndexOf('.') + 1).replace(/\[\d+\]$/, '')
    if (!NOT_AMOUNTS.has(key) && !(Number.isSafeInteger(v) && v >= 0)) out.push(`${path} = ${v}`)
  } else if (Array.isArray(v)) v.forEach((x, i) => nonAmountNumbers(x, `${path}[${i}]`, out))
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) nonAmountNumbers(x, `${path}.${k}`, out)
}

describe('properties', () => {
  it('every transaction total is the exact sum of its lines; total = Σ line total − trial_deductions; item_count = Σ quantity', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const t = transactionOf(runScenario(s))
        if (t === null) return
        for (const k of SUMMED) expect(t.totals[k], k).toBe(sum(t.products.map((p) => p.totals[k])))
        expect(t.totals.total).toBe(sum(t.products.map((p) => p.totals.total)) - t.totals.trial_deductions)
        expect(t.totals.item_count).toBe(sum(t.products.map((p) => p.quantity)))
        expect(t.totals.price_conversion).toBe(t.products.some((p) => p.totals.price_conversion))
      }),
      { numRuns: RUNS },
    )
  })

  it('each line follows §3.6: item_total = unit × quantity, subtotal, item_total_with_tax, shipping, shipping_total, total = item_total_with_tax + shipping_total', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const t = transactionOf(runScenario(s))
        if (t === null) return
        for (const p of t.products) {
          const x = p.totals
          expect(x.item_total).toBe(x.unit_price * p.quantity)
          expect(x.subtotal).toBe(x.item_total - x.discount)
          expect(x.item_total_with_tax).toBe(x.subtotal + (p.taxes.inclusive ? 0 : x.tax))
          expect(x.shipping).toBe(x.shipping_subtotal - x.shipping_discount)
          const shippingInclusive = p.taxes.shipping_tax_rates[0]?.inclusive ?? false
          expect(x.shipping_total).toBe(x.shipping + (shippingInclusive ? 0 : x.shipping_tax))
          expect(x.total).toBe(x.item_total_with_tax + x.shipping_total)
          // a line's taxes are the sum of its rates; unshipped lines carry no shipping
          expect(x.tax).toBe(sum(p.taxes.tax_rates.map((r) => r.tax)))
          expect(x.shipping_tax).toBe(sum(p.taxes.shipping_tax_rates.map((r) => r.tax)))
          if (!p.has_shipping) expect([x.shipping_subtotal, x.shipping_tax]).toEqual([0, 0])
        }
        // the aggregated rates add up to the totals
        expect(sum(t.taxes.tax_rates.map((r) => r.tax))).toBe(t.totals.tax)
        expect(sum(t.taxes.shipping_tax_rates.map((r) => r.tax))).toBe(t.totals.shipping_tax)
      }),
      { numRuns: RUNS },
    )
  })

  it('shipping shares sum exactly to the order\'s shipping cost (0 when nothing is shipped)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const t = transactionOf(runScenario(s))
        if (t === null) return
        const cost = t.shipping.has_shipping ? (t.shipping.shipping_method?.cost ?? 0) : 0
        expect(t.totals.shipping_subtotal).toBe(cost)
        expect(t.shipping.has_shipping).toBe(t.products.some((p) => p.has_shipping))
        expect(t.totals.shipping_discount).toBeLessThanOrEqual(cost)
        if (!t.shipping.has_shipping) expect([t.shipping.shipping_method, t.shipping.shipping_rates]).toEqual([null, []])
      }),
      { numRuns: RUNS },
    )
  })

  it('instalment schedules sum to total_amount; exact keeps total + interest, tamio drops fewer than n cents', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const t = transactionOf(runScenario(s))
        if (t === null) return
        const exact = (s.options.instalment_rounding ?? (s.config.account as Json).instalment_rounding) === 'exact'
        for (const p of t.instalments) {
          expect(p.schedule).toHaveLength(p.instalments + 1)
          expect(sum(p.schedule.map((e) => e.amount))).toBe(p.total_amount)
          const T = t.totals.total + p.interest
          if (exact) expect(p.total_amount).toBe(T)
          else {
            expect(p.total_amount).toBe(p.upfront_amount + p.instalments * p.instalments_amount)
            expect(T - p.total_amount).toBeGreaterThanOrEqual(0)
            expect(T - p.total_amount).toBeLessThan(p.instalments)
          }
          expect(p.schedule[0]!.due).toBe(AT)
          for (let k = 1; k < p.schedule.length; k++) expect(p.schedule[k]!.due >= p.schedule[k - 1]!.due).toBe(true)
        }
        expect(t.payments.includes('instalments')).toBe(t.instalments.length > 0)
        if (t.instalments.length > 0) expect(t.payments[t.payments.length - 1]).toBe('instalments')
      }),
      { numRuns: RUNS },
    )
  })

  it('at tax_rounding line, each exclusive percentage charge is round(taxable_amount × rate) in the rounding mode (BigInt oracle)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const t = transactionOf(runScenario(s))
        if (t === null) return
        const account = s.config.account as Json
        const level = s.options.tax_rounding ?? account.tax_rounding
        if (level !== 'line') return
        const mode = (s.options.rounding ?? account.rounding) as string
        for (const p of t.products) {
          for (const r of [...p.taxes.tax_rates, ...p.taxes.shipping_tax_rates]) {
            if (r.inclusive || r.rate_percent === null) continue
            const [num, den] = decimalFraction(String(r.rate_percent))
            expect(r.tax).toBe(roundBig(BigInt(r.taxable_amount) * num, den * 100n, mode))
          }
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('instalment amounts follow §3.7 in every rounding mode (BigInt oracle)', () => {
    const arb = fc.record({
      total: fc.integer({ min: 0, max: 10_000_000 }),
      n: fc.integer({ min: 1, max: 24 }),
      upfront: fc.constantFrom('0', '10', '12.34', '33.333', '50', '100'),
      interest: fc.constantFrom('0', '5', '12.5', '30', '7.77'),
      mode: fc.constantFrom('half_up', 'half_even', 'half_down', 'up', 'down', 'ceil', 'floor'),
      exact: fc.boolean(),
    })
    fc.assert(
      fc.property(arb, (a) => {
        const config = {
          account: { base_currency: 'EUR', country: 'DE' },
          instalment_plans: [{ id: 'p', instalments: a.n, interval: 1, cycle: 'month', offset: 1, upfront_percent: a.upfront, interest_percent: a.interest }],
        }
        const res = estimate(createStore(config as unknown as StoreConfig), { products: [{ name: 'x', price: a.total }], new_customer: { country: 'DE' } } as unknown as EstimateRequest, {
          at: AT,
          rounding: a.mode,
          instalment_rounding: a.exact ? 'exact' : 'tamio',
        } as EstimateOptions)
        if (res.status !== 200) throw new Error(JSON.stringify(res.errors))
        const p = res.transaction.instalments[0]!
        const [iN, iD] = decimalFraction(a.interest)
        const [uN, uD] = decimalFraction(a.upfront)
        const interest = roundBig(BigInt(a.total) * iN, iD * 100n, a.mode)
        const T = a.total + interest
        const upfront = roundBig(BigInt(T) * uN, uD * 100n, a.mode)
        const each = Math.floor((T - upfront) / a.n)
        expect([p.interest, p.upfront_amount, p.instalments_amount]).toEqual([interest, upfront, each])
        expect(p.total_amount).toBe(a.exact ? T : upfront + a.n * each)
        const amounts = p.schedule.slice(1).map((e) => e.amount)
        expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(a.exact ? 1 : 0)
      }),
      { numRuns: 300 },
    )
  })

  it('every amount and count in the output is a safe integer ≥ 0', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const t = transactionOf(runScenario(s))
        if (t === null) return
        const bad: string[] = []
        nonAmountNumbers(t, 'transaction', bad)
        expect(bad).toEqual([])
      }),
      { numRuns: RUNS },
    )
  })

  it('inputs are never mutated: createStore and estimate accept deep-frozen config, request and options', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const pristine = clone(s)
        const frozen = deepFreeze(clone(s))
        const store = createStore(frozen.config as unknown as StoreConfig)
        const res = estimate(store, frozen.request as unknown as EstimateRequest, frozen.options as EstimateOptions)
        expect(frozen).toEqual(pristine)
        // and the result is the same as from unfrozen inputs
        expect(JSON.stringify(res)).toBe(JSON.stringify(runScenario(pristine)))
      }),
      { numRuns: RUNS },
    )
  })

  it('the same input gives byte-identical JSON (same store twice, and a store rebuilt from a copy)', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const store = createStore(s.config as unknown as StoreConfig)
        const a = JSON.stringify(estimate(store, s.request as unknown as EstimateRequest, s.options as EstimateOptions))
        const b = JSON.stringify(estimate(store, s.request as unknown as EstimateRequest, s.options as EstimateOptions))
        const c = JSON.stringify(runScenario(clone(s)))
        expect(b).toBe(a)
        expect(c).toBe(a)
      }),
      { numRuns: RUNS },
    )
  })

  describe('malformed requests', () => {
    const notQuantity = fc.oneof(
      fc.integer({ min: -1_000, max: 0 }),
      fc.double({ noInteger: true }),
      fc.string(),
      fc.boolean(),
      fc.array(fc.nat(), { maxLength: 2 }),
      fc.dictionary(fc.string(), fc.nat(), { maxKeys: 2 }),
    )
    const notAmount = fc.oneof(fc.integer({ min: -1_000, max: -1 }), fc.double({ noInteger: true }), fc.string(), fc.boolean())
    const notObject = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.nat(), { maxLength: 2 }))
    const notArray = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.dictionary(fc.string(), fc.nat(), { maxKeys: 2 }))
    const notCurrency = fc.constantFrom('EURO', '', 'eu', '€', '123', 'ABCD', 'X1Y')

    type Breaker = (req: Json, i: number) => fc.Arbitrary<{ req: unknown; opts?: Json; path: string }>
    const at = (req: Json, i: number, line: unknown): Json => {
      const products = [...(req.products as unknown[])]
      products[i] = line
      return { ...req, products }
    }
    const breakers: Breaker[] = [
      (req, i) => notQuantity.map((q) => ({ req: at(req, i, { ...((req.products as Json[])[i]!), quantity: q }), path: `products[${i}].quantity` })),
      (req, i) => fc.constantFrom('id', 'variant', 'pack').map((k) => ({ req: at(req, i, { [k]: `no-such-${k}` }), path: `products[${i}].${k}` })),
      (req, i) => notAmount.map((price) => ({ req: at(req, i, { name: 'Fee', price }), path: `products[${i}].price` })),
      (req, i) => fc.constant({ req: at(req, i, { name: 'Fee' }), path: `products[${i}].price` }),
      (req, i) => fc.constant({ req: at(req, i, { price: 100 }), path: `products[${i}].name` }),
      (req, i) => notObject.map((line) => ({ req: at(req, i, line), path: `products[${i}]` })),
      (req) => notArray.map((products) => ({ req: { ...req, products }, path: 'products' })),
      (req) => fc.constant({ req: { ...req, products: [] }, path: 'products' }),
      (req) => fc.constant({ req: { ...req, customer: undefined }, path: 'customer' }),
      (req) => notObject.map((customer) => ({ req: { ...req, customer }, path: 'customer' })),
      (req) => notCurrency.map((currency) => ({ req: { ...req, currency }, path: 'currency' })),
      (req) => notArray.map((coupons) => ({ req: { ...req, coupons }, path: 'coupons' })),
      (req) => notObject.map((shipping) => ({ req: { ...req, shipping }, path: 'shipping' })),
      (req) => fc.oneof(fc.string(), fc.integer(), fc.constant(null)).map((convert) => ({ req: { ...req, convert_prices: convert === null ? 'yes' : convert }, path: 'convert_prices' })),
      (req) => fc.constantFrom('GBP', 'JPY', 'CHF').map((currency) => ({ req: { ...req, currency }, path: 'currency' })),
      () => fc.oneof(notObject, fc.constant(null)).map((body) => ({ req: body, path: '' })),
      (req) => fc.constantFrom('tomorrow', '2026-02-30x', 1_700_000_000, true).map((bad) => ({ req, opts: { at: bad }, path: 'options.at' })),
    ]
    const broken = scenario.chain((s) =>
      fc.tuple(fc.integer({ min: 0, max: breakers.length - 1 }), fc.nat()).chain(([b, n]) =>
        breakers[b]!(s.request, n % (s.request.products as unknown[]).length).map((m) => ({ s, ...m })),
      ),
    )

    it('a malformed field always answers 400 with a stable code at its path, never an exception', () => {
      fc.assert(
        fc.property(broken, ({ s, req, opts, path }) => {
          const res = estimate(createStore(s.config as unknown as StoreConfig), req as EstimateRequest, { ...s.options, ...(opts ?? {}) } as EstimateOptions)
          expect(res.status).toBe(400)
          if (res.status !== 400) return
          expect(res.errors.length).toBeGreaterThan(0)
          for (const e of res.errors) {
            expect(typeof e.code === 'string' && /^[a-z_]+$/.test(e.code)).toBe(true)
            expect(typeof e.path).toBe('string')
            expect(e.message.length).toBeGreaterThan(0)
          }
          expect(res.errors.map((e) => e.path)).toContain(path)
        }),
        { numRuns: 200 },
      )
    })

    it('arbitrary values anywhere in a request or as the request never throw: always a well-formed envelope', () => {
      const garbage = scenario.chain((s) =>
        fc.oneof(
          fc.anything().map((body) => ({ s, body: body as unknown })),
          fc.tuple(fc.constantFrom('products', 'customer', 'currency', 'coupons', 'shipping', 'locale', 'new_customer', 'convert_prices'), fc.anything()).map(([k, v]) => ({ s, body: { ...s.request, [k]: v } as unknown })),
          fc.tuple(fc.nat(), fc.constantFrom('id', 'variant', 'pack', 'quantity', 'name', 'price', 'label'), fc.anything()).map(([i, k, v]) => {
            const products = [...(s.request.products as Json[])]
            const j = i % products.length
            products[j] = { ...products[j]!, [k]: v }
            return { s, body: { ...s.request, products } as unknown }
          }),
        ),
      )
      fc.assert(
        fc.property(garbage, ({ s, body }) => {
          const res = estimate(createStore(s.config as unknown as StoreConfig), body as EstimateRequest, s.options as EstimateOptions)
          expect([200, 400]).toContain(res.status)
          expect(Array.isArray(res.warnings)).toBe(true)
          if (res.status === 400) expect(res.errors.length).toBeGreaterThan(0)
          else expect(res.transaction.object).toBe('transaction')
          expect(() => JSON.stringify(res)).not.toThrow()
        }),
        { numRuns: 200 },
      )
    })
  })
})

/**
 * The derivation trace (`estimate(..., { trace: true })`) and `explain`: the fixture's lines worked
 * by hand, the trace's JSON round trip, the default output untouched, and properties over generated
 * carts checked against an independent BigInt rounding oracle.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStore, estimate, explain, type EstimateRequest, type StoreConfig, type Trace, type TraceEntry } from '../../src/index'
import estStore from '../fixtures/api-estimate-de/store.json'
import estRequest from '../fixtures/api-estimate-de/request.json'
import { fixtureCases, generatedCarts, STORES } from '../support/carts'

const AT = '2026-11-25T12:00:00Z'
const store = createStore(estStore as unknown as StoreConfig)
const request = estRequest as unknown as EstimateRequest

function traced(opts: Record<string, unknown> = {}) {
  const r = estimate(store, request, { at: AT, trace: true, ...opts })
  if (r.status !== 200 || r.trace === undefined) throw new Error('expected a traced 200')
  return r
}

describe('explain: the api-estimate-de fixture (SPEC §5)', () => {
  const res = traced()

  it('shipping tax: round_half_up(1312 × 19%) = round(249.28) = 249', () => {
    // 1312 × 19 / 100 = 249.28, half-up → 249
    expect(explain(res, 'products[0].totals.shipping_tax')[0]).toBe('products[0].totals.shipping_tax = round_half_up(1312 × 19%) = round(249.28) = 249')
  })

  it('tax: round_half_up(10000 × 19%) = round(1900) = 1900', () => {
    expect(explain(res, 'products[0].totals.tax')[0]).toBe('products[0].totals.tax = round_half_up(10000 × 19%) = round(1900) = 1900')
    expect(explain(res, 'transaction.taxes.tax_rates[0].tax')[0]).toBe('taxes.tax_rates[0].tax = round_half_up(10000 × 19%) = round(1900) = 1900')
  })

  it('explains the inputs below the amount, each once: the shipping share comes from the method cost', () => {
    const lines = explain(res, 'products[0].totals.shipping_tax')
    expect(lines).toContainEqual(expect.stringMatching(/^ +products\[0\]\.totals\.shipping_subtotal = all of shipping\.shipping_method\.cost \(the only part\) = 1312$/))
    expect(lines).toContainEqual(expect.stringMatching(/^ +products\[0\]\.totals\.shipping_discount = 0 \(no shipping discount\)$/))
    expect(lines.filter((l) => l.trim().startsWith('shipping.shipping_method.cost ='))).toHaveLength(1)
  })

  it('the instalment plan: interest round(4038.3), upfront round(2159.3766), floor(15340 / 3) and the dropped cent', () => {
    expect(explain(res, 'instalments[0].interest')[0]).toBe('instalments[0].interest = round_half_up(13461 × 30%) = round(4038.3) = 4038')
    expect(explain(res, 'instalments[0].upfront_amount')[0]).toBe('instalments[0].upfront_amount = round_half_up((13461 + 4038) × 12.34%) = round(2159.3766) = 2159')
    expect(explain(res, 'instalments[0].instalments_amount')[0]).toBe(
      'instalments[0].instalments_amount = round_floor((17499 − 2159) / 3) = round(5113.333333333333…) = 5113',
    )
    const total = explain(res, 'instalments[0].total_amount')
    expect(total[0]).toBe('instalments[0].total_amount = upfront_amount + instalments × instalments_amount = 2159 + 3 × 5113 = 17498')
    expect(total).toContain('  with instalment_rounding "exact" it would be 17499')
  })

  it('totals.total is the sum of the line totals', () => {
    expect(explain(res, 'totals.total')[0]).toBe('totals.total = Σ products[].totals.total − trial_deductions = 13461 − 0 = 13461')
  })

  it('never throws: an untraced response or an unknown path is one line saying so', () => {
    expect(explain(estimate(store, request, { at: AT }), 'totals.total')).toEqual([
      'totals.total: no trace in this response — estimate with { trace: true } to explain its amounts',
    ])
    expect(explain(res, 'products[9].totals.tax')).toHaveLength(1)
    expect(explain(null, 'x')).toHaveLength(1)
    expect(explain(res, '__proto__')).toHaveLength(1)
  })

  it('works on the response parsed back from JSON (the trace is plain data)', () => {
    const back = JSON.parse(JSON.stringify(res)) as unknown
    expect(explain(back, 'products[0].totals.shipping_tax')).toEqual(explain(res, 'products[0].totals.shipping_tax'))
  })
})

describe('the trace is opt-in', () => {
  it('without trace the response has no trace key and its JSON is byte-identical to the traced one minus the trace', () => {
    const plain = estimate(store, request, { at: AT })
    const withTrace = traced()
    expect(Object.keys(plain)).toEqual(['status', 'warnings', 'transaction'])
    const { trace, ...rest } = withTrace
    expect(trace?.version).toBe(1)
    expect(JSON.stringify(rest)).toBe(JSON.stringify(plain))
  })

  it('records the effective options: the policies after account defaults and overrides', () => {
    const t = traced({ rounding: 'half_even', instalment_rounding: 'exact' }).trace as Trace
    expect(t.options).toEqual({
      at: '2026-11-25T12:00:00.000Z',
      payment_method: null,
      strict: false,
      rounding: 'half_even',
      tax_rounding: 'line',
      shipping_tax: 'proportional',
      inclusive_rounding: 'net',
      inclusive_cross_border: 'keep_gross',
      instalment_rounding: 'exact',
    })
  })
})

/** The independent oracle: round n/d with a mode, by BigInt floor division. */
function oracleRound(n: bigint, d: bigint, mode: string): bigint {
  if (d < 0n) {
    n = -n
    d = -d
  }
  const floor = n >= 0n ? n / d : -((-n + d - 1n) / d)
  const r = n - floor * d // 0 ≤ r < d
  if (r === 0n) return floor
  const ceil = floor + 1n
  const twice = 2n * r
  const pos = n > 0n
  switch (mode) {
    case 'floor':
      return floor
    case 'ceil':
      return ceil
    case 'down':
      return pos ? floor : ceil
    case 'up':
      return pos ? ceil : floor
    case 'half_up':
      return twice > d || (twice === d && pos) ? ceil : floor
    case 'half_down':
      return twice > d || (twice === d && !pos) ? ceil : floor
    default:
      return twice > d || (twice === d && floor % 2n !== 0n) ? ceil : floor
  }
}

function numberAt(root: unknown, path: string): unknown {
  let v: unknown = root
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<string, unknown>)[m[2] ?? m[1]!]
  }
  return v
}

const stores = Object.fromEntries(Object.entries(STORES).map(([k, v]) => [k, createStore(v as unknown as StoreConfig)]))
const CASES = [...fixtureCases(), ...generatedCarts(120, 99)]

describe('properties', () => {
  it('every traced amount equals the transaction at its path, is verified, and every rounding re-computes with the BigInt oracle', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CASES), (c) => {
        const r = estimate(stores[c.store]!, c.request as unknown as EstimateRequest, { ...c.options, trace: true })
        if (r.status !== 200) return
        const amounts = Object.entries(r.trace!.amounts) as [string, TraceEntry][]
        expect(amounts.length).toBeGreaterThan(0)
        for (const [path, e] of amounts) {
          expect(e.unverified, `${c.name}: ${path} ${e.note ?? ''}`).toBeUndefined()
          expect(numberAt(r.transaction, path), path).toBe(e.value)
          if (e.op === 'round' && e.exact !== undefined && e.rounding !== undefined) {
            const [n, d] = e.exact.split('/')
            const rounded = Number(oracleRound(BigInt(n!), BigInt(d ?? '1'), e.rounding))
            const { offset, factor } = e.affine ?? { offset: 0, factor: 1 }
            expect(offset + factor * rounded, `${c.name}: ${path}`).toBe(e.value)
          }
          if (e.allocation !== undefined) {
            const s = r.trace!.splits[e.allocation.split]!
            expect(s.parts.reduce((a, b) => a + b, 0)).toBe(s.total)
            expect(s.parts[e.allocation.index]).toBe(e.value)
            expect(s.parts).toHaveLength(s.weights.length)
          }
          if (e.terms !== undefined && e.terms.length > 0) {
            const sum = e.terms.reduce((a, [p, s]) => a + s * (numberAt(r.transaction, p) as number), 0)
            expect(sum, `${c.name}: ${path}`).toBe(e.value)
          }
        }
      }),
      { numRuns: 80 },
    )
  })

  it('the trace re-derives every amount of random carts over inclusive and exclusive prices, conversion, coupons, shipping discounts, OSS and every policy', () => {
    const rich = createStore({
      account: { base_currency: 'EUR', country: 'DE', currencies: ['EUR', 'SEK'], eu_oss: true, payment_methods: ['stripe'] },
      products: [
        { id: 'incl', name: 'Incl', type: 'physical_product', price: 1190, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 1190 }], tax_calculation: 'inclusive', weight: 300 },
        { id: 'excl', name: 'Excl', type: 'physical_product', price: 2499, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 2499 }], weight: 700 },
        { id: 'book', name: 'Book', type: 'physical_product', classification: 'books', price: 1999, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 1999 }, { currency: 'SEK', price: 22900 }] },
        { id: 'svc', name: 'Service', type: 'service', price: 333, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 333 }] },
      ],
      tax_rates: [
        { id: 'de', label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: '19', vat_tax: true },
        { id: 'de7', label: 'MwSt. 7', jurisdiction: 'DE', category: 'books', rate_percent: '7', vat_tax: true },
        { id: 'fr', label: 'TVA', jurisdiction: 'FR', category: null, rate_percent: '20', vat_tax: true },
        { id: 'fr55', label: 'TVA 5,5', jurisdiction: 'FR', category: 'books', rate_percent: '5.5', vat_tax: true },
        { id: 'at', label: 'USt.', jurisdiction: 'AT', category: null, rate_percent: '20', vat_tax: true },
      ],
      shipping_methods: [
        { id: 'dhl', label: 'DHL', type: 'per_item', cost: 499, additional_item_cost: 150, currency: 'EUR' },
        { id: 'post', label: 'Post', type: 'weight', cost: 0, currency: 'SEK', weight_tiers: [{ up_to: 1000, cost: 4900 }, { up_to: null, cost: 9900 }] },
      ],
      coupons: [
        { code: 'TEN', label: '10%', type: 'percent', value: '10' },
        { code: 'FIVE', label: '5 off', type: 'fixed', amounts: { EUR: 500 } },
        { code: 'HALFSHIP', label: 'Half shipping', type: 'shipping', value: '50' },
        { code: 'FREESHIP', label: 'Free shipping', type: 'free_shipping' },
      ],
      instalment_plans: [{ id: 'p', instalments: 4, interval: 1, cycle: 'month', offset: 1, upfront_percent: '10', interest_percent: '7.5' }],
      exchange_rates: { base: 'EUR', rates: { SEK: '11.0235' } },
    })
    const arb = fc.record({
      lines: fc.uniqueArray(fc.record({ id: fc.constantFrom('incl', 'excl', 'book', 'svc'), quantity: fc.integer({ min: 1, max: 7 }) }), { minLength: 1, maxLength: 4, selector: (l) => l.id }),
      coupons: fc.subarray(['TEN', 'FIVE', 'HALFSHIP', 'FREESHIP']),
      country: fc.constantFrom('DE', 'FR', 'AT', 'US'),
      currency: fc.constantFrom('EUR', 'SEK'),
      shipping: fc.constantFrom('dhl', 'post'),
      rounding: fc.constantFrom('half_up', 'half_even', 'half_down', 'up', 'down', 'ceil', 'floor'),
      tax_rounding: fc.constantFrom('line', 'unit', 'total'),
      shipping_tax: fc.constantFrom('proportional', 'highest', 'lowest', 'none'),
      inclusive_rounding: fc.constantFrom('net', 'tax'),
      inclusive_cross_border: fc.constantFrom('keep_gross', 'keep_net'),
      instalment_rounding: fc.constantFrom('tamio', 'exact'),
    })
    fc.assert(
      fc.property(arb, ({ lines, coupons, country, currency, shipping, ...policies }) => {
        const req: EstimateRequest = { products: lines, coupons, currency, convert_prices: true, shipping: { tamio: shipping }, new_customer: { country } }
        const r = estimate(rich, req, { at: AT, trace: true, ...policies })
        if (r.status !== 200) return
        for (const [path, e] of Object.entries(r.trace!.amounts)) {
          expect(e.unverified, `${path}: ${e.note ?? ''} ${JSON.stringify({ req, policies })}`).toBeUndefined()
          expect(numberAt(r.transaction, path)).toBe(e.value)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('every amount of every line total and of the transaction totals is traced', () => {
    const KEYS = [
      'unit_price', 'item_total', 'discount', 'subtotal', 'tax', 'item_total_with_tax', 'shipping_subtotal', 'shipping_discount',
      'shipping', 'shipping_tax', 'shipping_total', 'total', 'moss_taxable_amount', 'moss_tax_total',
    ]
    for (const c of CASES.slice(0, 60)) {
      const r = estimate(stores[c.store]!, c.request as unknown as EstimateRequest, { ...c.options, trace: true })
      if (r.status !== 200) continue
      const a = r.trace!.amounts
      r.transaction.products.forEach((p, i) => {
        for (const k of KEYS) expect(a[`products[${i}].totals.${k}`], `${c.name} products[${i}].totals.${k}`).toBeDefined()
        p.taxes.tax_rates.forEach((_, k) => expect(a[`products[${i}].taxes.tax_rates[${k}].tax`]).toBeDefined())
        p.discounts.forEach((d, k) => expect(a[`products[${i}].discounts[${k}].${d.amount !== 0 ? 'amount' : 'shipping_amount'}`], `${c.name} products[${i}].discounts[${k}]`).toBeDefined())
      })
      for (const k of KEYS.filter((x) => x !== 'unit_price')) expect(a[`totals.${k}`]).toBeDefined()
      r.transaction.instalments.forEach((_, k) => expect(a[`instalments[${k}].total_amount`]).toBeDefined())
    }
  })
})

/**
 * Inference against the brute-force oracle: on spaces small enough to try every setting (three or
 * four axes), the guided search returns exactly the oracle's answer — the same best setting, the
 * same count, the same unexplained orders, the same alternatives in the same order — for orders
 * priced under one hidden setting, under two, with a tampered response, with responses of
 * another cart, and with garbled fields (kinds, statuses, rates, codes, labels).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStore, estimate, inferPolicies, summarize, type EstimateRequest, type StoreConfig } from '../../src/index'
import type { AxisName } from '../../src/policies/axes'
import { bruteForce, type OracleOrder } from './oracle'
import { AT, prng, randomSetting, richRequest, strippedStore } from './orders'

const store = createStore(strippedStore() as unknown as StoreConfig)

/** Axis sets small enough to try every setting (7·3·4·3 = 252 at most), rich in ties. */
const SPACES: readonly (readonly AxisName[])[] = [
  ['rounding', 'tax_rounding', 'allocation', 'discount_proration'],
  ['rounding', 'shipping_tax', 'instalment_rounding', 'instalment_remainder'],
  ['tax_rounding', 'inclusive_rounding', 'inclusive_cross_border', 'tax_base'],
  ['allocation', 'discount_proration', 'tax_base'],
]

type Mix = 'one' | 'two' | 'tampered' | 'foreign' | 'create' | 'drifted' | 'garbled'

/** Orders priced under hidden settings of the space's axes (mix says how). */
function ordersFor(seed: number, axes: readonly AxisName[], mix: Mix, n: number): OracleOrder[] {
  const rnd = prng(seed)
  const pick = (): Record<string, string> => {
    const all = randomSetting(rnd, 0.7)
    return Object.fromEntries(Object.entries(all).filter(([a]) => axes.includes(a as AxisName)))
  }
  const a = pick()
  const b = pick()
  const out: OracleOrder[] = []
  while (out.length < n) {
    const request = richRequest(rnd) as unknown as EstimateRequest
    const hidden = mix === 'two' && out.length % 3 === 1 ? b : a
    const res = estimate(store, request, { at: AT, ...hidden })
    if (res.status !== 200) continue
    // 'create': every other response in the create-transaction shape.
    const response = mix === 'create' && out.length % 2 === 1 ? summarize(res) : res
    out.push({ request, response: JSON.parse(JSON.stringify(response)) as unknown, at: AT })
  }
  if (mix === 'create') {
    // One create-shape answer with a cent moved in a total made of two of our amounts.
    const r = out[1]!.response as { transaction: { totals: { tax: number } } }
    r.transaction.totals.tax += 1
  }
  if (mix === 'drifted') {
    // Store data that drifted from the API's: fields that echo the store or the request.
    const t = (i: number) => (out[i]!.response as { transaction: Record<string, any> }).transaction
    t(1).locale = 'xx'
    t(2).products[0].name = `${String(t(2).products[0].name)} (old)`
    const planned = out.findIndex((o) => ((o.response as { transaction: { instalments: unknown[] } }).transaction.instalments ?? []).length > 0)
    if (planned >= 0) t(planned).instalments[0].upfront += 1
  }
  if (mix === 'tampered') {
    const r = out[1]!.response as { transaction: { totals: { total: number } } }
    r.transaction.totals.total += 1
  }
  if (mix === 'foreign') out[2] = { ...out[2]!, response: out[3]!.response }
  if (mix === 'garbled') {
    // Differences the search ends at once (a kind, a status, a rate or a code the store cannot
    // give, a method's label) beside ones it must search (a null method, a rate the store has):
    // the oracle says whether ending them was right.
    for (const i of [1, 2]) {
      const res = out[i]!.response as Record<string, any>
      const t = res.transaction
      const rate = t.products[0].taxes.tax_rates[0]
      const edits = [
        () => (t.products[0].taxes = 'x'),
        () => (res.status = 201),
        () => (t.taxes.has_vat = 'yes'),
        () => rate !== undefined && (rate.rate_percent += 1),
        () => rate !== undefined && Object.assign(rate, { label: 'MwSt. 7%', rate_percent: 7, id: 'de-red' }),
        () => t.discounts[0] !== undefined && (t.discounts[0].code = 'NOPE'),
        () => t.shipping.shipping_rates[0] !== undefined && (t.shipping.shipping_rates[0].label += ' (old)'),
        () => (t.shipping.shipping_method = null),
        () => t.instalments[0] !== undefined && (t.instalments[0].schedule[0] = null),
      ]
      edits[Math.floor(rnd() * edits.length)]!()
    }
  }
  return out
}

describe('inference equals the brute-force oracle on small spaces', () => {
  it('best setting, count, unexplained orders and alternatives (in order) are the oracle’s, for every mix of hidden settings', () => {
    const seen = { unexplained: 0, alternatives: 0, nonDefault: 0 }
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(...SPACES), fc.constantFrom<Mix>('one', 'two', 'tampered', 'foreign', 'create', 'drifted', 'garbled'), (seed, axes, mix) => {
        const orders = ordersFor(seed, axes, mix, 6)
        const oracle = bruteForce(store, orders, axes)
        const inf = inferPolicies(store, orders, { axes })
        expect(inf.policies).toEqual(oracle.policies)
        expect(inf.matched).toBe(oracle.matched)
        expect(inf.unexplained.map((u) => u.index)).toEqual(oracle.unexplained)
        expect(inf.alternatives).toEqual(oracle.alternatives)
        // Guided, not brute force: fewer estimates than settings × orders.
        expect(inf.estimates).toBeLessThan(oracle.settings * orders.length)
        if (inf.unexplained.length > 0) seen.unexplained++
        if (inf.alternatives.length > 0) seen.alternatives++
        if (Object.keys(inf.policies).length > 0) seen.nonDefault++
      }),
      { numRuns: 70, seed: 20260302 },
    )
    // Not vacuous: the runs include unexplained orders, ties and non-default answers.
    expect(seen.unexplained).toBeGreaterThan(3)
    expect(seen.alternatives).toBeGreaterThan(3)
    expect(seen.nonDefault).toBeGreaterThan(3)
  })

  // One digital product at 14.90 EUR, exclusive, 19 % VAT, nothing else: its tax is
  // 1490 × 19 % = 283.1, which half_up, half_even, half_down, down and floor round to 283 and
  // up and ceil to 284. One line, quantity 1: line, unit and total tax rounding agree, and no
  // split has a leftover, so no allocation rule changes anything.
  const tiny = createStore({
    account: { base_currency: 'EUR', country: 'DE' },
    products: [{ id: 'e', name: 'E-book', type: 'digital_product', price: 1490, currency: 'EUR' }],
    tax_rates: [{ id: 'de', label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: '19', vat_tax: true }],
  } as StoreConfig)
  const request = { products: [{ id: 'e' }], new_customer: { name: 'A', email: 'a@example.com', country: 'DE' } } as EstimateRequest
  const priced = (rounding: string) => {
    const res = estimate(tiny, request, { at: AT, rounding } as never)
    if (res.status !== 200) throw new Error('expected a 200')
    return res
  }
  const axes: AxisName[] = ['rounding', 'tax_rounding', 'allocation']

  it('ties: a response the defaults reproduce gives {} and no alternative (only the defaults have no non-default axis)', () => {
    const res = priced('floor')
    expect(res.transaction.totals.tax).toBe(283)
    const orders = [{ request, response: res, at: AT }]
    const inf = inferPolicies(tiny, orders, { axes })
    expect(inf).toMatchObject({ policies: {}, matched: 1, alternatives: [] })
    expect(bruteForce(tiny, orders, axes)).toMatchObject({ policies: {}, alternatives: [] })
  })

  it('ties among one-axis settings: the first value listed wins (up before ceil), the other is the alternative', () => {
    const res = priced('ceil')
    expect(res.transaction.totals.tax).toBe(284)
    const orders = [{ request, response: res, at: AT }]
    const inf = inferPolicies(tiny, orders, { axes })
    expect(inf.policies).toEqual({ rounding: 'up' })
    expect(inf.alternatives).toEqual([{ rounding: 'ceil' }])
    expect(bruteForce(tiny, orders, axes)).toMatchObject({ policies: inf.policies, alternatives: inf.alternatives, matched: 1 })
  })
})

/**
 * A policy hint never names a value that cannot give the API's number: not the value ours was made
 * with, and not one whose re-run changes an amount that matches now.
 */
import { describe, expect, it } from 'vitest'
import { createStore, estimate, reconcile, type EstimateRequest, type StoreConfig } from '../../src/index'

const AT = '2026-11-25T12:00:00Z'
const config = {
  account: { base_currency: 'EUR', country: 'DE' },
  products: [{ id: 'painting', name: 'Big painting', type: 'physical_product', price: 10000, currency: 'EUR' }],
  tax_rates: [{ label: 'MwSt.', jurisdiction: 'DE', rate_percent: '19' }],
  instalment_plans: [{ id: 'p3', instalments: 3, interval: 1, cycle: 'week', offset: 1, upfront_percent: '12.34', interest_percent: '30' }],
} as unknown as StoreConfig
const store = createStore(config)
const request = { products: [{ id: 'painting' }], new_customer: { name: 'Jo', country: 'DE' } } as unknown as EstimateRequest

describe('policy hints are never refuted', () => {
  it('a plan total a cent below ours, ours already at "tamio": no hint names "tamio"', () => {
    const ours = estimate(store, request, { at: AT, trace: true })
    if (ours.status !== 200) throw new Error('expected 200')
    const api = JSON.parse(JSON.stringify(ours)) as { transaction: { instalments: { total_amount: number }[] } }
    api.transaction.instalments[0]!.total_amount -= 1
    for (const opts of [{}, { store, request, options: { at: AT } }]) {
      const d = reconcile(ours, api, opts).differences.find((x) => x.path === 'instalments[0].total_amount')!
      expect(d.delta).toBe(-1)
      expect(d.hint?.option?.value).not.toBe('tamio')
    }
  })

  it('with the store at hand, a named policy changes nothing that matches now', () => {
    const api = estimate(store, request, { at: AT, instalment_rounding: 'exact' })
    const ours = estimate(store, request, { at: AT, instalment_remainder: 'last', trace: true })
    const r = reconcile(ours, api, { store, request, options: { at: AT, instalment_remainder: 'last' } })
    const matching = (opts: Record<string, unknown>) => {
      const again = reconcile(estimate(store, request, { at: AT, instalment_remainder: 'last', ...opts }), api)
      return new Set(again.differences.map((x) => x.path))
    }
    const now = new Set(r.differences.map((x) => x.path))
    let named = 0
    for (const d of r.differences) {
      const o = d.hint?.option
      if (o === undefined) continue
      named++
      const after = matching({ [o.name]: o.value })
      // The API's number here, and no new difference elsewhere.
      expect(after.has(d.path), `${d.path} with ${o.name} ${o.value}`).toBe(false)
      for (const p of after) expect(now.has(p), `${p} broken by ${o.name} ${o.value}`).toBe(true)
      // Never the value ours already used.
      expect(o.value).not.toBe(o.name === 'instalment_remainder' ? 'last' : o.name === 'instalment_rounding' ? 'tamio' : '')
    }
    expect(r.matches).toBe(false)
    expect(named + r.differences.length).toBeGreaterThan(0)
    // A schedule entry the policy decided is not called inconsistent with the API's own parts.
    for (const d of r.differences) if (d.path.includes('schedule')) expect(d.hint?.code).not.toBe('inconsistent')
  })
})

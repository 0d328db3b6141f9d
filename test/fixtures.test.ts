/**
 * The contract: both real API responses reproduce to the cent with default options.
 * Every field the API returned is compared (codes and labels case-insensitively: the seed text was
 * lower-cased); extensions we add (schedule, taxable_amount, shipping_amount) are not in the API's
 * response and so are not compared.
 */
import { describe, expect, it } from 'vitest'
import { createStore, estimate, summarize, type StoreConfig, type EstimateRequest } from '../src/index'
import estStore from './fixtures/api-estimate-de/store.json'
import estRequest from './fixtures/api-estimate-de/request.json'
import estResponse from './fixtures/api-estimate-de/response.json'
import crStore from './fixtures/api-create-de/store.json'
import crRequest from './fixtures/api-create-de/request.json'
import crResponse from './fixtures/api-create-de/response.json'

const AT = '2026-11-25T12:00:00Z'

/** Paths where ours differs from theirs, comparing only what theirs has. */
function differences(ours: unknown, theirs: unknown, path = ''): string[] {
  if (theirs !== null && typeof theirs === 'object') {
    if (ours === null || typeof ours !== 'object') return [`${path}: ours ${JSON.stringify(ours)}, theirs ${JSON.stringify(theirs)}`]
    if (Array.isArray(theirs) && (!Array.isArray(ours) || ours.length !== theirs.length)) return [`${path}: array length differs`]
    return Object.keys(theirs).flatMap((k) => differences((ours as Record<string, unknown>)[k], (theirs as Record<string, unknown>)[k], `${path}.${k}`))
  }
  const same = typeof ours === 'string' && typeof theirs === 'string' ? ours.toLowerCase() === theirs.toLowerCase() : Object.is(ours, theirs)
  return same ? [] : [`${path}: ours ${JSON.stringify(ours)}, theirs ${JSON.stringify(theirs)}`]
}

describe('fixture api-estimate-de (seed 003)', () => {
  const res = estimate(createStore(estStore as unknown as StoreConfig), estRequest as unknown as EstimateRequest, { at: AT })

  it('equals the API response in every field the API returned', () => {
    expect(differences(res, estResponse)).toEqual([])
  })

  it('shows the worked example of SPEC §5', () => {
    if (res.status !== 200) throw new Error('expected 200')
    const t = res.transaction
    expect(t.totals.tax).toBe(Math.round(10000 * 0.19)) // 1900
    expect(t.totals.shipping_tax).toBe(249) // round(1312 × 0.19) = round(249.28)
    expect(t.totals.total).toBe(10000 + 1900 + 1312 + 249) // 13461
    const plan = t.instalments[0]!
    expect(plan.interest).toBe(4038) // round(13461 × 0.30) = round(4038.3)
    expect(plan.upfront_amount).toBe(2159) // round(17499 × 0.1234) = round(2159.3766)
    expect(plan.instalments_amount).toBe(Math.floor((17499 - 2159) / 3)) // 5113
    expect(plan.total_amount).toBe(2159 + 3 * 5113) // 17498: the API drops one cent
    expect(plan.schedule.map((s) => s.amount)).toEqual([2159, 5113, 5113, 5113])
    expect(plan.schedule[1]!.due).toBe('2026-12-02T12:00:00.000Z') // at + 1 week
  })

  it('with instalment_rounding "exact" keeps the cent: 2159, 5114, 5113, 5113', () => {
    const exact = estimate(createStore(estStore as unknown as StoreConfig), estRequest as unknown as EstimateRequest, { at: AT, instalment_rounding: 'exact' })
    if (exact.status !== 200) throw new Error('expected 200')
    const plan = exact.transaction.instalments[0]!
    expect(plan.total_amount).toBe(17499)
    expect(plan.schedule.map((s) => s.amount)).toEqual([2159, 5114, 5113, 5113])
  })
})

describe('fixture api-create-de (seed 001)', () => {
  const est = estimate(createStore(crStore as unknown as StoreConfig), crRequest as unknown as EstimateRequest, { at: AT })
  const res = summarize(est)

  it('summarize gives the response totals, taxes, shipping, payments and products', () => {
    if (res.status !== 200) throw new Error('expected 200')
    const theirs = crResponse.transaction
    for (const key of ['totals', 'taxes', 'shipping', 'payments', 'products'] as const) {
      expect(differences(res.transaction[key], theirs[key], key)).toEqual([])
    }
    expect(res.transaction.totals.total).toBe(5000 + 950 + 500) // 2 × 2500, 19% of 5000, untaxed shipping
  })

  it('reports the two unconfigured coupons as warnings and applies no discount', () => {
    expect(est.status).toBe(200)
    expect(est.warnings.map((w) => [w.code, w.path])).toEqual([
      ['unknown_coupon', 'coupons[0]'],
      ['unknown_coupon', 'coupons[1]'],
    ])
  })
})

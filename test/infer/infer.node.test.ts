/**
 * inferPolicies on orders priced under hidden settings of every axis: the settings it finds
 * reproduce every order (checked again through the public API and through a store with the
 * `account` fragment pasted in), a tampered response ends in `unexplained` with its difference,
 * and orders priced with the defaults give `{}`.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStore, estimate, inferPolicies, reconcile, summarize, type EstimateRequest, type StoreConfig } from '../../src/index'
import { AXES, type AxisName } from '../../src/policies/axes'
import { AT, prng, randomSetting, richRequest, strippedStore } from './orders'
import fixtureStore from '../fixtures/api-estimate-de/store.json'
import fixtureRequest from '../fixtures/api-estimate-de/request.json'

const config = strippedStore() as unknown as StoreConfig
const store = createStore(config)

interface TestOrder {
  readonly request: EstimateRequest
  readonly response: { transaction: { products: { totals: { tax: number } }[]; totals: { total: number } } }
  readonly at: string
}

/** `n` orders priced under `hidden`, the responses as the API would send them (plain JSON). */
function priced(rnd: () => number, hidden: Record<string, string>, n: number): TestOrder[] {
  const out: TestOrder[] = []
  while (out.length < n) {
    const request = richRequest(rnd) as unknown as EstimateRequest
    const res = estimate(store, request, { at: AT, ...hidden })
    if (res.status !== 200) continue
    out.push({ request, response: JSON.parse(JSON.stringify(res)) as TestOrder['response'], at: AT })
  }
  return out
}

/** Whether every order's estimate under `settings` (as per-call options) matches its response. */
function reproduces(orders: readonly TestOrder[], settings: Record<string, string>, s = store): boolean[] {
  return orders.map((o) => reconcile(estimate(s, o.request, { at: o.at, ...settings }), o.response).matches)
}

describe('inferPolicies', () => {
  it('finds settings that reproduce every order priced under a random hidden setting of every axis (the found settings need not be the hidden ones)', () => {
    let differentFromHidden = 0
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const rnd = prng(seed)
        const hidden = randomSetting(rnd, 0.6)
        const orders = priced(rnd, hidden, 30)
        // The hidden setting is not in the store: the stripped store resolves every axis to its default.
        const inf = inferPolicies(store, orders)
        expect(inf.total).toBe(30)
        expect(inf.matched).toBe(30)
        expect(inf.unexplained).toEqual([])
        expect(reproduces(orders, inf.policies as Record<string, string>).every(Boolean)).toBe(true)
        // The account fragment, pasted into the store, reproduces them without per-call options.
        const pasted = createStore({ ...config, account: { ...config.account, ...inf.account } })
        expect(reproduces(orders, {}, pasted).every(Boolean)).toBe(true)
        // Never more non-default axes than the hidden setting has (it reproduces every order too).
        expect(Object.keys(inf.policies).length).toBeLessThanOrEqual(Object.entries(hidden).filter(([a, v]) => v !== AXES[a as AxisName].default).length)
        for (const alt of inf.alternatives) {
          expect(Object.keys(alt).length).toBe(Object.keys(inf.policies).length)
          expect(reproduces(orders, alt as Record<string, string>).every(Boolean)).toBe(true)
        }
        if (JSON.stringify(inf.policies) !== JSON.stringify(hidden)) differentFromHidden++
      }),
      { numRuns: 8, seed: 4242 },
    )
    // Several settings explain the same orders: the answer is often not the hidden one.
    expect(differentFromHidden).toBeGreaterThan(0)
  })

  it('a tampered response (one amount changed by a cent) ends in unexplained with its difference; the rest match', () => {
    // Priced with the defaults: the defaults reproduce the 39 others with no axis changed, so they
    // are the answer, and under them the tampered order differs in exactly the amount changed.
    const orders = priced(prng(77), {}, 40)
    const i = orders.findIndex((o) => o.response.transaction.products[0]!.totals.tax > 0)
    const ours = orders[i]!.response.transaction.products[0]!.totals.tax
    orders[i]!.response.transaction.products[0]!.totals.tax = ours + 1
    const inf = inferPolicies(store, orders)
    expect(inf.policies).toEqual({})
    expect(inf.matched).toBe(39)
    expect(inf.unexplained.map((u) => u.index)).toEqual([i])
    const d = inf.unexplained[0]!.differences
    expect(d.map((x) => x.path)).toEqual(['products[0].totals.tax'])
    expect(d[0]).toMatchObject({ ours, theirs: ours + 1, delta: 1 })
    expect(reproduces(orders, inf.policies as Record<string, string>).filter((x) => !x)).toHaveLength(1)
    expect(inf.matched + inf.unexplained.length).toBe(inf.total)
  })

  it('an answer no setting can give is settled without trying the settings around it: drifted store data (a locale, a product name) at once, a create-shape total by its amounts\' axes', () => {
    type Order = { request: EstimateRequest; response: Record<string, any>; at: string }
    const base = priced(prng(91), {}, 8) as unknown as Order[]
    const copy = (): Order[] => JSON.parse(JSON.stringify(base)) as Order[]
    const run = (orders: Order[]) => inferPolicies(store, orders)

    // A locale or a name repeats the store or the request: no setting changes it. The order costs
    // one estimate; the search over the others is what it is without the order.
    const drifted = copy()
    drifted[1]!.response.transaction.locale = 'xx'
    drifted[3]!.response.transaction.products[0].name += ' (old)'
    const inf = run(drifted)
    expect(inf.unexplained.map((u) => [u.index, u.differences.map((d) => d.path)])).toEqual([
      [1, ['locale']],
      [3, ['products[0].name']],
    ])
    const locale = copy()
    locale[1]!.response.transaction.locale = 'xx'
    const without = copy()
    without.splice(1, 1)
    expect(run(locale).estimates).toBeLessThanOrEqual(run(without).estimates + 2) // was 842 against 191

    // A create-shape total is its estimate amounts' sum: the cent moved there costs about what it
    // costs in the estimate shape (before, the order was tried under every combination of the axes
    // its whole estimate read: 3,533 estimates against 655).
    const created = copy()
    const c = JSON.parse(JSON.stringify(summarize(estimate(store, created[5]!.request, { at: AT })))) as Record<string, any>
    c.transaction.totals.total += 1
    created[5] = { ...created[5]!, response: c }
    const moved = copy()
    moved[5]!.response.transaction.totals.total += 1
    const a = run(created)
    const b = run(moved)
    expect(a.unexplained.map((u) => [u.index, u.differences.map((d) => d.path)])).toEqual([[5, ['totals.total']]])
    expect(b.unexplained.map((u) => u.index)).toEqual([5])
    expect(a.estimates).toBeLessThanOrEqual(2 * b.estimates)
  })

  it("a plan's terms end an order only when no setting could pair the API's plan with another of ours (ids equal in case, none alike in the store)", () => {
    // Plans pair by id case-insensitively, and which are offered depends on the total. The API
    // fixture's cart totals 13461 with the default shipping tax and 13212 with none (no 249 of
    // shipping tax): plan "P" (from 13400) is offered only under the first. Under "none", the API's
    // "P" pairs with our "p" (6 instalments against 3) — a difference one setting removes.
    const plans = [
      { id: 'P', instalments: 3, interval: 1, cycle: 'week', offset: 1, min_total: { EUR: 13400 } },
      { id: 'p', instalments: 6, interval: 1, cycle: 'week', offset: 1 },
    ]
    const mk = (account: Record<string, unknown>) =>
      createStore({ ...(fixtureStore as Record<string, unknown>), account: { ...(fixtureStore as { account: object }).account, ...account }, instalment_plans: plans } as unknown as StoreConfig)
    const at = '2026-11-25T12:00:00Z'
    const api = estimate(mk({}), fixtureRequest as unknown as EstimateRequest, { at })
    const store = mk({ shipping_tax: 'none' })
    const ours = estimate(store, fixtureRequest as unknown as EstimateRequest, { at })
    if (api.status !== 200 || ours.status !== 200) throw new Error('expected 200s')
    expect([api.transaction.totals.total, api.transaction.instalments.map((p) => p.id)]).toEqual([13461, ['P', 'p']])
    expect([ours.transaction.totals.total, ours.transaction.instalments.map((p) => p.id)]).toEqual([13212, ['p']])
    const inf = inferPolicies(store, [{ request: fixtureRequest as unknown as EstimateRequest, response: JSON.parse(JSON.stringify(api)) as unknown, at }])
    expect(inf).toMatchObject({ policies: { shipping_tax: 'proportional' }, matched: 1, unexplained: [] })
  })

  it('a create-shape response that selects a payment method we do not offer is unexplained, as reconcile says (the API\'s choice is ours only when we offer it)', () => {
    // A US customer is not offered klarna (the account offers it in DE and SE only).
    const request = { products: [{ id: 'mug', quantity: 2 }], customer: { id: 'c-us' } } as unknown as EstimateRequest
    const res = estimate(store, request, { at: AT })
    if (res.status !== 200) throw new Error('expected a 200')
    expect(res.transaction.payments).not.toContain('klarna')
    const created = JSON.parse(JSON.stringify(summarize(res))) as { transaction: { payments: { selected: string } } }
    created.transaction.payments.selected = 'klarna'
    expect(reconcile(res, created).matches).toBe(false)
    const inf = inferPolicies(store, [{ request, response: created, at: AT }], { axes: ['rounding', 'tax_rounding', 'allocation'] })
    expect([inf.matched, inf.unexplained.map((u) => u.differences.map((d) => d.path))]).toEqual([0, [['payments.selected']]])
    // And one it offers is taken, whatever its case: the order matches.
    created.transaction.payments.selected = res.transaction.payments[0]!.toUpperCase()
    expect(reconcile(res, created).matches).toBe(true)
    expect(inferPolicies(store, [{ request, response: created, at: AT }], { axes: ['rounding'] }).matched).toBe(1)
  })

  it("an order's own payment method selects ours in a create-shape comparison, as reconcile told the order's options does", () => {
    // A DE customer is offered stripe and klarna: the order was placed with klarna.
    const request = { products: [{ id: 'mug', quantity: 3 }], customer: { id: 'c-de' } } as unknown as EstimateRequest
    const options = { payment_method: 'klarna' }
    const res = estimate(store, request, { at: AT, ...options })
    if (res.status !== 200) throw new Error('expected a 200')
    expect(res.transaction.payments).toContain('klarna')
    const created = JSON.parse(JSON.stringify(summarize(res, options))) as { transaction: { payments: { selected: string } } }
    const run = () => inferPolicies(store, [{ request, response: created, at: AT, options }], { axes: ['rounding'] }).matched
    expect([reconcile(res, created, { options }).matches, run()]).toEqual([true, 1])
    // The API selected stripe instead: a difference, for both.
    created.transaction.payments.selected = 'stripe'
    expect([reconcile(res, created, { options }).matches, run()]).toEqual([false, 0])
  })

  it('orders the defaults reproduce give {} (and an account fragment with nothing to set)', () => {
    const orders = priced(prng(5), {}, 25)
    const inf = inferPolicies(store, orders)
    expect(inf).toMatchObject({ policies: {}, matched: 25, total: 25, unexplained: [], account: {} })
  })

  it('orders of two settings: the one that explains more wins, the others are unexplained', () => {
    const rnd = prng(9)
    const a = { rounding: 'floor' }
    const b = { shipping_tax: 'none', tax_rounding: 'total' }
    const orders = [...priced(rnd, a, 20), ...priced(rnd, b, 6)]
    const inf = inferPolicies(store, orders)
    // Every order of a is reproduced by a; the answer reproduces at least as many.
    expect(inf.matched).toBeGreaterThanOrEqual(reproduces(orders, a).filter(Boolean).length)
    expect(reproduces(orders, inf.policies as Record<string, string>).filter(Boolean).length).toBe(inf.matched)
    expect(inf.unexplained.every((u) => u.differences.length > 0)).toBe(true)
  })
})

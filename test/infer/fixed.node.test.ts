/**
 * Differences no setting can remove end their order at its first estimate: the order is
 * unexplained, and costs the search about one estimate instead of a search over every setting of
 * the axes its estimate read. Whether each rule is sound — never ends an order some setting
 * reproduces — is checked here on the differences settings really make (none of them may be judged
 * fixed), and by the brute-force oracle, whose 'garbled' mix makes the other kind.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStore, estimate, inferPolicies, summarize, type EstimateOptions, type EstimateRequest, type Store, type StoreConfig } from '../../src/index'
import { isFixed, mayChangeKind } from '../../src/infer/fixed'
import { AXES, AXIS_NAMES } from '../../src/policies/axes'
import { compareEnvelopes, readEnvelope, type Envelope } from '../../src/reconcile/compare'
import { validCase } from '../fuzz/valid'
import fixtureStore from '../fixtures/api-estimate-de/store.json'
import fixtureRequest from '../fixtures/api-estimate-de/request.json'
import { AT, prng, richRequest, strippedStore } from './orders'

const store = createStore(strippedStore() as unknown as StoreConfig)

type Tx = Record<string, any>
interface Order {
  request: EstimateRequest
  response: Tx
  at: string
}

/** Eight orders of the rich store priced under the defaults, the first `wanted` of them having what `has` asks for. */
function orders(has: (t: Tx) => boolean): { base: Order[]; at: number } {
  const rnd = prng(4242)
  const base: Order[] = []
  let at = -1
  while (base.length < 8 || at < 0) {
    const request = richRequest(rnd) as unknown as EstimateRequest
    const res = estimate(store, request, { at: AT })
    if (res.status !== 200) continue
    const o = { request, response: JSON.parse(JSON.stringify(res)) as Tx, at: AT }
    if (at < 0 && has(o.response.transaction)) {
      at = base.length
      base.push(o)
    } else if (base.length < 8) base.push(o)
  }
  return { base, at }
}

/** A cart to estimate: a store, a request and the options it comes with. */
interface Cart {
  readonly store: Store
  readonly request: EstimateRequest
  readonly options: Record<string, unknown>
}

/** `rich` carts of the rich store, then the ordinary cases among `random` random stores and carts (seeded). */
function carts(rnd: () => number, rich: number, seed: number, random: number): Cart[] {
  const out: Cart[] = []
  for (let i = 0; i < rich; i++) out.push({ store, request: richRequest(rnd) as unknown as EstimateRequest, options: {} })
  for (const c of fc.sample(validCase(10), { seed, numRuns: random })) {
    if (c.extreme) continue
    try {
      out.push({ store: createStore(c.store as unknown as StoreConfig), request: c.request as unknown as EstimateRequest, options: { ...(c.options as Record<string, unknown>) } })
    } catch {
      // a store the generator made invalid: not a case
    }
  }
  return out
}

const copy = (x: Order[]): Order[] => JSON.parse(JSON.stringify(x)) as Order[]

/** Infers over the orders with order `i` changed by `edit`, and over them without it. */
function settle(has: (t: Tx) => boolean, edit: (o: Order) => void) {
  const { base, at } = orders(has)
  const edited = copy(base)
  edit(edited[at]!)
  const without = copy(base)
  without.splice(at, 1)
  return { at, inf: inferPolicies(store, edited), without: inferPolicies(store, without) }
}

describe('a difference no setting can remove ends its order at once', () => {
  const cases: readonly [string, (t: Tx) => boolean, (o: Order) => void, string][] = [
    ['a line’s taxes that are not an object (our line always has one)', () => true, (o) => (o.response.transaction.products[0].taxes = 'x'), 'products[0].taxes'],
    ['a status that is neither 200 nor 400', () => true, (o) => (o.response.status = 201), 'status'],
    ['a product the API lists and we do not (which lines an estimate holds depends on no setting)', () => true, (o) => o.response.transaction.products.unshift({ ...o.response.transaction.products[0], id: 'gone' }), 'products[0]'],
    ['a payment method the account does not have', (t) => t.payments.length > 0, (o) => (o.response.transaction.payments[0] = 'cheque'), 'payments[0]'],
    ['a payment method the account does not have, beside all of ours', () => true, (o) => o.response.transaction.payments.push('cheque'), 'payments['],
    [
      'a discount the store does not have, beside all of ours',
      () => true,
      (o) => o.response.transaction.discounts.push({ id: null, code: 'NOPE', label: 'Nope', type: 'fixed', value: null, amount: 100, shipping_amount: 0, applies_to: null }),
      'discounts[',
    ],
    ['a string where the transaction has a boolean (has_vat)', () => true, (o) => (o.response.transaction.taxes.has_vat = 'yes'), 'taxes.has_vat'],
    [
      'a German rate at 20 %: the store has a 20 % rate, but none labelled MwSt. in DE (the rate is compared field for field with the store’s)',
      (t) => t.products.some((p: Tx) => p.taxes.tax_rates.some((r: Tx) => r.label === 'MwSt.' && r.jurisdiction === 'DE')),
      (o) => {
        for (const p of o.response.transaction.products) for (const r of p.taxes.tax_rates) if (r.label === 'MwSt.') r.rate_percent = 20
      },
      'rate_percent',
    ],
    ['a coupon code the store does not have', (t) => t.discounts.some((d: Tx) => d.code !== null), (o) => {
      const d = o.response.transaction.discounts.find((x: Tx) => x.code !== null)
      d.code = 'NOPE'
    }, 'code'],
    [
      'a shipping method’s label, when the API’s method has our method’s id and no other method that id in another case',
      (t) => t.shipping.shipping_rates.length > 0,
      (o) => (o.response.transaction.shipping.shipping_rates[0].label += ' (old)'),
      'shipping.shipping_rates[0].label',
    ],
  ]
  for (const [title, has, edit, path] of cases)
    it(title, () => {
      const { at, inf, without } = settle(has, edit)
      expect(inf.unexplained.map((u) => u.index)).toEqual([at])
      expect(inf.unexplained[0]!.differences.some((d) => d.path.includes(path))).toBe(true)
      expect(inf.matched).toBe(without.matched)
      expect(inf.policies).toEqual(without.policies)
      // About one estimate for the order (before: every setting of the axes it read, hundreds).
      expect(inf.estimates).toBeLessThanOrEqual(without.estimates + 2)
    })

  it('the create shape too: a selected payment method that is a boolean', () => {
    const { at, inf, without } = settle(
      () => true,
      (o) => {
        const created = JSON.parse(JSON.stringify(summarize(estimate(store, o.request, { at: AT })))) as Tx
        created.transaction.payments.selected = true
        o.response = created
      },
    )
    expect(inf.unexplained.map((u) => [u.index, u.differences.map((d) => d.path)])).toEqual([[at, ['payments.selected']]])
    expect(inf.estimates).toBeLessThanOrEqual(without.estimates + 2)
  })

  it('a line’s goods rate relabelled as another rate of the store (books, 7 %): which rates a line’s goods get depends on no setting', () => {
    const has = (t: Tx) => t.products.some((p: Tx) => p.taxes.tax_rates.some((r: Tx) => r.label === 'MwSt.' && r.jurisdiction === 'DE'))
    const { at, inf, without } = settle(has, (o) => {
      for (const p of o.response.transaction.products) for (const r of p.taxes.tax_rates) if (r.label === 'MwSt.') Object.assign(r, { label: 'MwSt. 7%', rate_percent: 7, id: 'de-red' })
    })
    expect(inf.unexplained.map((u) => u.index)).toEqual([at])
    expect(inf.estimates).toBeLessThanOrEqual(without.estimates + 2)
  })

  it('a shipping tax rate missing from a line’s list is searched over the shipping tax rule alone (the axis the engine records as deciding the list)', () => {
    const { at, inf, without } = settle(
      (t) => t.products.some((p: Tx) => p.taxes.shipping_tax_rates.length > 0),
      (o) => o.response.transaction.products.find((p: Tx) => p.taxes.shipping_tax_rates.length > 0).taxes.shipping_tax_rates.pop(),
    )
    expect(inf.unexplained.map((u) => [u.index, u.differences.map((d) => d.path).some((p) => p.endsWith('shipping_tax_rates'))])).toEqual([[at, true]])
    // One estimate per shipping tax rule at most (five), beside what the other orders cost.
    expect(inf.estimates).toBeLessThanOrEqual(without.estimates + 6)
    expect(inf.estimates).toBeGreaterThan(without.estimates)
  })

  it('but not a list the create shape writes as null when it is empty: which plans a cart gets depends on its total', () => {
    // The fixture's cart totals 13461 with the default shipping tax and 13212 with none: a plan
    // from 13400 is offered under the first only, so the create shape's instalments are a list
    // there and null under "none". The kinds differ, and one setting removes the difference.
    const plans = [{ id: 'P', instalments: 3, interval: 1, cycle: 'week', offset: 1, min_total: { EUR: 13400 } }]
    const mk = (account: Record<string, unknown>) =>
      createStore({ ...(fixtureStore as Record<string, unknown>), account: { ...(fixtureStore as { account: object }).account, ...account }, instalment_plans: plans } as unknown as StoreConfig)
    const at = '2026-11-25T12:00:00Z'
    const request = fixtureRequest as unknown as EstimateRequest
    const api = summarize(estimate(mk({}), request, { at }))
    const ours = summarize(estimate(mk({ shipping_tax: 'none' }), request, { at }))
    if (api.status !== 200 || ours.status !== 200) throw new Error('expected 200s')
    expect([api.transaction.instalments?.length, ours.transaction.instalments]).toEqual([1, null])
    const inf = inferPolicies(mk({ shipping_tax: 'none' }), [{ request, response: JSON.parse(JSON.stringify(api)) as unknown, at }])
    expect(inf).toMatchObject({ policies: { shipping_tax: 'proportional' }, matched: 1, unexplained: [] })
  })
})

describe('a response that is not a 200 is judged by its status and codes', () => {
  it('a 400 that also carries a transaction: a strict order our estimate answers 400 under another setting matches it, whatever that transaction says', () => {
    // One book to France at min_subtotal 23.00: 24.50 kept gross, 22.90 repriced to the net abroad,
    // so with strict the coupon is a 400 under keep_net only.
    const json = strippedStore() as { coupons: unknown[] }
    const s = createStore({ ...json, coupons: [...json.coupons, { code: 'MIN23', label: 'Min 23', type: 'fixed', amounts: { EUR: 100 }, min_subtotal: { EUR: 2300 } }] } as unknown as StoreConfig)
    const request = { products: [{ id: 'book', quantity: 1 }], new_customer: { name: 'F', email: 'f@example.com', country: 'FR', same_shipping_address: true }, coupons: ['MIN23'] } as unknown as EstimateRequest
    const gross = estimate(s, request, { at: AT, strict: true, inclusive_cross_border: 'keep_gross' })
    const net = estimate(s, request, { at: AT, strict: true, inclusive_cross_border: 'keep_net' })
    if (gross.status !== 200 || net.status !== 400) throw new Error('expected a 200 and a 400')
    expect(net.errors.map((e) => e.code)).toEqual(['coupon_min_subtotal'])
    const tx = JSON.parse(JSON.stringify(gross.transaction)) as Tx
    tx.locale = 'xx' // a difference no setting removes from a 200
    const response = { status: 400, errors: [{ code: 'coupon_min_subtotal' }], transaction: tx }
    const inf = inferPolicies(s, [{ request, response, at: AT, options: { strict: true } }], { axes: ['inclusive_cross_border', 'rounding'] })
    expect(inf).toMatchObject({ policies: { inclusive_cross_border: 'keep_net' }, matched: 1 })
  })
})

describe('no difference that a setting makes is judged fixed', () => {
  it('the estimates of one cart under two random settings, in both shapes: every difference between them is one a setting removes', () => {
    const values = AXIS_NAMES.map((a) => Object.keys(AXES[a].values))
    const rnd = prng(515)
    const setting = () => Object.fromEntries(AXIS_NAMES.map((a, i) => [a, values[i]![Math.floor(rnd() * values[i]!.length)]!]))
    const cases = carts(rnd, 150, 515, 150)
    let diffs = 0
    let create = 0
    for (const c of cases) {
      const a = estimate(c.store, c.request, { ...c.options, at: AT, ...setting() } as EstimateOptions)
      const b = estimate(c.store, c.request, { ...c.options, at: AT, ...setting() } as EstimateOptions)
      if (a.status !== 200 || b.status !== 200) continue
      for (const [x, y] of [
        [a, b],
        [summarize(a), summarize(b)],
      ] as const) {
        const ours = readEnvelope(x) as Envelope
        const theirs = readEnvelope(JSON.parse(JSON.stringify(y))) as Envelope
        for (const d of compareEnvelopes(ours, theirs, 0).diffs) {
          const cx = { store: c.store, request: c.request, ours: ours.transaction, theirs: theirs.transaction, tolerance: 0 }
          expect(isFixed(d, cx), `${d.path}: ${JSON.stringify(d.ours)} against ${JSON.stringify(d.theirs)}`).toBe(false)
          diffs++
          if (ours.shape === 'create') create++
        }
      }
    }
    // Not vacuous: settings make many differences, in both shapes.
    expect(diffs).toBeGreaterThan(500)
    expect(create).toBeGreaterThan(100)
  })
})

describe('our own rates and discounts are in the store catalogue the rules use', () => {
  it('every identity field of every rate and discount of our transactions (conversions, nShift quotes, reverse charge) is one a store item has', () => {
    const rnd = prng(717)
    const cases = carts(rnd, 150, 717, 200)
    const FIELDS = /^(?:products\[\d+\]\.)?(?:taxes\.(?:tax_rates|shipping_tax_rates)\[\d+\]\.(?:id|label|rate_percent|rate_amount|jurisdiction|vat_tax)|discounts\[\d+\]\.(?:id|code|label|type|value))$/
    let fields = 0
    const seen = new Set<string>()
    const visit = (x: unknown, at: string, c: Cart, tx: unknown): void => {
      if (Array.isArray(x)) x.forEach((v, i) => visit(v, `${at}[${i}]`, c, tx))
      else if (typeof x === 'object' && x !== null) for (const [k, v] of Object.entries(x)) visit(v, at === '' ? k : `${at}.${k}`, c, tx)
      else if (FIELDS.test(at)) {
        const d = { path: at, oursPath: at, ours: x, theirs: x, kind: 'value' as const }
        expect(isFixed(d, { store: c.store, request: c.request, ours: tx, theirs: tx, tolerance: 0 }), at).toBe(false)
        fields++
        seen.add(at.replace(/\[\d+\]/g, '[]'))
      }
    }
    for (const c of cases) {
      const res = estimate(c.store, c.request, { ...c.options, at: AT } as EstimateOptions)
      if (res.status !== 200) continue
      const tx = JSON.parse(JSON.stringify(res.transaction)) as unknown
      visit(tx, '', c, tx)
    }
    expect(fields).toBeGreaterThan(5_000)
    // Every kind of field was seen: goods and shipping rates, lines' and aggregated, and discounts.
    expect(seen.size).toBeGreaterThanOrEqual(25)
  })
})

describe('the places where our kind may change are all listed', () => {
  it('over carts of the rich store and random stores under random settings, in both shapes, a path holds one kind unless it is listed', () => {
    const values = AXIS_NAMES.map((a) => Object.keys(AXES[a].values))
    const rnd = prng(616)
    const setting = () => Object.fromEntries(AXIS_NAMES.map((a, i) => [a, values[i]![Math.floor(rnd() * values[i]!.length)]!]))
    // Per shape: a path's kinds in estimates, and in create-shape summaries.
    const kinds = { estimate: new Map<string, Set<string>>(), create: new Map<string, Set<string>>() }
    const walk = (x: unknown, at: string, shape: keyof typeof kinds): void => {
      const k = typeof x !== 'object' || x === null ? 'scalar' : Array.isArray(x) ? 'list' : 'object'
      let set = kinds[shape].get(at)
      if (set === undefined) kinds[shape].set(at, (set = new Set()))
      set.add(k)
      if (Array.isArray(x)) for (const v of x) walk(v, `${at}[]`, shape)
      else if (k === 'object') for (const [key, v] of Object.entries(x as object)) walk(v, at === '' ? key : `${at}.${key}`, shape)
    }
    const stores = carts(rnd, 200, 616, 300)
    let n = 0
    for (const c of stores) {
      const res = estimate(c.store, c.request, { ...c.options, at: AT, ...setting() } as EstimateOptions)
      if (res.status !== 200) continue
      n++
      walk(JSON.parse(JSON.stringify(res.transaction)), '', 'estimate')
      const created = summarize(res)
      if (created.status === 200) walk(JSON.parse(JSON.stringify(created.transaction)), '', 'create')
    }
    const varying = [...kinds.estimate, ...kinds.create].filter(([, k]) => k.size > 1).map(([p]) => p)
    expect(varying.filter((p) => p !== '' && !mayChangeKind(p))).toEqual([])
    // Not vacuous: many estimates, and kinds that do vary are seen (a method, a create-shape list).
    expect(n).toBeGreaterThan(300)
    expect(varying.length).toBeGreaterThan(1)
  })
})

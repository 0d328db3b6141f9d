/**
 * reconcile (SPEC §4): our estimate against the API's own responses (the two fixtures), every
 * one-number change of them, real policy differences (rounding mode, tax level, instalment rounding,
 * a missing rate, a conversion), tolerance, matching rules and garbage. Expected numbers are
 * worked by hand in the comments; "the API" of a policy scenario is the fixture with that number
 * changed by hand, or an estimate of the same cart under the other policy whose deciding amount is
 * first checked against hand arithmetic.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  createStore,
  estimate,
  reconcile,
  summarize,
  type EstimateRequest,
  type EstimateResponse,
  type Reconciliation,
  type StoreConfig,
  type Transaction,
} from '../../src/index'
import estStore from '../fixtures/api-estimate-de/store.json'
import estRequest from '../fixtures/api-estimate-de/request.json'
import estResponse from '../fixtures/api-estimate-de/response.json'
import crStore from '../fixtures/api-create-de/store.json'
import crRequest from '../fixtures/api-create-de/request.json'
import crResponse from '../fixtures/api-create-de/response.json'

const AT = '2026-11-25T12:00:00Z'
const est = { store: createStore(estStore as unknown as StoreConfig), request: estRequest as unknown as EstimateRequest, response: estResponse }
const cr = { store: createStore(crStore as unknown as StoreConfig), request: crRequest as unknown as EstimateRequest, response: crResponse }
const FIXTURES = [
  ['api-estimate-de', est],
  ['api-create-de', cr],
] as const

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T

function tx(r: EstimateResponse): Transaction {
  if (r.status !== 200) throw new Error(`expected 200, got ${JSON.stringify(r)}`)
  return r.transaction
}

/** Every numeric leaf of a JSON value, as [path segments, value]. */
function numericLeaves(x: unknown, path: (string | number)[] = [], out: [(string | number)[], number][] = []): [(string | number)[], number][] {
  if (typeof x === 'number') out.push([path, x])
  else if (Array.isArray(x)) x.forEach((v, i) => numericLeaves(v, [...path, i], out))
  else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) numericLeaves(v, [...path, k], out)
  return out
}

/** `['transaction', 'products', 0, 'totals', 'tax']` → `products[0].totals.tax` (reconcile's paths are relative to the transaction). */
function reconcilePath(segs: readonly (string | number)[]): string {
  const rel = segs[0] === 'transaction' ? segs.slice(1) : segs
  return rel.reduce<string>((p, s) => (typeof s === 'number' ? `${p}[${s}]` : p === '' ? s : `${p}.${s}`), '')
}

function setAt(root: unknown, segs: readonly (string | number)[], value: unknown): void {
  let o = root as Record<string | number, unknown>
  for (const s of segs.slice(0, -1)) o = o[s] as Record<string | number, unknown>
  o[segs[segs.length - 1]!] = value
}

describe('reconcile: the fixtures against their own API responses', () => {
  it.each(FIXTURES)('%s: a traced estimate matches the API response', (_, f) => {
    const r = reconcile(estimate(f.store, f.request, { at: AT, trace: true }), f.response)
    expect(r.differences).toEqual([])
    expect(r.matches).toBe(true)
    // Not vacuous: every numeric leaf the API returned was compared (the create response also has
    // order_id, which we do not compute: it is ignored, not compared).
    expect(r.compared).toBeGreaterThanOrEqual(numericLeaves(f.response).length - (f === cr ? 1 : 0))
  })

  it.each(FIXTURES)('%s: an untraced estimate matches too (with or without store and request)', (_, f) => {
    const ours = estimate(f.store, f.request, { at: AT })
    expect(reconcile(ours, f.response).matches).toBe(true)
    expect(reconcile(ours, f.response, { store: f.store, request: f.request }).matches).toBe(true)
  })

  it('reads the estimate fixture as the estimate shape and the create fixture as the create shape', () => {
    expect(reconcile(estimate(est.store, est.request, { at: AT }), est.response).shape).toBe('estimate')
    expect(reconcile(estimate(cr.store, cr.request, { at: AT }), cr.response).shape).toBe('create')
  })

  it('the create response: server-only fields (id, order_id, merchant, invoice, payout) are listed as ignored, not compared', () => {
    const r = reconcile(estimate(cr.store, cr.request, { at: AT }), cr.response)
    expect([...r.ignored].sort()).toEqual(['id', 'invoice', 'merchant', 'order_id', 'payout'])
  })

  it('accepts a bare transaction on either side, and our summarize() output as ours for the create shape', () => {
    const ours = estimate(est.store, est.request, { at: AT })
    expect(reconcile(tx(ours), est.response.transaction).matches).toBe(true)
    expect(reconcile(summarize(estimate(cr.store, cr.request, { at: AT })), cr.response).matches).toBe(true)
  })
})

describe('reconcile: the instalment fixture run with instalment_rounding "exact"', () => {
  // 13461 total; interest round(13461 × 0.30) = round(4038.3) = 4038; T = 17499; exact keeps T,
  // the API (tamio) gives 2159 + 3 × 5113 = 17498.
  const exact = estimate(est.store, est.request, { at: AT, instalment_rounding: 'exact', trace: true })

  it('reports exactly instalments[0].total_amount, ours 17499 (= 13461 + 4038), theirs 17498, with a hint naming the instalment rounding', () => {
    const r = reconcile(exact, est.response)
    expect(r.matches).toBe(false)
    expect(r.differences.map((d) => d.path)).toEqual(['instalments[0].total_amount'])
    const d = r.differences[0]!
    expect(d.ours).toBe(13461 + 4038)
    expect(d.theirs).toBe(2159 + 3 * 5113)
    expect(d.delta).toBe(-1)
    expect(d.hint?.code).toBe('instalment_rounding')
    expect(d.hint?.option).toEqual({ name: 'instalment_rounding', value: 'tamio' })
    expect(d.hint?.message).toMatch(/instalment_rounding/)
  })

  it('names the instalment rounding also when re-running with the store (the whole response then matches)', () => {
    const r = reconcile(exact, est.response, { store: est.store, request: est.request })
    expect(r.differences).toHaveLength(1)
    expect(r.differences[0]!.hint).toMatchObject({ code: 'instalment_rounding', option: { name: 'instalment_rounding', value: 'tamio' } })
  })

  it('names it from the n − 1 rule when ours carries no trace and no store is given (1 cent ≤ 3 − 1)', () => {
    const untraced = estimate(est.store, est.request, { at: AT, instalment_rounding: 'exact' })
    const d = reconcile(untraced, est.response).differences[0]!
    expect(d.hint?.code).toBe('instalment_rounding')
    expect(d.hint?.option?.value).toBe('tamio')
  })

  it('names it too when the store is given with the options ours was made with', () => {
    const untraced = estimate(est.store, est.request, { at: AT, instalment_rounding: 'exact' })
    const r = reconcile(untraced, est.response, { store: est.store, request: est.request, options: { at: AT, instalment_rounding: 'exact' } })
    expect(r.differences[0]!.hint?.code).toBe('instalment_rounding')
  })
})

describe('properties', () => {
  for (const [name, f] of FIXTURES) {
    const leaves = numericLeaves(f.response).filter(([segs]) => !(f === cr && segs.includes('order_id')))
    const ours = estimate(f.store, f.request, { at: AT, trace: true })

    it(`${name}: changing any one number the API returned by ±1 reports exactly that path, delta ±1, with a hint (all ${leaves.length} leaves)`, () => {
      for (const [segs, v] of leaves)
        for (const delta of [1, -1]) {
          const theirs = clone(f.response)
          setAt(theirs, segs, v + delta)
          const r = reconcile(ours, theirs)
          expect(r.matches, reconcilePath(segs)).toBe(false)
          expect(r.differences.map((d) => d.path)).toEqual([reconcilePath(segs)])
          expect(r.differences[0]!.delta).toBe(delta)
          expect(r.differences[0]!.theirs).toBe(v + delta)
          expect(r.differences[0]!.hint?.message.length ?? 0, reconcilePath(segs)).toBeGreaterThan(0)
        }
    })

    it(`${name}: changing one number by any non-zero amount reports that path and that delta, also with the store and request at hand`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...leaves), fc.integer({ min: -100_000, max: 100_000 }).filter((x) => x !== 0), fc.boolean(), ([segs, v], delta, withStore) => {
          const theirs = clone(f.response)
          setAt(theirs, segs, v + delta)
          const r = reconcile(ours, theirs, withStore ? { store: f.store, request: f.request } : {})
          expect(r.differences.map((d) => [d.path, d.delta])).toEqual([[reconcilePath(segs), delta]])
          expect(r.differences[0]!.hint).not.toBeNull()
        }),
        { numRuns: 60 },
      )
    })
  }

  it('a field is paired with ours by its key wherever the API wrote it: with the keys of every object of the response shuffled, one changed number gives the same difference', () => {
    // Reconcile reads a field at the same place on both sides by position first; this pins it to
    // the pairing by key when the API orders its fields otherwise (or has a field ours lacks).
    const ours = estimate(est.store, est.request, { at: AT, trace: true })
    const leaves = numericLeaves(est.response)
    const shuffled = (x: unknown, r: () => number): unknown => {
      if (Array.isArray(x)) return x.map((v) => shuffled(v, r))
      if (x === null || typeof x !== 'object') return x
      const entries = Object.entries(x)
      for (let i = entries.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1))
        ;[entries[i], entries[j]] = [entries[j]!, entries[i]!]
      }
      // An extra field up front shifts every other one's place.
      const extra: [string, unknown][] = r() < 0.5 ? [['zz_server_field', 1]] : []
      return Object.fromEntries([...extra, ...entries.map(([k, v]) => [k, shuffled(v, r)] as [string, unknown])])
    }
    fc.assert(
      fc.property(fc.constantFrom(...leaves), fc.integer({ min: 1, max: 2 ** 31 }), fc.constantFrom(1, -1), ([segs, v], seed, delta) => {
        let s = seed
        const r = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32)
        const theirs = clone(est.response)
        setAt(theirs, segs, v + delta)
        const plain = reconcile(ours, theirs)
        const mixed = reconcile(ours, shuffled(theirs, r))
        expect(mixed.differences.map((d) => [d.path, d.delta])).toEqual([[reconcilePath(segs), delta]])
        expect(mixed.differences).toEqual(plain.differences)
        expect(mixed.compared).toBe(plain.compared)
        // (Ours has no `zz_server_field`: listed as ignored, as any field we do not compute.)
        expect(new Set(mixed.ignored.filter((p) => !p.endsWith('zz_server_field')))).toEqual(new Set(plain.ignored))
      }),
      { numRuns: 80 },
    )
  })

  it('reconcile never throws on any JSON value as the API response, and never calls garbage a match', () => {
    const ours = estimate(est.store, est.request, { at: AT })
    fc.assert(
      fc.property(fc.jsonValue(), (theirs) => {
        const r = reconcile(ours, theirs)
        expect(typeof r.matches).toBe('boolean')
        expect(Array.isArray(r.differences)).toBe(true)
        if (r.matches) expect(r.differences).toEqual([])
        if (r.shape === 'unknown') expect(r.differences[0]!.hint?.code).toBe('unreadable')
      }),
      { numRuns: 300 },
    )
  })

  it('reconcile never throws when any one subtree of the real response is replaced by arbitrary JSON', () => {
    const ours = estimate(est.store, est.request, { at: AT, trace: true })
    const paths: (string | number)[][] = []
    const walk = (x: unknown, p: (string | number)[]) => {
      paths.push(p)
      if (Array.isArray(x)) x.forEach((v, i) => walk(v, [...p, i]))
      else if (x !== null && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, [...p, k])
    }
    walk(est.response, [])
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (p, junk) => {
        const theirs = clone(est.response)
        setAt(theirs, p, junk)
        const r = reconcile(ours, theirs, { store: est.store, request: est.request })
        expect(typeof r.matches).toBe('boolean')
        for (const d of r.differences) expect(d.hint).not.toBeNull()
      }),
      { numRuns: 150 },
    )
  })
})

describe('reconcile: hints for real policy differences', () => {
  it('another rounding mode: an API that rounds shipping tax up (1312 × 19% = 249.28 → 250) is explained by rounding up/ceil', () => {
    const theirs = clone(est.response) as typeof estResponse
    const t = theirs.transaction
    // The API rounds up everywhere it rounds: shipping tax 250; interest ceil(13462 × 0.3 = 4038.6) = 4039;
    // T = 13462 + 4039 = 17501; upfront ceil(17501 × 0.1234 = 2159.6234) = 2160; each floor(15341 / 3) = 5113;
    // total_amount 2160 + 3 × 5113 = 17499.
    t.taxes.shipping_tax_rates[0]!.tax = 250
    t.products[0]!.taxes.shipping_tax_rates[0]!.tax = 250
    Object.assign(t.products[0]!.totals, { shipping_tax: 250, shipping_total: 1562, total: 13462 })
    Object.assign(t.totals, { shipping_tax: 250, shipping_total: 1562, total: 13462 })
    Object.assign(t.instalments[0]!, { interest: 4039, upfront_amount: 2160, instalments_amount: 5113, total_amount: 2160 + 3 * 5113 })
    const ours = estimate(est.store, est.request, { at: AT, trace: true })
    // With the store: one re-run (rounding "up", the first of up/ceil in the mode order) matches everything.
    const r = reconcile(ours, theirs, { store: est.store, request: est.request })
    expect(r.differences.length).toBeGreaterThan(5)
    for (const d of r.differences) expect(d.hint).toMatchObject({ code: 'rounding_mode', option: { name: 'rounding', value: 'up' } })
    // From the trace alone: the rounded leaves name the modes; the sums follow from them.
    const byPath = new Map(reconcile(ours, theirs).differences.map((d) => [d.path, d.hint]))
    expect(byPath.get('products[0].taxes.shipping_tax_rates[0].tax')).toMatchObject({ code: 'rounding_mode', option: { name: 'rounding', value: 'up' } })
    expect(byPath.get('products[0].taxes.shipping_tax_rates[0].tax')?.message).toMatch(/249\.28/)
    expect(byPath.get('instalments[0].interest')?.code).toBe('rounding_mode')
    expect(byPath.get('products[0].totals.shipping_total')?.code).toBe('follows')
  })

  it('another tax rounding level: 3 × 19.99 at 19% — line round(5997 × 0.19 = 1139.43) = 1139, unit round(379.81) × 3 = 1140', () => {
    const store = createStore({
      account: { base_currency: 'EUR', country: 'DE' },
      products: [{ id: 'p', name: 'P', type: 'service', price: 1999, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 1999 }] }],
      tax_rates: [{ id: null, label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: '19', vat_tax: true }],
    })
    const request: EstimateRequest = { products: [{ id: 'p', quantity: 3 }], new_customer: { country: 'DE' } }
    const ours = estimate(store, request, { at: AT, trace: true })
    const api = estimate(store, request, { at: AT, tax_rounding: 'unit' })
    expect(tx(ours).totals.tax).toBe(1139)
    expect(tx(api).totals.tax).toBe(380 * 3)
    const fromTrace = reconcile(ours, api)
    const d = fromTrace.differences.find((x) => x.path === 'products[0].taxes.tax_rates[0].tax')!
    expect(d).toMatchObject({ ours: 1139, theirs: 1140, delta: 1 })
    expect(d.hint).toMatchObject({ code: 'tax_rounding', option: { name: 'tax_rounding', value: 'unit' } })
    const withStore = reconcile(ours, api, { store, request })
    for (const x of withStore.differences) expect(x.hint).toMatchObject({ code: 'tax_rounding', option: { name: 'tax_rounding', value: 'unit' } })
  })

  it('a missing rate: our store has no rate for DE, the API charged 1900 = 19% of 10000', () => {
    const noRates = createStore({ ...(estStore as unknown as StoreConfig), tax_rates: [] })
    const r = reconcile(estimate(noRates, est.request, { at: AT, trace: true }), est.response)
    const byPath = new Map(r.differences.map((d) => [d.path, d]))
    expect(byPath.get('products[0].totals.tax')).toMatchObject({ ours: 0, theirs: 1900 })
    expect(byPath.get('products[0].totals.tax')?.hint?.code).toBe('missing_rate')
    expect(byPath.get('products[0].totals.tax')?.hint?.message).toMatch(/19% of 10000/)
    expect(byPath.get('products[0].taxes.tax_rates[0]')?.hint?.code).toBe('missing_rate')
    expect(byPath.get('totals.tax')?.hint?.code).toBe('follows')
  })

  it('a conversion that differs: 10000 EUR at 11.0235 SEK/EUR = 110235 (ours) vs the API at 11.5 = 115000', () => {
    const cfg = (rate: string): StoreConfig => ({
      account: { base_currency: 'EUR', country: 'SE', currencies: ['EUR', 'SEK'] },
      products: [{ id: 'p', name: 'P', type: 'service', price: 10000, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 10000 }] }],
      exchange_rates: { base: 'EUR', rates: { SEK: rate } },
    })
    const request: EstimateRequest = { products: [{ id: 'p' }], currency: 'SEK', convert_prices: true, new_customer: { country: 'SE' } }
    const ours = estimate(createStore(cfg('11.0235')), request, { at: AT, trace: true })
    const api = estimate(createStore(cfg('11.5')), request, { at: AT })
    expect(tx(ours).products[0]!.totals.unit_price).toBe(110235)
    expect(tx(api).products[0]!.totals.unit_price).toBe(115000)
    const byPath = new Map(reconcile(ours, api).differences.map((d) => [d.path, d]))
    expect(byPath.get('products[0].totals.unit_price')?.hint?.code).toBe('conversion')
    expect(byPath.get('products[0].totals.exchange_rate')).toMatchObject({ ours: 11.0235, theirs: 11.5 })
    expect(byPath.get('products[0].totals.exchange_rate')?.hint?.code).toBe('conversion')
  })

  it('our 400 against the API 200 is a status difference naming our errors', () => {
    const ours = estimate(est.store, { products: [{ id: 'nope' }], customer: { id: '9c91c6eb-9146-4bf5-82da-dc73aba59a46' } }, { at: AT })
    const r = reconcile(ours, est.response)
    expect(r.differences).toHaveLength(1)
    expect(r.differences[0]).toMatchObject({ path: 'status', ours: 400, theirs: 200 })
    expect(r.differences[0]!.hint?.code).toBe('status')
    expect(r.differences[0]!.hint?.message).toMatch(/unknown_product/)
  })
})

describe('reconcile: matching rules', () => {
  const ours = estimate(est.store, est.request, { at: AT })

  it('tolerance: an integer within N minor units is equal, beyond it is not', () => {
    const theirs = clone(est.response)
    theirs.transaction.totals.total = 13461 + 2
    expect(reconcile(ours, theirs, { tolerance: 2 }).matches).toBe(true)
    expect(reconcile(ours, theirs, { tolerance: 1 }).differences.map((d) => d.path)).toEqual(['totals.total'])
  })

  it('a tolerance that is no count, or a misspelt option, is reported — never read as 0 or ignored', () => {
    // Read as 0, a tolerance of "5" would report a 2-cent difference the caller meant to accept.
    const theirs = clone(est.response)
    theirs.transaction.totals.total = 13461 + 2
    for (const tolerance of [Number.NaN, -1, '5', 1.5, Infinity]) {
      const r = reconcile(ours, theirs, { tolerance } as never)
      expect(r).toMatchObject({ matches: false, compared: 0 })
      expect(r.differences.map((d) => [d.path, d.hint?.code])).toEqual([['options.tolerance', 'unreadable']])
    }
    const typo = reconcile(ours, est.response, { tolerence: 2 } as never)
    expect(typo.differences.map((d) => d.path)).toEqual(['options.tolerence'])
    expect(typo.differences[0]!.hint?.message).toMatch(/did you mean "tolerance"/)
    expect(reconcile(ours, est.response, 'strict' as never).differences.map((d) => d.path)).toEqual(['options'])
    // A store that createStore did not make, or a request / options that are no objects: the hints
    // would silently lose their re-runs.
    expect(reconcile(ours, est.response, { store: { products: [] }, request: est.request } as never).differences.map((d) => d.path)).toEqual(['options.store'])
    expect(reconcile(ours, est.response, { store: est.store, request: 5 } as never).differences.map((d) => d.path)).toEqual(['options.request'])
    expect(reconcile(ours, est.response, { options: 'half_up' } as never).differences.map((d) => d.path)).toEqual(['options.options'])
    expect(reconcile(ours, est.response, { store: est.store, request: est.request, options: { at: AT } }).matches).toBe(true)
    // Absent, null and 0 are the default, and a match stays a match.
    for (const options of [undefined, {}, { tolerance: null }, { tolerance: 0 }]) expect(reconcile(ours, est.response, options as never).matches).toBe(true)
  })

  it('an amount the API wrote as a decimal string is compared by value; hex, binary and empty strings are not numbers', () => {
    const as = (v: unknown) => {
      const theirs = clone(est.response) as unknown as { transaction: { totals: { total: unknown } } }
      theirs.transaction.totals.total = v
      return reconcile(ours, theirs).differences.map((d) => d.path)
    }
    // 13461 = 0x3495 = 0b11010010010101
    for (const v of ['13461', ' 13461 ', '13461.0', '1.3461e4']) expect(as(v), v).toEqual([])
    for (const v of ['0x3495', '0b11010010010101', '0o32225', '+13461', '', ' ', 'Infinity']) expect(as(v), v).toEqual(['totals.total'])
  })

  it('compares codes and labels case-insensitively', () => {
    const theirs = clone(est.response)
    theirs.transaction.currency = 'eur'
    theirs.transaction.taxes.tax_rates[0]!.label = 'MWST.'
    theirs.transaction.products[0]!.taxes.tax_rates[0]!.jurisdiction = 'de'
    expect(reconcile(ours, theirs).matches).toBe(true)
  })

  it('compares only what the API returned: a response with a single total is compared on that total', () => {
    const r = reconcile(ours, { status: 200, transaction: { totals: { total: 13461 } } })
    expect(r).toMatchObject({ matches: true, compared: 2 }) // status and totals.total
    const off = reconcile(ours, { status: 200, transaction: { totals: { total: 13460 } } })
    expect(off.differences.map((d) => [d.path, d.delta])).toEqual([['totals.total', -1]])
  })

  it('matches products by id, not by position', () => {
    const store = createStore({
      account: { base_currency: 'EUR', country: 'DE' },
      products: [
        { id: 'a', name: 'A', type: 'service', price: 1000, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 1000 }] },
        { id: 'b', name: 'B', type: 'service', price: 2500, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 2500 }] },
      ],
    })
    const request: EstimateRequest = { products: [{ id: 'a' }, { id: 'b', quantity: 2 }], new_customer: { country: 'DE' } }
    const mine = estimate(store, request, { at: AT })
    const theirs = clone(mine) as unknown as { transaction: { products: unknown[] } }
    theirs.transaction.products.reverse()
    expect(reconcile(mine, theirs).matches).toBe(true)
    // A product the API has and we do not is reported at the API's index.
    const extra = clone(mine) as unknown as { transaction: { products: { id: string }[] } }
    extra.transaction.products[1]!.id = 'c'
    const r = reconcile(mine, extra)
    expect(r.differences.map((d) => d.path)).toEqual(['products[1]', 'products'])
    expect(r.differences.map((d) => d.hint?.code)).toEqual(['missing', 'extra'])
  })

  it('a list is paired item by item whatever the order, the case of its keys or how a rate is spelt; a changed cent is reported at the API\'s index', () => {
    // Four products in two tax categories: every line carries a rate list, the transaction two rates.
    const product = (id: string, price: number, classification: string) => ({ id, name: id.toUpperCase(), type: 'service' as const, price, currency: 'EUR', classification, pricing_model: [{ currency: 'EUR', price }] })
    const store = createStore({
      account: { base_currency: 'EUR', country: 'DE' },
      products: [product('a', 1000, 'general'), product('b', 2500, 'books'), product('c', 399, 'general'), product('d', 12000, 'books')],
      tax_rates: [
        { label: 'MwSt.', jurisdiction: 'DE', rate_percent: '19' },
        { label: 'MwSt. reduziert', jurisdiction: 'DE', category: 'books', rate_percent: '7' },
      ],
    })
    const mine = estimate(store, { products: [{ id: 'a' }, { id: 'b', quantity: 2 }, { id: 'c', quantity: 3 }, { id: 'd' }], new_customer: { country: 'DE' } }, { at: AT })
    const lines = tx(mine).products
    expect(tx(mine).taxes.tax_rates.map((r) => r.rate_percent)).toEqual([19, 7])
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }), fc.boolean(), fc.integer({ min: 0, max: 3 }), (order, respell, at) => {
        const theirs = clone(mine) as unknown as { transaction: Transaction }
        const t = theirs.transaction as unknown as { products: Record<string, any>[]; taxes: { tax_rates: Record<string, unknown>[] } }
        t.products = order.map((k) => t.products[k]!)
        t.taxes.tax_rates.reverse()
        if (respell)
          for (const r of [...t.taxes.tax_rates, ...t.products.flatMap((p) => p.taxes.tax_rates as Record<string, unknown>[])]) {
            r.label = String(r.label).toUpperCase()
            r.jurisdiction = 'de'
            r.rate_percent = String(r.rate_percent) // "19", as a JSON encoder of decimals writes it
          }
        expect(reconcile(mine, theirs).differences).toEqual([])
        // One cent more on the API's line `at` (our line order[at]): reported there, and only there.
        t.products[at]!.totals.tax += 1
        const r = reconcile(mine, theirs)
        expect(r.differences.map((d) => [d.path, d.ours, d.delta])).toEqual([[`products[${at}].totals.tax`, lines[order[at]!]!.totals.tax, 1]])
      }),
      { numRuns: 60, seed: 20261203 },
    )
  })

  it('a hole in one of the API\'s lists is an item it lacks: a difference, as a shorter list is', () => {
    const mine = estimate(est.store, est.request, { at: AT })
    const schedule = tx(mine).instalments[0]!.schedule
    expect(schedule.length).toBe(4) // the upfront payment and 3 instalments
    const holed = clone(mine) as unknown as { transaction: { instalments: { schedule: unknown[] }[] } }
    delete holed.transaction.instalments[0]!.schedule[1]
    const r = reconcile(mine, holed)
    expect(r.matches).toBe(false)
    expect(r.differences.map((d) => [d.path, d.hint?.code])).toEqual([
      ['instalments[0].schedule[1]', 'missing'],
      ['instalments[0].schedule', 'extra'],
    ])
  })

  it('lists of names (payment methods, applies_to) match in any order, and a name the API lacks is a difference', () => {
    const mine = ours as unknown as { transaction: { payments: string[] } }
    expect(mine.transaction.payments.length).toBeGreaterThan(2) // the fixture lists 12 methods
    const reordered = clone(est.response) as unknown as { transaction: { payments: string[] } }
    reordered.transaction.payments.reverse()
    expect(reconcile(ours, reordered).matches).toBe(true)
    // the API leaves out "instalments": ours lists one method more
    const fewer = clone(est.response) as unknown as { transaction: { payments: string[] } }
    fewer.transaction.payments = fewer.transaction.payments.filter((m) => m !== 'instalments')
    const r = reconcile(ours, fewer)
    expect(r.differences.map((d) => [d.path, d.ours, d.theirs])).toEqual([['payments', 12, 11]])
    // a rate's applies_to without the product
    const noIds = clone(est.response)
    noIds.transaction.taxes.tax_rates[0]!.applies_to = []
    expect(reconcile(ours, noIds).differences.map((d) => d.path)).toEqual(['taxes.tax_rates[0].applies_to'])
    // the create shape's payments.available, one method short
    const created = summarize(estimate(cr.store, cr.request, { at: AT }))
    const short = clone(cr.response) as unknown as { transaction: { payments: { available: string[] } } }
    expect(short.transaction.payments.available).toEqual(['stripe', 'mollie', 'bank_transfer'])
    short.transaction.payments.available.pop()
    expect(reconcile(created, short).differences.map((d) => d.path)).toEqual(['payments.available'])
  })

  it('a payment method the API selected that we do not offer is a difference, not copied into ours', () => {
    const created = estimate(cr.store, cr.request, { at: AT })
    const theirs = clone(cr.response) as unknown as { transaction: { payments: { selected: string } } }
    theirs.transaction.payments.selected = 'bitcoin'
    const r = reconcile(created, theirs)
    expect(r.differences.map((d) => [d.path, d.ours, d.theirs])).toEqual([['payments.selected', 'stripe', 'bitcoin']])
    // one we offer is taken as the order's choice: mollie is offered, so it matches
    theirs.transaction.payments.selected = 'mollie'
    expect(reconcile(created, theirs).matches).toBe(true)
  })

  it('an inherited getter of a response object is never run (a class instance is read by its own fields)', () => {
    class Sneaky {
      status = 200
      transaction = clone(est.response).transaction
      get errors(): never {
        throw new Error('read me')
      }
    }
    expect(() => reconcile(ours, new Sneaky())).not.toThrow()
    expect(reconcile(ours, new Sneaky()).matches).toBe(true)
  })

  it('garbage is reported, never thrown: a string, an array, null, an object that is no response', () => {
    for (const junk of ['garbage', [1, 2], null, 42, { hello: 'world' }, { status: 200, transaction: 'x' }]) {
      const r: Reconciliation = reconcile(ours, junk)
      expect(r).toMatchObject({ matches: false, shape: 'unknown' })
      expect(r.differences[0]!.hint?.code).toBe('unreadable')
    }
    expect(reconcile('not ours', est.response).differences[0]!.hint?.message).toMatch(/our response/)
  })

  it('a 200 without a transaction, or with nothing we compute, is unreadable, never a match (a status alone says nothing of the amounts)', () => {
    for (const junk of [{ status: 200, transaction: null }, { status: '200', transaction: null }, { status: 200, errors: [] }, { status: 400, transaction: null }, { status: 200, transaction: { totals: {} } }, { status: 200, transaction: { totals: { not_a_field_we_compute: 1 } } }]) {
      const r = reconcile(ours, junk)
      expect(r.matches, JSON.stringify(junk)).toBe(false)
      expect(r.differences[0]!.hint?.code).toBe('unreadable')
    }
    // … on our side too: an estimate that lost its transaction is not "ours"
    const r = reconcile({ status: 200, transaction: null }, est.response)
    expect([r.matches, r.differences[0]!.hint?.message]).toEqual([false, expect.stringMatching(/our response cannot be read: a 200 response without a transaction/)])
    // a 400 against a 400 is judged by its status and error codes
    const bad = estimate(est.store, { ...est.request, products: [{ id: 'nope' }] } as EstimateRequest, { at: AT })
    expect(reconcile(bad, { status: 400, errors: [] })).toMatchObject({ matches: true, compared: 1 })
    expect(reconcile(bad, { status: 400, errors: [{ code: 'unknown_product' }] })).toMatchObject({ matches: true, compared: 2 })
  })
})

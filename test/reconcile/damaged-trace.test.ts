/**
 * A traced response is plain JSON that users store and send; what comes back may have been edited,
 * truncated or written by another version. `explain` and `reconcile` read such a trace and must
 * never throw: a trace that is not one this version writes is treated as no trace at all.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStore, estimate, explain, reconcile, type EstimateRequest, type StoreConfig } from '../../src/index'
import { isTrace } from '../../src/trace/wellformed'
import { parentsOf, type HintContext } from '../../src/reconcile/hints'
import { RICH_OPTIONS, RICH_REQUESTS, RICH_STORE } from '../fuzz/rich'
import estStore from '../fixtures/api-estimate-de/store.json'
import estRequest from '../fixtures/api-estimate-de/request.json'

const AT = '2026-11-25T12:00:00Z'
const store = createStore(estStore as unknown as StoreConfig)
const request = estRequest as unknown as EstimateRequest
const RUNS = Number((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.['FC_RUNS'] ?? 300)

const res = estimate(store, request, { at: AT, trace: true })
if (res.status !== 200 || res.trace === undefined) throw new Error('expected a traced 200')
const json = JSON.stringify(res)
const paths = Object.keys(res.trace.amounts)

/** Every place inside the trace a value sits at, as key lists from `trace`. */
function places(v: unknown, at: readonly (string | number)[], out: (string | number)[][]): (string | number)[][] {
  out.push([...at])
  if (Array.isArray(v)) v.forEach((x, i) => places(x, [...at, i], out))
  else if (typeof v === 'object' && v !== null) for (const [k, x] of Object.entries(v)) places(x, [...at, k], out)
  return out
}
const PLACES = places(JSON.parse(json).trace, ['trace'], []).filter((p) => p.length > 1)

const HOSTILE: readonly unknown[] = [null, 0, -1, 1.5, '', 'x', '1/0', true, [], {}, [null], [['a']], [[1, 1]], { split: 5 }, { split: 'shipping', index: 'a' }, 'constructor', { toString: 1 }]

function damaged(edits: readonly (readonly [number, number])[]): Record<string, unknown> {
  const copy = JSON.parse(json) as Record<string, unknown>
  for (const [pi, hi] of edits) {
    const p = PLACES[pi % PLACES.length]!
    let o = copy as Record<string | number, unknown>
    for (const k of p.slice(0, -1)) {
      const next = o[k]
      if (typeof next !== 'object' || next === null) break
      o = next as Record<string | number, unknown>
    }
    if (typeof o === 'object' && o !== null) o[p[p.length - 1]!] = HOSTILE[hi % HOSTILE.length]
  }
  return copy
}

describe('a damaged stored trace', () => {
  it('an intact copy parsed back from JSON explains exactly as the response itself (the check does not reject good traces)', () => {
    const copy = JSON.parse(json) as unknown
    for (const p of paths) expect(explain(copy, p)).toEqual(explain(res, p))
    expect(explain(copy, 'totals.total')[0]).toMatch(/^totals\.total = /)
  })

  it('explain never throws and always answers lines of text, whatever part of the trace was replaced', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }), fc.nat(), (edits, pi) => {
        const copy = damaged(edits)
        const lines = explain(copy, paths[pi % paths.length]!)
        expect(lines.length).toBeGreaterThan(0)
        for (const l of lines) expect(typeof l).toBe('string')
      }),
      { numRuns: RUNS * 10 },
    )
  })

  it('a trace this version did not write is no trace: explain says so', () => {
    const copy = JSON.parse(json) as { trace: { amounts: Record<string, unknown> } }
    copy.trace.amounts['totals.total'] = { op: 'sum', value: 1, terms: 'items' }
    expect(explain(copy, 'totals.total')).toEqual([expect.stringMatching(/^totals\.total: no trace in this response/)])
  })

  it('a part naming a split the trace does not have — an inherited name included — is a damaged trace', () => {
    for (const split of ['toString', '__proto__', 'constructor', 'no-such-split']) {
      const t = { version: 2, currency: 'EUR', options: {}, amounts: { 'totals.total': { op: 'allocate', value: 1, allocation: { split, index: 0 } } }, splits: {} }
      expect(explain({ trace: t }, 'totals.total')).toEqual([expect.stringMatching(/no trace in this response/)])
    }
  })

  it('every trace the library writes passes the check, parsed back from JSON too', () => {
    for (const options of [{}, { tax_rounding: 'unit' }, { instalment_rounding: 'exact', allocation: 'carry' }] as const) {
      const r = estimate(store, request, { at: AT, trace: true, ...options })
      const copy = JSON.parse(JSON.stringify(r)) as unknown
      expect(explain(copy, 'totals.total')[0]).toMatch(/^totals\.total = /)
    }
  })

  it('reconcile never throws on a damaged trace of ours, and still compares the amounts', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 4 }), (edits) => {
        const r = reconcile(damaged(edits), res)
        expect(r.matches).toBe(true)
      }),
      { numRuns: RUNS },
    )
  })

  it('nothing is kept with a trace between two reconcile calls: a trace edited after one call is read as edited by the next', () => {
    // The API's shipping_rates[0].cost one cent up: its parent in our trace, shipping_method.cost, is
    // what the hint cites. Then the trace is edited so that sum has no terms: the next call must read
    // the edited trace exactly as a fresh copy of it is read.
    const ours = JSON.parse(json) as typeof res
    const theirs = JSON.parse(json) as { transaction: { shipping: { shipping_rates: { cost: number }[] } }; trace?: unknown }
    delete theirs.trace
    theirs.transaction.shipping.shipping_rates[0]!.cost += 1
    const before = reconcile(ours, theirs).differences
    expect(before.map((d) => [d.path, d.hint?.code])).toEqual([['shipping.shipping_rates[0].cost', 'inconsistent']])
    expect(before[0]!.hint!.message).toContain('shipping.shipping_method.cost is 1312')
    ;(ours.trace!.amounts['shipping.shipping_method.cost'] as unknown as { terms: unknown[] }).terms = []
    const after = reconcile(ours, theirs).differences
    expect(after).toEqual(reconcile(JSON.parse(JSON.stringify(ours)), theirs).differences)
    expect(after[0]!.hint?.message ?? '').not.toContain('shipping.shipping_method.cost is 1312')
  })

  it('the sums a path is a term of are the same whether a call scans the trace or indexes it', () => {
    // A call scans for its first few lookups and indexes the trace after that: every path of the
    // rich trace is looked up both ways (a fresh call each, and all in one call).
    const rich = estimate(createStore(RICH_STORE as unknown as StoreConfig), RICH_REQUESTS[0] as unknown as EstimateRequest, { ...RICH_OPTIONS, at: AT, trace: true })
    if (rich.status !== 200) throw new Error('expected a 200')
    const trace = rich.trace!
    const all = Object.keys(trace.amounts)
    const one = {} as HintContext
    let withParents = 0
    for (const p of all) {
      const scanned = parentsOf({} as HintContext, trace, p)
      expect(parentsOf(one, trace, p)).toEqual(scanned)
      // By hand: the entries that list p among their terms, once per occurrence.
      expect(scanned).toEqual(all.flatMap((k) => (trace.amounts[k]!.terms ?? []).filter(([q]) => q === p).map(() => k)))
      if (scanned.length > 0) withParents++
    }
    expect(withParents).toBeGreaterThan(20)
  })

  it('each field of an entry is checked by its name: a good value passes, a wrong type fails, op and value are required, unknown keys are allowed', () => {
    // One entry with every field the format documents, each holding a value of its type.
    const full = {
      op: 'round', value: 7, exact: '7/1', rounding: 'half_up', level: 'line', source: 'store', currency: 'EUR', rule: 'largest_remainder',
      factors: ['a'], divisors: ['b'], inputs: ['c'], policies: ['rounding'], affine: { offset: 0, factor: 1 }, terms: [['x', 1], ['y', -1]],
      allocation: { split: 's', index: 0 },
    }
    const split = { of: 'x', total: 7, by: 'lines', rule: 'largest_remainder', weights: ['1'], parts: [7] }
    const trace = (entry: unknown) => ({ version: 2, currency: 'EUR', options: {}, amounts: { 'a.b': entry }, splits: { s: split } })
    expect(isTrace(trace(full))).toBe(true)
    expect(isTrace(trace({ ...full, a_later_field: { anything: [1] } }))).toBe(true)
    const wrong: Record<keyof typeof full, readonly unknown[]> = {
      op: ['divide', 1, null], value: ['7', Number.NaN, null], exact: [7, null], rounding: [1, null], level: [[], null], source: [{}, null], currency: [1, null], rule: [true, null],
      factors: ['a', [1], [null], null], divisors: [{}, [1]], inputs: ['c', [['c']]], policies: [1, [2]], affine: [null, { offset: 0 }, { offset: '0', factor: 1 }],
      terms: [[['x', 2]], [['x']], [[1, 1]], 'x'], allocation: [null, { split: 's', index: -1 }, { split: 's', index: 0.5 }, { split: 't', index: 0 }, { split: 'toString', index: 0 }],
    }
    for (const [k, values] of Object.entries(wrong)) {
      for (const v of values) expect(isTrace(trace({ ...full, [k]: v })), `${k}: ${JSON.stringify(v)}`).toBe(false)
      const { [k]: _, ...without } = full as Record<string, unknown>
      expect(isTrace(trace(without)), `without ${k}`).toBe(k !== 'op' && k !== 'value')
    }
    expect(isTrace(trace(null))).toBe(false)
    expect(isTrace(trace([full]))).toBe(false)
  })
})

/**
 * Typos are never silent: every mistake of the table in ./mistakes.ts, applied to the clean rich
 * store, request or options, gives what its row says — a store error, a store warning, an estimate
 * warning or a 400 — with the code, the JSON path and, when a known key is close, the suggestion;
 * the message names the key and the suggestion. The clean inputs give no issue at all (asserted
 * first, so a row cannot pass on an issue the base already had).
 */
import { describe, expect, it } from 'vitest'
import { createStore, estimate, StoreConfigError, type EstimateOptions, type EstimateRequest, type Issue, type StoreConfig } from '../../src/index'
import { AT } from '../fuzz/rich'
import { CUSTOMER_MISTAKES, MISTAKES, NEW_CUSTOMER_REQUEST, REQUEST, RICH_STORE, rename, type Json } from './mistakes'

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T
}

/** The store issues: `[errors, warnings]`. */
function storeIssues(config: unknown): [readonly Issue[], readonly Issue[]] {
  try {
    return [[], createStore(config as StoreConfig).warnings]
  } catch (e) {
    if (!(e instanceof StoreConfigError)) throw e
    return [e.issues, e.warnings]
  }
}

const STORE = createStore(RICH_STORE as unknown as StoreConfig)

function run(request: Json, options: Json) {
  return estimate(STORE, request as unknown as EstimateRequest, { at: AT, ...options } as EstimateOptions)
}

describe('the clean inputs give no issue', () => {
  it('the rich store: no store warning', () => {
    expect(storeIssues(clone(RICH_STORE))).toEqual([[], []])
  })
  it.each([['the rich request', REQUEST], ['the new-customer request', NEW_CUSTOMER_REQUEST]])('%s: no unknown_field warning', (_, request) => {
    const res = run(request, {})
    expect(res.status).toBe(200)
    expect(res.warnings.filter((w) => w.code === 'unknown_field')).toEqual([])
  })
})

describe(`${MISTAKES.length + CUSTOMER_MISTAKES.length} realistic mistakes, each reported with its path`, () => {
  const rows = [...MISTAKES.map((m) => [m.name, m, REQUEST] as const), ...CUSTOMER_MISTAKES.map((m) => [m.name, m, NEW_CUSTOMER_REQUEST] as const)]
  it.each(rows)('%s', (_, m, baseRequest) => {
    let found: readonly Issue[]
    if (m.on === 'store') {
      const config = clone(RICH_STORE) as Json
      m.edit(config)
      const [errors, warnings] = storeIssues(config)
      found = m.expect.as === 'store error' ? errors : warnings
      // A store warning alone never stops the store; a store error always does.
      if (m.expect.as === 'store warning' && m.stops !== true) expect(errors).toEqual([])
      else expect(errors.length).toBeGreaterThan(0)
    } else {
      const request = clone(baseRequest)
      const options: Json = {}
      m.edit(m.on === 'request' ? request : options)
      // The "strict" row needs a request mistake to keep as a warning.
      if (m.name.startsWith('strict')) rename('products.0', 'quantity', 'qty')(request)
      const res = run(request, options)
      expect(res.status).toBe(m.status ?? 200)
      found = m.expect.as === 'error' ? (res.status === 400 ? res.errors : []) : res.warnings
    }
    const hit = found.find((i) => i.code === m.expect.code && i.path === m.expect.path)
    expect(hit, `${m.expect.code} at ${m.expect.path} in ${JSON.stringify(found)}`).toBeDefined()
    expect(hit!.suggestion).toBe(m.expect.suggestion)
    if (m.expect.suggestion !== undefined) expect(hit!.message).toContain(`did you mean ${JSON.stringify(m.expect.suggestion)}?`)
    if (m.expect.code === 'unknown_field') {
      const key = m.expect.path.replace(/^.*(\.|\[")/, '').replace(/"\]$/, '')
      expect(hit!.message).toContain(JSON.stringify(key))
    }
    for (const w of m.expect.says ?? []) expect(hit!.message).toContain(w)
  })
})

describe('unknown keys are reported in the order of the request', () => {
  it('keys before the lines, in the lines (fast and general path alike), after the lines, and nested ones, in input order', () => {
    const base = clone(REQUEST)
    const lines = base.products as Json[]
    // Built key by key so the order is the one written here: zeta, products, shiping.
    const request: Json = { zeta: 1 }
    for (const [k, v] of Object.entries(base)) request[k] = v
    request.products = [{ ...lines[0], qty: 2 }, { name: 'Gift wrap', price: 100, colour: 'red' }]
    request.shiping = {}
    const res = run(request, {})
    // zeta first, then products[0].qty (a catalog line), products[1].colour (a free line), shiping.
    expect(res.warnings.filter((w) => w.code === 'unknown_field').map((w) => [w.path, w.suggestion])).toEqual([
      ['zeta', undefined],
      ['products[0].qty', 'quantity'],
      ['products[1].colour', undefined],
      ['shiping', 'shipping'],
    ])
  })

  it('lines past max_lines are not looked at: the answer is too_many_lines, with no key warning from the lines', () => {
    const request: Json = clone(REQUEST)
    const one = (request.products as Json[])[0]!
    request.products = Array.from({ length: 2000 }, (_, i) => (i === 1999 ? { ...one, qty: 1 } : one))
    request.zeta = 1
    const res = run(request, {})
    expect(res.status).toBe(400)
    expect(res.status === 400 && res.errors.map((e) => e.code)).toEqual(['too_many_lines'])
    expect(res.warnings.filter((w) => w.code === 'unknown_field').map((w) => w.path)).toEqual(['zeta'])
  })

  it('past 1,000 unknown keys, one more issue counts the rest, however many there are', () => {
    const request: Json = clone(REQUEST)
    for (let i = 0; i < 1500; i++) request[`junk_${i}`] = i
    const res = run(request, {})
    const unknown = res.warnings.filter((w) => w.code === 'unknown_field')
    // 1,000 listed one by one, then one at path "" for the other 500.
    expect(unknown).toHaveLength(1001)
    expect(unknown[999]!.path).toBe('junk_999')
    expect(unknown[1000]).toMatchObject({ path: '', message: '500 more unknown fields are not listed' })
  })
})

/**
 * The order of keys in a store or a request never changes an answer: a merchant's JSON comes from
 * any serializer. Only the echo of the customer keeps the order it was given (as the API's echo).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateRequest, type StoreConfig } from '../../src/index'
import { AT, RICH_OPTIONS, SEEDS } from '../fuzz/rich'

const RUNS = Number((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.['FC_RUNS'] ?? 300)

/** `v` with the keys of every object reordered by `rank` (a permutation drawn per key name). */
function reorder(v: unknown, rank: (k: string) => number): unknown {
  if (Array.isArray(v)) return v.map((x) => reorder(x, rank))
  if (typeof v !== 'object' || v === null) return v
  const keys = Object.keys(v).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1))
  const out: Record<string, unknown> = {}
  for (const k of keys) out[k] = reorder((v as Record<string, unknown>)[k], rank)
  return out
}

/** The response as JSON text, the customer echo left out. */
function withoutEcho(res: unknown): string {
  const r = JSON.parse(JSON.stringify(res)) as { transaction?: { customer_information?: unknown } }
  if (r.transaction !== undefined) delete r.transaction.customer_information
  return JSON.stringify(r)
}

const CASES = SEEDS.flatMap((s) => s.requests.flatMap((request) => RICH_OPTIONS.map((options) => ({ name: s.name, store: s.store, request, options }))))

describe('key order', () => {
  it('reordering the keys of the store and the request gives the same JSON, byte for byte, but for the customer echo', () => {
    fc.assert(
      fc.property(fc.nat({ max: CASES.length - 1 }), fc.integer(), (i, salt) => {
        const c = CASES[i]!
        // A hash of the key with the salt: a different key order on every run.
        const rank = (k: string) => {
          let h = salt | 0
          for (let j = 0; j < k.length; j++) h = Math.imul(h ^ k.charCodeAt(j), 0x9e3779b1)
          return h
        }
        const a = estimate(createStore(c.store as StoreConfig), c.request as EstimateRequest, { ...c.options, at: AT, trace: true })
        const b = estimate(createStore(reorder(c.store, rank) as StoreConfig), reorder(c.request, rank) as EstimateRequest, { ...c.options, at: AT, trace: true })
        expect(withoutEcho(b)).toBe(withoutEcho(a))
        if (a.status === 200 && b.status === 200) {
          const sorted = (x: unknown) => JSON.stringify(reorder(x, () => 0))
          expect(sorted(b.transaction.customer_information)).toBe(sorted(a.transaction.customer_information))
        }
      }),
      { numRuns: RUNS },
    )
  })
})

/**
 * Conservation laws at scale: structurally valid random stores and carts (test/fuzz/valid.ts) on a
 * fixed seed and a CI budget. Every law of SPEC §3.6 holds (test/fuzz/laws.ts), every amount is a
 * safe integer ≥ 0, inputs are unmutated (deep-frozen), the JSON is byte-identical on a second run
 * and identical (keys sorted) when every object of the inputs lists its keys in another order.
 * Node only: the long budget is `npm run fuzz`.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PROPERTIES, tally } from './properties'

const SEED = 20260302

describe('properties', () => {
  const p = PROPERTIES.find((x) => x.group === 'laws')!
  it(p.rule, () => {
    fc.assert(p.property(), { numRuns: p.ci, seed: SEED })
  }, 300_000)

  it('the random carts mostly price: at least half are 200s, and the extreme ones reach amount_overflow', () => {
    const ok = tally.get('valid cart → 200') ?? 0
    expect(ok + (tally.get('valid cart → 400') ?? 0)).toBe(p.ci)
    expect(ok / p.ci).toBeGreaterThan(0.5)
    expect(tally.get('valid cart 400 amount_overflow') ?? 0).toBeGreaterThan(0)
  })
})

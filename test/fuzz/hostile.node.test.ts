/**
 * The hostile-input fuzz properties (test/fuzz/properties.ts) on a fixed seed and a CI budget: arbitrary
 * JSON and mutated valid documents as request, options and store config. Node only (named
 * `*.node.test.ts`): the browser project runs the light limit and overflow tests instead. The long
 * budget is `npm run fuzz`.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStore, estimate } from '../../src/index'
import { PROPERTIES, tally } from './properties'
import { RICH_OPTIONS, RICH_REQUESTS, RICH_STORE } from './rich'

const SEED = 20260302
const HOSTILE = PROPERTIES.filter((p) => p.group === 'hostile')

const count = (prefix: string) => [...tally].filter(([k]) => k.startsWith(prefix)).reduce((s, [, v]) => s + v, 0)

describe('properties', () => {
  it('the mutators start from valid documents: every rich request prices to a 200 under every non-strict option set', () => {
    const s = createStore(RICH_STORE as never)
    for (const r of RICH_REQUESTS) for (const o of RICH_OPTIONS.filter((x) => x.strict !== true)) expect(estimate(s, r as never, o as never).status).toBe(200)
  })

  for (const p of HOSTILE) {
    it(p.rule, () => {
      fc.assert(p.property(), { numRuns: p.ci, seed: SEED })
    }, 300_000)
  }

  it('the mutations reach the calculation: many mutated requests still price, and the 400s carry many different codes', () => {
    const mutated = count('mutated request → ')
    expect(mutated).toBe(HOSTILE.find((p) => p.rule.startsWith('a valid request with one'))!.ci)
    // One hostile leaf in a valid request leaves it valid (200) often enough to price deep …
    expect(count('mutated request → 200') / mutated).toBeGreaterThan(0.1)
    // … and when it does not, the answers are specific (invalid_type, invalid_quantity, unknown_product, …).
    expect(new Set([...tally.keys()].filter((k) => k.startsWith('mutated request 400 '))).size).toBeGreaterThanOrEqual(12)
    expect(count('mutated store → Store') / count('mutated store → ')).toBeGreaterThan(0.2)
  })
})

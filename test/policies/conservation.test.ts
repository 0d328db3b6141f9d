/**
 * Every value of every new policy axis keeps the conservation laws, over random carts built to reach
 * every split (test/policies/carts.ts) and over the fuzzers' valid stores (test/fuzz/valid.ts):
 *   - every split the trace records sums exactly to its whole, no part is negative, and its parts are
 *     what its rule gives over its weights (the independent trace check, BigInt arithmetic);
 *   - each discount's shares over the lines sum to the discount; a line's taxes per rate sum to its
 *     tax (goods and shipping); an instalment schedule sums to its plan's total;
 *   - no amount is negative, no line loses more than its item_total, an inclusive line's tax is at
 *     most its subtotal;
 *   - the transaction's totals are the sums of its lines, and each line follows the documented
 *     structure (subtotal, item_total_with_tax, shipping, shipping_total, total).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateOptions, type EstimateRequest, type StoreConfig } from '../../src/index'
import { validCase } from '../fuzz/valid'
import { laws } from './laws'
import { AXIS_VALUES, axisCase, type AxisCase } from './carts'

const RUNS = 250

/** Random carts of both families; the fuzzers' cases get every new axis drawn at random too. */
const cases: fc.Arbitrary<AxisCase> = fc.oneof(
  { weight: 3, arbitrary: axisCase },
  {
    weight: 1,
    arbitrary: fc.tuple(validCase(1000), axisCase).map(([v, a]) => ({ config: v.store, request: v.request, options: { ...a.options, ...v.options } })),
  },
)

function traced(c: AxisCase): ReturnType<typeof estimate> {
  return estimate(createStore(c.config as unknown as StoreConfig), c.request as unknown as EstimateRequest, { ...c.options, trace: true } as EstimateOptions)
}

const NEW_AXES = ['allocation', 'discount_proration', 'tax_base', 'instalment_remainder'] as const

describe('every value of every new axis keeps the conservation laws', () => {
  for (const axis of NEW_AXES)
    for (const value of AXIS_VALUES[axis])
      it(`${axis}: ${value} — splits sum to their wholes, no part is negative, lines sum to the totals`, () => {
        let priced = 0
        fc.assert(
          fc.property(cases, (c0) => {
            const c = { ...c0, options: { ...c0.options, [axis]: value, ...(axis === 'instalment_remainder' ? { instalment_rounding: 'exact' } : {}) } }
            const res = traced(c)
            if (res.status !== 200) return
            priced++
            expect(res.trace!.options[axis]).toBe(value)
            expect(laws(res.transaction, c, res.trace!)).toEqual([])
          }),
          { numRuns: RUNS },
        )
        // the generators price most carts (a cart whose every line is rejected answers 400)
        expect(priced).toBeGreaterThan(RUNS / 2)
      })
})

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
import { createStore, estimate, type EstimateOptions, type EstimateRequest, type StoreConfig, type Trace, type Transaction } from '../../src/index'
import { validCase } from '../fuzz/valid'
import { checkTrace } from '../support/trace-check'
import { AXIS_VALUES, axisCase, type AxisCase } from './carts'

const RUNS = 250

const SUMMED = [
  'item_total', 'discount', 'subtotal', 'tax', 'item_total_with_tax', 'shipping_subtotal', 'shipping_discount',
  'shipping', 'shipping_tax', 'shipping_total', 'moss_taxable_amount', 'moss_tax_total',
] as const

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

/** Random carts of both families; the fuzzers' cases get every new axis drawn at random too. */
const cases: fc.Arbitrary<AxisCase> = fc.oneof(
  { weight: 3, arbitrary: axisCase },
  {
    weight: 1,
    arbitrary: fc.tuple(validCase(1000), axisCase).map(([v, a]) => ({ config: v.store, request: v.request, options: { ...a.options, ...v.options } })),
  },
)

/** Every law above for one traced transaction; returns the problems found (none when sound). */
function laws(t: Transaction, c: AxisCase, trace: Trace): string[] {
  const bad: string[] = []
  const check = (ok: boolean, what: string) => {
    if (!ok) bad.push(what)
  }
  for (const [key, s] of Object.entries(trace.splits)) {
    check(sum(s.parts) === s.total, `split ${key}: Σ parts ${sum(s.parts)} ≠ ${s.total}`)
    check(s.parts.every((p) => p >= 0), `split ${key}: a negative part`)
  }
  bad.push(...checkTrace(trace, t, c.config, c.request))
  for (const d of t.discounts) {
    const key = (x: { code: string | null; label: string }) => `${x.code ?? ''}|${x.label}`
    const shares = t.products.flatMap((p) => p.discounts.filter((x) => key(x) === key(d)))
    check(sum(shares.map((x) => x.amount)) === d.amount, `discount ${key(d)}: line shares ≠ its amount`)
    check(sum(shares.map((x) => x.shipping_amount)) === d.shipping_amount, `discount ${key(d)}: shipping shares ≠ its shipping amount`)
  }
  t.products.forEach((p, k) => {
    const x = p.totals
    for (const [f, v] of Object.entries(x)) if (typeof v === 'number' && f !== 'exchange_rate') check(v >= 0, `products[${k}].totals.${f} = ${v} < 0`)
    check(x.tax === sum(p.taxes.tax_rates.map((r) => r.tax)), `products[${k}]: Σ rate taxes ≠ tax`)
    check(x.shipping_tax === sum(p.taxes.shipping_tax_rates.map((r) => r.tax)), `products[${k}]: Σ shipping rate taxes ≠ shipping_tax`)
    check([...p.taxes.tax_rates, ...p.taxes.shipping_tax_rates].every((r) => r.tax >= 0 && r.taxable_amount >= 0), `products[${k}]: a negative rate amount`)
    check(p.discounts.every((d) => d.amount >= 0 && d.shipping_amount >= 0), `products[${k}]: a negative discount share`)
    check(x.discount <= x.item_total && x.shipping_discount <= x.shipping_subtotal, `products[${k}]: discounted below 0`)
    if (p.taxes.inclusive) check(x.tax <= x.subtotal, `products[${k}]: inclusive tax ${x.tax} above its subtotal ${x.subtotal}`)
    check(x.item_total === x.unit_price * p.quantity, `products[${k}]: item_total`)
    check(x.subtotal === x.item_total - x.discount, `products[${k}]: subtotal`)
    check(x.item_total_with_tax === x.subtotal + (p.taxes.inclusive ? 0 : x.tax), `products[${k}]: item_total_with_tax`)
    check(x.shipping === x.shipping_subtotal - x.shipping_discount, `products[${k}]: shipping`)
    const shippingInclusive = p.taxes.shipping_tax_rates[0]?.inclusive ?? false
    check(x.shipping_total === x.shipping + (shippingInclusive ? 0 : x.shipping_tax), `products[${k}]: shipping_total`)
    check(x.total === x.item_total_with_tax + x.shipping_total, `products[${k}]: total`)
  })
  for (const f of SUMMED) check(t.totals[f] === sum(t.products.map((p) => p.totals[f])), `totals.${f} ≠ Σ lines`)
  check(t.totals.total === sum(t.products.map((p) => p.totals.total)) - t.totals.trial_deductions, 'totals.total ≠ Σ line totals − trial_deductions')
  check(sum(t.taxes.tax_rates.map((r) => r.tax)) === t.totals.tax, 'Σ aggregated rates ≠ totals.tax')
  check(sum(t.taxes.shipping_tax_rates.map((r) => r.tax)) === t.totals.shipping_tax, 'Σ aggregated shipping rates ≠ totals.shipping_tax')
  check(t.totals.shipping_subtotal === (t.shipping.has_shipping ? (t.shipping.shipping_method?.cost ?? 0) : 0), 'shipping shares ≠ the shipping cost')
  const exact = trace.options.instalment_rounding === 'exact'
  t.instalments.forEach((p, i) => {
    check(sum(p.schedule.map((e) => e.amount)) === p.total_amount, `instalments[${i}]: Σ schedule ≠ total_amount`)
    check(p.schedule.every((e) => e.amount >= 0), `instalments[${i}]: a negative instalment`)
    if (exact) check(p.total_amount === t.totals.total + p.interest, `instalments[${i}]: exact plan ≠ total + interest`)
  })
  return bad
}

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

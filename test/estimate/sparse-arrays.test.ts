/**
 * A JavaScript caller can pass a sparse array (`[, 'EUR']`). Array methods such as forEach skip its
 * holes, so a hole used to vanish while `undefined` in the same place was an error: every list of a
 * store or a request now reads a hole as undefined, and reports it at its index.
 */
import { describe, expect, it } from 'vitest'
import { configIssues as storeIssues, product, type Cfg } from '../support/estimate-kit'

/** `[hole, ...rest]`: a hole at index 0. */
function holeFirst<T>(...rest: T[]): T[] {
  const a = new Array<T>(rest.length + 1)
  rest.forEach((x, i) => (a[i + 1] = x))
  return a
}

/** `v` with every hole of its arrays an explicit undefined (Array.from visits holes). */
function dense(v: unknown): unknown {
  if (Array.isArray(v)) return Array.from(v, dense)
  if (typeof v !== 'object' || v === null) return v
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, dense(x)]))
}

describe('a hole in a store list is reported as undefined there would be', () => {
  it.each([
    ['account.currencies', { account: { currencies: holeFirst('EUR') } }],
    ['account.payment_methods', { account: { payment_methods: holeFirst('stripe') } }],
    ['products[0].pricing_model', { products: [product('a', 100, { pricing_model: holeFirst({ currency: 'EUR', price: 100 }) })] }],
    [
      'shipping_methods[0].weight_tiers',
      { shipping_methods: [{ id: 'w', label: 'W', type: 'weight', currency: 'EUR', weight_tiers: holeFirst({ up_to: null, cost: 500 }) }] },
    ],
  ] as [string, Cfg][])('%s: [hole, …] is an error at [0], as [undefined, …] is', (path, over) => {
    const issues = storeIssues(over)
    expect(issues.length).toBeGreaterThan(0)
    expect(issues.every(([, p]) => p.startsWith(`${path}[0]`))).toBe(true)
    // The same list with undefined in place of the hole gives the same issues.
    expect(issues).toEqual(storeIssues(dense(over) as Cfg))
  })
})

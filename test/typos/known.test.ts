/**
 * The "did you mean" machinery (src/input/known.ts) and the walk's limits on hostile input: what
 * counts as close, what does not, and that a flood of unknown keys stays cheap and bounded.
 */
import { describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateRequest, type StoreConfig } from '../../src/index'
import { distance, fold, names, suggest } from '../../src/input/known'
import { LIMITS } from '../../src/input/read'

describe('fold, distance, suggest', () => {
  it('fold sets case, _ and - aside', () => {
    expect(['taxRates', 'Tax_Rates', 'tax-rates', 'TAX_RATES', 'tax_rates'].map(fold)).toEqual(Array(5).fill('taxrates'))
  })

  it('distance counts inserts, deletes, substitutions and a swap of neighbours as one edit each, and stops past the bound', () => {
    expect(distance('price', 'prize')).toBe(1)
    expect(distance('quantiy', 'quantity')).toBe(1)
    expect(distance('qauntity', 'quantity')).toBe(1) // a swap
    expect(distance('ratepercent', 'rateprecent')).toBe(1)
    expect(distance('abc', 'abc')).toBe(0)
    expect(distance('abcdef', 'uvwxyz')).toBe(3) // the bound (2) + 1
    expect(distance('a'.repeat(100_000), 'ab')).toBe(3) // a length comparison only
  })

  const n = names('id quantity price name tax_rates shipping_methods', 'qty:quantity shipping_method:shipping.tamio')

  it.each([
    ['taxRates', 'tax_rates'],
    ['Tax_Rates', 'tax_rates'],
    ['tax-rates', 'tax_rates'],
    ['tax_rate', 'tax_rates'],
    ['shipping_methds', 'shipping_methods'],
    ['shippingMethod', 'shipping.tamio'], // an alias, folded, is as good as a known key
    ['prize', 'price'],
    ['nmae', 'name'],
    ['qty', 'quantity'],
    ['QTY', 'quantity'],
    ['qtty', 'quantity'], // close to an alias counts as close
    ['shipping_method', 'shipping.tamio'],
    ['Id', 'id'],
    // at most 2 edits, however short the key: 'nmea' → 'name' (2: a swap and a substitution), 'x' → 'id'
    ['nmea', 'name'],
    ['x', 'id'],
    ['ab', 'id'],
  ])('%s → %s', (key, want) => {
    expect(suggest(key, n)).toBe(want)
  })

  it.each(['abcd', 'xyz', 'colour', 'warehouse_notes', 'a'.repeat(10_000), '__proto__'])('nothing is close to %j', (key) => {
    expect(suggest(key, n)).toBeUndefined()
  })

  it('of two equally close keys, the first listed wins; a closer one wins over an earlier one', () => {
    expect(suggest('cost', names('cast cest'))).toBe('cast')
    expect(suggest('cost', names('cast cost_'))).toBe('cost_')
  })
})

describe('hostile input stays bounded', () => {
  const store = createStore({ account: { base_currency: 'EUR', country: 'DE' }, products: [{ id: 'p', name: 'P', type: 'service', price: 100, currency: 'EUR' }] })
  const cart = (extra: Record<string, unknown>) => ({ products: [{ id: 'p' }], new_customer: { country: 'DE' }, ...extra }) as unknown as EstimateRequest

  it('an own "__proto__" key is an unknown field like any other, and pollutes nothing', () => {
    const request = JSON.parse('{"products":[{"id":"p","__proto__":{"quantity":5}}],"new_customer":{"country":"DE"},"__proto__":{"currency":"SEK"}}') as EstimateRequest
    const res = estimate(store, request, { at: '2026-01-01T00:00:00Z' })
    expect(res.status === 200 && [res.transaction.currency, res.transaction.products[0]!.quantity]).toEqual(['EUR', 1])
    expect(res.warnings.map((w) => [w.code, w.path])).toEqual([
      ['unknown_field', 'products[0].__proto__'],
      ['unknown_field', '__proto__'],
    ])
    expect(({} as Record<string, unknown>).currency).toBeUndefined()
  })

  it(`at most ${LIMITS.maxUnknownFields} unknown keys are listed; one more issue counts the rest`, () => {
    const junk: Record<string, number> = {}
    for (let i = 0; i < 5_000; i++) junk[`junk_${i}`] = i
    const res = estimate(store, cart(junk), { at: '2026-01-01T00:00:00Z' })
    expect(res.status).toBe(200)
    const unknown = res.warnings.filter((w) => w.code === 'unknown_field')
    expect(unknown).toHaveLength(LIMITS.maxUnknownFields + 1)
    expect(unknown[0]!.path).toBe('junk_0')
    expect(unknown.at(-1)).toEqual({ code: 'unknown_field', path: '', message: '4000 more unknown fields are not listed' })
  })

  it('a store whose every product carries the same undocumented fields: found once, accepted silently, linear', () => {
    const products = Array.from({ length: 20_000 }, (_, i) => ({ id: `p${i}`, name: 'P', type: 'service', price: 100, currency: 'EUR', colour: 'blue', warehouse_notes: '', supplier: 's' }))
    const t = performance.now()
    const s = createStore({ account: { base_currency: 'EUR', country: 'DE' }, products } as unknown as StoreConfig)
    expect(s.warnings).toEqual([])
    expect(performance.now() - t).toBeLessThan(5_000)
  })

  it('a store with many distinct unknown product keys: the searches are bounded, and an error of the store format still gets its "did you mean"', () => {
    const product: Record<string, unknown> = { id: 'p', name: 'P', type: 'service', price: 100, currency: 'EUR' }
    for (let i = 0; i < 20_000; i++) product[`x${i}`] = i
    const t = performance.now()
    let warnings: readonly unknown[] = []
    expect(() => (warnings = createStore({ account: { base_currency: 'EUR', country: 'DE' }, products: [product], coupon: [] } as unknown as StoreConfig).warnings)).toThrow(/unknown field "coupon"; did you mean "coupons"\?/)
    expect(warnings).toEqual([])
    expect(performance.now() - t).toBeLessThan(5_000)
  })
})

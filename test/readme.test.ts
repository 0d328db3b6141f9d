/** The README's usage example, kept true: same store, same cart, the numbers it states. */
import { describe, expect, it } from 'vitest'
import { createStore, estimate, summarize } from '../src/index'

describe('README example', () => {
  const store = createStore({
    account: { base_currency: 'EUR', country: 'DE', payment_methods: ['stripe', 'klarna'] },
    products: [{ id: 'painting', name: 'Big painting', type: 'physical_product', price: 10000, currency: 'EUR' }],
    tax_rates: [{ id: null, label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: '19', vat_tax: true }],
    shipping_methods: [{ id: 'dhl', label: 'DHL', type: 'fixed', cost: 1312, currency: 'EUR' }],
  })
  const at = '2026-11-25T12:00:00Z'

  it('totals 10000 + 1900 + 1312 + 249 and summarizes tax as 1900 + 249', () => {
    const res = estimate(store, { products: [{ id: 'painting' }], new_customer: { name: 'Jo', email: 'jo@example.com', country: 'DE' } }, { at })
    if (res.status !== 200) throw new Error(JSON.stringify(res))
    expect(res.transaction.totals.total).toBe(10000 + 1900 + 1312 + 249)
    const created = summarize(res)
    if (created.status !== 200) throw new Error('expected 200')
    expect(created.transaction.totals.tax).toBe(1900 + 249)
  })

  it('answers an unknown product with the 400 envelope', () => {
    const res = estimate(store, { products: [{ id: 'nope' }], customer: { id: 'x' } }, { at })
    expect(res.status).toBe(400)
    if (res.status !== 400) return
    expect(res.errors.map((e) => [e.code, e.path])).toEqual([['unknown_product', 'products[0].id']])
  })
})

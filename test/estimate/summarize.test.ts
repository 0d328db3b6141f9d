/**
 * summarize (SPEC §1): an estimate mapped onto the create-transaction response of seed 001.
 */
import { describe, expect, it } from 'vitest'
import { summarize, type CreateResponse } from '../../src/index'
import { DE_VAT, errors, physical, run, type Cfg } from '../support/estimate-kit'

const BOOKS = { id: 'de-7', label: 'MwSt. 7', jurisdiction: 'DE', category: 'books', rate_percent: '7' }
const cfg: Cfg = {
  tax_rates: [DE_VAT, BOOKS],
  products: [physical('lamp', 10000), physical('novel', 2000, { classification: 'books' }), physical('incl', 11900, { tax_calculation: 'inclusive' })],
  shipping_methods: [{ id: 's', label: 'DHL Paket', type: 'fixed', cost: 1000 }],
  coupons: [{ code: 'TEN', label: '10% off', type: 'percent', value: '10' }],
  instalment_plans: [{ id: 'p', instalments: 2, interval: 1, cycle: 'month', offset: 1, upfront_percent: '0', interest_percent: '0', min_total: { EUR: 100000 } }],
  account: { payment_methods: ['stripe', 'cash'] },
}

function created(request: Record<string, unknown>, options: Record<string, unknown> = {}, over: Cfg = cfg) {
  const res = summarize(run(over, request), options)
  if (res.status !== 200) throw new Error('expected 200')
  return res.transaction
}

describe('summarize', () => {
  it('products, totals (tax and discount include shipping\'s), shipping, taxes', () => {
    // lamp 10000 − 10% = 9000; tax 1710; shipping 1000 + 190
    const t = created({ products: [{ id: 'lamp' }], coupons: ['TEN'] })
    expect(t.products).toEqual([{ id: 'lamp', name: 'lamp', price: 10000, quantity: 1 }])
    expect(t.totals).toEqual({ subtotal: 10000, tax: 1710 + 190, shipping: 1000, discount: 1000, total: 9000 + 1710 + 1000 + 190 })
    expect(t.shipping).toEqual({ method: 'DHL Paket', cost: 1000 })
    expect(t.taxes).toEqual({ total: 1900, rate: 19, inclusive: false })
    expect([t.object, t.currency, t.locale, t.has_subscriptions, t.affiliate, t.active_instalment_plan]).toEqual(['transaction', 'EUR', 'de', false, null, null])
  })

  it('taxes.rate is null when two rates applied (19% and 7%)', () => {
    expect(created({ products: [{ id: 'lamp' }, { id: 'novel' }] }).taxes.rate).toBeNull()
  })

  it('taxes.rate counts shipping too: 7% goods with 19% shipping (category override) → null', () => {
    const over = { ...cfg, tax_rates: [DE_VAT, BOOKS, { id: 'ship', label: 'Versand', jurisdiction: 'DE', category: 'shipping', rate_percent: '19' }] }
    expect(created({ products: [{ id: 'novel' }] }, {}, over).taxes.rate).toBeNull()
    expect(created({ products: [{ id: 'novel' }] }).taxes.rate).toBe(7) // 7% goods, shipping follows at 7%
  })

  it('taxes.inclusive only when every product is inclusive', () => {
    expect(created({ products: [{ id: 'incl' }] }).taxes.inclusive).toBe(true)
    expect(created({ products: [{ id: 'incl' }, { id: 'lamp' }] }).taxes.inclusive).toBe(false)
  })

  it('discounts and instalments are null when empty, the lists otherwise', () => {
    const none = created({ products: [{ id: 'lamp' }] })
    expect([none.discounts, none.instalments]).toEqual([null, null])
    const some = created({ products: [{ id: 'lamp', quantity: 10 }], coupons: ['TEN'] })
    expect(some.discounts?.map((d) => [d.code, d.amount])).toEqual([['TEN', 10000]])
    expect(some.instalments?.map((p) => p.id)).toEqual(['p'])
  })

  it('payments.selected: the requested method as given, else the first available', () => {
    expect(created({ products: [{ id: 'lamp' }] }).payments).toEqual({ available: ['stripe', 'cash'], selected: 'stripe' })
    expect(created({ products: [{ id: 'lamp' }] }, { payment_method: 'cash' }).payments.selected).toBe('cash')
    // not among the available ones: still the one the order names (the create endpoint records it)
    expect(created({ products: [{ id: 'lamp' }] }, { payment_method: 'bitcoin' }).payments).toEqual({ available: ['stripe', 'cash'], selected: 'bitcoin' })
    expect(created({ products: [{ id: 'lamp' }] }, {}, { ...cfg, account: { payment_methods: [] } }).payments).toEqual({ available: [], selected: null })
  })

  it('a cart without shipped goods: shipping method null, cost 0', () => {
    expect(created({ products: [{ name: 'Fee', price: 100 }] }).shipping).toEqual({ method: null, cost: 0 })
  })

  it('a 400 passes through unchanged', () => {
    const bad = run(cfg, { products: [{ id: 'nope' }] })
    const res: CreateResponse = summarize(bad)
    expect(res).toBe(bad)
    expect(errors(bad)).toEqual([['unknown_product', 'products[0].id']])
  })
})

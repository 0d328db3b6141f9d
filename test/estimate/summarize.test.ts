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

  it('the result shares no object with the estimate: changing one leaves the other as it was', () => {
    const res = run(cfg, { products: [{ id: 'lamp', quantity: 10 }], coupons: ['TEN', 'NOPE'] })
    if (res.status !== 200) throw new Error('expected 200')
    const before = JSON.stringify(res)
    const c = summarize(res)
    if (c.status !== 200) throw new Error('expected 200')
    expect(c.warnings).toEqual(res.warnings)
    expect(res.warnings.map((w) => w.code)).toEqual(['unknown_coupon'])
    expect(c.warnings).not.toBe(res.warnings)
    expect(c.transaction.customer_information).not.toBe(res.transaction.customer_information)
    expect(c.transaction.payments.available).not.toBe(res.transaction.payments)
    expect(c.transaction.discounts).not.toBe(res.transaction.discounts)
    expect(c.transaction.instalments).not.toBe(res.transaction.instalments)
    ;(c.warnings as unknown as unknown[]).push('x')
    ;(c.transaction.discounts as unknown as { amount: number }[])[0]!.amount = 1
    ;(c.transaction.instalments as unknown as { schedule: unknown[] }[])[0]!.schedule.length = 0
    ;(c.transaction.payments.available as unknown as unknown[]).length = 0
    expect(JSON.stringify(res)).toBe(before)
  })

  it('shares no object at any depth, and copies a loop as a loop (a hand-edited response)', () => {
    const res = run(cfg, { products: [{ id: 'lamp', quantity: 1 }] })
    if (res.status !== 200) throw new Error('expected 200')
    // 500 levels of nesting under customer_information, with a hole and a "__proto__" key on the way.
    const deep: Record<string, unknown> = { leaf: 1 }
    let node = deep
    for (let i = 0; i < 500; i++) node = { next: node, list: [i, , { i }], ...JSON.parse('{"__proto__": {"p": 1}}') }
    const info = { ...res.transaction.customer_information, deep: node } as Record<string, unknown>
    info.self = info
    const edited = { ...res, transaction: { ...res.transaction, customer_information: info } } as typeof res
    const c = summarize(edited)
    if (c.status !== 200) throw new Error('expected 200')
    const got = c.transaction.customer_information as unknown as Record<string, unknown>
    // Walk both side by side: equal data, never the same object.
    let a = node as Record<string, unknown>
    let b = got.deep as Record<string, unknown>
    let levels = 0
    while (a.next !== undefined) {
      expect(b).not.toBe(a)
      expect(b.list).not.toBe(a.list)
      expect(b.list).toHaveLength(3)
      expect(1 in (b.list as unknown[])).toBe(false)
      expect(Object.getPrototypeOf(b)).toBe(Object.prototype)
      expect(Object.prototype.hasOwnProperty.call(b, '__proto__')).toBe(true)
      a = a.next as Record<string, unknown>
      b = b.next as Record<string, unknown>
      levels++
    }
    expect(levels).toBe(500)
    expect(b).toEqual({ leaf: 1 })
    expect(b).not.toBe(a)
    // The loop points at the copy, not at the input.
    expect(got.self).toBe(got)
    expect(got).not.toBe(info)
  })

  it('copies every field it passes on, even a name or id a hand-edited response made an object, and writes −0 as 0', () => {
    const res = run(cfg, { products: [{ id: 'lamp', quantity: 1 }] })
    if (res.status !== 200) throw new Error('expected 200')
    const e = JSON.parse(JSON.stringify(res)) as Record<string, any>
    const t = e.transaction
    t.has_subscriptions = { x: 1 }
    t.affiliate = { id: 'a' }
    t.locale = { tag: 'de' }
    t.currency = ['EUR']
    t.products[0].id = { y: 1 }
    t.products[0].name = { z: 1 }
    if (t.shipping.shipping_method !== null) t.shipping.shipping_method.label = { l: 1 }
    t.totals.total = -0
    const c = summarize(e as typeof res) as Record<string, any>
    expect(c.status).toBe(200)
    const ct = c.transaction
    for (const [ours, theirs] of [
      [ct.has_subscriptions, t.has_subscriptions],
      [ct.affiliate, t.affiliate],
      [ct.locale, t.locale],
      [ct.currency, t.currency],
      [ct.products[0].id, t.products[0].id],
      [ct.products[0].name, t.products[0].name],
    ]) {
      expect(ours).toEqual(theirs)
      expect(ours).not.toBe(theirs)
    }
    expect(Object.is(ct.totals.total, 0)).toBe(true)
  })

  it('what is not an estimate response is a 400 invalid_value naming the field, never a TypeError', () => {
    const code = (x: unknown) => {
      const r = summarize(x as never)
      return r.status === 400 ? r.errors.map((e) => [e.code, e.path]) : 'a 200'
    }
    expect(code(null)).toEqual([['invalid_value', '']])
    expect(code('{}')).toEqual([['invalid_value', '']])
    expect(code({ status: 201 })).toEqual([['invalid_value', 'status']])
    expect(code({ status: 400 })).toEqual([['invalid_value', 'status']]) // a 400 lists its errors
    expect(code({ status: 200 })).toEqual([['invalid_value', 'warnings']])
    expect(code({ status: 200, warnings: [] })).toEqual([['invalid_value', 'transaction']])
    expect(code({ status: 200, warnings: [], transaction: {} })).toEqual([['invalid_value', 'transaction.totals']])
    const good = run(cfg, { products: [{ id: 'lamp' }] })
    if (good.status !== 200) throw new Error('expected 200')
    const t = good.transaction
    const edit = (tx: Record<string, unknown>) => code({ ...good, transaction: { ...t, ...tx } })
    expect(edit({ totals: { ...t.totals, tax: '1900' } })).toEqual([['invalid_value', 'transaction.totals.tax']])
    expect(edit({ products: [{ ...t.products[0], totals: null }] })).toEqual([['invalid_value', 'transaction.products[0]']])
    expect(edit({ taxes: { ...t.taxes, shipping_tax_rates: null } })).toEqual([['invalid_value', 'transaction.taxes.shipping_tax_rates']])
    expect(edit({ payments: 'stripe' })).toEqual([['invalid_value', 'transaction.payments']])
    // eslint-disable-next-line no-sparse-arrays
    expect(edit({ payments: ['stripe', , 'cash'] })).toEqual([['invalid_value', 'transaction.payments']])
    expect(edit({ shipping: { ...t.shipping, shipping_method: 'DHL' } })).toEqual([['invalid_value', 'transaction.shipping.shipping_method']])
    expect(edit({ discounts: null })).toEqual([['invalid_value', 'transaction.discounts']])
    expect(edit({})).toBe('a 200')
  })

  it('every amount and quantity it passes on is checked: a float, a negative, NaN or a string there is a 400 naming it', () => {
    const code = (x: unknown) => {
      const r = summarize(x as never)
      return r.status === 400 ? r.errors.map((e) => [e.code, e.path]) : 'a 200'
    }
    // 10 lamps, 10 % off, a two-instalment plan (offered from 1000.00): one discount, one plan.
    const good = run(cfg, { products: [{ id: 'lamp', quantity: 12 }], coupons: ['TEN'] })
    if (good.status !== 200) throw new Error('expected 200')
    const t = good.transaction
    expect([t.discounts.length, t.instalments.length]).toEqual([1, 1])
    const edit = (tx: Record<string, unknown>) => code({ ...good, transaction: { ...t, ...tx } })
    const plan = t.instalments[0]!
    expect(edit({})).toBe('a 200')
    expect(edit({ products: [{ ...t.products[0], quantity: 1.5 }] })).toEqual([['invalid_value', 'transaction.products[0].quantity']])
    expect(edit({ products: [{ ...t.products[0], quantity: 0 }] })).toEqual([['invalid_value', 'transaction.products[0].quantity']])
    expect(edit({ products: [{ ...t.products[0], totals: { ...t.products[0]!.totals, unit_price: -1 } }] })).toEqual([['invalid_value', 'transaction.products[0]']])
    expect(edit({ totals: { ...t.totals, total: -5 } })).toEqual([['invalid_value', 'transaction.totals.total']])
    expect(edit({ products: [{ ...t.products[0], quantity: { q: 1 } }] })).toEqual([['invalid_value', 'transaction.products[0].quantity']])
    expect(edit({ discounts: [{ ...t.discounts[0], amount: Number.NaN }] })).toEqual([['invalid_value', 'transaction.discounts[0].amount']])
    expect(edit({ discounts: [{ ...t.discounts[0], shipping_amount: -1 }] })).toEqual([['invalid_value', 'transaction.discounts[0].shipping_amount']])
    expect(edit({ discounts: ['TEN'] })).toEqual([['invalid_value', 'transaction.discounts[0]']])
    expect(edit({ instalments: [{ ...plan, total_amount: 1e308 }] })).toEqual([['invalid_value', 'transaction.instalments[0].total_amount']])
    expect(edit({ instalments: [{ ...plan, interest: '0' }] })).toEqual([['invalid_value', 'transaction.instalments[0].interest']])
    const schedule = plan.schedule.map((e, i) => (i === 1 ? { ...e, amount: -0.25 } : e))
    expect(edit({ instalments: [{ ...plan, schedule }] })).toEqual([['invalid_value', 'transaction.instalments[0].schedule']])
    expect(edit({ instalments: [{ ...plan, schedule: [{ amount: 100 }] }] })).toEqual([['invalid_value', 'transaction.instalments[0].schedule']])
    // A negative rate would come out as taxes.rate.
    expect(edit({ taxes: { ...t.taxes, tax_rates: [{ ...t.taxes.tax_rates[0], rate_percent: -19 }] } })).toEqual([['invalid_value', 'transaction.taxes.tax_rates[0]']])
  })

  it('a sum past the safe-integer range is a 400 amount_overflow, not an inexact total', () => {
    const good = run(cfg, { products: [{ id: 'lamp' }] })
    if (good.status !== 200) throw new Error('expected 200')
    const t = good.transaction
    const max = Number.MAX_SAFE_INTEGER
    const at = (totals: Record<string, number>) => {
      const r = summarize({ ...good, transaction: { ...t, totals: { ...t.totals, ...totals } } })
      return r.status === 400 ? r.errors.map((e) => [e.code, e.path]) : r.transaction.totals
    }
    expect(at({ discount: max, shipping_discount: 1 })).toEqual([['amount_overflow', 'transaction.totals.shipping_discount']])
    expect(at({ tax: max - 1, shipping_tax: 2 })).toEqual([['amount_overflow', 'transaction.totals.shipping_tax']])
    // at the edge itself, still exact
    expect(at({ discount: max - 1, shipping_discount: 1 })).toMatchObject({ discount: max })
  })
})

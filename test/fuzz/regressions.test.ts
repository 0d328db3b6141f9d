/**
 * Bugs the fuzz suite found, each reduced to a hand-computed case. Runs in Node and in Chromium.
 */
import { describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateResponse } from '../../src/index'

const AT = '2026-03-02T09:30:00.000Z'
type Json = Record<string, unknown>

function inclusiveStore(rate: string): ReturnType<typeof createStore> {
  return createStore({
    account: { base_currency: 'EUR', country: 'DE' },
    products: [{ id: 'p', name: 'P', type: 'digital_product', price: 1000, currency: 'EUR', tax_calculation: 'inclusive', unlimited_stock: true }],
    tax_rates: [{ id: 't', label: 'T', jurisdiction: 'DE', rate_percent: rate }],
    coupons: [{ code: 'CENT', label: '1 cent', type: 'fixed', amounts: { EUR: 1 } }],
  } as never)
}
function line(res: EstimateResponse): Json {
  if (res.status !== 200) throw new Error(JSON.stringify(res))
  const l = res.transaction.products[0]!
  return { subtotal: l.totals.subtotal, tax: l.totals.tax, net: l.taxes.tax_rates[0]!.taxable_amount }
}
const request = { products: [{ id: 'p', quantity: 2 }], new_customer: { country: 'DE' }, coupons: ['CENT'] }

describe('unit-level tax on an inclusive line whose discounted gross is not a multiple of the quantity', () => {
  it('at 0 % the tax is 0, not −1 (the per-unit net used to round up past the gross)', () => {
    // gross = 2 × 1000 − 1 = 1999; per unit 999.5 / 1.00 rounds (half up) to 1000, × 2 = 2000 > 1999.
    // The net cannot exceed the gross: net = 1999, tax = 0.
    const res = estimate(inclusiveStore('0'), request as never, { at: AT, tax_rounding: 'unit' })
    expect(line(res)).toEqual({ subtotal: 1999, tax: 0, net: 1999 })
  })

  it('at 7 % nothing changes: net = round(999.5 / 1.07) × 2 = 934 × 2 = 1868, tax = 1999 − 1868 = 131', () => {
    const res = estimate(inclusiveStore('7'), request as never, { at: AT, tax_rounding: 'unit' })
    expect(line(res)).toEqual({ subtotal: 1999, tax: 131, net: 1868 })
  })
})

describe('document-level tax (tax_rounding total) on a tiny inclusive gross', () => {
  it('rounding each rate up cannot give the line more tax than its gross: net ≥ 0', () => {
    const s = createStore({
      account: { base_currency: 'EUR', country: 'DE' },
      products: [{ id: 'p', name: 'P', type: 'digital_product', price: 1, currency: 'EUR', tax_calculation: 'inclusive', unlimited_stock: true }],
      tax_rates: [
        { id: 'a', label: 'A', jurisdiction: 'DE', rate_percent: '7' },
        { id: 'b', label: 'B', jurisdiction: 'DE', rate_percent: '100' },
      ],
    } as never)
    const res = estimate(s, { products: [{ id: 'p' }], new_customer: { country: 'DE' } } as never, { at: AT, tax_rounding: 'total', rounding: 'ceil' })
    if (res.status !== 200) throw new Error(JSON.stringify(res))
    const l = res.transaction.products[0]!
    // Exact taxes of the 1-cent gross: 1 × 7/207 ≈ 0.034 and 1 × 100/207 ≈ 0.483; each pool rounds
    // up to 1, 1 + 1 = 2 > 1. Capped at the gross: rate A keeps 1, rate B 0, net 1 − 1 = 0.
    expect(l.taxes.tax_rates.map((r) => [r.id, r.tax, r.taxable_amount])).toEqual([['a', 1, 0], ['b', 0, 0]])
    expect([l.totals.subtotal, l.totals.tax, l.totals.total]).toEqual([1, 1, 1])
  })
})

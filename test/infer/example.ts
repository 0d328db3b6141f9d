/**
 * The inference example of the docs (`examples/inference/`): a small shop's store and 24 of its
 * orders as the API answered them — priced under settings the store does not hold (taxes rounded
 * on the document total, leftover cents carried), one response changed by a cent. Writes the
 * files (`npx tsx test/infer/example.ts`); the CLI test checks they are what this writes.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createStore, estimate, type EstimateRequest, type StoreConfig } from '../../src/index'
import { prng } from '../support/prng'

export const EXAMPLE_AT = '2026-03-02T09:30:00Z'
export const EXAMPLE_HIDDEN = { tax_rounding: 'total', allocation: 'carry' } as const
/** The line (from 1) whose response has its first line's tax one cent up. */
export const EXAMPLE_TAMPERED_LINE = 7

export const EXAMPLE_STORE: StoreConfig = {
  account: { base_currency: 'EUR', country: 'DE', currencies: ['EUR'], payment_methods: ['stripe', 'sepa'] },
  products: [
    { id: 'mug', name: 'Mug', type: 'physical_product', price: 1490, currency: 'EUR' },
    { id: 'book', name: 'Field guide', type: 'physical_product', classification: 'books', price: 2450, currency: 'EUR' },
    { id: 'print', name: 'Art print', type: 'physical_product', price: 3999, currency: 'EUR' },
    { id: 'tea', name: 'Tea', type: 'physical_product', classification: 'books', price: 695, currency: 'EUR' },
  ],
  tax_rates: [
    { id: 'de-std', label: 'MwSt. 19%', jurisdiction: 'DE', category: null, rate_percent: '19', vat_tax: true },
    { id: 'de-red', label: 'MwSt. 7%', jurisdiction: 'DE', category: 'books', rate_percent: '7', vat_tax: true },
  ],
  shipping_methods: [{ id: 'dhl', label: 'DHL', type: 'fixed', cost: 499, currency: 'EUR' }],
  coupons: [{ code: 'SAVE10', label: '10% off', type: 'percent', value: '10' }],
} as StoreConfig

export function exampleOrders(): string[] {
  const store = createStore(EXAMPLE_STORE)
  const rnd = prng(314)
  const ids = ['mug', 'book', 'print', 'tea']
  const lines: string[] = []
  while (lines.length < 24) {
    const products = ids.filter(() => rnd() < 0.6).map((id) => ({ id, quantity: 1 + Math.floor(rnd() * 4) }))
    if (products.length === 0) continue
    const request = { products, new_customer: { name: `Order ${lines.length + 1}`, country: 'DE' }, ...(rnd() < 0.5 ? { coupons: ['SAVE10'] } : {}) } as EstimateRequest
    const res = estimate(store, request, { at: EXAMPLE_AT, ...EXAMPLE_HIDDEN })
    if (res.status !== 200) continue
    const response = JSON.parse(JSON.stringify(res)) as { transaction: { products: { totals: { tax: number } }[] } }
    if (lines.length + 1 === EXAMPLE_TAMPERED_LINE) response.transaction.products[0]!.totals.tax += 1
    lines.push(JSON.stringify({ request, response, at: EXAMPLE_AT }))
  }
  return lines
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = new URL('../../examples/inference/', import.meta.url)
  writeFileSync(new URL('store.json', dir), `${JSON.stringify(EXAMPLE_STORE, null, 2)}\n`)
  writeFileSync(new URL('orders.ndjson', dir), `${exampleOrders().join('\n')}\n`)
}

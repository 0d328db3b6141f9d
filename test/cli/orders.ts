/**
 * Generated orders for the batch reconcile (Node-only helper of test/cli/): a small store, seeded
 * requests, and API responses written as our own estimate — in the estimate shape or the create
 * shape — with a known set of them tampered by one cent, so the expected counts are known by
 * construction (every `TAMPER_EVERY`th order differs in exactly one field).
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { createStore, estimate, summarize, type EstimateRequest, type StoreConfig } from '../../src/index'
import { prng } from '../support/prng'

export const AT = '2026-03-02T09:30:00.000Z'

export const BATCH_STORE: StoreConfig = {
  account: { base_currency: 'EUR', country: 'DE', currencies: ['EUR'], payment_methods: ['stripe', 'sepa'] },
  products: [
    { id: 'mug', name: 'Mug', type: 'physical_product', price: 1490, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 1490 }], unlimited_stock: true },
    { id: 'book', name: 'Book', type: 'physical_product', classification: 'books', price: 2450, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 2450 }], unlimited_stock: true },
    { id: 'print', name: 'Print', type: 'physical_product', price: 3999, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 3999 }], unlimited_stock: true },
  ],
  tax_rates: [
    { id: null, label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: '19', vat_tax: true },
    { id: null, label: 'MwSt. ermäßigt', jurisdiction: 'DE', category: 'books', rate_percent: '7', vat_tax: true },
  ],
  shipping_methods: [{ id: 'dhl', label: 'DHL', type: 'fixed', cost: 1312, currency: 'EUR' }],
  instalment_plans: [{ id: 'p3', instalments: 3, interval: 1, cycle: 'week', offset: 1, upfront_percent: '12.34', interest_percent: '30' }],
}

/** Every TAMPER_EVERY-th order (i % TAMPER_EVERY === TAMPER_AT) has `transaction.totals.total` + 1. */
export const TAMPER_EVERY = 10
export const TAMPER_AT = 3


export function request(i: number, rnd: () => number): EstimateRequest {
  const ids = ['mug', 'book', 'print'].filter(() => rnd() < 0.6)
  if (ids.length === 0) ids.push('mug')
  return {
    products: ids.map((id) => ({ id, quantity: 1 + Math.floor(rnd() * 5) })),
    new_customer: { name: `Order ${i}`, country: 'DE' },
  }
}

/**
 * Writes `n` orders as NDJSON; odd orders carry the create shape. Returns how many were tampered.
 * Responses are computed once per distinct request (there are few), so generating is fast.
 */
export async function writeOrders(file: string, n: number, seed = 7): Promise<{ tampered: number; bytes: number }> {
  const store = createStore(BATCH_STORE)
  const rnd = prng(seed)
  const cache = new Map<string, { est: string; cre: string }>()
  const out = createWriteStream(file)
  let tampered = 0
  let bytes = 0
  let buf = ''
  for (let i = 0; i < n; i++) {
    const req = request(i, rnd)
    const key = JSON.stringify(req.products)
    let hit = cache.get(key)
    if (hit === undefined) {
      const res = estimate(store, req, { at: AT })
      hit = { est: JSON.stringify(res), cre: JSON.stringify(summarize(res)) }
      cache.set(key, hit)
    }
    const create = i % 2 === 1
    const response = JSON.parse(create ? hit.cre : hit.est) as { transaction: { totals: { total: number } } }
    if (i % TAMPER_EVERY === TAMPER_AT) {
      response.transaction.totals.total += 1
      tampered++
    }
    const line = `${JSON.stringify({ request: req, response })}\n`
    bytes += line.length
    buf += line
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain')
      buf = ''
    }
  }
  out.end(buf)
  await once(out, 'finish')
  return { tampered, bytes }
}

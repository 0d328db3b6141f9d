/**
 * Measures what SECURITY.md reports: `JSON.parse` and then `estimate` on 10 MB hostile request
 * bodies, and the largest allowed cart (1 000 lines, 50 coupons). Not a test (timings depend on the
 * machine); run it with `npx tsx test/fuzz/measure.ts`.
 */
import { createStore, estimate } from '../../src/index'
import baseStore from '../fixtures/api-create-de/store.json'
const store = createStore(baseStore as never)
const PID = 'f1a2b3c4-d5e6-7890-abcd-ef1234567890'
const MB10 = 10 * 1024 * 1024
const head = '{"new_customer":{"country":"DE"},'
const cases: [string, () => string][] = [
  ['10 MB of product lines', () => { const one = JSON.stringify({ id: PID, quantity: 1 }); return head + '"products":[' + Array.from({ length: Math.ceil(MB10 / (one.length + 1)) }, () => one).join(',') + ']}' }],
  ['10 MB string (locale)', () => head + `"products":[{"id":"${PID}"}],"locale":"${'x'.repeat(MB10)}"}`],
  ['10 MB of coupon codes', () => head + `"products":[{"id":"${PID}"}],"coupons":[` + Array.from({ length: MB10 / 10 }, (_, i) => `"C${i}"`).join(',') + ']}'],
  ['10 MB of fields in new_customer', () => `{"products":[{"id":"${PID}"}],"new_customer":{"country":"DE",` + Array.from({ length: MB10 / 16 }, (_, i) => `"f${i}":"v"`).join(',') + '}}'],
  ['10 MB of unknown top-level keys', () => head + `"products":[{"id":"${PID}"}],` + Array.from({ length: MB10 / 16 }, (_, i) => `"junk_${i}":1`).join(',') + '}'],
  ['10 MB deep nesting under an unknown key', () => head + `"products":[{"id":"${PID}"}],"fulfillment_options":` + '['.repeat(MB10 / 2) + ']'.repeat(MB10 / 2) + '}'],
  ['10 MB of 20 lines with 500 KB unknown payloads', () => head + '"products":[' + Array.from({ length: 20 }, () => `{"id":"${PID}","junk":"${'z'.repeat(MB10 / 20)}"}`).join(',') + ']}'],
]
for (let i = 0; i < 50; i++) estimate(store, { new_customer: { country: 'DE' }, products: [{ id: PID }] } as never, { at: '2026-03-02T09:30:00Z' })
for (const [name, build] of cases) {
  const text = build()
  let t0 = performance.now()
  let body: unknown
  try { body = JSON.parse(text) } catch (e) { console.log(name, 'JSON.parse threw', String(e)); continue }
  const parse = performance.now() - t0
  t0 = performance.now()
  const res = estimate(store, body as never, { at: '2026-03-02T09:30:00Z' })
  const est = performance.now() - t0
  console.log(`${name}: ${(text.length / 1048576).toFixed(1)} MB, JSON.parse ${parse.toFixed(0)} ms, estimate ${est.toFixed(2)} ms → ${res.status} ${res.status === 400 ? res.errors.map((e) => e.code + '@' + e.path).join(',') : ''}`)
}

// The largest cart a store may allow: max_lines 1 000, 50 coupons.
const wide = createStore({
  ...(baseStore as Record<string, unknown>),
  account: { base_currency: 'EUR', country: 'DE', max_lines: 1000 },
  coupons: Array.from({ length: 50 }, (_, i) => ({ code: `C${i}`, label: 'x', type: 'percent', value: '1' })),
} as never)
for (const n of [20, 1000]) {
  const req = { new_customer: { country: 'DE' }, products: Array.from({ length: n }, () => ({ id: PID, quantity: 2 })), coupons: Array.from({ length: 50 }, (_, i) => `C${i}`) }
  const t0 = performance.now()
  const res = estimate(wide, req as never, { at: '2026-03-02T09:30:00Z' })
  console.log(`${n} lines, 50 coupons: estimate ${(performance.now() - t0).toFixed(1)} ms → ${res.status}`)
}

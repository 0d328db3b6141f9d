/**
 * `npm run demo`: estimates the bundled api-estimate-de example (the Tamio docs' estimate example) and
 * prints it as a readable table, then as the API's JSON.
 */
import { createStore, estimate, explain, formatAmount, reconcile, type EstimateRequest, type StoreConfig } from '../src/index'
import apiResponse from './api-estimate-de/response.json'
import storeConfig from './api-estimate-de/store.json'
import request from './api-estimate-de/request.json'

const at = '2026-11-25T12:00:00Z'
const store = createStore(storeConfig as unknown as StoreConfig)
const res = estimate(store, request as unknown as EstimateRequest, { at })

if (res.status !== 200) {
  console.error(JSON.stringify(res, null, 2))
  process.exit(1)
}
const t = res.transaction
/** Minor units → "€134.61", through Intl with the currency's ISO 4217 exponent. */
const money = (minor: number) => formatAmount(minor, t.currency, 'en-GB')
const pad = (s: string, n: number) => s.padEnd(n)
const num = (s: string, n: number) => s.padStart(n)

const rows: [string, string][] = []
console.log(`Estimate of api-estimate-de at ${at}\n`)
console.log(`${pad('Line', 28)}${num('Qty', 5)}${num('Unit', 14)}${num('Subtotal', 14)}${num('Tax', 12)}${num('Shipping', 14)}${num('Total', 14)}`)
for (const p of t.products) {
  const x = p.totals
  console.log(`${pad(p.name, 28)}${num(String(p.quantity), 5)}${num(money(x.unit_price), 14)}${num(money(x.subtotal), 14)}${num(money(x.tax), 12)}${num(money(x.shipping_total), 14)}${num(money(x.total), 14)}`)
}
const tt = t.totals
rows.push(['Items', money(tt.item_total)], ['Discount', money(tt.discount)])
for (const r of t.taxes.tax_rates) rows.push([`${r.label} ${r.rate_percent ?? ''}%`, money(r.tax)])
rows.push([`Shipping (${t.shipping.shipping_method?.label ?? 'none'})`, money(tt.shipping)])
for (const r of t.taxes.shipping_tax_rates) rows.push([`${r.label} ${r.rate_percent ?? ''}%`, money(r.tax)])
rows.push(['Total', money(tt.total)], ['Total in minor units', String(tt.total)])
console.log('')
for (const [k, v] of rows) console.log(`${pad(k, 40)}${num(v, 16)}`)
for (const plan of t.instalments) {
  console.log(`\nInstalment plan ${plan.id}: ${plan.instalments} × every ${plan.interval} ${plan.cycle}, ${plan.upfront}% upfront, interest ${money(plan.interest)}`)
  console.log(`  ${money(plan.upfront_amount)} upfront + ${plan.instalments} × ${money(plan.instalments_amount)} = ${money(plan.total_amount)}`)
  console.log(`  in minor units: ${plan.upfront_amount} + ${plan.instalments} × ${plan.instalments_amount} = ${plan.total_amount}`)
  for (const s of plan.schedule) console.log(`  ${s.due.slice(0, 10)}  ${num(money(s.amount), 14)}`)
}
console.log(`\nPayments: ${t.payments.join(', ')}`)
if (res.warnings.length > 0) console.log(`Warnings: ${res.warnings.map((w) => `${w.code} at ${w.path}`).join('; ')}`)

// Reconciliation: our estimate against the API's own response for the same request.
const req = request as unknown as EstimateRequest
const traced = estimate(store, req, { at, trace: true })
const rec = reconcile(traced, apiResponse, { store, request: req })
console.log(`\nReconcile with the API's own response: ${rec.matches ? 'matches' : `${rec.differences.length} difference(s)`} (${rec.compared} fields compared)`)
for (const d of rec.differences) console.log(`  ${d.path}: ours ${String(d.ours)}, API ${String(d.theirs)} — ${d.hint?.message ?? ''}`)
console.log('\nHow the shipping tax was derived (explain):')
for (const line of explain(traced, 'products[0].totals.shipping_tax')) console.log(`  ${line}`)
const exact = reconcile(estimate(store, req, { at, trace: true, instalment_rounding: 'exact' }), apiResponse)
console.log('\nThe same cart with instalment_rounding "exact", reconciled with the API:')
for (const d of exact.differences) console.log(`  ${d.path}: ours ${String(d.ours)}, API ${String(d.theirs)} (Δ ${String(d.delta)}) — hint [${d.hint?.code ?? 'none'}] ${d.hint?.message ?? ''}`)

console.log('\nJSON (the API envelope):')
console.log(JSON.stringify(res, null, 2))

/**
 * The conservation laws every estimate keeps, whatever its policies, checked on one traced
 * transaction: the trace's splits sum to their wholes with no negative part and re-check
 * independently (test/support/trace-check.ts); each discount's shares sum to it; a line's rate taxes
 * sum to its tax; schedules sum to their plans (an exact plan to total + interest); no amount is
 * negative; no line is discounted below 0 and an inclusive line's tax is within its subtotal; the
 * transaction's totals are the sums of its lines, each line following the documented structure.
 */
import type { Trace, Transaction } from '../../src/index'
import { checkTrace } from '../support/trace-check'

const SUMMED = [
  'item_total', 'discount', 'subtotal', 'tax', 'item_total_with_tax', 'shipping_subtotal', 'shipping_discount',
  'shipping', 'shipping_tax', 'shipping_total', 'moss_taxable_amount', 'moss_tax_total',
] as const

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0)

/** Every law above for one traced transaction; returns the problems found (none when sound). */
export function laws(t: Transaction, c: { readonly config: unknown; readonly request: unknown }, trace: Trace): string[] {
  const bad: string[] = []
  const check = (ok: boolean, what: string) => {
    if (!ok) bad.push(what)
  }
  for (const [key, s] of Object.entries(trace.splits)) {
    check(sum(s.parts) === s.total, `split ${key}: Σ parts ${sum(s.parts)} ≠ ${s.total}`)
    check(s.parts.every((p) => p >= 0), `split ${key}: a negative part`)
  }
  bad.push(...checkTrace(trace, t, c.config, c.request))
  for (const d of t.discounts) {
    const key = (x: { code: string | null; label: string }) => `${x.code ?? ''}|${x.label}`
    const shares = t.products.flatMap((p) => p.discounts.filter((x) => key(x) === key(d)))
    check(sum(shares.map((x) => x.amount)) === d.amount, `discount ${key(d)}: line shares ≠ its amount`)
    check(sum(shares.map((x) => x.shipping_amount)) === d.shipping_amount, `discount ${key(d)}: shipping shares ≠ its shipping amount`)
  }
  t.products.forEach((p, k) => {
    const x = p.totals
    for (const [f, v] of Object.entries(x)) if (typeof v === 'number' && f !== 'exchange_rate') check(v >= 0, `products[${k}].totals.${f} = ${v} < 0`)
    check(x.tax === sum(p.taxes.tax_rates.map((r) => r.tax)), `products[${k}]: Σ rate taxes ≠ tax`)
    check(x.shipping_tax === sum(p.taxes.shipping_tax_rates.map((r) => r.tax)), `products[${k}]: Σ shipping rate taxes ≠ shipping_tax`)
    check([...p.taxes.tax_rates, ...p.taxes.shipping_tax_rates].every((r) => r.tax >= 0 && r.taxable_amount >= 0), `products[${k}]: a negative rate amount`)
    check(p.discounts.every((d) => d.amount >= 0 && d.shipping_amount >= 0), `products[${k}]: a negative discount share`)
    check(x.discount <= x.item_total && x.shipping_discount <= x.shipping_subtotal, `products[${k}]: discounted below 0`)
    if (p.taxes.inclusive) check(x.tax <= x.subtotal, `products[${k}]: inclusive tax ${x.tax} above its subtotal ${x.subtotal}`)
    check(x.item_total === x.unit_price * p.quantity, `products[${k}]: item_total`)
    check(x.subtotal === x.item_total - x.discount, `products[${k}]: subtotal`)
    check(x.item_total_with_tax === x.subtotal + (p.taxes.inclusive ? 0 : x.tax), `products[${k}]: item_total_with_tax`)
    check(x.shipping === x.shipping_subtotal - x.shipping_discount, `products[${k}]: shipping`)
    const shippingInclusive = p.taxes.shipping_tax_rates[0]?.inclusive ?? false
    check(x.shipping_total === x.shipping + (shippingInclusive ? 0 : x.shipping_tax), `products[${k}]: shipping_total`)
    check(x.total === x.item_total_with_tax + x.shipping_total, `products[${k}]: total`)
  })
  for (const f of SUMMED) check(t.totals[f] === sum(t.products.map((p) => p.totals[f])), `totals.${f} ≠ Σ lines`)
  check(t.totals.total === sum(t.products.map((p) => p.totals.total)) - t.totals.trial_deductions, 'totals.total ≠ Σ line totals − trial_deductions')
  check(sum(t.taxes.tax_rates.map((r) => r.tax)) === t.totals.tax, 'Σ aggregated rates ≠ totals.tax')
  check(sum(t.taxes.shipping_tax_rates.map((r) => r.tax)) === t.totals.shipping_tax, 'Σ aggregated shipping rates ≠ totals.shipping_tax')
  check(t.totals.shipping_subtotal === (t.shipping.has_shipping ? (t.shipping.shipping_method?.cost ?? 0) : 0), 'shipping shares ≠ the shipping cost')
  const exact = trace.options.instalment_rounding === 'exact'
  t.instalments.forEach((p, i) => {
    check(sum(p.schedule.map((e) => e.amount)) === p.total_amount, `instalments[${i}]: Σ schedule ≠ total_amount`)
    check(p.schedule.every((e) => e.amount >= 0), `instalments[${i}]: a negative instalment`)
    if (exact) check(p.total_amount === t.totals.total + p.interest, `instalments[${i}]: exact plan ≠ total + interest`)
  })
  return bad
}

/**
 * The conservation laws of SPEC §3.6 (and §3.4, §3.5, §3.7), checked on a 200 response with
 * BigInt arithmetic, so a float that slipped into an amount cannot hide behind its own rounding.
 * Each law throws an Error naming the law, the path and the numbers.
 */
import type { EstimateResponse, Transaction } from '../../src/index'

const big = (n: number): bigint => {
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${n}`)
  return BigInt(n)
}
const sum = (xs: readonly number[]): bigint => xs.reduce((s, x) => s + big(x), 0n)

function law(ok: boolean, name: string, detail: () => unknown): void {
  if (!ok) throw new Error(`law broken — ${name}: ${JSON.stringify(detail())}`)
}

const LINE_AMOUNTS = [
  'unit_price', 'item_total', 'discount', 'subtotal', 'tax', 'item_total_with_tax', 'shipping_subtotal', 'shipping_discount',
  'shipping', 'shipping_tax', 'shipping_total', 'total', 'moss_taxable_amount', 'moss_tax_total',
] as const
const SUMMED = [
  'item_total', 'discount', 'subtotal', 'tax', 'item_total_with_tax', 'shipping_subtotal', 'shipping_discount',
  'shipping', 'shipping_tax', 'shipping_total', 'moss_taxable_amount', 'moss_tax_total',
] as const

/** Every law on one 200 response. */
export function checkLaws(res: EstimateResponse): void {
  if (res.status !== 200) return
  const t: Transaction = res.transaction
  const lines = t.products
  law(lines.length > 0, 'a 200 has at least one line', () => t)
  lines.forEach((l, i) => {
    const p = `products[${i}].totals`
    const x = l.totals
    // Every amount a safe integer ≥ 0 (SPEC §3.6: no line goes below 0).
    for (const k of LINE_AMOUNTS) law(Number.isSafeInteger(x[k]) && x[k] >= 0, `${p}.${k} is a safe integer ≥ 0`, () => x[k])
    law(Number.isSafeInteger(l.quantity) && l.quantity >= 1, `products[${i}].quantity is a positive integer`, () => l.quantity)
    law(big(x.item_total) === big(x.unit_price) * big(l.quantity), `${p}: item_total = unit_price × quantity`, () => [x.item_total, x.unit_price, l.quantity])
    law(big(x.subtotal) === big(x.item_total) - big(x.discount), `${p}: subtotal = item_total − discount`, () => x)
    const inclusive = l.taxes.inclusive
    law(big(x.item_total_with_tax) === big(x.subtotal) + (inclusive ? 0n : big(x.tax)), `${p}: item_total_with_tax = subtotal + (inclusive ? 0 : tax)`, () => x)
    law(big(x.shipping) === big(x.shipping_subtotal) - big(x.shipping_discount), `${p}: shipping = shipping_subtotal − shipping_discount`, () => x)
    const shipInclusive = l.taxes.shipping_tax_rates.some((r) => r.inclusive)
    law(
      big(x.shipping_total) === big(x.shipping) + (shipInclusive ? 0n : big(x.shipping_tax)),
      `${p}: shipping_total = shipping + (shipping inclusive ? 0 : shipping_tax)`,
      () => x,
    )
    law(big(x.total) === big(x.item_total_with_tax) + big(x.shipping_total), `${p}: total = item_total_with_tax + shipping_total`, () => x)
    // Parts sum to wholes: the line's rates to its tax, its discount shares to its discount.
    law(sum(l.taxes.tax_rates.map((r) => r.tax)) === big(x.tax), `${p}: Σ tax_rates.tax = tax`, () => [l.taxes.tax_rates, x.tax])
    law(sum(l.taxes.shipping_tax_rates.map((r) => r.tax)) === big(x.shipping_tax), `${p}: Σ shipping_tax_rates.tax = shipping_tax`, () => [l.taxes.shipping_tax_rates, x.shipping_tax])
    law(sum(l.discounts.map((d) => d.amount)) === big(x.discount), `${p}: Σ discounts.amount = discount`, () => [l.discounts, x.discount])
    law(sum(l.discounts.map((d) => d.shipping_amount)) === big(x.shipping_discount), `${p}: Σ discounts.shipping_amount = shipping_discount`, () => [l.discounts, x.shipping_discount])
    for (const r of [...l.taxes.tax_rates, ...l.taxes.shipping_tax_rates]) {
      law(Number.isSafeInteger(r.tax) && r.tax >= 0, `${p}: a rate's tax is a safe integer ≥ 0`, () => r)
      law(Number.isSafeInteger(r.taxable_amount) && r.taxable_amount >= 0, `${p}: a rate's taxable_amount is a safe integer ≥ 0`, () => r)
    }
    // Inclusive lines: net + tax = gross (the rate's taxable amount is the net).
    if (inclusive && l.taxes.tax_rates.length > 0) {
      const net = l.taxes.tax_rates[0]!.taxable_amount
      law(big(net) + big(x.tax) === big(x.subtotal), `${p}: inclusive net + tax = gross (subtotal)`, () => [net, x.tax, x.subtotal])
    }
    if (shipInclusive && l.taxes.shipping_tax_rates.length > 0) {
      const net = l.taxes.shipping_tax_rates[0]!.taxable_amount
      law(big(net) + big(x.shipping_tax) === big(x.shipping), `${p}: inclusive shipping net + tax = shipping`, () => [net, x.shipping_tax, x.shipping])
    }
    if (!l.has_shipping) law(x.shipping_subtotal === 0 && x.shipping_tax === 0, `${p}: an unshipped line carries no shipping`, () => x)
  })
  // Σ lines = totals.
  const tt = t.totals
  for (const k of SUMMED) law(sum(lines.map((l) => l.totals[k])) === big(tt[k]), `totals.${k} = Σ products[].totals.${k}`, () => [tt[k], lines.map((l) => l.totals[k])])
  law(sum(lines.map((l) => l.quantity)) === big(tt.item_count), 'totals.item_count = Σ quantity', () => tt.item_count)
  law(big(tt.trial_deductions) >= 0n && big(tt.trial_deductions) <= sum(lines.map((l) => l.totals.total)), 'totals: 0 ≤ trial_deductions ≤ Σ line total', () => tt)
  law(big(tt.total) === sum(lines.map((l) => l.totals.total)) - big(tt.trial_deductions), 'totals.total = Σ line total − trial_deductions', () => tt)
  law(tt.price_conversion === lines.some((l) => l.totals.price_conversion), 'totals.price_conversion = any line converted', () => tt)
  // Aggregated rates sum to the totals.
  law(sum(t.taxes.tax_rates.map((r) => r.tax)) === big(tt.tax), 'Σ taxes.tax_rates.tax = totals.tax', () => [t.taxes.tax_rates, tt.tax])
  law(sum(t.taxes.shipping_tax_rates.map((r) => r.tax)) === big(tt.shipping_tax), 'Σ taxes.shipping_tax_rates.tax = totals.shipping_tax', () => [t.taxes.shipping_tax_rates, tt.shipping_tax])
  // Discounts: what each applied discount took is what the lines received.
  law(sum(t.discounts.map((d) => d.amount)) === big(tt.discount), 'Σ discounts[].amount = totals.discount', () => [t.discounts, tt.discount])
  law(sum(t.discounts.map((d) => d.shipping_amount)) === big(tt.shipping_discount), 'Σ discounts[].shipping_amount = totals.shipping_discount', () => [t.discounts, tt.shipping_discount])
  // Shipping: the order's cost is split over the shipped lines exactly.
  const s = t.shipping
  if (!s.has_shipping) law(big(tt.shipping_subtotal) === 0n && s.shipping_method === null, 'no shipped line → no shipping', () => s)
  else if (s.shipping_method !== null) law(big(s.shipping_method.cost) === big(tt.shipping_subtotal), 'Σ shipping_subtotal = shipping_method.cost', () => [s.shipping_method, tt.shipping_subtotal])
  law(sum(lines.filter((l) => l.has_shipping).map((l) => l.quantity)) === big(s.item_count), 'shipping.item_count = Σ quantity of shipped lines', () => s.item_count)
  // Instalments (SPEC §3.7).
  for (const plan of t.instalments) {
    const T = big(tt.total) + big(plan.interest)
    const n = BigInt(plan.instalments)
    law(plan.schedule.length === plan.instalments + 1, `plan ${plan.id}: schedule has upfront + n entries`, () => plan)
    law(sum(plan.schedule.map((e) => e.amount)) === big(plan.total_amount), `plan ${plan.id}: Σ schedule = total_amount`, () => plan)
    law(big(plan.instalments_amount) === (T - big(plan.upfront_amount)) / n, `plan ${plan.id}: instalments_amount = floor((T − upfront) / n)`, () => [plan, T])
    const tamio = big(plan.upfront_amount) + n * big(plan.instalments_amount)
    law(big(plan.total_amount) === T || big(plan.total_amount) === tamio, `plan ${plan.id}: total_amount is T (exact) or upfront + n × instalments_amount (tamio)`, () => [plan, T])
    law(T - tamio >= 0n && T - tamio < n, `plan ${plan.id}: tamio drops fewer than n cents`, () => [plan, T])
    for (const e of plan.schedule) law(Number.isSafeInteger(e.amount) && e.amount >= 0 && !Number.isNaN(Date.parse(e.due)), `plan ${plan.id}: schedule entries are safe amounts with dates`, () => e)
  }
  if (t.instalments.length > 0) law(t.payments[t.payments.length - 1] === 'instalments', 'payments end with instalments when a plan is offered', () => t.payments)
  else law(!t.payments.includes('instalments'), 'no instalments payment without a plan', () => t.payments)
}

/**
 * Human-readable output of the CLI: an estimate as a table, a reconciliation as a diff.
 */
import { formatAmount, type EstimateSuccess, type Reconciliation } from '../index'

/** Minor units for people, through the library's formatAmount: 13461 EUR → "€134.61". */
export function money(minor: number, currency: string, locale?: string): string {
  try {
    return formatAmount(minor, currency, locale)
  } catch {
    // An unknown currency code (the store knows it, Intl does not): the integer and the code.
    return `${minor} ${currency}`
  }
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length))
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s)

function table(head: readonly string[], rows: readonly (readonly string[])[], right: ReadonlySet<number>): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (r: readonly string[]) => r.map((c, i) => (right.has(i) ? lpad(c, widths[i]!) : pad(c, widths[i]!))).join('  ').trimEnd()
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)]
}

/** An estimate as a table of lines, then totals, taxes, shipping, instalments, payments and warnings. */
export function estimateTable(res: EstimateSuccess, locale?: string): string {
  const t = res.transaction
  const c = t.currency
  const m = (x: number) => money(x, c, locale)
  const out: string[] = [`Estimate in ${c}`, '']
  out.push(
    ...table(
      ['Line', 'Qty', 'Unit', 'Discount', 'Subtotal', 'Tax', 'Shipping', 'Ship. tax', 'Total'],
      t.products.map((p) => {
        const x = p.totals
        return [p.name, String(p.quantity), m(x.unit_price), m(x.discount), m(x.subtotal), m(x.tax), m(x.shipping), m(x.shipping_tax), m(x.total)]
      }),
      new Set([1, 2, 3, 4, 5, 6, 7, 8]),
    ),
  )
  const tt = t.totals
  const rows: [string, string][] = [
    ['Items', m(tt.item_total)],
    ['Discount', m(tt.discount)],
    ['Subtotal', m(tt.subtotal)],
  ]
  for (const r of t.taxes.tax_rates) rows.push([`${r.label} ${r.rate_percent ?? r.rate_amount ?? ''}${r.rate_percent !== null ? '%' : ''} (${r.jurisdiction})`, m(r.tax)])
  rows.push([`Shipping${t.shipping.shipping_method !== null ? ` (${t.shipping.shipping_method.label})` : ''}`, m(tt.shipping)])
  if (tt.shipping_discount !== 0) rows.push(['Shipping discount', m(tt.shipping_discount)])
  for (const r of t.taxes.shipping_tax_rates) rows.push([`${r.label} ${r.rate_percent ?? ''}%`, m(r.tax)])
  if (tt.trial_deductions !== 0) rows.push(['Trial deductions', m(-tt.trial_deductions)])
  rows.push(['Total', m(tt.total)])
  const w = Math.max(...rows.map((r) => r[0].length)) + 2
  out.push('', ...rows.map(([k, v]) => `${pad(k, w)}${lpad(v, 16)}`))
  for (const p of t.instalments)
    out.push('', `Instalment plan ${p.id}: ${m(p.upfront_amount)} upfront + ${p.instalments} × ${m(p.instalments_amount)} every ${p.interval} ${p.cycle} = ${m(p.total_amount)} (interest ${m(p.interest)})`)
  out.push('', `Payments: ${t.payments.join(', ') || '(none)'}`)
  for (const w of res.warnings) out.push(`Warning: ${w.code} at ${w.path || '(request)'}: ${w.message}`)
  return out.join('\n')
}

const show = (v: unknown) => (v === undefined ? '(absent)' : typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v))

/** A reconciliation as a readable diff. */
export function reconcileText(r: Reconciliation): string {
  if (r.matches) return `✓ matches the API response (${r.compared} fields compared, ${r.shape} shape)`
  const out = [`✗ ${r.differences.length} difference${r.differences.length === 1 ? '' : 's'} from the API response (${r.compared} fields compared, ${r.shape} shape):`]
  for (const d of r.differences) {
    const delta = d.delta !== null ? ` (Δ ${d.delta > 0 ? '+' : ''}${d.delta})` : ''
    out.push(`  ${d.path || '(response)'}: ours ${show(d.ours)}, API ${show(d.theirs)}${delta}`)
    if (d.hint !== null) out.push(`      hint [${d.hint.code}]: ${d.hint.message}`)
  }
  return out.join('\n')
}

/**
 * Stage 6 — taxes of the goods: each line's rates charged on its base (its discounted subtotal, or
 * its `item_total` when taxed before discount) at the policy's rounding level, for exclusive and
 * inclusive prices. The engine is `charge.ts`; the shipping stage uses it for shipping shares.
 */
import type { Line } from '../3-lines/line'
import type { Taxed } from '../4-jurisdiction/jurisdiction'
import type { Policies } from '../policies/axes'
import { linePaths } from '../trace/paths'
import type { EntryExtra, Recorder } from '../trace/recorder'
import type { TraceRule } from '../trace/types'
import type { OutputTaxRate } from '../types/output'
import { chargeAll, GOODS_AXES, type Charge, type Charged, type Taxable, type TaxTrace } from './charge'

/** What the taxes stage decided for one line. */
export interface LineTax extends Charged {
  /** The line's rates as the output shows them. */
  readonly taxRates: readonly OutputTaxRate[]
  /** Traced: the path of the net the taxes were charged on. */
  readonly netPath?: string
}

/** An output rate from a charge. */
export function outputRate(c: Charge, label: string, moss: boolean, inclusive: boolean): OutputTaxRate {
  const r = c.rate
  return {
    id: r.id,
    rate_percent: r.percentNumber,
    rate_amount: r.amount,
    label,
    tax: c.tax,
    moss,
    jurisdiction: r.jurisdiction,
    inclusive,
    vat_tax: r.vat,
    taxable_amount: c.taxable,
  }
}

// The first object a literal makes fixes the representation of its fields in V8. Made first with
// null wherever a number can go, they start as tagged values: a later fraction (`rate_percent:
// 7.5`) or a large amount then never deprecates the shape of every rate already made, which left
// some processes pricing every estimate about twice as slowly.
outputRate({ rate: { id: null, percentNumber: null, amount: null, jurisdiction: '', vat: false }, tax: null, taxable: null } as unknown as Charge, '', false, false)

/** Why a line with no rate pays no tax (for the trace). */
export function noTaxRule(t: Taxed, exempt: boolean): TraceRule {
  return exempt ? 'tax_exempt' : t.reverseCharge ? 'reverse_charge' : 'no_rate'
}

/** The tax base decides what a line's goods are taxed on. */
const TAX_BASE = { policies: ['tax_base'] } as const satisfies EntryExtra

/** Taxes every line's goods. */
export function taxLines(lines: readonly Line[], taxed: readonly Taxed[], lineDiscount: readonly number[], policies: Policies, exempt: boolean, rec?: Recorder): LineTax[] {
  const before = policies.tax_base.name !== 'after_discount'
  const items: Taxable[] = new Array(lines.length)
  for (let k = 0; k < lines.length; k++) {
    const t = taxed[k]!
    const subtotal = t.itemTotal - lineDiscount[k]!
    const base = policies.tax_base.taxed(t.itemTotal, lineDiscount[k]!)
    items[k] = base === subtotal ? { base, quantity: lines[k]!.quantity, units: lines[k]!.units, rates: t.rates, inclusive: t.inclusive } : { base, quantity: lines[k]!.quantity, units: lines[k]!.units, rates: t.rates, inclusive: t.inclusive, cap: subtotal }
  }
  const trs: TaxTrace[] | undefined =
    rec === undefined
      ? undefined
      : lines.map((_, k) => {
          const P = linePaths(k)
          // The amount taxed is the item total or the subtotal as the tax base chose: one entry,
          // so every amount charged on it (taxable amounts, nets, the OSS taxable) follows the axis.
          rec!.same(P.goods.base, items[k]!.base, before ? P.totals.item_total : P.totals.subtotal, TAX_BASE)
          const tr: TaxTrace = { paths: P.goods, base: P.goods.base, none: noTaxRule(taxed[k]!, exempt), axes: GOODS_AXES }
          return items[k]!.cap === undefined ? tr : { ...tr, cap: P.totals.subtotal }
        })
  const charged = chargeAll(items, policies, rec, trs, 'taxes.tax_rates')
  const out = new Array<LineTax>(lines.length)
  for (let k = 0; k < lines.length; k++) {
    const c = charged[k]!
    const t = taxed[k]!
    const rates = new Array<OutputTaxRate>(c.charges.length)
    for (let j = 0; j < c.charges.length; j++) rates[j] = outputRate(c.charges[j]!, c.charges[j]!.rate.label, t.moss, t.inclusive)
    out[k] = trs === undefined ? { tax: c.tax, net: c.net, charges: c.charges, taxRates: rates } : { tax: c.tax, net: c.net, charges: c.charges, taxRates: rates, netPath: t.inclusive && c.charges.length > 0 ? trs[k]!.paths.net : trs[k]!.base }
  }
  return out
}

/**
 * Stage 3b — taxes (SPEC §3.3): charge each line's rates on its discounted base, at the rounding
 * level of the account (`line`, `unit`, `total`), for exclusive and inclusive prices, with fixed
 * per-unit amounts and compound rates. The same engine taxes shipping shares (stage 4).
 */
import { lcmBig } from '../money/rational'
import type { LineState } from '../3-lines/line'
import { allocateBig } from '../money/allocate'
import { multiplyAmount } from '../money/amount'
import { extractInclusive } from '../money/inclusive'
import { roundDiv, mulDivRound } from '../money/rounding'
import type { NRate, Policies } from '../store/model'
import { TaxLevel } from '../store/model'
import type { OutputTaxRate } from '../types/output'

/** Something to tax: a line's goods or its shipping share. */
export interface Taxable {
  /** The discounted amount: net for exclusive, gross for inclusive. */
  readonly base: number
  readonly quantity: number
  /** Contained units, for per-unit fixed amounts (0 for shipping: rate_amount never applies to it). */
  readonly units: number
  readonly rates: readonly NRate[]
  readonly inclusive: boolean
}

/** What one rate charged. */
export interface Charge {
  readonly rate: NRate
  readonly tax: number
  /** The net this rate was charged on. */
  readonly taxable: number
}

export interface Charged {
  readonly tax: number
  readonly net: number
  readonly charges: readonly Charge[]
}

const NONE: Charged = { tax: 0, net: 0, charges: [] }

/** Fixed per-unit amounts (never on shipping: `units` is 0 there). */
function fixedAmount(r: NRate, units: number): number {
  return units === 0 ? 0 : multiplyAmount(r.amount!, units)
}

/** Line or unit level, one taxable. */
export function chargeOne(t: Taxable, p: Policies): Charged {
  if (t.rates.length === 0) return { tax: 0, net: t.base, charges: [] }
  const mode = p.rounding
  const unit = p.taxLevel === TaxLevel.Unit && t.quantity > 1
  if (!t.inclusive) {
    const charges: Charge[] = []
    let prior = 0
    for (const r of t.rates) {
      let tax: number
      let taxable = t.base
      if (r.amount !== null) tax = fixedAmount(r, t.units)
      else {
        const pct = r.percent!
        if (r.compound) taxable = t.base + prior
        if (unit) {
          // round(((item_total − discount) / quantity) × rate) × quantity; a compound rate's base
          // also carries the rounded taxes before it (a plain rate never does).
          const d = t.quantity * pct.den
          const perUnit = Number.isSafeInteger(d)
            ? mulDivRound(taxable, pct.num, d, mode)
            : roundDiv(BigInt(taxable) * BigInt(pct.num), BigInt(t.quantity) * BigInt(pct.den), mode)
          tax = multiplyAmount(perUnit, t.quantity)
        } else tax = mulDivRound(taxable, pct.num, pct.den, mode)
      }
      prior += tax
      charges.push({ rate: r, tax, taxable })
    }
    return { tax: prior, net: t.base, charges }
  }
  // Inclusive: fixed amounts come out of the gross first, then the percentages are extracted.
  let gross = t.base
  const fixed: Charge[] = []
  const pcts: NRate[] = []
  for (const r of t.rates) {
    if (r.amount !== null) {
      const a = Math.min(fixedAmount(r, t.units), Math.max(gross, 0))
      gross -= a
      fixed.push({ rate: r, tax: a, taxable: 0 })
    } else pcts.push(r)
  }
  let net: number
  let taxes: readonly number[]
  if (unit && pcts.length > 0) {
    // Per-unit extraction: one unit of the discounted gross, (gross / quantity) / (1 + R), rounded,
    // times the quantity; the tax is split over the rates in proportion to them.
    const f = sumFraction(pcts)
    const q = BigInt(t.quantity)
    if (p.inclusiveTarget === 'net') net = multiplyAmount(roundDiv(BigInt(gross) * f.l, q * (f.l + f.k), mode), t.quantity)
    else net = gross - multiplyAmount(roundDiv(BigInt(gross) * f.k, q * (f.l + f.k), mode), t.quantity)
    // A discounted gross that is not a multiple of the quantity can round the per-unit net up past
    // it (at 0 %: round(1999 / 2) × 2 = 2000): the net never exceeds the gross, a tax is never < 0.
    net = Math.min(Math.max(net, 0), gross)
    taxes = rescale(extractInclusive(gross, pcts.map((r) => r.percent!), mode, p.inclusiveTarget).taxes, gross - net)
  } else {
    const ex = extractInclusive(gross, pcts.map((r) => r.percent!), mode, p.inclusiveTarget)
    net = ex.net
    taxes = ex.taxes
  }
  const charges: Charge[] = []
  let fi = 0
  let pi = 0
  let total = 0
  for (const r of t.rates) {
    const c = r.amount !== null ? { ...fixed[fi++]!, taxable: net } : { rate: r, tax: taxes[pi++]!, taxable: net }
    total += c.tax
    charges.push(c)
  }
  return { tax: total, net, charges }
}

/** Re-splits `total` in the proportions of `parts` (largest remainder). */
function rescale(parts: readonly number[], total: number): number[] {
  if (parts.length === 1) return [total]
  return allocateBig(total, parts.map((x) => BigInt(Math.max(x, 0))))
}

/**
 * Document level (`tax_rounding: "total"`): one rounding per rate over all taxables, the rounded
 * tax split back over them by their exact tax (largest remainder), so the parts still sum to
 * the totals. Rates are pooled in store order, so a compound rate sees the rounded taxes before it.
 */
export function chargeDocument(items: readonly Taxable[], p: Policies): Charged[] {
  const n = items.length
  const charges: Charge[][] = items.map(() => [])
  // A compound rate's base carries the rounded taxes before it in store order — fixed amounts
  // included — exactly as chargeOne does at the line level.
  const priorOf = (i: number, rate: NRate): number => {
    let s = 0
    for (const c of charges[i]!) if (c.rate.index < rate.index) s += c.tax
    return s
  }
  const grossLeft = items.map((t) => t.base)
  // Fixed amounts first (they are exact); for inclusive items they come out of the gross.
  for (let i = 0; i < n; i++) {
    const t = items[i]!
    for (const r of t.rates)
      if (r.amount !== null) {
        const a = t.inclusive ? Math.min(fixedAmount(r, t.units), Math.max(grossLeft[i]!, 0)) : fixedAmount(r, t.units)
        if (t.inclusive) grossLeft[i]! -= a
        charges[i]!.push({ rate: r, tax: a, taxable: t.base })
      }
  }
  // The inclusive items' Σ rates, as one fraction K/L each.
  const incl = items.map((t) => (t.inclusive ? sumFraction(t.rates) : null))
  const order = [...new Set(items.flatMap((t) => t.rates.filter((r) => r.percent !== null)))].sort((a, b) => a.index - b.index)
  for (const rate of order) {
    const members: number[] = []
    const nums: bigint[] = []
    const dens: bigint[] = []
    for (let i = 0; i < n; i++) {
      const t = items[i]!
      if (!t.rates.includes(rate)) continue
      const pct = rate.percent!
      members.push(i)
      if (t.inclusive) {
        // exact tax = gross × r / (1 + R) = gross × (r·L) / (L + K)
        const f = incl[i]!
        nums.push((BigInt(grossLeft[i]!) * BigInt(pct.num) * f.l) / BigInt(pct.den))
        dens.push(f.l + f.k)
        // (r·L is an integer because L is a multiple of r's denominator)
      } else {
        const base = rate.compound ? t.base + priorOf(i, rate) : t.base
        nums.push(BigInt(base) * BigInt(pct.num))
        dens.push(BigInt(pct.den))
      }
    }
    let lcd = 1n
    for (const d of dens) lcd = lcmBig(lcd, d)
    const weights = nums.map((x, j) => x * (lcd / dens[j]!))
    let sum = 0n
    for (const w of weights) sum += w
    const pooled = roundDiv(sum, lcd, p.rounding)
    const parts = allocateBig(pooled, weights)
    members.forEach((i, j) => {
      const t = items[i]!
      const taxable = !t.inclusive && rate.compound ? t.base + priorOf(i, rate) : t.base
      charges[i]!.push({ rate, tax: parts[j]!, taxable })
    })
  }
  return items.map((t, i) => {
    if (t.rates.length === 0) return { tax: 0, net: t.base, charges: [] }
    const cs = charges[i]!.sort((a, b) => a.rate.index - b.rate.index)
    let tax = 0
    for (const c of cs) tax += c.tax
    if (!t.inclusive) return { tax, net: t.base, charges: cs }
    // Each rate's pool rounds on its own: rounding up (ceil/up) a tiny inclusive gross's share of two
    // pools can exceed the gross (1 cent at 7 % + 100 %: 1 + 1 > 1). The tax an inclusive item holds
    // is at most its gross (net ≥ 0): the excess comes off the last rates.
    for (let k = cs.length - 1; k >= 0 && tax > t.base; k--) {
      const cut = Math.min(tax - t.base, cs[k]!.tax)
      cs[k] = { ...cs[k]!, tax: cs[k]!.tax - cut }
      tax -= cut
    }
    const net = t.base - tax
    return { tax, net, charges: cs.map((c) => ({ ...c, taxable: net })) }
  })
}

/** Σ percentage rates of a taxable as K/L with L the lcm of their denominators. */
function sumFraction(rates: readonly NRate[]): { k: bigint; l: bigint } {
  let l = 1n
  for (const r of rates) if (r.percent !== null) l = lcmBig(l, BigInt(r.percent.den))
  let k = 0n
  for (const r of rates) if (r.percent !== null) k += (BigInt(r.percent.num) * l) / BigInt(r.percent.den)
  return { k, l }
}

/** Charges every taxable at the policy's level. */
export function chargeAll(items: readonly Taxable[], p: Policies): Charged[] {
  if (p.taxLevel === TaxLevel.Total) return chargeDocument(items, p)
  return items.map((t) => (t.rates.length === 0 ? { ...NONE, net: t.base } : chargeOne(t, p)))
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

/** Stage 3b for goods: taxes each line's discounted base. */
export function taxLines(lines: readonly LineState[], p: Policies): void {
  const items: Taxable[] = lines.map((l) => ({
    base: l.itemTotal - l.discount,
    quantity: l.quantity,
    units: l.units,
    rates: l.rates,
    inclusive: l.inclusive,
  }))
  const charged = chargeAll(items, p)
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!
    const c = charged[i]!
    l.tax = c.tax
    l.net = c.net
    l.taxRates = c.charges.map((x) => outputRate(x, x.rate.label, l.moss, l.inclusive))
  }
}

/**
 * The tax engine: charges a list of taxables (a line's goods, or a line's shipping share) at their
 * rates, at the policy's rounding level, for exclusive and inclusive prices, with fixed per-unit
 * amounts and compound rates — and records every tax and taxable amount as it computes it.
 */
import { allocate, allocateBig } from '../money/allocate'
import { multiplyAmount } from '../money/amount'
import { extractInclusive } from '../money/inclusive'
import { gcdNumber, lcmBig, sumPercents, type Rational } from '../money/rational'
import { mulDivRound, roundDiv } from '../money/rounding'
import type { AxisName, Policies } from '../policies/axes'
import type { NRate } from '../store/model'
import { poolPath, type RatePaths, type TaxablePaths } from '../trace/paths'
import { fractionText, percentText, times, type EntryExtra, type Recorder } from '../trace/recorder'
import type { TraceRule } from '../trace/types'

/** Something to tax: a line's goods or its shipping share. */
export interface Taxable {
  /** The amount taxed: net for exclusive, gross for inclusive. */
  readonly base: number
  readonly quantity: number
  /** Contained units, for per-unit fixed amounts (0 for shipping: rate_amount never applies to it). */
  readonly units: number
  readonly rates: readonly NRate[]
  readonly inclusive: boolean
  /** An inclusive taxable's tax is at most this (its subtotal when taxed before discount); default: `base`. */
  readonly cap?: number
}

/** Where a taxable's amounts go in the trace. */
export interface TaxTrace {
  /** Its rate list, rates, tax total and intermediates (`products[0].taxes.tax_rates`, `products[0].totals.tax`, …). */
  readonly paths: TaxablePaths
  /** The path of the amount taxed (`products[0].totals.subtotal`). */
  readonly base: string
  /** Why there is no tax, when no rate applies. */
  readonly none: TraceRule
  /** The axes its amounts depend on directly: {@link GOODS_AXES} or {@link SHIPPING_AXES}. */
  readonly axes: TaxAxes
  /** The path of the cap on an inclusive taxable's tax, when it has one (its subtotal, taxed before discount). */
  readonly cap?: string
}

/** The inputs of a clamped tax: the base, the cap and the taxes before the clamp. */
function capInputs(tr: TaxTrace, before: readonly string[]): string[] {
  return tr.cap === undefined ? [tr.base, ...before] : [tr.base, tr.cap, ...before]
}

/** The axes a taxable's amounts depend on directly, by case (built once: entries share them). */
export interface TaxAxes {
  /** Which rates apply (no rate: these alone decide the 0). */
  readonly rates: readonly AxisName[]
  readonly plain: readonly AxisName[]
  readonly inclusive: readonly AxisName[]
  readonly split: readonly AxisName[]
  readonly inclusiveSplit: readonly AxisName[]
  /** The extra of a rate's taxable amount: the axes that decide which rates apply (none for goods). */
  readonly taxable: EntryExtra | undefined
}

function taxAxes(rates: readonly AxisName[], base: readonly AxisName[]): TaxAxes {
  const plain: AxisName[] = ['rounding', 'tax_rounding', ...rates, ...base]
  return {
    rates,
    plain,
    inclusive: [...plain, 'inclusive_rounding'],
    split: [...plain, 'allocation'],
    inclusiveSplit: [...plain, 'inclusive_rounding', 'allocation'],
    taxable: rates.length > 0 ? { policies: rates } : undefined,
  }
}

/** A line's goods: the tax base decides their taxes too. */
export const GOODS_AXES: TaxAxes = taxAxes([], ['tax_base'])
/** A line's shipping share: the shipping tax rule decides which rates apply. */
export const SHIPPING_AXES: TaxAxes = taxAxes(['shipping_tax'], [])

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

type Terms = (readonly [string, 1 | -1])[]

/** Fixed per-unit amounts (never on shipping: `units` is 0 there). */
function fixedAmount(r: NRate, units: number): number {
  return units === 0 ? 0 : multiplyAmount(r.amount!, units)
}

const pct = (r: NRate) => percentText(r.percent!)

/** The axes a tax amount depends on directly. */
function axesOf(inclusive: boolean, tr: TaxTrace, split: boolean): readonly AxisName[] {
  const a = tr.axes
  return inclusive ? (split ? a.inclusiveSplit : a.inclusive) : split ? a.split : a.plain
}

const NO_RATE = undefined as unknown as RatePaths

const EXTRAS = new Map<readonly AxisName[], Map<string, EntryExtra>>()

/** The extra of a tax entry, shared by every entry of the same axes and level (no allocation per entry). */
function extraOf(policies: readonly AxisName[], level: string): EntryExtra {
  let byLevel = EXTRAS.get(policies)
  if (byLevel === undefined) EXTRAS.set(policies, (byLevel = new Map()))
  let x = byLevel.get(level)
  if (x === undefined) byLevel.set(level, (x = { level, policies }))
  return x
}
const NO_TERMS: Terms = []
const NO_CHARGES: readonly Charge[] = []
const NO_TAXES: readonly number[] = []

/** Records a fixed amount of an inclusive or exclusive taxable at `at` (its rate's tax, usually). */
function recordFixed(rec: Recorder, at: string, R: RatePaths, units: number, a: number, raw: number, gross: string): void {
  // Whether a fixed amount is capped by the gross (and whether the line is inclusive at all: a
  // cross-border line may be re-priced) is decided by the amount taxed: its input either way.
  if (a === raw) rec.product(at, a, [R.rate_amount, String(units)], { inputs: [gross] })
  else rec.fixed(at, a, 'fixed_capped', { inputs: [gross] })
}

/**
 * Records an inclusive taxable's rate taxes once its caps are applied: each rate's derivation
 * (`derive`) at its tax — or, when a cap cut it, at `$…tax_rates[j].uncapped` and its tax as
 * clamped — and its gross from the fixed amounts taken out. Returns where each derivation is.
 */
function recordRates(rec: Recorder, tr: TaxTrace, t: Taxable, pre: readonly number[], now: readonly Charge[], derive: (j: number, at: string) => void, gross: number, grossPath: string): string[] {
  const terms: Terms = [[tr.base, 1]]
  const at = t.rates.map((r, j) => {
    const R = tr.paths.rate(j)
    const x = now[j]!.tax === pre[j] ? R.tax : R.uncapped
    derive(j, x)
    // What is left of a clamped tax is decided by the tax before the clamp (its axes) and the cap.
    if (x !== R.tax) rec.fixed(R.tax, now[j]!.tax, 'clamped', { inputs: [x, ...capInputs(tr, [])], policies: axesOf(true, tr, t.rates.length > 1) })
    if (r.amount !== null) terms.push([x, -1])
    return x
  })
  if (terms.length > 1) rec.sum(grossPath, gross, terms)
  return at
}

/** Line or unit level, one taxable. */
export function chargeOne(t: Taxable, p: Policies, rec?: Recorder, tr?: TaxTrace): Charged {
  if (t.rates.length === 0) {
    if (rec !== undefined) rec.sum(tr!.paths.total, 0, NO_TERMS, { rule: tr!.none, policies: tr!.axes.rates })
    return { tax: 0, net: t.base, charges: [] }
  }
  const mode = p.rounding
  const unit = p.tax_rounding.perUnit && t.quantity > 1
  const level = p.tax_rounding.name
  if (!t.inclusive) {
    // Sized up front: a list grown by push from [] reserves room for 17 entries (most have one).
    const charges = new Array<Charge>(t.rates.length)
    let prior = 0
    // The rounded taxes before a compound rate (its taxable amount's terms): only when one is compound.
    const priorTerms: Terms | undefined = rec !== undefined && t.rates.some((r) => r.compound) ? [] : undefined
    for (let j = 0; j < t.rates.length; j++) {
      const r = t.rates[j]!
      const R = rec === undefined ? NO_RATE : tr!.paths.rate(j)
      let tax: number
      let taxable = t.base
      if (r.amount !== null) {
        tax = fixedAmount(r, t.units)
        if (rec !== undefined) {
          rec.product2(R.tax, tax, R.rate_amount, String(t.units), { inputs: [tr!.base] })
          rec.same(R.taxable_amount, taxable, tr!.base, tr!.axes.taxable)
        }
      } else {
        const pr = r.percent!
        if (r.compound) taxable = t.base + prior
        if (rec !== undefined) {
          if (taxable !== t.base) rec.sum(R.taxable_amount, taxable, [[tr!.base, 1], ...priorTerms!], tr!.axes.taxable)
          else rec.same(R.taxable_amount, taxable, tr!.base, tr!.axes.taxable)
        }
        if (unit) {
          // round(((item_total − discount) / quantity) × rate) × quantity; a compound rate's base
          // also carries the rounded taxes before it (a plain rate never does).
          const d = t.quantity * pr.den
          const perUnit = Number.isSafeInteger(d)
            ? mulDivRound(taxable, pr.num, d, mode)
            : roundDiv(times(taxable, pr.num), times(t.quantity, pr.den), mode)
          tax = multiplyAmount(perUnit, t.quantity)
          rec?.round2(R.tax, tax, times(taxable, pr.num), times(t.quantity, pr.den), mode, R.taxable_amount, pct(r), String(t.quantity), { level, affine: { offset: 0, factor: t.quantity }, policies: axesOf(false, tr!, false) })
        } else {
          tax = mulDivRound(taxable, pr.num, pr.den, mode)
          rec?.round2(R.tax, tax, times(taxable, pr.num), pr.den, mode, R.taxable_amount, pct(r), undefined, extraOf(axesOf(false, tr!, false), level))
        }
      }
      prior += tax
      priorTerms?.push([R.tax, 1])
      charges[j] = { rate: r, tax, taxable }
    }
    rec?.each(tr!.paths.total, prior, t.rates.length, tr!.paths.rateTax)
    return { tax: prior, net: t.base, charges }
  }
  // Inclusive: fixed amounts come out of the gross first, then the percentages are extracted.
  let gross = t.base
  let fixedCount = 0
  for (let j = 0; j < t.rates.length; j++) if (t.rates[j]!.amount !== null) fixedCount++
  // Mostly percentages only: then they are the rates themselves, in their own order.
  let fixed: readonly Charge[] = NO_CHARGES
  let pcts: readonly NRate[] = t.rates
  let pctIndex: number[] | undefined
  if (fixedCount > 0) {
    const fs: Charge[] = []
    const ps: NRate[] = []
    pctIndex = []
    for (let j = 0; j < t.rates.length; j++) {
      const r = t.rates[j]!
      if (r.amount !== null) {
        const a = Math.min(fixedAmount(r, t.units), Math.max(gross, 0))
        gross -= a
        fs.push({ rate: r, tax: a, taxable: 0 })
      } else {
        ps.push(r)
        pctIndex.push(j)
      }
    }
    fixed = fs
    pcts = ps
  }
  const T = tr?.paths
  // (the gross and the fixed amounts are recorded with the rates' taxes, at the end)
  const grossPath = rec === undefined || fixed.length === 0 ? (tr?.base ?? '') : T!.gross
  const target = p.inclusive_rounding.target
  const policies = tr === undefined ? [] : axesOf(true, tr, false)
  let net: number
  let taxes: readonly number[]
  const rates = pcts.map((r) => r.percent!)
  if (pcts.length === 0) {
    net = gross
    taxes = []
    rec?.same(T!.net, net, grossPath)
  } else if (unit) {
    // Per-unit extraction: one unit of the discounted gross, (gross / quantity) / (1 + R), rounded,
    // times the quantity; the tax is split over the rates in proportion to them.
    const f = sumPercents(pcts)
    const q = BigInt(t.quantity)
    let exactNet: readonly [bigint, bigint] | null = null
    if (target === 'net') {
      net = multiplyAmount(roundDiv(BigInt(gross) * f.l, q * (f.l + f.k), mode), t.quantity)
      exactNet = [BigInt(gross) * f.l, q * (f.l + f.k)]
    } else net = gross - multiplyAmount(roundDiv(BigInt(gross) * f.k, q * (f.l + f.k), mode), t.quantity)
    // A discounted gross that is not a multiple of the quantity can round the per-unit net up past
    // it (at 0 %: round(1999 / 2) × 2 = 2000): the net never exceeds the gross, a tax is never < 0.
    const held = Math.min(Math.max(net, 0), gross)
    if (rec !== undefined) {
      if (held !== net) rec.fixed(T!.net, held, 'clamped', { inputs: [grossPath], policies })
      else if (exactNet !== null) rec.round(T!.net, net, exactNet[0], exactNet[1], mode, [grossPath, `${f.l}/${f.l + f.k}`], [String(t.quantity)], { level, affine: { offset: 0, factor: t.quantity }, policies })
      else {
        rec.round(T!.tax, gross - net, BigInt(gross) * f.k, q * (f.l + f.k), mode, [grossPath, `${f.k}/${f.l + f.k}`], [String(t.quantity)], { level, affine: { offset: 0, factor: t.quantity }, policies })
        rec.sum(T!.net, net, [[grossPath, 1], [T!.tax, -1]])
      }
      if (held !== net || exactNet !== null) rec.sum(T!.tax, gross - held, [[grossPath, 1], [T!.net, -1]])
    }
    net = held
    // Split over the rates by the exact per-rate taxes, which are in proportion to the rates (kᵢ / L).
    const ks = pcts.map((r) => (BigInt(r.percent!.num) * f.l) / BigInt(r.percent!.den))
    taxes = pcts.length === 1 ? [gross - net] : allocateBig(gross - net, ks, p.allocation, mode)
    if (rec !== undefined && pcts.length > 1) rec.split(tr!.paths.rates, { of: T!.tax, total: gross - net, by: 'rate', weights: ks, parts: taxes, rule: p.allocation.name, ...carryMode(p) })
  } else {
    const ex = extractInclusive(gross, rates, mode, target, p.allocation)
    net = ex.net
    taxes = ex.taxes
    if (rec !== undefined) {
      const f = sumPercents(pcts)
      if (target === 'net') {
        rec.round(T!.net, net, BigInt(gross) * f.l, f.l + f.k, mode, [grossPath, `${f.l}/${f.l + f.k}`], undefined, { level, policies })
        rec.sum(T!.tax, ex.tax, [[grossPath, 1], [T!.net, -1]])
      } else {
        rec.round(T!.tax, ex.tax, BigInt(gross) * f.k, f.l + f.k, mode, [grossPath, `${f.k}/${f.l + f.k}`], undefined, { level, policies })
        rec.sum(T!.net, net, [[grossPath, 1], [T!.tax, -1]])
      }
      if (pcts.length > 1) {
        const ks = pcts.map((r) => (BigInt(r.percent!.num) * f.l) / BigInt(r.percent!.den))
        rec.split(tr!.paths.rates, { of: T!.tax, total: ex.tax, by: 'rate', weights: ks, parts: taxes, rule: p.allocation.name, ...carryMode(p) })
      }
    }
  }
  const charges = new Array<Charge>(t.rates.length)
  let fi = 0
  let pi = 0
  let total = 0
  for (let j = 0; j < t.rates.length; j++) {
    const r = t.rates[j]!
    const c = r.amount !== null ? { ...fixed[fi++]!, taxable: net } : { rate: r, tax: taxes[pi++]!, taxable: net }
    total += c.tax
    charges[j] = c
  }
  // Taxed before discount, an inclusive line's tax is at most its subtotal: the excess comes off its last rates.
  const cap = t.cap ?? t.base
  // The taxes before that cut, for the trace.
  const pre = rec === undefined ? NO_TAXES : charges.map((c) => c.tax)
  total = cutToCap(charges, total, cap)
  if (rec !== undefined) {
    for (let j = 0; j < t.rates.length; j++) rec.same(tr!.paths.rate(j).taxable_amount, net, T!.net, tr!.axes.taxable)
    // A fixed amount as taken out of the gross; a percentage rate's tax: the extracted tax, or its share of it.
    recordRates(rec, tr!, t, pre, charges, (j, at) => {
      const r = t.rates[j]!
      if (r.amount !== null) recordFixed(rec, at, tr!.paths.rate(j), t.units, pre[j]!, fixedAmount(r, t.units), tr!.base)
      else if (pcts.length === 1) rec.same(at, pre[j]!, T!.tax, { policies: axesOf(true, tr!, false) })
      else rec.share(at, pre[j]!, tr!.paths.rates, pctIndex === undefined ? j : pctIndex.indexOf(j), { level, policies: axesOf(true, tr!, true) })
    }, gross, grossPath)
    rec.each(tr!.paths.total, total, t.rates.length, tr!.paths.rateTax)
  }
  return { tax: total, net, charges }
}

/** Takes what `total` is above `cap` off the last charges first, each down to 0 at most; returns the new total. */
function cutToCap(charges: Charge[], total: number, cap: number): number {
  for (let k = charges.length - 1; k >= 0 && total > cap; k--) {
    const cut = Math.min(total - cap, charges[k]!.tax)
    charges[k] = { ...charges[k]!, tax: charges[k]!.tax - cut }
    total -= cut
  }
  return total
}

const carryMode = (p: Policies) => (p.allocation.name === 'carry' ? { rounding: p.rounding.name } : {})

/**
 * Document level (`tax_rounding: "total"`): one rounding per rate over all taxables, the rounded
 * tax split back over them by their exact tax (the allocation rule), so the parts still sum to
 * the totals. Rates are pooled in store order, so a compound rate sees the rounded taxes before it.
 * `pool` names the pools in the trace (`taxes.tax_rates`, `taxes.shipping_tax_rates`).
 */
const POOL_AXES: readonly AxisName[] = ['rounding', 'tax_rounding']

/**
 * One document-level pool: each member's exact tax numᵢ / denᵢ, the weights that bring them to the
 * common denominator `lcd`, and their sum. In Number while every product is a safe integer (the
 * usual cart), else in BigInt: the same fractions either way, so the same rounding and split.
 */
type Pool =
  | { readonly nums: readonly number[]; readonly dens: readonly number[]; readonly lcd: number; readonly sum: number; readonly weights: readonly number[]; readonly bigWeights: null }
  | { readonly nums: readonly bigint[]; readonly dens: readonly bigint[]; readonly lcd: bigint; readonly sum: bigint; readonly weights: null; readonly bigWeights: readonly bigint[] }

/** A member's amount (its taxable, or its inclusive gross) and, inclusive, its Σ rates as K / L. */
type Member = (i: number) => readonly [number, { k: bigint; l: bigint } | null]

function numberPool(members: readonly number[], member: Member, pr: Rational): Pool | null {
  const m = members.length
  const nums = new Array<number>(m)
  const dens = new Array<number>(m)
  let lcd = 1
  for (let j = 0; j < m; j++) {
    const [amount, f] = member(members[j]!)
    let num: number
    let den: number
    if (f === null) {
      num = amount * pr.num
      den = pr.den
    } else {
      const l = Number(f.l)
      den = l + Number(f.k)
      num = amount * pr.num * (l / pr.den)
    }
    // (An unsafe amount × r makes num unsafe too: l / r's denominator is a whole number ≥ 1.)
    if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num < 0 || den <= 0) return null
    nums[j] = num
    dens[j] = den
    if (lcd % den !== 0) lcd = (lcd / gcdNumber(lcd, den)) * den
    if (!Number.isSafeInteger(lcd)) return null
  }
  const weights = new Array<number>(m)
  let sum = 0
  for (let j = 0; j < m; j++) {
    const w = nums[j]! * (lcd / dens[j]!)
    sum += w
    if (!Number.isSafeInteger(w) || !Number.isSafeInteger(sum)) return null
    weights[j] = w
  }
  return { nums, dens, lcd, sum, weights, bigWeights: null }
}

function bigPool(members: readonly number[], member: Member, pr: Rational): Pool {
  const nums: bigint[] = []
  const dens: bigint[] = []
  for (const i of members) {
    const [amount, f] = member(i)
    if (f === null) {
      nums.push(BigInt(amount) * BigInt(pr.num))
      dens.push(BigInt(pr.den))
    } else {
      nums.push((BigInt(amount) * BigInt(pr.num) * f.l) / BigInt(pr.den))
      dens.push(f.l + f.k)
    }
  }
  let lcd = 1n
  for (const d of dens) lcd = lcmBig(lcd, d)
  const bigWeights = nums.map((x, j) => x * (lcd / dens[j]!))
  let sum = 0n
  for (const w of bigWeights) sum += w
  return { nums, dens, lcd, sum, weights: null, bigWeights }
}

export function chargeDocument(items: readonly Taxable[], p: Policies, rec?: Recorder, trs?: readonly TaxTrace[], pool = ''): Charged[] {
  const n = items.length
  const charges: Charge[][] = items.map(() => [])
  // Traced only: each charge's path, and how to record each inclusive item's rate taxes.
  const paths: string[][] | undefined = rec === undefined ? undefined : items.map(() => [])
  // A compound rate's base carries the rounded taxes before it in store order — fixed amounts
  // included — exactly as chargeOne does at the line level.
  const priorOf = (i: number, rate: NRate): number => {
    let s = 0
    for (const c of charges[i]!) if (c.rate.index < rate.index) s += c.tax
    return s
  }
  const priorTerms = (i: number, rate: NRate): Terms => {
    const out: Terms = []
    charges[i]!.forEach((c, j) => {
      if (c.rate.index < rate.index) out.push([paths![i]![j]!, 1])
    })
    return out
  }
  const R = (i: number, rate: NRate) => trs![i]!.paths.rate(items[i]!.rates.indexOf(rate))
  // Traced: how to record each inclusive item's rate taxes, once its caps are known (by rate index).
  const later: ((at: string) => void)[][] | undefined = rec === undefined ? undefined : items.map(() => [])
  const grossLeft = items.map((t) => t.base)
  // Fixed amounts first (they are exact); for inclusive items they come out of the gross.
  for (let i = 0; i < n; i++) {
    const t = items[i]!
    for (const r of t.rates)
      if (r.amount !== null) {
        const raw = fixedAmount(r, t.units)
        const a = t.inclusive ? Math.min(raw, Math.max(grossLeft[i]!, 0)) : raw
        if (rec !== undefined) {
          const record = (at: string) => recordFixed(rec, at, R(i, r), t.units, a, raw, trs![i]!.base)
          if (t.inclusive) later![i]![t.rates.indexOf(r)] = record
          else {
            record(R(i, r).tax)
            rec.same(R(i, r).taxable_amount, t.base, trs![i]!.base, trs![i]!.axes.taxable)
          }
        }
        if (t.inclusive) grossLeft[i]! -= a
        charges[i]!.push({ rate: r, tax: a, taxable: t.base })
        paths?.[i]!.push(R(i, r).tax)
      }
  }
  const grossPath = (i: number) => (items[i]!.rates.some((r) => r.amount !== null) ? trs![i]!.paths.gross : trs![i]!.base)
  // The inclusive items' Σ rates, as one fraction K/L each.
  const incl = items.map((t) => (t.inclusive ? sumPercents(t.rates) : null))
  // The percentage rates of all taxables, each once, in store order (plain loops: flatMap and
  // spreads of a Set cost more than the whole pooling in V8).
  const order: NRate[] = []
  let seen: Set<NRate> | undefined
  for (let i = 0; i < n; i++) {
    const rates = items[i]!.rates
    for (let j = 0; j < rates.length; j++) {
      const r = rates[j]!
      if (r.percent === null) continue
      // A scan while the list is short (a cart has a few rates), a Set once it is long.
      if (seen === undefined ? order.includes(r) : seen.has(r)) continue
      order.push(r)
      if (seen !== undefined) seen.add(r)
      else if (order.length > 16) seen = new Set(order)
    }
  }
  order.sort((a, b) => a.index - b.index)
  order.forEach((rate, poolIndex) => {
    const members: number[] = []
    for (let i = 0; i < n; i++) if (items[i]!.rates.includes(rate)) members.push(i)
    // Each member's exact tax as numᵢ / denᵢ: exclusive, taxable × r; inclusive, gross × r / (1 + R)
    // = gross × (r·L) / (L + K) (r·L is an integer because L is a multiple of r's denominator).
    const pr = rate.percent!
    const taxableOf = (i: number) => (rate.compound ? items[i]!.base + priorOf(i, rate) : items[i]!.base)
    const member: Member = (i) => (items[i]!.inclusive ? [grossLeft[i]!, incl[i]!] : [taxableOf(i), null])
    const exact = numberPool(members, member, pr) ?? bigPool(members, member, pr)
    const { nums, dens, sum, lcd } = exact
    const pooled = roundDiv(sum, lcd, p.rounding)
    const parts = exact.weights === null ? allocateBig(pooled, exact.bigWeights, p.allocation, p.rounding) : allocate(pooled, exact.weights, undefined, p.allocation, p.rounding)
    const key = rec === undefined ? '' : poolPath(pool, poolIndex)
    if (rec !== undefined) {
      const exacts = nums.map((x, j) => fractionText(x, dens[j]!))
      // The pool is decided by every member's taxable (or gross): its inputs, so each part follows all of them.
      const inputs = members.map((i) => (items[i]!.inclusive ? grossPath(i) : R(i, rate).taxable_amount))
      rec.round(key, pooled, sum, lcd, p.rounding, [], undefined, { level: 'total', policies: POOL_AXES, inputs })
      rec.split(key, { of: key, total: pooled, by: 'exact tax', weights: exacts, parts, rule: p.allocation.name, ...carryMode(p) })
    }
    members.forEach((i, j) => {
      const t = items[i]!
      const taxable = !t.inclusive && rate.compound ? t.base + priorOf(i, rate) : t.base
      if (rec !== undefined) {
        const rp = R(i, rate)
        const tr = trs![i]!
        if (!t.inclusive) {
          const pt = rate.compound ? priorTerms(i, rate) : []
          if (pt.length > 0) rec.sum(rp.taxable_amount, taxable, [[tr.base, 1], ...pt], tr.axes.taxable)
          else rec.same(rp.taxable_amount, taxable, tr.base, tr.axes.taxable)
        }
        const f = incl[i]
        const factors = t.inclusive ? [grossPath(i), pct(rate), `${f!.l}/${f!.l + f!.k}`] : [rp.taxable_amount, pct(rate)]
        // The exact tax this part weighs: Π factors (taxable × rate, or gross × rate ÷ (1 + Σ rates)).
        const extra = { level: 'total', policies: axesOf(t.inclusive, tr, true), exact: fractionText(nums[j]!, dens[j]!), factors }
        const record = (at: string) => rec.share(at, parts[j]!, key, j, extra)
        if (t.inclusive) later![i]![t.rates.indexOf(rate)] = record
        else record(rp.tax)
      }
      charges[i]!.push({ rate, tax: parts[j]!, taxable })
      paths?.[i]!.push(R(i, rate).tax)
    })
  })
  return items.map((t, i) => {
    const tr = trs?.[i]
    if (t.rates.length === 0) {
      if (rec !== undefined) rec.sum(tr!.paths.total, 0, NO_TERMS, { rule: tr!.none, policies: tr!.axes.rates })
      return { tax: 0, net: t.base, charges: [] }
    }
    // The charges in the taxable's rate order (pooled in store order; one rate is already in place).
    const cs = t.rates.length === 1 ? charges[i]! : t.rates.map((r) => charges[i]!.find((c) => c.rate === r)!)
    let tax = 0
    for (const c of cs) tax += c.tax
    if (!t.inclusive) {
      rec?.each(tr!.paths.total, tax, t.rates.length, tr!.paths.rateTax)
      return { tax, net: t.base, charges: cs }
    }
    // Each rate's pool rounds on its own: rounding up (ceil/up) a tiny inclusive gross's share of two
    // pools can exceed the gross (1 cent at 7 % + 100 %: 1 + 1 > 1). The tax an inclusive item holds
    // is at most its gross (net ≥ 0), and the net is what is left; then, taxed before discount, at
    // most its subtotal (the net it was charged on stays). The excess comes off the last rates.
    const pre = rec === undefined ? NO_TAXES : cs.map((c) => c.tax)
    const overGross = tax > t.base
    tax = cutToCap(cs, tax, t.base)
    const net = t.base - tax
    tax = cutToCap(cs, tax, t.cap ?? t.base)
    if (rec !== undefined) {
      const at = recordRates(rec, tr!, t, pre, cs, (j, x) => later![i]![j]!(x), grossLeft[i]!, grossPath(i))
      if (overGross) rec.fixed(tr!.paths.net, net, 'clamped', { inputs: [grossPath(i)] })
      else rec.sum(tr!.paths.net, net, [[tr!.base, 1], ...at.map((x) => [x, -1] as const)])
      for (let j = 0; j < t.rates.length; j++) rec.same(tr!.paths.rate(j).taxable_amount, net, tr!.paths.net, tr!.axes.taxable)
      rec.each(tr!.paths.total, tax, t.rates.length, tr!.paths.rateTax)
    }
    return { tax, net, charges: cs.map((c) => ({ ...c, taxable: net })) }
  })
}

/** Charges every taxable at the policy's level. */
export function chargeAll(items: readonly Taxable[], p: Policies, rec?: Recorder, trs?: readonly TaxTrace[], pool = ''): Charged[] {
  if (p.tax_rounding.document) return chargeDocument(items, p, rec, trs, pool)
  const out = new Array<Charged>(items.length)
  for (let i = 0; i < items.length; i++) out[i] = chargeOne(items[i]!, p, rec, trs?.[i])
  return out
}


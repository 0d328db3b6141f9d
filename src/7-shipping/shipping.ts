/**
 * Stage 7 — shipping, in four steps with explicit inputs, each returning its own record:
 *   1. `quoteShipping`: which methods are available and what each costs (its cost kind, the
 *      conversion, `free_over`), the chosen one (or an nShift quote);
 *   2. `shareShipping`: the order's shipping split over the shipped lines by their base;
 *   3. `discountShipping`: the accepted shipping discounts, each on the shipping still left;
 *   4. `taxShipping`: each line's shipping share taxed under the `shipping_tax` rule.
 */
import type { NNshift } from '../0-estimate/request'
import type { Converter } from '../2-currency/currency'
import type { Line } from '../3-lines/line'
import type { Taxed } from '../4-jurisdiction/jurisdiction'
import { shippingRatesFor } from '../4-jurisdiction/jurisdiction'
import { rateLists } from '../4-jurisdiction/rate-lists'
import { type AppliedDiscount, type ZeroParts, zeroExtra, zeroParts } from '../5-discounts/discounts'
import { chargeAll, SHIPPING_AXES, type Taxable, type TaxTrace } from '../6-taxes/charge'
import { outputRate, type LineTax } from '../6-taxes/taxes'
import { issue } from '../issues/issues'
import { allocate } from '../money/allocate'
import type { AxisName, Policies } from '../policies/axes'
import type { NRate, PreparedStore } from '../store/model'
import { discountPaths, linePaths, methodPaths, shippingRatePath } from '../trace/paths'
import { ROUNDED, type EntryExtra, type Recorder } from '../trace/recorder'
import type { TraceRule } from '../trace/types'
import type { Issue, LineDiscount, OutputShippingMethod, OutputTaxRate } from '../types/output'
import { nshiftMethod, nshiftRate } from './nshift'

/** Step 1's record: the offered methods, the chosen one and the order's shipping cost. */
export interface ShippingQuote {
  readonly hasShipping: boolean
  readonly rates: readonly OutputShippingMethod[]
  readonly method: OutputShippingMethod | null
  /** Σ quantity of the shipped lines. */
  readonly itemCount: number
  /** The order's shipping cost (0 without a method). */
  readonly cost: number
  /** Whether the shipping is tax-inclusive. */
  readonly inclusive: boolean
  /** The shipped lines' positions. */
  readonly shipped: readonly number[]
  /** The trace path of `cost`. */
  readonly costPath: string
}

/** What step 1 needs from the rest of the estimate. */
export interface QuoteContext {
  readonly currency: string
  readonly shipCountry: string
  readonly converter: Converter
  readonly policies: Policies
  readonly requested: string | null
  readonly nshift: NNshift | null
}


/**
 * Step 1: the methods available for this order (countries, a weight tier that covers it), each
 * one's cost in the transaction currency (free over its threshold, judged on the shipped lines'
 * `item_total_with_tax` after discounts), and the chosen one: `request.shipping.tamio`, else the
 * first available; an nShift quote replaces the method.
 */
export function quoteShipping(
  store: PreparedStore,
  lines: readonly Line[],
  taxed: readonly Taxed[],
  lineDiscount: readonly number[],
  lineTax: readonly LineTax[],
  ctx: QuoteContext,
  warnings: Issue[],
  rec?: Recorder,
): ShippingQuote {
  const shipped: number[] = []
  let itemCount = 0
  let units = 0
  let weight = 0
  let withTax = 0
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!
    if (!l.shipped) continue
    shipped.push(k)
    itemCount += l.quantity
    units += l.units
    weight += l.weight
    withTax += taxed[k]!.itemTotal - lineDiscount[k]! + (taxed[k]!.inclusive ? 0 : lineTax[k]!.tax)
  }
  if (shipped.length === 0) {
    rec?.fixed('$shipping.cost', 0, 'no_shipping')
    // Fresh arrays: no two responses share an object.
    return { hasShipping: false, rates: [], method: null, itemCount: 0, cost: 0, inclusive: false, shipped: [], costPath: '$shipping.cost' }
  }
  if (rec !== undefined) rec.sumOf('$shipping.with_tax', withTax, shipped.map((k) => linePaths(k).totals.item_total_with_tax))
  const offered: OutputShippingMethod[] = []
  const inclusiveOf: (boolean | null)[] = []
  for (const m of store.shippingMethods) {
    if (m.countries !== null && !m.countries.has(ctx.shipCountry)) continue
    const mp = rec === undefined ? undefined : methodPaths(m.index)
    const raw = mp?.cost ?? ''
    const own = m.kind.cost(m.spec, { units, weight }, rec, raw, rec === undefined ? '' : `store.${m.path}`)
    if (own === undefined) continue
    let cost = ctx.converter.convert(own, m.currency)
    const rate = ctx.converter.rate(m.currency)
    if (cost === undefined || rate === undefined) continue
    const at = rec === undefined ? '' : shippingRatePath(offered.length)
    const free = m.freeOver?.get(ctx.currency)
    if (free !== undefined && withTax >= free) {
      if (rec !== undefined) {
        rec.given(mp!.freeOver, free, `store.${m.path}.free_over.${ctx.currency}`)
        rec.fixed(at, 0, 'free_over', { inputs: ['$shipping.with_tax', mp!.freeOver] })
      }
      cost = 0
    } else if (rec !== undefined) {
      // Below its free_over threshold: the cost stands because of the lines' totals, so they are its inputs too.
      let below: EntryExtra | undefined
      if (free !== undefined) {
        rec.given(mp!.freeOver, free, `store.${m.path}.free_over.${ctx.currency}`)
        below = { inputs: ['$shipping.with_tax', mp!.freeOver] }
      }
      if (m.currency === ctx.currency) rec.same(at, cost, raw, below)
      else {
        const f = ctx.converter.factor(m.currency)!
        rec.round(at, cost, BigInt(own) * f.num, f.den, ctx.policies.rounding, [raw, `${f.num}/${f.den}`], undefined, below === undefined ? ROUNDED : { ...ROUNDED, ...below })
      }
    }
    offered.push({ id: m.id, label: m.label, bundling: m.bundling, type: m.type, cost, convert_from: m.currency, exchange_rate: rate })
    inclusiveOf.push(m.inclusive)
  }
  let chosen = offered.length > 0 ? 0 : -1
  if (ctx.requested !== null) {
    const hit = offered.findIndex((o) => o.id === ctx.requested)
    if (hit >= 0) chosen = hit
    else warnings.push(issue('shipping_method_unavailable', 'shipping.tamio', { id: ctx.requested }))
  }
  let method: OutputShippingMethod | null = chosen >= 0 ? offered[chosen]! : null
  let inclusive = (chosen >= 0 ? inclusiveOf[chosen] : null) ?? store.account.pricesIncludeTax
  let costPath = 'shipping.shipping_method.cost'
  if (ctx.nshift !== null) {
    // A quote has no `inclusive` of its own: like a method without one, it follows the account.
    method = nshiftMethod(ctx.nshift, ctx.currency, rec)
    inclusive = store.account.pricesIncludeTax
  } else if (method === null) {
    warnings.push(issue('no_shipping_method', 'shipping'))
    costPath = '$shipping.cost'
    rec?.fixed(costPath, 0, 'no_shipping')
  } else rec?.same(costPath, method.cost, shippingRatePath(chosen))
  return { hasShipping: true, rates: offered, method, itemCount, cost: method?.cost ?? 0, inclusive, shipped, costPath }
}

/**
 * Step 2: the order's shipping split over the shipped lines in proportion to their base (the
 * allocation rule; all-zero bases → by quantity). Returns each line's `shipping_subtotal`.
 */
export function shareShipping(q: ShippingQuote, lines: readonly Line[], taxed: readonly Taxed[], lineDiscount: readonly number[], p: Policies, rec?: Recorder): number[] {
  const subtotal = new Array<number>(lines.length).fill(0)
  if (q.shipped.length > 0) {
    const bases = q.shipped.map((k) => taxed[k]!.itemTotal - lineDiscount[k]!)
    const qty = q.shipped.map((k) => lines[k]!.quantity)
    const parts = allocate(q.cost, bases, qty, p.allocation, p.rounding)
    q.shipped.forEach((k, i) => (subtotal[k] = parts[i]!))
    if (rec !== undefined) {
      let sum = 0
      for (const b of bases) sum += b
      rec.split('shipping', {
        of: q.costPath,
        total: q.cost,
        by: sum > 0 ? 'base' : qty.some((x) => x > 0) ? 'quantity' : 'equal',
        weights: sum > 0 ? bases : qty,
        parts,
        rule: p.allocation.name,
        ...(p.allocation.name === 'carry' ? { rounding: p.rounding.name } : {}),
        inputs: q.shipped.map((k) => (sum > 0 ? linePaths(k).totals.subtotal : linePaths(k).quantity)),
      })
      q.shipped.forEach((k, i) => rec.share(linePaths(k).totals.shipping_subtotal, parts[i]!, 'shipping', i, splitAxes(p)))
    }
  }
  if (rec !== undefined) for (let k = 0; k < lines.length; k++) if (!lines[k]!.shipped || !q.hasShipping) rec.fixed(linePaths(k).totals.shipping_subtotal, 0, 'not_shipped')
  return subtotal
}

const NO_ENTRIES: readonly LineDiscount[] = []
const NO_SHARES: string[] = []
const NO_TERMS: readonly (readonly [string, 1 | -1])[] = []
const NO_AXES: readonly AxisName[] = []
const SPLIT = { policies: ['allocation' as const] }
const SPLIT_CARRY = { policies: ['allocation' as const, 'rounding' as const] }
/** The axes a share of a split depends on: the allocation rule, and the rounding mode under carry (its running shares are rounded). */
const splitAxes = (p: Policies) => (p.allocation.name === 'carry' ? SPLIT_CARRY : SPLIT)

/** Step 3's record. */
export interface ShippingDiscounts {
  /** Per line: the shipping discount it got in all. */
  readonly lineDiscount: readonly number[]
  /** Per line: its share of each shipping discount, in the order applied. */
  readonly lineEntries: readonly (readonly LineDiscount[])[]
  /** Per applied discount (by its index in `applied`): the shipping it took. */
  readonly amounts: readonly number[]
}

/**
 * Step 3: the accepted shipping discounts, in the order they were accepted, each on the shipping
 * still left (the kind decides the amount: all of it, a percentage, a fixed amount), capped by
 * `max_amount` and by what is left, and split over the lines' remaining shares (the allocation
 * rule). `itemEntries` gives how many discount entries each line already has (for trace paths).
 */
export function discountShipping(q: ShippingQuote, subtotal: readonly number[], applied: readonly AppliedDiscount[], itemEntries: readonly number[], currency: string, p: Policies, rec?: Recorder): ShippingDiscounts {
  const n = subtotal.length
  const lineDiscount = new Array<number>(n).fill(0)
  // Most lines get no shipping discount: they share one empty list (the output copies it).
  const lineEntries: LineDiscount[][] = new Array<LineDiscount[]>(n).fill(NO_ENTRIES as LineDiscount[])
  const amounts = new Array<number>(applied.length).fill(0)
  const shares: string[][] | undefined = rec === undefined ? undefined : new Array<string[]>(n).fill(NO_SHARES)
  const zeros: (ZeroParts | undefined)[] | undefined = rec === undefined ? undefined : new Array<ZeroParts | undefined>(n)
  applied.forEach((a, i) => {
    const d = a.discount
    const D = discountPaths(i)
    if (d.kind.target !== 'shipping') {
      rec?.sum(D!.shipping_amount, 0, NO_TERMS)
      return
    }
    rec?.sum(D!.amount, 0, NO_TERMS)
    const remaining = q.shipped.map((k) => subtotal[k]! - lineDiscount[k]!)
    let left = 0
    for (const x of remaining) left += x
    const leftPath = D?.remaining ?? ''
    if (rec !== undefined) {
      const terms: (readonly [string, 1 | -1])[] = []
      for (const k of q.shipped) {
        terms.push([linePaths(k).totals.shipping_subtotal, 1])
        for (const s of shares![k]!) terms.push([s, -1])
      }
      rec.sum(leftPath, left, terms)
    }
    let { amount, amountPath } = d.kind.shipping!(d, a.shippingFixed, left, leftPath, { policies: p, rec, paths: D! })
    const cap = d.maxAmount?.get(currency)
    if (cap !== undefined && amount > cap) {
      rec?.given(D!.capped, cap, `store.${d.source}.max_amount.${currency}`, { rule: 'max_amount', inputs: [amountPath] })
      amount = cap
      amountPath = D?.capped ?? ''
    }
    if (amount > left) {
      rec?.same(D!.cappedAtBase, left, leftPath, { rule: 'capped_at_base', inputs: [amountPath] })
      amount = left
      amountPath = D?.cappedAtBase ?? ''
    }
    if (amount <= 0) {
      if (rec !== undefined) {
        // Nothing taken, because nothing (or nothing more) was left: that decided every line's part.
        rec.sum(D!.shipping_amount, 0, NO_TERMS, { inputs: [amountPath, leftPath] })
        for (const k of q.shipped) zeroParts(zeros!, k, NO_AXES, [D!.shipping_amount])
      }
      return
    }
    // Capped at what is left or not, the amount was compared with it.
    rec?.same(D!.shipping_amount, amount, amountPath, { inputs: [leftPath] })
    const parts = allocate(amount, remaining, undefined, p.allocation, p.rounding)
    // Each part is decided by every line's remaining shipping (the weights), which the remaining total's terms name.
    const share = rec === undefined ? undefined : { policies: p.allocation.name === 'carry' ? SPLIT_CARRY.policies : SPLIT.policies, inputs: [leftPath] }
    if (rec !== undefined)
      rec.split(D!.shippingSplit, { of: D!.shipping_amount, total: amount, by: 'remaining shipping', weights: remaining, parts, rule: p.allocation.name, ...(p.allocation.name === 'carry' ? { rounding: p.rounding.name } : {}) })
    q.shipped.forEach((k, j) => {
      const part = parts[j]!
      if (part === 0) {
        // No entry for a zero part, but the split decided it: the line's shipping discount says so.
        if (rec !== undefined) zeroParts(zeros!, k, share!.policies, [D!.shipping_amount, leftPath])
        return
      }
      lineDiscount[k]! += part
      if (rec !== undefined) {
        const at = linePaths(k).entry(itemEntries[k]! + lineEntries[k]!.length)
        rec.share(at.shipping_amount, part, D!.shippingSplit, j, share)
        // The entry exists because its part is not zero.
        rec.sum(at.amount, 0, NO_TERMS, { inputs: [at.shipping_amount] })
        if (shares![k] === NO_SHARES) shares![k] = []
        shares![k]!.push(at.shipping_amount)
      }
      if (lineEntries[k] === NO_ENTRIES) lineEntries[k] = []
      lineEntries[k]!.push({ id: d.id, code: d.code, label: d.label, type: d.type, amount: 0, shipping_amount: part })
    })
    amounts[i] = amount
  })
  if (rec !== undefined) {
    // Which lines are shipped, looked up once per line (not searched for: a cart's lines × its shipped lines).
    const shipped = new Array<boolean>(n).fill(false)
    for (const k of q.shipped) shipped[k] = true
    for (let k = 0; k < n; k++) {
      if (shares![k]!.length === 0 && (!q.hasShipping || !shipped[k])) rec.fixed(linePaths(k).totals.shipping_discount, 0, 'not_shipped')
      else rec.sumOf(linePaths(k).totals.shipping_discount, lineDiscount[k]!, shares![k]!, undefined, zeroExtra(zeros![k]))
    }
  }
  return { lineDiscount, lineEntries, amounts }
}

/** Step 4's record for one line. */
export interface ShippingTax {
  readonly tax: number
  readonly net: number
  readonly inclusive: boolean
  readonly taxRates: readonly OutputTaxRate[]
}


/**
 * Step 4: each shipped line's shipping (`shipping_subtotal − shipping_discount`) taxed at the rates
 * the `shipping_tax` rule gives it (a `shipping`-category rate of its jurisdiction overrides the
 * goods' rates; an nShift quote brings its own rate), at the tax rounding level (shipping is its
 * own pool at `total`).
 */
export function taxShipping(
  store: PreparedStore,
  q: ShippingQuote,
  taxed: readonly Taxed[],
  shipping: readonly number[],
  nshift: NNshift | null,
  situation: { readonly reverseCharge: boolean; readonly exempt: boolean },
  p: Policies,
  warnings: Issue[],
  rec?: Recorder,
): ShippingTax[] {
  const n = taxed.length
  const out = new Array<ShippingTax>(n)
  const untaxed = (): void => {
    // Fresh rate lists for the lines not shipped: no two responses share an object.
    for (let k = 0; k < n; k++)
      if (out[k] === undefined) {
        out[k] = { tax: 0, net: 0, inclusive: false, taxRates: [] }
        rec?.fixed(linePaths(k).totals.shipping_tax, 0, 'not_shipped')
      }
  }
  if (q.shipped.length === 0) {
    untaxed()
    return out
  }
  const label = store.account.shippingTaxLabel
  const shipped = q.shipped
  const m = shipped.length
  const goodsOf = new Array<Taxed>(m)
  for (let i = 0; i < m; i++) goodsOf[i] = taxed[shipped[i]!]!
  const follow = p.shipping_tax.follow(goodsOf)
  // An nShift quote's rate, labelled with each line's (country) jurisdiction.
  let nshiftRates: Map<string, NRate | null> | undefined
  const nshiftFor = (t: Taxed): NRate | null => {
    const j = t.jurisdiction.slice(0, 2)
    nshiftRates ??= new Map()
    if (!nshiftRates.has(j)) nshiftRates.set(j, nshiftRate(nshift!, label, j))
    return nshiftRates.get(j)!
  }
  // A quote with a `taxRate` (0 included: untaxed carrier shipping) brings its own rate; without
  // one, shipping is taxed as for a store method.
  const quoted = nshift !== null && nshift.rate !== null
  // Lines of one jurisdiction with the same goods rates (one shared list) share the answer.
  const shippingRates = rateLists((jurisdiction, goods: readonly NRate[]) => shippingRatesFor(store, jurisdiction, goods, situation.reverseCharge))
  const items = new Array<Taxable>(m)
  const trs: TaxTrace[] | undefined = rec === undefined ? undefined : new Array<TaxTrace>(m)
  let compoundRate = false
  for (let i = 0; i < m; i++) {
    const k = shipped[i]!
    const t = goodsOf[i]!
    let rates: readonly NRate[] = []
    let none: TraceRule = 'no_rate'
    if (situation.exempt) none = 'tax_exempt'
    else if (quoted) {
      if (situation.reverseCharge) none = 'reverse_charge'
      else if (nshift!.rate!.num === 0) none = 'nshift_untaxed'
      else rates = [nshiftFor(t)!]
    } else {
      const goods = follow[i] ?? null
      if (goods === null) none = 'shipping_untaxed'
      else {
        rates = shippingRates(t.jurisdiction, goods)
        if (rates.length === 0 && situation.reverseCharge) none = 'reverse_charge'
      }
    }
    if (q.inclusive && !compoundRate) for (let j = 0; j < rates.length; j++) if (rates[j]!.compound) compoundRate = true
    items[i] = { base: shipping[k]!, quantity: 1, units: 0, rates, inclusive: q.inclusive }
    if (trs !== undefined) trs[i] = { paths: linePaths(k).shipping, base: linePaths(k).totals.shipping, none, axes: SHIPPING_AXES }
  }
  // A compound rate may tax exclusive lines only: on inclusive shipping it is extracted as a plain
  // rate, and the estimate says so.
  if (compoundRate) warnings.push(issue('compound_inclusive', 'shipping'))
  const charged = chargeAll(items, p, rec, trs, 'taxes.shipping_tax_rates')
  for (let i = 0; i < m; i++) {
    const c = charged[i]!
    const charges = c.charges
    const moss = goodsOf[i]!.moss
    // A `category: "shipping"` rate keeps its own label; goods rates take the shipping tax label.
    const rates = new Array<OutputTaxRate>(charges.length)
    for (let j = 0; j < charges.length; j++) {
      const x = charges[j]!
      rates[j] = outputRate(x, x.rate.category === 'shipping' ? x.rate.label : label, moss, q.inclusive)
    }
    out[shipped[i]!] = { tax: c.tax, net: c.net, inclusive: q.inclusive, taxRates: rates }
  }
  untaxed()
  return out
}

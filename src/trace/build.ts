/**
 * Builds the derivation trace from the pipeline's final state, once, at the end of `estimate`
 * (only with `options.trace: true`). Nothing here runs on the untraced path.
 *
 * The trace re-derives every amount from the lines' final state (prices, discounts, rates, shares),
 * the applied discounts, the shipping result and the policies, with exact fractions, and checks
 * each re-derived number against the pipeline's: an entry that disagrees is kept with the
 * pipeline's value and marked `unverified` (tests assert there are none).
 */
import { lcmBig } from '../money/rational'
import { eligible, type AppliedRecord } from '../5-discounts/discounts'
import { ratesFor } from '../4-jurisdiction/jurisdiction'
import type { LineState } from '../3-lines/line'
import { unitPriceIn } from '../3-lines/lines'
import { allocate, allocateBig, splitEvenly } from '../money/allocate'
import { conversionFactor } from '../money/convert'
import { currencyExponent } from '../money/currency'
import { extractInclusive } from '../money/inclusive'
import { Rounding, type RoundingMode, type RoundingModeName } from '../money/rounding'
import type { ShippingResult } from '../7-shipping/shipping'
import { type NShippingMethod, type Policies, type PreparedStore, ShippingTax, TaxLevel } from '../store/model'
import type { TaxRoundingLevel } from '../types/input'
import type { Issue, OutputTaxRate, Transaction } from '../types/output'
import { add, decimalText, div, type Frac, frac, fracText, int, mul, percentFrac, roundFrac } from './exact'
import { valueAt } from './path'
import type { Trace, TraceAllocation, TraceAlternative, TraceEntry, TraceOp, TraceSplit } from './types'

/** What the trace is built from: the pipeline's final state. */
export interface TraceSource {
  readonly store: PreparedStore
  readonly lines: readonly LineState[]
  readonly applied: readonly AppliedRecord[]
  readonly ship: ShippingResult
  readonly policies: Policies
  readonly currency: string
  readonly at: number
  readonly paymentMethod: string | null
  readonly strict: boolean
  readonly warnings: readonly Issue[]
  readonly transaction: Transaction
}

const LEVELS: readonly TaxRoundingLevel[] = ['line', 'unit', 'total']
const SHIPPING_TAX = ['proportional', 'highest', 'lowest', 'none'] as const

type Draft = {
  op: TraceOp
  value: number
  steps: string[]
  exact?: string
  decimal?: string
  rounding?: RoundingModeName
  level?: TaxRoundingLevel
  affine?: { offset: number; factor: number }
  inputs?: string[]
  terms?: (readonly [string, 1 | -1])[]
  allocation?: TraceAllocation
  alternatives?: TraceAlternative[]
  note?: string
  source?: string
}

const P = (i: number) => `products[${i}]`
/** Sums show at most this many of their terms' numbers (a 10,000-line cart stays readable). */
const SHOWN_TERMS = 12
const pct = (p: number | null) => `${p ?? 0}%`

class Builder {
  readonly map = new Map<string, TraceEntry>()
  readonly splits = new Map<string, TraceSplit>()
  constructor(private readonly tx: Transaction) {}

  /** The number the transaction holds at `path` (0 when absent or not a number). */
  val(path: string): number {
    const e = this.map.get(path)
    if (e !== undefined) return e.value
    const v = valueAt(this.tx, path)
    return typeof v === 'number' ? v : 0
  }

  /** Records `d` for `path`, checked against the transaction's own number. */
  put(path: string, d: Draft): void {
    const actual = valueAt(this.tx, path)
    if (typeof actual !== 'number') return
    if (d.value === actual) {
      this.map.set(path, d)
      return
    }
    const note = `${d.note !== undefined ? `${d.note}; ` : ''}the re-derivation gives ${d.value}`
    this.map.set(path, { ...d, value: actual, note, unverified: true })
  }

  get(path: string): TraceEntry | undefined {
    return this.map.get(path)
  }

  /** `value = Σ sign × term`, with the terms' numbers shown. */
  sum(path: string, label: string, terms: (readonly [string, 1 | -1])[], extra: Partial<Draft> = {}): void {
    let v = 0
    let text = ''
    terms.forEach(([t, s], i) => {
      const x = this.val(t)
      v += s * x
      if (i < SHOWN_TERMS) text += i === 0 ? (s < 0 ? `−${x}` : String(x)) : ` ${s < 0 ? '−' : '+'} ${x}`
      else if (i === SHOWN_TERMS) text += ` + … (${terms.length} terms)`
    })
    const steps = terms.length === 0 || (terms.length === 1 && terms[0]![1] === 1) || label === text ? [label] : [label, text]
    this.put(path, { op: 'sum', value: v, steps, terms, inputs: terms.map(([t]) => t), ...extra })
  }

  /** Copies the derivation of `from` (a single part) for `path`, which equals it. */
  same(path: string, from: string, label: string): void {
    const e = this.get(from)
    if (e === undefined || e.unverified === true) return this.sum(path, label, [[from, 1]])
    this.put(path, { ...(e as Draft), terms: [[from, 1]], inputs: [from] })
  }
}

/** An exact value rounded once with the account's mode. */
function rounded(expr: string, f: Frac, mode: RoundingMode, extra: Partial<Draft> = {}): Draft {
  const name = mode.name as RoundingModeName
  const dec = decimalText(f)
  return {
    op: 'round',
    value: roundFrac(f, mode),
    steps: [`round_${name}(${expr})`, `round(${dec})`],
    exact: fracText(f),
    decimal: dec,
    rounding: name,
    ...extra,
  }
}

/** Integer weights proportional to exact fractions (over their common denominator). */
function commonWeights(fs: readonly Frac[]): bigint[] {
  let l = 1n
  for (const f of fs) l = lcmBig(l, f.d)
  return fs.map((f) => f.n * (l / f.d))
}

/** Builds the trace. */
export function buildTrace(src: TraceSource): Trace {
  const { store, lines, policies, currency, transaction: tx } = src
  const b = new Builder(tx)
  const mode = policies.rounding
  const name = mode.name as RoundingModeName

  lines.forEach((l, i) => tracePrice(b, store, l, i, currency, policies))
  traceDiscounts(b, src)
  lines.forEach((_, i) => {
    const T = `${P(i)}.totals`
    b.sum(`${T}.subtotal`, 'item_total − discount', [[`${T}.item_total`, 1], [`${T}.discount`, -1]])
  })
  traceTaxes(
    b,
    lines.map((l, i) => ({
      ratesPath: `${P(i)}.taxes.tax_rates`,
      totalPath: `${P(i)}.totals.tax`,
      basePath: `${P(i)}.totals.subtotal`,
      baseLabel: 'subtotal',
      base: l.itemTotal - l.discount,
      q: l.quantity,
      units: l.units,
      inclusive: l.inclusive,
      outs: l.taxRates,
      none: noTaxReason(l, src.warnings),
    })),
    policies,
  )
  traceShipping(b, src)
  const shipped = lines.map((l, i) => ({ l, i })).filter((x) => x.l.shipped)
  traceTaxes(
    b,
    shipped.map(({ l, i }) => ({
      ratesPath: `${P(i)}.taxes.shipping_tax_rates`,
      totalPath: `${P(i)}.totals.shipping_tax`,
      basePath: `${P(i)}.totals.shipping`,
      baseLabel: 'shipping',
      base: l.shippingSubtotal - l.shippingDiscount,
      q: 1,
      units: 0,
      inclusive: l.shippingInclusive,
      outs: l.shippingTaxRates,
      none:
        policies.shippingTax === ShippingTax.None
          ? 'no tax (shipping_tax "none")'
          : l.shippingSubtotal - l.shippingDiscount === 0
            ? 'no shipping to tax'
            : 'no tax rate applies to shipping',
    })),
    policies,
  )

  lines.forEach((l, i) => {
    const T = `${P(i)}.totals`
    if (!l.shipped) b.put(`${T}.shipping_tax`, { op: 'given', value: 0, steps: ['0 (not shipped)'] })
    b.sum(`${T}.item_total_with_tax`, l.inclusive ? 'subtotal (tax included)' : 'subtotal + tax', l.inclusive ? [[`${T}.subtotal`, 1]] : [[`${T}.subtotal`, 1], [`${T}.tax`, 1]])
    b.sum(
      `${T}.shipping_total`,
      l.shippingInclusive ? 'shipping (tax included)' : 'shipping + shipping_tax',
      l.shippingInclusive ? [[`${T}.shipping`, 1]] : [[`${T}.shipping`, 1], [`${T}.shipping_tax`, 1]],
    )
    b.sum(`${T}.total`, 'item_total_with_tax + shipping_total', [[`${T}.item_total_with_tax`, 1], [`${T}.shipping_total`, 1]])
    if (l.moss) {
      b.put(`${T}.moss_taxable_amount`, { op: 'sum', value: l.net + l.shippingNet, steps: ['net of the goods + net of the shipping share (OSS)', `${l.net} + ${l.shippingNet}`] })
      b.sum(`${T}.moss_tax_total`, 'tax + shipping_tax (OSS)', [[`${T}.tax`, 1], [`${T}.shipping_tax`, 1]])
    } else {
      b.put(`${T}.moss_taxable_amount`, { op: 'given', value: 0, steps: ['0 (not taxed under OSS)'] })
      b.put(`${T}.moss_tax_total`, { op: 'given', value: 0, steps: ['0 (not taxed under OSS)'] })
    }
  })

  // Transaction totals: exact sums over the lines.
  const SUMMED = [
    'item_total', 'discount', 'subtotal', 'tax', 'item_total_with_tax', 'shipping_subtotal', 'shipping_discount',
    'shipping', 'shipping_tax', 'shipping_total', 'moss_taxable_amount', 'moss_tax_total',
  ] as const
  for (const k of SUMMED) b.sum(`totals.${k}`, `Σ products[].totals.${k}`, lines.map((_, i) => [`${P(i)}.totals.${k}`, 1] as const))
  b.sum('totals.item_count', 'Σ products[].quantity', lines.map((_, i) => [`${P(i)}.quantity`, 1] as const))
  const trial = lines.map((l, i) => ({ l, i })).filter((x) => x.l.subscriptionTrial)
  if (trial.length === 0) b.put('totals.trial_deductions', { op: 'given', value: 0, steps: ['0 (no subscription line in a trial period)'] })
  else b.sum('totals.trial_deductions', 'Σ total of subscription lines in a trial period', trial.map((x) => [`${P(x.i)}.totals.total`, 1] as const))
  b.sum('totals.total', 'Σ products[].totals.total − trial_deductions', [...lines.map((_, i) => [`${P(i)}.totals.total`, 1] as const), ['totals.trial_deductions', -1]])

  traceAggregates(b, lines, tx)
  traceInstalments(b, src)

  const o = policies
  return {
    version: 1,
    currency,
    options: {
      at: new Date(src.at).toISOString(),
      payment_method: src.paymentMethod,
      strict: src.strict,
      rounding: name,
      tax_rounding: LEVELS[o.taxLevel]!,
      shipping_tax: SHIPPING_TAX[o.shippingTax]!,
      inclusive_rounding: o.inclusiveTarget,
      inclusive_cross_border: o.keepNet ? 'keep_net' : 'keep_gross',
      instalment_rounding: o.instalmentExact ? 'exact' : 'tamio',
    },
    amounts: Object.fromEntries(b.map),
    splits: Object.fromEntries(b.splits),
  }
}

function noTaxReason(l: LineState, warnings: readonly Issue[]): string {
  if (warnings.some((w) => w.code === 'tax_exempt')) return '0 (the customer is tax exempt)'
  if (warnings.some((w) => w.code === 'reverse_charge')) return '0 (reverse charge: VAT is not charged)'
  return `0 (no tax rate for jurisdiction ${l.jurisdiction}, category ${JSON.stringify(l.category)})`
}

/** unit_price and item_total of one line. */
function tracePrice(b: Builder, store: PreparedStore, l: LineState, i: number, currency: string, policies: Policies): void {
  const T = `${P(i)}.totals`
  if (l.product === null) {
    b.put(`${T}.unit_price`, { op: 'given', value: l.unitPrice, steps: ["the request's price"], source: `request.${l.path}.price` })
  } else {
    const ref = { index: l.index, path: l.path, product: l.product, variant: l.variant, pack: l.pack, name: null, price: 0, quantity: l.quantity }
    const source = `store: ${l.pack !== null ? `pack ${l.pack.id}` : l.variant !== null ? `variant ${l.variant.id}` : `product ${l.product.id}`}`
    const catalog = unitPriceIn(ref, currency)
    let draft: Draft
    let price: number | undefined = catalog
    if (catalog !== undefined && !l.priceConversion) {
      draft = { op: 'given', value: catalog, steps: [`catalog price in ${currency}`], source }
      if (l.variant !== null && l.product.deltaPricing && l.pack === null) {
        const base = l.product.prices.get(currency) ?? 0
        draft.steps = ['product price + variant delta', `${base} + ${catalog - base}`]
      } else if (l.pack !== null && l.pack.prices?.get(currency) === undefined) {
        draft.steps = [l.pack.items !== null ? 'Σ variant price × units in the pack' : `unit price × ${l.pack.units} units in the pack`]
      }
    } else {
      // Converted: find the currency it was converted from (the one whose converted price matches).
      const candidates = [l.product.defaultCurrency, ...l.product.prices.keys(), ...(l.variant?.prices.keys() ?? []), ...(l.pack?.prices?.keys() ?? [])]
      const to = store.exchange.rates.get(currency)
      draft = { op: 'given', value: l.unitPrice, steps: ['converted price'], source }
      price = undefined
      for (const from of new Set(candidates)) {
        if (from === null || from === currency || to === undefined) continue
        const amount = unitPriceIn(ref, from)
        const rate = store.exchange.rates.get(from)
        if (amount === undefined || rate === undefined) continue
        const f = conversionFactor(rate, to, currencyExponent(from), currencyExponent(currency))
        const exact = mul(int(amount), frac(f.num, f.den))
        const d = rounded(`${amount} ${from} × ${decimalText(frac(f.num, f.den))}`, exact, policies.rounding, {
          source: `${source}, converted from ${from} at ${l.exchangeRate ?? '?'} ${currency}/${from}`,
          note: `exchange rate ${l.exchangeRate ?? '?'} (minor units × ${decimalText(frac(f.num, f.den))})`,
        })
        if (price === undefined || d.value === l.unitPrice) {
          draft = d
          price = d.value
        }
        if (d.value === l.unitPrice) break
      }
    }
    if (price !== undefined && price !== l.unitPrice && !l.inclusive) {
      // Re-priced to the origin net (keep_net or reverse charge) by the jurisdiction stage.
      const origin = ratesFor(store, store.account.country, l.category)
      let gross = price
      const perLine = l.units / l.quantity
      let R = frac(0)
      for (const r of origin) {
        if (r.amount !== null) gross -= r.amount * perLine
        else if (r.percent !== null) R = add(R, frac(r.percent.num, r.percent.den))
      }
      draft =
        R.n === 0n || gross <= 0
          ? { op: 'given', value: Math.max(gross, 0), steps: [`origin net: ${price} less fixed amounts`] }
          : rounded(`${gross} / ${decimalText(add(frac(1), R))}`, div(int(gross), add(frac(1), R)), policies.rounding, {
              note: `the inclusive price ${price} (${draft.steps[0]}) re-priced to its ${store.account.country} net (keep_net, reverse charge or tax exemption)`,
            })
    }
    b.put(`${T}.unit_price`, draft)
  }
  b.put(`${T}.item_total`, {
    op: 'product',
    value: l.unitPrice * l.quantity,
    steps: ['unit_price × quantity', `${l.unitPrice} × ${l.quantity}`],
    inputs: [`${T}.unit_price`, `${P(i)}.quantity`],
  })
}

/** Item discounts (replayed in the order they were applied) and the shipping discounts' split. */
function traceDiscounts(b: Builder, src: TraceSource): void {
  const { lines, applied, policies } = src
  const mode = policies.rounding
  const running = lines.map(() => 0)
  const next = lines.map(() => 0)
  applied.forEach((a, k) => {
    const d = a.discount
    if (d.type === 'free_shipping' || d.type === 'shipping') return
    const idx: number[] = []
    const bases: number[] = []
    lines.forEach((l, i) => {
      if (!eligible(d, l)) return
      idx.push(i)
      bases.push(l.itemTotal - running[i]!)
    })
    let base = 0
    for (const x of bases) base += x
    const D = `discounts[${k}]`
    let draft: Draft
    if (d.type === 'percent' && d.value !== null) {
      draft = rounded(`${base} × ${d.valueNumber ?? decimalText(frac(d.value.num * 100, d.value.den))}%`, mul(int(base), frac(d.value.num, d.value.den)), mode, {
        note: `base: Σ eligible lines' subtotal before this discount = ${base}`,
      })
    } else draft = { op: 'given', value: a.amount, steps: [`fixed amount ${a.amount}`], source: `store: discount ${d.code ?? d.id ?? d.label}` }
    const cap = d.maxAmount?.get(src.currency)
    if (cap !== undefined && draft.value > cap) draft = { ...draft, value: cap, note: `${draft.note ?? ''}${draft.note ? '; ' : ''}capped at max_amount ${cap}` }
    if (draft.value > base) draft = { ...draft, value: base, note: `${draft.note ?? ''}${draft.note ? '; ' : ''}capped at the base ${base}` }
    b.put(`${D}.amount`, draft)
    const parts = allocate(a.amount, bases)
    const sp = split(b, `${D}.amount`, `${D}.amount`, a.amount, 'base', bases, parts)
    idx.forEach((i, j) => {
      const part = parts[j]!
      running[i]! += part
      if (part === 0) return
      b.put(`${P(i)}.discounts[${next[i]!++}].amount`, share(sp, j))
    })
  })
  // Line discount totals.
  lines.forEach((l, i) => {
    const terms = l.discounts.map((_, j) => [`${P(i)}.discounts[${j}].amount`, 1] as const).filter((_, j) => l.discounts[j]!.amount !== 0)
    if (terms.length === 0) b.put(`${P(i)}.totals.discount`, { op: 'given', value: 0, steps: ['0 (no discount applied to this line)'] })
    else if (terms.length === 1) b.same(`${P(i)}.totals.discount`, terms[0]![0], 'the one discount share')
    else b.sum(`${P(i)}.totals.discount`, 'Σ discounts[].amount', terms)
  })
}

/** A split registered once in the trace; its parts' entries come from {@link share}. */
interface Split {
  readonly key: string
  readonly of: string
  readonly total: number
  readonly by: string
  readonly weights: readonly (number | bigint)[]
  readonly parts: readonly number[]
  readonly sum: bigint
}

function split(b: Builder, key: string, of: string, total: number, by: string, weights: readonly (number | bigint)[], parts: readonly number[]): Split {
  let sum = 0n
  for (const w of weights) sum += BigInt(w)
  const s: Split = { key, of, total, by: sum === 0n ? 'equal' : by, weights, parts, sum }
  b.splits.set(key, { of, total, by: s.by, weights: weights.map((x) => String(x)), parts: [...parts] })
  return s
}

/** One part of a largest-remainder split. */
function share(s: Split, index: number): Draft {
  const w = BigInt(s.weights[index]!)
  const allocation: TraceAllocation = { split: s.key, index, of: s.of, total: s.total, by: s.by }
  if (s.weights.length === 1) return { op: 'allocate', value: s.parts[index]!, steps: [`all of ${s.of} (the only part)`], inputs: [s.of], allocation }
  const exact = s.sum === 0n ? frac(s.total, s.weights.length) : frac(BigInt(s.total) * w, s.sum)
  const dec = decimalText(exact)
  return {
    op: 'allocate',
    value: s.parts[index]!,
    steps: [s.sum === 0n ? `${s.total} / ${s.weights.length} (equal split)` : `${s.total} × ${w} / ${s.sum} (split of ${s.of} by ${s.by})`, `largest_remainder(${dec})`],
    exact: fracText(exact),
    decimal: dec,
    inputs: [s.of],
    allocation,
  }
}

function rawCostSteps(m: NShippingMethod, units: number, weight: number): { value: number | undefined; step: string } {
  if (m.type === 'fixed') return { value: m.cost, step: `fixed cost ${m.cost} ${m.currency}` }
  if (m.type === 'per_item') {
    if (units === 0) return { value: 0, step: '0 (no shipped unit)' }
    const addl = m.additionalItemCost ?? m.cost
    return { value: m.cost + addl * (units - 1), step: `${m.cost} + ${addl} × (${units} − 1) (per item, ${m.currency})` }
  }
  for (const t of m.tiers ?? []) if (t.upTo === null || weight <= t.upTo) return { value: t.cost, step: `tier up to ${t.upTo ?? '∞'} g for ${weight} g: ${t.cost} ${m.currency}` }
  return { value: undefined, step: 'no weight tier' }
}

/** Method costs, the split over the shipped lines and the shipping discounts. */
function traceShipping(b: Builder, src: TraceSource): void {
  const { store, lines, ship, currency, policies, applied } = src
  const shipped = lines.map((l, i) => ({ l, i })).filter((x) => x.l.shipped)
  lines.forEach((l, i) => {
    if (l.shipped) return
    for (const k of ['shipping_subtotal', 'shipping_discount', 'shipping'] as const)
      b.put(`${P(i)}.totals.${k}`, { op: 'given', value: 0, steps: ['0 (not shipped)'] })
  })
  if (!ship.hasShipping) return
  let units = 0
  let weight = 0
  let withTax = 0
  for (const { l } of shipped) {
    units += l.units
    weight += l.weight
    withTax += l.itemTotal - l.discount + (l.inclusive ? 0 : l.tax)
  }
  ship.rates.forEach((r, k) => {
    const m = store.shippingById.get(r.id)
    if (m === undefined) return
    const raw = rawCostSteps(m, units, weight)
    let d: Draft = { op: 'given', value: raw.value ?? r.cost, steps: [raw.step], source: `store: shipping method ${m.id}` }
    const to = store.exchange.rates.get(currency)
    const fromRate = store.exchange.rates.get(m.currency)
    if (m.currency !== currency && raw.value !== undefined && to !== undefined && fromRate !== undefined) {
      const f = conversionFactor(fromRate, to, currencyExponent(m.currency), currencyExponent(currency))
      d = rounded(`${raw.value} ${m.currency} × ${decimalText(frac(f.num, f.den))}`, mul(int(raw.value), frac(f.num, f.den)), policies.rounding, {
        note: `${raw.step}; converted at ${r.exchange_rate} ${currency}/${m.currency}`,
        source: `store: shipping method ${m.id}`,
      })
    }
    const free = m.freeOver?.get(currency)
    if (free !== undefined && withTax >= free) d = { op: 'given', value: 0, steps: [`0 (free over ${free}: the shipped lines' item_total_with_tax ${withTax} reaches it)`], source: d.source ?? '' }
    b.put(`shipping.shipping_rates[${k}].cost`, d)
  })
  const method = ship.method
  if (method !== null) {
    const k = ship.rates.findIndex((r) => r.id === method.id)
    if (k >= 0 && method.type !== 'nshift') b.same('shipping.shipping_method.cost', `shipping.shipping_rates[${k}].cost`, 'the chosen method')
    else b.put('shipping.shipping_method.cost', { op: 'given', value: method.cost, steps: ['nShift quote: price + Σ add-on prices'], source: 'request.shipping.nshift' })
  }
  const total = method?.cost ?? 0
  const of = method === null ? '0 (no shipping method)' : 'shipping.shipping_method.cost'
  const weights = shipped.map((x) => x.l.itemTotal - x.l.discount)
  const qty = shipped.map((x) => x.l.quantity)
  let sumW = 0
  for (const w of weights) sumW += w
  const by = sumW > 0 ? 'base' : 'quantity'
  const w = sumW > 0 ? weights : qty
  const parts = allocate(total, weights, qty)
  const sp = split(b, 'shipping', of, total, by, w, parts)
  shipped.forEach(({ i }, j) => b.put(`${P(i)}.totals.shipping_subtotal`, share(sp, j)))

  // Shipping discounts, each split over the remaining shares.
  const running = shipped.map(() => 0)
  const next = lines.map((l) => l.discounts.filter((x) => x.amount !== 0).length)
  applied.forEach((a, k) => {
    const d = a.discount
    if (d.type !== 'free_shipping' && d.type !== 'shipping') return
    const D = `discounts[${k}]`
    const remaining = shipped.map((x, j) => x.l.shippingSubtotal - running[j]!)
    let left = 0
    for (const x of remaining) left += x
    let draft: Draft
    if (d.type === 'free_shipping') draft = { op: 'given', value: left, steps: [`the whole remaining shipping ${left} (free shipping)`] }
    else if (d.value !== null)
      draft = rounded(`${left} × ${d.valueNumber ?? '?'}%`, mul(int(left), frac(d.value.num, d.value.den)), policies.rounding)
    else draft = { op: 'given', value: a.shippingAmount, steps: [`fixed amount ${a.shippingAmount} off shipping`] }
    const cap = d.maxAmount?.get(currency)
    if (cap !== undefined && draft.value > cap) draft = { ...draft, value: cap, note: `capped at max_amount ${cap}` }
    if (draft.value > left) draft = { ...draft, value: left, note: `capped at the shipping ${left}` }
    b.put(`${D}.shipping_amount`, draft)
    if (a.shippingAmount === 0) return
    const ps = allocate(a.shippingAmount, remaining)
    const sp = split(b, `${D}.shipping_amount`, `${D}.shipping_amount`, a.shippingAmount, 'remaining shipping', remaining, ps)
    shipped.forEach(({ i }, j) => {
      const part = ps[j]!
      running[j]! += part
      if (part === 0) return
      b.put(`${P(i)}.discounts[${next[i]!++}].shipping_amount`, share(sp, j))
    })
  })
  shipped.forEach(({ l, i }) => {
    const T = `${P(i)}.totals`
    const terms = l.discounts.map((x, j) => ({ x, j })).filter(({ x }) => x.shipping_amount !== 0).map(({ j }) => [`${P(i)}.discounts[${j}].shipping_amount`, 1] as const)
    if (terms.length === 0) b.put(`${T}.shipping_discount`, { op: 'given', value: 0, steps: ['0 (no shipping discount)'] })
    else b.sum(`${T}.shipping_discount`, 'Σ discounts[].shipping_amount', terms)
    b.sum(`${T}.shipping`, 'shipping_subtotal − shipping_discount', [[`${T}.shipping_subtotal`, 1], [`${T}.shipping_discount`, -1]])
  })
}

interface TaxItem {
  readonly ratesPath: string
  readonly totalPath: string
  readonly basePath: string
  readonly baseLabel: string
  readonly base: number
  readonly q: number
  readonly units: number
  readonly inclusive: boolean
  readonly outs: readonly OutputTaxRate[]
  readonly none: string
}

/** Taxes of goods or of shipping shares, at the policy's level. */
function traceTaxes(b: Builder, items: readonly TaxItem[], p: Policies): void {
  const mode = p.rounding
  const name = mode.name as RoundingModeName
  const level = LEVELS[p.taxLevel]!
  const prep = items.map((it) => {
    let gross = it.base
    const fixed = new Map<number, number>()
    const pk: number[] = []
    let R = frac(0)
    it.outs.forEach((o, k) => {
      if (o.rate_amount !== null) {
        const raw = it.units === 0 ? 0 : o.rate_amount * it.units
        const a = it.inclusive ? Math.min(raw, Math.max(gross, 0)) : raw
        if (it.inclusive) gross -= a
        fixed.set(k, a)
      } else {
        pk.push(k)
        R = add(R, percentFrac(o.rate_percent ?? 0))
      }
    })
    return { gross, fixed, pk, R }
  })
  // Fixed amounts and taxable amounts.
  items.forEach((it, i) => {
    const x = prep[i]!
    for (const [k, a] of x.fixed) {
      const o = it.outs[k]!
      b.put(`${it.ratesPath}[${k}].tax`, {
        op: 'product',
        value: a,
        steps: it.units === 0 ? ['0 (a fixed amount never applies to shipping)'] : [`${o.rate_amount} × ${it.units} units`],
        ...(it.inclusive ? { note: 'a fixed amount comes out of the gross first' } : {}),
      })
    }
  })
  if (p.taxLevel === TaxLevel.Total) tracePooled(b, items, prep, mode, name)
  else
    items.forEach((it, i) => {
      const x = prep[i]!
      const unit = p.taxLevel === TaxLevel.Unit && it.q > 1
      if (!it.inclusive) {
        for (const k of x.pk) {
          const o = it.outs[k]!
          const r = percentFrac(o.rate_percent ?? 0)
          const prior = o.taxable_amount - it.base
          const baseExpr = prior !== 0 ? `(${it.base} + ${prior})` : `${it.base}`
          const lineF = mul(int(o.taxable_amount), r)
          const path = `${it.ratesPath}[${k}].tax`
          const inputs = [it.basePath]
          if (unit) {
            const f = div(lineF, int(it.q))
            const d = rounded(`(${baseExpr} / ${it.q}) × ${pct(o.rate_percent)}`, f, mode, {
              level,
              inputs,
              affine: { offset: 0, factor: it.q },
              alternatives: [{ option: 'tax_rounding', choice: 'line', value: roundFrac(lineF, mode) }],
            })
            b.put(path, { ...d, value: d.value * it.q, steps: [`${d.steps[0]} × ${it.q}`, `${d.steps[1]} × ${it.q}`] })
          } else {
            const alternatives = it.q > 1 ? [{ option: 'tax_rounding', choice: 'unit', value: roundFrac(div(lineF, int(it.q)), mode) * it.q }] : []
            b.put(path, rounded(`${baseExpr} × ${pct(o.rate_percent)}`, lineF, mode, { level, inputs, ...(alternatives.length > 0 ? { alternatives } : {}) }))
          }
        }
      } else if (x.pk.length > 0) {
        const onePlus = add(frac(1), x.R)
        const g = x.gross
        let taxTotal: number
        let d: Draft
        if (p.inclusiveTarget === 'net') {
          const f = unit ? div(int(g), mul(onePlus, int(it.q))) : div(int(g), onePlus)
          const r = rounded(unit ? `(${g} / ${it.q}) / ${decimalText(onePlus)}` : `${g} / ${decimalText(onePlus)}`, f, mode)
          const net = r.value * (unit ? it.q : 1)
          taxTotal = g - net
          const m = unit ? ` × ${it.q}` : ''
          d = { ...r, value: taxTotal, steps: [`${g} − ${r.steps[0]}${m}`, `${g} − ${r.steps[1]}${m}`], affine: { offset: g, factor: unit ? -it.q : -1 }, level, note: 'inclusive: tax = gross − rounded net' }
        } else {
          const f = unit ? div(mul(int(g), x.R), mul(onePlus, int(it.q))) : div(mul(int(g), x.R), onePlus)
          const r = rounded(`${g} × ${decimalText(x.R)} / ${decimalText(onePlus)}${unit ? ` / ${it.q}` : ''}`, f, mode)
          taxTotal = r.value * (unit ? it.q : 1)
          d = { ...r, value: taxTotal, steps: unit ? [`${r.steps[0]} × ${it.q}`, `${r.steps[1]} × ${it.q}`] : r.steps, affine: { offset: 0, factor: unit ? it.q : 1 }, level, note: 'inclusive (inclusive_rounding "tax"): the tax is rounded' }
        }
        if (x.pk.length === 1) b.put(`${it.ratesPath}[${x.pk[0]!}].tax`, { ...d, inputs: [it.basePath] })
        else {
          const rates = x.pk.map((k) => percentFrac(it.outs[k]!.rate_percent ?? 0))
          let parts: number[]
          let weights: readonly bigint[]
          if (unit) {
            const lineLevel = extractInclusive(g, rates.map((r) => ({ num: Number(r.n), den: Number(r.d) })), mode, p.inclusiveTarget).taxes
            weights = lineLevel.map((t) => BigInt(Math.max(t, 0)))
            parts = allocateBig(taxTotal, weights)
          } else {
            weights = commonWeights(rates)
            parts = allocate(taxTotal, weights.map(Number))
          }
          const sp = split(b, `${it.totalPath} by rate`, it.totalPath, taxTotal, 'rate', weights, parts)
          x.pk.forEach((k, j) => {
            const s = share(sp, j)
            b.put(`${it.ratesPath}[${k}].tax`, { ...s, steps: [`part ${j + 1} of (${d.steps[0]}) = part ${j + 1} of ${taxTotal}`, ...s.steps.slice(1)], level })
          })
        }
      }
    })
  // taxable amounts and the line total
  items.forEach((it) => {
    it.outs.forEach((o, k) => {
      const path = `${it.ratesPath}[${k}].taxable_amount`
      if (it.inclusive) b.put(path, { op: 'sum', value: o.taxable_amount, steps: [`the net of the gross ${it.base}`] })
      else if (o.rate_amount === null && o.taxable_amount !== it.base)
        b.put(path, { op: 'sum', value: o.taxable_amount, steps: [`${it.baseLabel} + the rounded taxes before this compound rate`, `${it.base} + ${o.taxable_amount - it.base}`] })
      else b.put(path, { op: 'sum', value: it.base, steps: [it.baseLabel], terms: [[it.basePath, 1]], inputs: [it.basePath] })
    })
    if (it.outs.length === 0) b.put(it.totalPath, { op: 'given', value: 0, steps: [it.none] })
    else if (it.outs.length === 1) b.same(it.totalPath, `${it.ratesPath}[0].tax`, 'the one rate')
    else b.sum(it.totalPath, 'Σ rates', it.outs.map((_, k) => [`${it.ratesPath}[${k}].tax`, 1] as const))
  })
}

/** Document level: one rounding per rate over all taxables, split back by exact tax. */
function tracePooled(
  b: Builder,
  items: readonly TaxItem[],
  prep: readonly { gross: number; pk: number[]; R: Frac }[],
  mode: RoundingMode,
  name: RoundingModeName,
): void {
  const pools = new Map<string, { rate: number | null; members: { i: number; k: number; f: Frac }[] }>()
  items.forEach((it, i) => {
    const x = prep[i]!
    for (const k of x.pk) {
      const o = it.outs[k]!
      const key = `${o.id ?? ''}\u0000${o.label}\u0000${o.rate_percent ?? ''}\u0000${o.jurisdiction}\u0000${o.moss}`
      const r = percentFrac(o.rate_percent ?? 0)
      const f = it.inclusive ? div(mul(int(x.gross), r), add(frac(1), x.R)) : mul(int(o.taxable_amount), r)
      let pool = pools.get(key)
      if (pool === undefined) pools.set(key, (pool = { rate: o.rate_percent, members: [] }))
      pool.members.push({ i, k, f })
    }
  })
  let poolIndex = 0
  for (const pool of pools.values()) {
    let sum = frac(0)
    for (const m of pool.members) sum = add(sum, m.f)
    const pooled = roundFrac(sum, mode)
    const weights = commonWeights(pool.members.map((m) => m.f))
    const parts = allocateBig(pooled, weights)
    let weightSum = 0n
    for (const w of weights) weightSum += w
    const splitKey = `${items[pool.members[0]!.i]!.ratesPath.replace(/^products\[\d+\]\./, '')} pool ${poolIndex++}`
    b.splits.set(splitKey, { of: `Σ ${pct(pool.rate)} tax`, total: pooled, by: 'exact tax', weights: pool.members.map((x) => decimalText(x.f)), parts: [...parts] })
    const over = `Σ ${pct(pool.rate)} tax over ${pool.members.length} taxable${pool.members.length === 1 ? '' : 's'}`
    const of = `round_${name}(${over}) = round(${decimalText(sum)}) = ${pooled}`
    pool.members.forEach((m, j) => {
      const it = items[m.i]!
      const dec = decimalText(m.f)
      b.put(`${it.ratesPath}[${m.k}].tax`, {
        op: 'allocate',
        value: parts[j]!,
        steps: pool.members.length === 1 ? [`round_${name}(${over})`, `round(${decimalText(sum)})`] : [`share of ${of}, by exact tax`, `largest_remainder(${decimalText(frac(BigInt(pooled) * weights[j]!, weightSum || 1n))})`],
        exact: fracText(m.f),
        decimal: dec,
        rounding: name,
        level: 'total',
        inputs: [it.basePath],
        allocation: { split: splitKey, index: j, of, total: pooled, by: 'exact tax' },
        ...(it.inclusive ? {} : { alternatives: [{ option: 'tax_rounding', choice: 'line', value: roundFrac(m.f, mode) }] }),
      })
    })
  }
}

/** `transaction.taxes.*`: the lines' rates aggregated by identity. */
function traceAggregates(b: Builder, lines: readonly LineState[], tx: Transaction): void {
  const key = (r: OutputTaxRate) => `${r.id ?? ''}\u0000${r.label}\u0000${r.rate_percent ?? ''}\u0000${r.rate_amount ?? ''}\u0000${r.jurisdiction}`
  for (const kind of ['tax_rates', 'shipping_tax_rates'] as const) {
    tx.taxes[kind].forEach((agg, a) => {
      for (const field of ['tax', 'taxable_amount'] as const) {
        const terms: (readonly [string, 1])[] = []
        lines.forEach((l, i) => {
          const outs = kind === 'tax_rates' ? l.taxRates : l.shippingTaxRates
          outs.forEach((r, k) => {
            if (key(r) === key(agg)) terms.push([`${P(i)}.taxes.${kind}[${k}].${field}`, 1])
          })
        })
        const path = `taxes.${kind}[${a}].${field}`
        if (terms.length === 1) b.same(path, terms[0]![0], 'the one line')
        else b.sum(path, `Σ over the lines' ${kind}`, terms)
      }
    })
  }
}

function traceInstalments(b: Builder, src: TraceSource): void {
  const tx = src.transaction
  const mode = src.policies.rounding
  const total = tx.totals.total
  tx.instalments.forEach((o, k) => {
    const plan = src.store.plans.find((p) => p.id === o.id)
    if (plan === undefined) return
    const I = `instalments[${k}]`
    const n = plan.instalments
    b.put(`${I}.interest`, rounded(`${total} × ${decimalText(frac(BigInt(plan.interest.num) * 100n, plan.interest.den), 20)}%`, mul(int(total), frac(plan.interest.num, plan.interest.den)), mode, { inputs: ['totals.total'] }))
    const interest = o.interest
    const T = total + interest
    b.put(`${I}.upfront_amount`, rounded(`(${total} + ${interest}) × ${o.upfront}%`, mul(int(T), frac(plan.upfront.num, plan.upfront.den)), mode, { inputs: ['totals.total', `${I}.interest`] }))
    const upfront = o.upfront_amount
    const rest = T - upfront
    const each = rounded(`(${T} − ${upfront}) / ${n}`, frac(rest, n), Rounding.Floor, { inputs: [`${I}.upfront_amount`] })
    b.put(`${I}.instalments_amount`, { ...each, steps: [`round_floor((${T} − ${upfront}) / ${n})`, `round(${each.decimal ?? ''})`], rounding: 'floor' })
    const tamio = upfront + n * o.instalments_amount
    const dropped = rest - n * o.instalments_amount
    if (src.policies.instalmentExact)
      b.put(`${I}.total_amount`, {
        op: 'sum',
        value: T,
        steps: ['total + interest', `${total} + ${interest}`],
        inputs: ['totals.total', `${I}.interest`],
        note: `instalment_rounding "exact": the ${dropped} leftover cent(s) go to the first instalments`,
        alternatives: [{ option: 'instalment_rounding', choice: 'tamio', value: tamio }],
      })
    else
      b.put(`${I}.total_amount`, {
        op: 'sum',
        value: tamio,
        steps: ['upfront_amount + instalments × instalments_amount', `${upfront} + ${n} × ${o.instalments_amount}`],
        inputs: [`${I}.upfront_amount`, `${I}.instalments_amount`],
        note: `instalment_rounding "tamio" (the API's): ${dropped} cent(s) of total + interest = ${T} are dropped`,
        alternatives: [{ option: 'instalment_rounding', choice: 'exact', value: T }],
      })
    b.same(`${I}.schedule[0].amount`, `${I}.upfront_amount`, 'the upfront amount')
    const amounts = src.policies.instalmentExact ? splitEvenly(rest, n) : new Array<number>(n).fill(o.instalments_amount)
    for (let j = 1; j <= n; j++) {
      const path = `${I}.schedule[${j}].amount`
      if (src.policies.instalmentExact)
        b.put(path, { op: 'allocate', value: amounts[j - 1]!, steps: [`${rest} split evenly over ${n} instalments (the first ${dropped} get one cent more)`], inputs: [`${I}.upfront_amount`] })
      else b.same(path, `${I}.instalments_amount`, 'instalments_amount')
    }
  })
}

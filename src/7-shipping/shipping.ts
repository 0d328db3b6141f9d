/**
 * Stage 4 — shipping (SPEC §3.4): which methods are available, the chosen method's cost
 * (fixed, per item, weight tiers, free over a threshold, converted), its allocation over the shipped
 * lines, shipping discounts, and shipping tax under the account's policy.
 */
import type { Converter } from '../2-currency/currency'
import { applyShippingDiscounts, type AppliedRecord, type DiscountContext } from '../5-discounts/discounts'
import { issue } from '../issues/issues'
import { shippingRatesFor } from '../4-jurisdiction/jurisdiction'
import type { LineState } from '../3-lines/line'
import { allocate } from '../money/allocate'
import { addAmounts, multiplyAmount } from '../money/amount'
import type { NNshift } from '../0-estimate/request'
import { type NRate, type NShippingMethod, type Policies, type PreparedStore, ShippingTax } from '../store/model'
import { chargeAll, outputRate, type Taxable } from '../6-taxes/taxes'
import type { Issue, OutputShippingMethod } from '../types/output'

export interface ShippingResult {
  readonly hasShipping: boolean
  readonly rates: readonly OutputShippingMethod[]
  readonly method: OutputShippingMethod | null
  readonly itemCount: number
}

export interface ShippingContext {
  readonly currency: string
  readonly shipCountry: string
  readonly converter: Converter
  readonly policies: Policies
  readonly requested: string | null
  readonly nshift: NNshift | null
  readonly reverseCharge: boolean
  readonly exempt: boolean
  readonly shipState: string | null
}

function tierFor(m: NShippingMethod, weight: number): number | undefined {
  for (const t of m.tiers ?? []) if (t.upTo === null || weight <= t.upTo) return t.cost
  return undefined
}

/** The method's cost for this order, in its own currency, before free_over and discounts. */
function rawCost(m: NShippingMethod, units: number, weight: number): number | undefined {
  if (m.type === 'fixed') return m.cost
  // Checked: a cost past 2^53 (even of a method not chosen, it is listed) is amount_overflow at `shipping`.
  if (m.type === 'per_item') return units === 0 ? 0 : addAmounts(m.cost, multiplyAmount(m.additionalItemCost ?? m.cost, units - 1))
  return tierFor(m, weight)
}

/**
 * Computes shipping and writes each shipped line's `shippingSubtotal`, `shippingDiscount`,
 * `shippingTax`, `shippingTaxRates`. Needs item taxes (free_over looks at item_total_with_tax).
 */
export function shipOrder(
  store: PreparedStore,
  lines: readonly LineState[],
  applied: readonly AppliedRecord[],
  ctx: ShippingContext,
  dctx: DiscountContext,
  warnings: Issue[],
): ShippingResult {
  const shipped: LineState[] = []
  let itemCount = 0
  let units = 0
  let weight = 0
  let withTax = 0
  for (const l of lines) {
    if (!l.shipped) continue
    shipped.push(l)
    itemCount += l.quantity
    units += l.units
    weight += l.weight
    withTax += l.itemTotal - l.discount + (l.inclusive ? 0 : l.tax)
  }
  if (shipped.length === 0) return { hasShipping: false, rates: [], method: null, itemCount: 0 }
  const offered: { m: NShippingMethod; out: OutputShippingMethod }[] = []
  for (const m of store.shippingMethods) {
    if (m.countries !== null && !m.countries.has(ctx.shipCountry)) continue
    const raw = rawCost(m, units, weight)
    if (raw === undefined) continue
    let cost = ctx.converter.convert(raw, m.currency)
    const rate = ctx.converter.rate(m.currency)
    if (cost === undefined || rate === undefined) continue
    const free = m.freeOver?.get(ctx.currency)
    if (free !== undefined && withTax >= free) cost = 0
    offered.push({ m, out: { id: m.id, label: m.label, bundling: m.bundling, type: m.type, cost, convert_from: m.currency, exchange_rate: rate } })
  }
  let chosen = offered[0] ?? null
  if (ctx.requested !== null) {
    const hit = offered.find((o) => o.m.id === ctx.requested)
    if (hit !== undefined) chosen = hit
    else warnings.push(issue('shipping_method_unavailable', 'shipping.tamio', { id: ctx.requested }))
  }
  let method: OutputShippingMethod | null = chosen?.out ?? null
  let inclusive = chosen?.m.inclusive ?? store.account.pricesIncludeTax
  let cost = method?.cost ?? 0
  let nshiftRate: NRate | null = null
  if (ctx.nshift !== null) {
    cost = ctx.nshift.cost
    inclusive = false
    method = { id: 'nshift', label: 'nShift', bundling: false, type: 'nshift', cost, convert_from: ctx.currency, exchange_rate: 1 }
    if (ctx.nshift.rate !== null && ctx.nshift.rate.num > 0)
      nshiftRate = {
        index: -1, id: null, label: store.account.shippingTaxLabel, jurisdiction: store.account.country, category: 'shipping',
        percent: ctx.nshift.rate, percentNumber: ctx.nshift.rateNumber, amount: null, vat: true, compound: false,
      }
  } else if (method === null) warnings.push(issue('no_shipping_method', 'shipping'))

  // Allocate the order's shipping over the shipped lines by their base (largest remainder; all-zero → by quantity).
  const shares = allocate(cost, shipped.map((l) => l.itemTotal - l.discount), shipped.map((l) => l.quantity))
  shipped.forEach((l, i) => (l.shippingSubtotal = shares[i]!))

  // Shipping discounts, in the order they were accepted, each split over the remaining shares (SPEC §3.5).
  applyShippingDiscounts(shipped, applied, dctx.currency, dctx.mode)

  // Shipping tax.
  const label = store.account.shippingTaxLabel
  const policy = ctx.policies.shippingTax
  // highest / lowest: per jurisdiction (OSS and domestic lines in one cart can differ), the rates
  // of the shipped line whose summed percentage is highest / lowest.
  const shared = new Map<string, readonly NRate[]>()
  if (policy === ShippingTax.Highest || policy === ShippingTax.Lowest) {
    const best = new Map<string, Fraction>()
    for (const l of shipped) {
      const s = percentSum(l.rates)
      const b = best.get(l.jurisdiction)
      if (b === undefined || (policy === ShippingTax.Highest ? compare(s, b) > 0 : compare(s, b) < 0)) {
        best.set(l.jurisdiction, s)
        shared.set(l.jurisdiction, l.rates)
      }
    }
  }
  // An nShift quote's rate, labelled with each line's (country) jurisdiction.
  const nshiftRates = new Map<string, NRate>()
  const nshiftFor = (l: LineState): NRate => {
    const j = l.jurisdiction.slice(0, 2)
    let r = nshiftRates.get(j)
    if (r === undefined) nshiftRates.set(j, (r = { ...nshiftRate!, jurisdiction: j }))
    return r
  }
  const shippingCache = new Map<string, Map<readonly NRate[], NRate[]>>()
  const items: Taxable[] = shipped.map((l) => {
    let rates: readonly NRate[] = []
    if (ctx.exempt) rates = []
    else if (nshiftRate !== null) rates = ctx.reverseCharge ? [] : [nshiftFor(l)]
    else if (policy !== ShippingTax.None) {
      // Lines of one jurisdiction with the same goods rates (one shared list) share the answer.
      const goods = shared.get(l.jurisdiction) ?? l.rates
      let byGoods = shippingCache.get(l.jurisdiction)
      if (byGoods === undefined) {
        byGoods = new Map()
        shippingCache.set(l.jurisdiction, byGoods)
      }
      let hit = byGoods.get(goods)
      if (hit === undefined) {
        hit = shippingRatesFor(store, l.jurisdiction, goods, ctx.reverseCharge)
        byGoods.set(goods, hit)
      }
      rates = hit
    }
    return { base: l.shippingSubtotal - l.shippingDiscount, quantity: 1, units: 0, rates, inclusive }
  })
  const charged = chargeAll(items, ctx.policies)
  shipped.forEach((l, i) => {
    const c = charged[i]!
    l.shippingInclusive = inclusive
    l.shippingTax = c.tax
    l.shippingNet = c.net
    // A `category: "shipping"` rate keeps its own label; goods rates take the shipping tax label.
    l.shippingTaxRates = c.charges.map((x) => outputRate(x, x.rate.category === 'shipping' ? x.rate.label : label, l.moss, inclusive))
  })
  return { hasShipping: true, rates: offered.map((o) => o.out), method, itemCount }
}

type Fraction = readonly [bigint, bigint]

/** Σ of the percentage rates, exact (floats would misorder 19% against 7% + 12%). */
function percentSum(rates: readonly NRate[]): Fraction {
  let n = 0n
  let d = 1n
  for (const r of rates)
    if (r.percent !== null) {
      n = n * BigInt(r.percent.den) + BigInt(r.percent.num) * d
      d *= BigInt(r.percent.den)
    }
  return [n, d]
}

function compare(a: Fraction, b: Fraction): number {
  const x = a[0] * b[1]
  const y = b[0] * a[1]
  return x < y ? -1 : x > y ? 1 : 0
}

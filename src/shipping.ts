/**
 * Stage 4 — shipping (SPEC §3.4): which methods are available, the chosen method's cost
 * (fixed, per item, weight tiers, free over a threshold, converted), its allocation over the shipped
 * lines, shipping discounts, and shipping tax under the account's policy.
 */
import type { Converter } from './currency'
import { amountIn, type AppliedRecord, type DiscountContext } from './discounts'
import { issue } from './issues'
import { shippingRatesFor } from './jurisdiction'
import type { LineState } from './line'
import { allocate } from './money/allocate'
import { mulDivRound } from './money/rounding'
import type { NNshift } from './request'
import { type NRate, type NShippingMethod, type Policies, type PreparedStore, ShippingTax } from './store/model'
import { chargeAll, outputRate, type Taxable } from './taxes'
import type { Issue, OutputShippingMethod } from './types/output'

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
  if (m.type === 'per_item') return units === 0 ? 0 : m.cost + (m.additionalItemCost ?? m.cost) * (units - 1)
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

  // Shipping discounts, in the order they were accepted, each split over the remaining shares.
  for (const a of applied) {
    const d = a.discount
    if (d.type !== 'free_shipping' && d.type !== 'shipping') continue
    const remaining = shipped.map((l) => l.shippingSubtotal - l.shippingDiscount)
    let left = 0
    for (const x of remaining) left += x
    let amount: number
    if (d.type === 'free_shipping') amount = left
    else if (d.value !== null) amount = mulDivRound(left, d.value.num, d.value.den, dctx.mode)
    else amount = amountIn(d.amounts, dctx) ?? 0
    const cap = d.maxAmount?.get(dctx.currency)
    if (cap !== undefined && amount > cap) amount = cap
    if (amount > left) amount = left
    if (amount === 0) continue
    const parts = allocate(amount, remaining)
    shipped.forEach((l, i) => {
      const part = parts[i]!
      if (part === 0) return
      l.shippingDiscount += part
      l.discounts.push({ id: d.id, code: d.code, label: d.label, type: d.type, amount: 0, shipping_amount: part })
    })
    a.shippingAmount += amount
  }

  // Shipping tax.
  const label = store.account.shippingTaxLabel
  const policy = ctx.policies.shippingTax
  let shared: readonly NRate[] | null = null
  if (policy === ShippingTax.Highest || policy === ShippingTax.Lowest) {
    let best: LineState | null = null
    let bestSum = 0
    for (const l of shipped) {
      const s = percentSum(l.rates)
      if (best === null || (policy === ShippingTax.Highest ? s > bestSum : s < bestSum)) {
        best = l
        bestSum = s
      }
    }
    shared = best === null ? [] : best.rates.filter((r) => r.percent !== null)
  }
  const overrides: boolean[] = []
  const items: Taxable[] = shipped.map((l) => {
    let rates: readonly NRate[] = []
    let override = false
    if (ctx.exempt) rates = []
    else if (nshiftRate !== null) rates = ctx.reverseCharge ? [] : [nshiftRate]
    else if (policy !== ShippingTax.None) {
      const own = shippingRatesFor(store, l.jurisdiction, l.jurisdiction === l.placeCountry ? ctx.shipState : null).filter((r) => !ctx.reverseCharge || !r.vat)
      if (own.length > 0) {
        rates = own
        override = true
      } else rates = shared ?? l.rates.filter((r) => r.percent !== null)
    }
    overrides.push(override)
    return { base: l.shippingSubtotal - l.shippingDiscount, quantity: 1, units: 0, rates, inclusive }
  })
  const charged = chargeAll(items, ctx.policies)
  shipped.forEach((l, i) => {
    const c = charged[i]!
    l.shippingInclusive = inclusive
    l.shippingTax = c.tax
    l.shippingNet = c.net
    l.shippingTaxRates = c.charges.map((x) => outputRate(x, overrides[i] ? x.rate.label : label, l.moss, inclusive))
  })
  return { hasShipping: true, rates: offered.map((o) => o.out), method, itemCount }
}

function percentSum(rates: readonly NRate[]): number {
  let s = 0
  for (const r of rates) if (r.percent !== null) s += r.percent.num / r.percent.den
  return s
}

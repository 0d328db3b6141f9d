/**
 * Stage 2c — discounts and coupons (SPEC §3.5). Automatic discounts in store order, then coupons
 * in request order, each judged and applied on the lines' current base (before tax). Item
 * discounts are allocated here; shipping discounts are accepted here and sized by the shipping
 * stage, once the shipping cost is known.
 */
import type { Converter } from './currency'
import { issue, type IssueCode } from './issues'
import type { LineState } from './line'
import { allocate } from './money/allocate'
import { mulDivRound, type RoundingMode } from './money/rounding'
import type { NDiscount, PreparedStore } from './store/model'
import type { Issue } from './types/output'

/** A discount that was applied, with the amounts it took (filled in by later stages for shipping). */
export interface AppliedRecord {
  readonly discount: NDiscount
  readonly path: string
  amount: number
  shippingAmount: number
}

export interface DiscountContext {
  readonly currency: string
  readonly at: number
  readonly paymentMethod: string | null
  readonly converter: Converter
  readonly mode: RoundingMode
  readonly noDiscounts: boolean
}

/** Whether a line is in a discount's scope: discount_allowed and in `applies_to`. */
export function eligible(d: NDiscount, l: LineState): boolean {
  if (!l.discountAllowed) return false
  if (d.products === null && d.categories === null) return true
  if (d.products !== null) {
    if (l.product !== null && d.products.has(l.product.id)) return true
    if (l.variant !== null && d.products.has(l.variant.id)) return true
    if (l.pack !== null && d.products.has(l.pack.id)) return true
  }
  return d.categories !== null && d.categories.has(l.category)
}

/** The discount's amount in the transaction currency from a per-currency map (converted from the first convertible entry). */
export function amountIn(map: ReadonlyMap<string, number> | null, ctx: DiscountContext): number | undefined {
  if (map === null) return undefined
  const own = map.get(ctx.currency)
  if (own !== undefined) return own
  for (const [cur, amt] of map) {
    const c = ctx.converter.convert(amt, cur)
    if (c !== undefined) return c
  }
  return undefined
}

function rejection(d: NDiscount, ctx: DiscountContext, itemTotal: number): IssueCode | null {
  if (d.startsAt !== null && ctx.at < d.startsAt) return 'coupon_not_started'
  if (d.endsAt !== null && ctx.at >= d.endsAt) return 'coupon_expired'
  if (d.currencies !== null && !d.currencies.has(ctx.currency)) return 'coupon_currency'
  if (d.paymentMethods !== null) {
    if (ctx.paymentMethod === null) return 'payment_method_discount_skipped'
    if (!d.paymentMethods.has(ctx.paymentMethod)) return 'payment_method_not_allowed'
  }
  const min = d.minSubtotal?.get(ctx.currency)
  if (min !== undefined && itemTotal < min) return 'coupon_min_subtotal'
  return null
}

/**
 * Applies every discount in order; returns the applied ones (item amounts allocated onto the
 * lines' `discount` and `discounts`). Rejected coupons become warnings at their request path;
 * automatic discounts that do not qualify are skipped silently.
 */
export function applyDiscounts(store: PreparedStore, lines: readonly LineState[], coupons: readonly { code: string; path: string }[], ctx: DiscountContext, warnings: Issue[]): AppliedRecord[] {
  const applied: AppliedRecord[] = []
  if (ctx.noDiscounts) {
    for (const c of coupons) warnings.push(issue('discounts_disabled', c.path))
    return applied
  }
  // A coupon's min_subtotal is judged on Σ item_total of all accepted lines before any discount.
  let itemTotal = 0
  for (const l of lines) itemTotal += l.itemTotal
  const queue: { d: NDiscount; path: string; automatic: boolean }[] = store.discounts.map((d, i) => ({ d, path: `discounts[${i}]`, automatic: true }))
  const seen = new Set<string>()
  for (const c of coupons) {
    const key = c.code.trim().toLowerCase()
    const d = store.coupons.get(key)
    if (d === undefined) {
      warnings.push(issue('unknown_coupon', c.path, { code: c.code }))
      continue
    }
    if (seen.has(key)) {
      warnings.push(issue('coupon_duplicate', c.path))
      continue
    }
    seen.add(key)
    queue.push({ d, path: c.path, automatic: false })
  }
  let exclusive = false
  for (const { d, path, automatic } of queue) {
    const warn = (code: IssueCode, params: Record<string, string | number> = {}) => {
      if (!automatic || code === 'payment_method_discount_skipped') warnings.push(issue(code, path, params))
    }
    const why = rejection(d, ctx, itemTotal)
    if (why !== null) {
      warn(why, { currency: ctx.currency, min: d.minSubtotal?.get(ctx.currency) ?? 0 })
      continue
    }
    if (applied.length > 0 && (exclusive || !d.combinable)) {
      warn('coupon_not_combinable')
      continue
    }
    if (d.type === 'free_shipping' || d.type === 'shipping') {
      applied.push({ discount: d, path, amount: 0, shippingAmount: 0 })
      if (!d.combinable) exclusive = true
      continue
    }
    const idx: number[] = []
    const bases: number[] = []
    let base = 0
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!
      if (!eligible(d, l)) continue
      const b = l.itemTotal - l.discount
      idx.push(i)
      bases.push(b)
      base += b
    }
    if (idx.length === 0 || base === 0) {
      warn('coupon_no_eligible_products')
      continue
    }
    let amount: number
    if (d.type === 'percent') amount = mulDivRound(base, d.value!.num, d.value!.den, ctx.mode)
    else {
      const a = amountIn(d.amounts, ctx)
      if (a === undefined) {
        warn('coupon_currency', { currency: ctx.currency })
        continue
      }
      amount = a
    }
    const cap = d.maxAmount?.get(ctx.currency)
    if (cap !== undefined && amount > cap) amount = cap
    if (amount > base) amount = base
    const parts = allocate(amount, bases)
    for (let j = 0; j < idx.length; j++) {
      const part = parts[j]!
      if (part === 0) continue
      const l = lines[idx[j]!]!
      l.discount += part
      l.discounts.push({ id: d.id, code: d.code, label: d.label, type: d.type, amount: part, shipping_amount: 0 })
    }
    applied.push({ discount: d, path, amount, shippingAmount: 0 })
    if (!d.combinable) exclusive = true
  }
  return applied
}

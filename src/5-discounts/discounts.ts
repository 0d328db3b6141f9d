/**
 * Stage 2c — discounts and coupons (SPEC §3.5). Automatic discounts in store order, then coupons
 * in request order, each judged and applied on the lines' current base (before tax). Item
 * discounts are allocated here; shipping discounts are accepted here and sized by the shipping
 * stage ({@link applyShippingDiscounts}), once the shipping cost and its split are known.
 */
import type { Converter } from '../2-currency/currency'
import { atPath, issue, type IssueCode } from '../issues/issues'
import type { LineState } from '../3-lines/line'
import { allocate } from '../money/allocate'
import { mulDivRound, type RoundingMode } from '../money/rounding'
import type { NDiscount, PreparedStore } from '../store/model'
import type { Issue } from '../types/output'

/** A discount that was applied, with the amounts it took (the shipping stage fills `shippingAmount`). */
export interface AppliedRecord {
  readonly discount: NDiscount
  readonly path: string
  amount: number
  shippingAmount: number
  /** A `shipping` discount given as `amounts`: the amount in the transaction currency (null otherwise). */
  readonly shippingFixed: number | null
}

export interface DiscountContext {
  readonly currency: string
  readonly at: number
  readonly paymentMethod: string | null
  readonly converter: Converter
  readonly mode: RoundingMode
  readonly noDiscounts: boolean
}

/** Whether a line is named by a discount's `applies_to` (products: product, variant or pack id; categories: tax category). */
export function inScope(d: NDiscount, l: LineState): boolean {
  if (d.products === null && d.categories === null) return true
  if (d.products !== null) {
    if (l.product !== null && d.products.has(l.product.id)) return true
    if (l.variant !== null && d.products.has(l.variant.id)) return true
    if (l.pack !== null && d.products.has(l.pack.id)) return true
  }
  return d.categories !== null && d.categories.has(l.category)
}

/** Whether a line takes a share of an item discount: `discount_allowed` and in `applies_to`. */
export function eligible(d: NDiscount, l: LineState): boolean {
  return l.discountAllowed && inScope(d, l)
}

/**
 * An amount from a per-currency map in the transaction currency: its own entry, else converted
 * (rounded once) from `prefer` (the account's base currency) when listed, else from the first
 * listed currency that has an exchange rate; undefined when none can be used.
 */
export function amountIn(map: ReadonlyMap<string, number> | null, ctx: DiscountContext, prefer: string | null = null): number | undefined {
  if (map === null) return undefined
  const own = map.get(ctx.currency)
  if (own !== undefined) return own
  if (prefer !== null) {
    const p = map.get(prefer)
    const c = p === undefined ? undefined : ctx.converter.convert(p, prefer)
    if (c !== undefined) return c
  }
  for (const [cur, amt] of map) {
    const c = ctx.converter.convert(amt, cur)
    if (c !== undefined) return c
  }
  return undefined
}

/** The first rule the discount fails on this transaction (dates, currency, payment method, minimum), or null. */
function rejection(d: NDiscount, ctx: DiscountContext, itemTotal: number): IssueCode | null {
  // starts_at is inclusive (it has started at that instant); ends_at is exclusive (expired at that instant).
  if (d.startsAt !== null && ctx.at < d.startsAt) return 'coupon_not_started'
  if (d.endsAt !== null && ctx.at >= d.endsAt) return 'coupon_expired'
  if (d.currencies !== null && !d.currencies.has(ctx.currency)) return 'coupon_currency'
  if (d.paymentMethods !== null) {
    if (ctx.paymentMethod === null) return 'payment_method_discount_skipped'
    if (!d.paymentMethods.has(ctx.paymentMethod.trim().toLowerCase())) return 'payment_method_not_allowed'
  }
  // Inclusive bound; a currency missing from the map means no minimum in that currency.
  const min = d.minSubtotal?.get(ctx.currency)
  if (min !== undefined && itemTotal < min) return 'coupon_min_subtotal'
  return null
}

/**
 * Applies every discount in order; returns the applied ones (item amounts allocated onto the
 * lines' `discount` and `discounts`). Rejected coupons become warnings at their request path
 * (`coupons[i]`); automatic discounts that do not qualify are skipped silently, except a
 * payment-method discount skipped for want of `options.payment_method`, which always warns.
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
  const prefer = store.account.baseCurrency
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
    // combinable: false works both ways: it needs an empty slate, and once applied it closes it.
    if (applied.length > 0 && (exclusive || !d.combinable)) {
      warn('coupon_not_combinable')
      continue
    }
    if (d.type === 'free_shipping' || d.type === 'shipping') {
      // The whole order's shipping: it needs something shipped, and `applies_to` (when given) is a
      // qualifier — some accepted line must be in it.
      if (!lines.some((l) => l.shipped) || !lines.some((l) => inScope(d, l))) {
        warn('coupon_no_eligible_products')
        continue
      }
      let fixed: number | null = null
      if (d.type === 'shipping' && d.value === null) {
        // A converted amount past 2^53 is a 400 amount_overflow at the coupon's path.
        const a = atPath(path, () => amountIn(d.amounts, ctx, prefer))
        if (a === undefined) {
          warn('coupon_currency', { currency: ctx.currency })
          continue
        }
        fixed = a
      }
      applied.push({ discount: d, path, amount: 0, shippingAmount: 0, shippingFixed: fixed })
      if (!d.combinable) exclusive = true
      continue
    }
    const idx: number[] = []
    const bases: number[] = []
    let base = 0
    for (let i = 0; i < lines.length; i++) {
      const l = lines[i]!
      if (!eligible(d, l)) continue
      // The line's current subtotal as priced: gross for inclusive lines, net for exclusive ones.
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
      const a = atPath(path, () => amountIn(d.amounts, ctx, prefer))
      if (a === undefined) {
        warn('coupon_currency', { currency: ctx.currency })
        continue
      }
      amount = a
    }
    const cap = d.maxAmount?.get(ctx.currency)
    if (cap !== undefined && amount > cap) amount = cap
    if (amount > base) amount = base
    // amount ≤ base, so no part exceeds its line's base: no line goes below 0.
    const parts = allocate(amount, bases)
    for (let j = 0; j < idx.length; j++) {
      const part = parts[j]!
      if (part === 0) continue
      const l = lines[idx[j]!]!
      l.discount += part
      l.discounts.push({ id: d.id, code: d.code, label: d.label, type: d.type, amount: part, shipping_amount: 0 })
    }
    applied.push({ discount: d, path, amount, shippingAmount: 0, shippingFixed: null })
    if (!d.combinable) exclusive = true
  }
  return applied
}

/**
 * Sizes the accepted shipping discounts, in the order they were accepted, once the shipping
 * stage has split the order's shipping over the shipped lines (`shippingSubtotal`): each one on
 * the shipping still left (`free_shipping` all of it; `shipping` its percent, rounded once, or its
 * amount; capped by `max_amount` and by what is left) and split over the lines' remaining shares
 * by largest remainder. Fills `shippingDiscount`, the lines' `discounts`, and `shippingAmount`.
 */
export function applyShippingDiscounts(shipped: readonly LineState[], applied: readonly AppliedRecord[], currency: string, mode: RoundingMode): void {
  for (const a of applied) {
    const d = a.discount
    if (d.type !== 'free_shipping' && d.type !== 'shipping') continue
    const remaining = shipped.map((l) => l.shippingSubtotal - l.shippingDiscount)
    let left = 0
    for (const x of remaining) left += x
    let amount: number
    if (d.type === 'free_shipping') amount = left
    else if (d.value !== null) amount = mulDivRound(left, d.value.num, d.value.den, mode)
    else amount = a.shippingFixed ?? 0
    const cap = d.maxAmount?.get(currency)
    if (cap !== undefined && amount > cap) amount = cap
    if (amount > left) amount = left
    if (amount <= 0) continue
    const parts = allocate(amount, remaining)
    for (let i = 0; i < shipped.length; i++) {
      const part = parts[i]!
      if (part === 0) continue
      const l = shipped[i]!
      l.shippingDiscount += part
      l.discounts.push({ id: d.id, code: d.code, label: d.label, type: d.type, amount: 0, shipping_amount: part })
    }
    a.shippingAmount += amount
  }
}

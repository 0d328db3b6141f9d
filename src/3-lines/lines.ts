/**
 * Stage 3 — lines: resolve each request line to a priced line in the transaction currency, or
 * reject it with a warning. `item_total = unit_price × quantity`. Cart-level rules (unit limits
 * per product, stock pools) run after the per-line ones.
 */
import type { NLineRef } from '../0-estimate/request'
import { lineCurrencies, unitPriceIn } from '../2-currency/catalog'
import type { Converter } from '../2-currency/currency'
import { issue, rethrowAt, joinPath } from '../issues/issues'
import { multiplyAmount } from '../money/amount'
import type { RoundingMode } from '../money/modes/mode'
import type { NProduct, NVariant } from '../store/model'
import { priceKey } from '../trace/paths'
import type { Recorder } from '../trace/recorder'
import type { Issue } from '../types/output'
import type { Line } from './line'

/** What the lines stage needs from the rest of the request. */
export interface LinesContext {
  readonly currency: string
  readonly convert: boolean
  readonly converter: Converter
  readonly at: number
  readonly shipCountry: string
  readonly pricesIncludeTax: boolean
  readonly locale: string
  /** The rounding mode conversions round with. */
  readonly rounding: RoundingMode
  readonly rec: Recorder | undefined
}

type Priced = { readonly price: number; readonly rate: number | null } | { readonly reject: 'currency_not_supported' }


/**
 * A catalog line's unit price in the transaction currency: its own price there, else (with
 * `convert_prices`) the default-currency price converted once. Recorded at `at` when tracing.
 */
function price(ref: NLineRef, ctx: LinesContext, at: string): Priced {
  const rec = ctx.rec
  const direct = unitPriceIn(ref, ctx.currency, rec, at)
  if (direct !== undefined) return { price: direct, rate: null }
  if (!ctx.convert) return { reject: 'currency_not_supported' }
  // The product's default price; a variant or pack not priced in it converts from its first own currency.
  const def = ref.product!.defaultCurrency
  const from = def !== null && unitPriceIn(ref, def) !== undefined ? def : (lineCurrencies(ref)[0] ?? null)
  if (from === null) return { reject: 'currency_not_supported' }
  const inDefault = unitPriceIn(ref, from, rec, `${at}$from`)
  if (inDefault === undefined) return { reject: 'currency_not_supported' }
  const converted = ctx.converter.convert(inDefault, from)
  const rate = ctx.converter.rate(from)
  if (converted === undefined || rate === undefined) return { reject: 'currency_not_supported' }
  if (rec !== undefined) {
    const f = ctx.converter.factor(from)!
    rec.round(at, converted, BigInt(inDefault) * f.num, f.den, ctx.rounding, [`${at}$from`, `${f.num}/${f.den}`], undefined, { policies: ['rounding'] })
  }
  return { price: converted, rate }
}

/**
 * The product name, else the title in the transaction locale, else in its bare language (`de-AT`
 * falls back to `de`, never to a sibling region such as `de-CH`; a bare `de` takes the first
 * `de-*` title), else the first title.
 */
function displayName(p: NProduct, locale: string): string {
  if (p.name !== null) return p.name
  const lc = locale.toLowerCase().replace('_', '-')
  const lang = lc.split('-')[0]!
  const norm = (loc: string) => loc.toLowerCase().replace('_', '-')
  for (const [loc, title] of p.titles) if (norm(loc) === lc) return title
  for (const [loc, title] of p.titles) if (norm(loc) === lang) return title
  if (lang === lc) for (const [loc, title] of p.titles) if (norm(loc).split('-')[0] === lang) return title
  return p.titles[0]?.[1] ?? ''
}

type RuleCode = 'variant_required' | 'not_buyable' | 'not_released' | 'expired' | 'country_not_allowed' | 'pack_multiple_not_allowed'

/** Per-line rule checks that need nothing from the rest of the cart. */
function ruleCheck(ref: NLineRef, ctx: LinesContext): RuleCode | null {
  const p = ref.product!
  if (ref.variant === null && ref.pack === null && p.variants.length > 0) return 'variant_required'
  if (ref.pack !== null && ref.pack.items === null && p.variants.length > 0 && ref.pack.prices === null) return 'variant_required'
  if (!p.buyable) return 'not_buyable'
  if (p.releaseAt !== null && ctx.at < p.releaseAt) return 'not_released'
  if (p.expiresAt !== null && ctx.at >= p.expiresAt) return 'expired'
  if (p.whitelist !== null && !p.whitelist.has(ctx.shipCountry)) return 'country_not_allowed'
  if (ref.pack !== null && ref.quantity > 1 && !ref.pack.multiple) return 'pack_multiple_not_allowed'
  return null
}

function weightOf(ref: NLineRef): number {
  const p = ref.product!
  if (ref.pack !== null) {
    if (ref.pack.items !== null) {
      let w = 0
      for (const it of ref.pack.items) w += (it.variant.weight ?? p.weight) * it.units
      return w * ref.quantity
    }
    return p.weight * ref.pack.units * ref.quantity
  }
  if (ref.variant !== null) return (ref.variant.weight ?? p.weight) * ref.quantity
  return p.weight * ref.quantity
}

function newLine(ref: NLineRef, ctx: LinesContext, unitPrice: number, rate: number | null): Line {
  const p = ref.product
  const units = ref.pack === null ? ref.quantity : multiplyAmount(ref.quantity, ref.pack.units)
  return {
    index: ref.index,
    path: ref.path,
    product: p,
    variant: ref.variant,
    pack: ref.pack,
    name: p === null ? ref.name! : displayName(p, ctx.locale),
    type: p === null ? 'invoice_item' : p.type,
    category: p === null ? 'general' : p.category,
    discountAllowed: p === null ? true : p.discountAllowed,
    isMoss: p === null ? false : p.isMoss,
    shipped: p === null ? false : p.shipped,
    quantity: ref.quantity,
    units,
    weight: p === null ? 0 : weightOf(ref),
    subscriptionTrial: p !== null && p.subscription && p.trialDays > 0,
    unitPrice,
    itemTotal: multiplyAmount(unitPrice, ref.quantity),
    exchangeRate: rate,
    priceConversion: rate !== null,
    inclusive: p === null || p.inclusive === null ? ctx.pricesIncludeTax : p.inclusive,
  }
}

interface Pool {
  stock: number
  used: number
}

/**
 * Resolves and prices every line, rejecting (with a warning at the line's path) those that break
 * a rule. Cart-level rules run after the per-line ones, over the lines still accepted: min/max
 * units per product across the cart (all that product's lines are rejected), then stock per stock
 * pool (the variant's own stock, else the product's) — lines are accepted in order while they fit.
 */
export function resolveLines(refs: readonly NLineRef[], ctx: LinesContext, warnings: Issue[]): Line[] {
  const candidates: Line[] = []
  const rec = ctx.rec
  for (const ref of refs) {
    // An amount past 2^53 is a 400 amount_overflow naming the line (its price) or its quantity; the
    // path is built only when that happens.
    let atQuantity = ref.product === null
    try {
      if (ref.product === null) {
        rec?.given(priceKey(ref.index), ref.price, `request.${ref.path}.price`)
        candidates.push(newLine(ref, ctx, ref.price, null))
        continue
      }
      const rule = ruleCheck(ref, ctx)
      if (rule !== null) {
        warnings.push(rule === 'country_not_allowed' ? issue(rule, ref.path, { country: ctx.shipCountry }) : issue(rule, ref.path))
        continue
      }
      const priced = price(ref, ctx, rec === undefined ? '' : priceKey(ref.index))
      if ('reject' in priced) {
        warnings.push(issue(priced.reject, ref.path, { currency: ctx.currency }))
        continue
      }
      atQuantity = true
      candidates.push(newLine(ref, ctx, priced.price, priced.rate))
    } catch (e) {
      rethrowAt(e, atQuantity ? joinPath(ref.path, 'quantity') : ref.path)
    }
  }
  // min/max units of a product across the cart
  // (only counted when some product has such a bound: most carts have none)
  const unitsByProduct = new Map<NProduct, number>()
  let bounded = false
  for (const l of candidates) if (l.product !== null && (l.product.minUnits !== null || l.product.maxUnits !== null)) bounded = true
  if (bounded) for (const l of candidates) if (l.product !== null) unitsByProduct.set(l.product, (unitsByProduct.get(l.product) ?? 0) + l.units)
  const accepted: Line[] = []
  const pools = new Map<object, Pool>()
  for (const l of candidates) {
    const p = l.product
    if (p === null) {
      accepted.push(l)
      continue
    }
    const total = unitsByProduct.get(p) ?? 0
    if (p.minUnits !== null && total < p.minUnits) {
      warnings.push(issue('below_min_units', l.path, { min: p.minUnits }))
      continue
    }
    if (p.maxUnits !== null && total > p.maxUnits) {
      warnings.push(issue('above_max_units', l.path, { max: p.maxUnits }))
      continue
    }
    if (!fitsStock(l, pools)) {
      warnings.push(issue('insufficient_stock', l.path, { stock: stockLeft(l, pools) }))
      continue
    }
    accepted.push(l)
  }
  return accepted
}

/**
 * The stock demands of a line: (pool key, limit, units), one per pool. The product's
 * `unlimited_stock` / `allow_negative_stock` lift every limit of the product, its variants' too; a
 * variant's own flags lift its own. A pack of variants that share a pool demands their sum from it.
 */
function demands(l: Line): { key: object; stock: number | null; units: number }[] {
  const p = l.product!
  const productStock = p.unlimited ? null : p.stock
  const forVariant = (v: NVariant, units: number) =>
    p.unlimited || v.unlimited
      ? { key: v as object, stock: null, units }
      : v.stock !== null
        ? { key: v as object, stock: v.stock, units }
        : { key: p as object, stock: productStock, units }
  if (l.pack !== null && l.pack.items !== null) {
    const byKey = new Map<object, { key: object; stock: number | null; units: number }>()
    for (const it of l.pack.items) {
      const d = forVariant(it.variant, multiplyAmount(it.units, l.quantity))
      const prev = byKey.get(d.key)
      byKey.set(d.key, prev === undefined ? d : { key: prev.key, stock: prev.stock, units: prev.units + d.units })
    }
    return [...byKey.values()]
  }
  if (l.variant !== null) return [forVariant(l.variant, l.units)]
  return [{ key: p as object, stock: productStock, units: l.units }]
}

function fitsStock(l: Line, pools: Map<object, Pool>): boolean {
  const p = l.product!
  // The common line — a plain product, no variant, no pack of variants — needs no demand list.
  if (l.variant === null && (l.pack === null || l.pack.items === null)) {
    if (p.unlimited || p.stock === null) return true
    let pool = pools.get(p)
    if (pool === undefined) {
      pool = { stock: p.stock, used: 0 }
      pools.set(p, pool)
    }
    if (pool.used + l.units > pool.stock) return false
    pool.used += l.units
    return true
  }
  const ds = demands(l)
  for (const d of ds) {
    if (d.stock === null) continue
    const pool = pools.get(d.key) ?? { stock: d.stock, used: 0 }
    if (pool.used + d.units > pool.stock) return false
  }
  for (const d of ds) {
    if (d.stock === null) continue
    const pool = pools.get(d.key) ?? { stock: d.stock, used: 0 }
    pool.used += d.units
    pools.set(d.key, pool)
  }
  return true
}

function stockLeft(l: Line, pools: Map<object, Pool>): number {
  let left = Number.MAX_SAFE_INTEGER
  for (const d of demands(l)) {
    if (d.stock === null) continue
    const pool = pools.get(d.key)
    left = Math.min(left, d.stock - (pool?.used ?? 0))
  }
  return left
}

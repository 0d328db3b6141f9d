/**
 * Stage 5 — discounts and coupons. Automatic discounts in store order, then coupons in request
 * order, each judged (dates, currency, payment method, minimum, combinability) and, for item
 * kinds, applied on the lines' current base before tax: the kind computes the amount, this stage
 * caps it (`max_amount`, what it applies to), splits it over the lines by the allocation rule and
 * records it. Shipping kinds are accepted here and sized by the shipping stage.
 */
import type { Converter } from '../2-currency/currency'
import type { Line } from '../3-lines/line'
import type { Taxed } from '../4-jurisdiction/jurisdiction'
import { atPath, issue } from '../issues/issues'
import { allocate, allocateBig } from '../money/allocate'
import { ceil } from '../money/modes/ceil'
import { lcmBig, sumPercents } from '../money/rational'
import type { AxisName, Policies } from '../policies/axes'
import type { NDiscount, PreparedStore } from '../store/model'
import { discountPaths, linePaths } from '../trace/paths'
import { fractionText, ROUNDED, type EntryExtra, type Recorder } from '../trace/recorder'
import type { Issue, LineDiscount } from '../types/output'
import type { AmountIn, ItemContext } from './kinds/kind'
import { recordBase } from './kinds/eligible'
import { inScope } from './scope'

/** A discount that was applied, in the order of `transaction.discounts`. */
export interface AppliedDiscount {
  readonly discount: NDiscount
  /** Where it came from: `discounts[i]` (automatic) or `coupons[i]` (the request's coupon). */
  readonly path: string
  /** The item amount it took (0 for shipping kinds, whose amount the shipping stage decides). */
  readonly amount: number
  /** A shipping kind's fixed amount in the transaction currency (null otherwise). */
  readonly shippingFixed: number | null
  /** The products the output's `applies_to` lists, when the kind decides it; else the discount's own. */
  readonly appliesTo: readonly string[] | null
}

/** What the discounts stage decided. */
export interface Discounts {
  /** Per line: the item discount it got in all. */
  readonly lineDiscount: readonly number[]
  /** Per line: its share of each item discount, in the order applied. */
  readonly lineEntries: readonly (readonly LineDiscount[])[]
  readonly applied: readonly AppliedDiscount[]
}

/** What the discounts stage needs from the rest of the estimate. */
export interface DiscountContext {
  readonly currency: string
  readonly at: number
  readonly paymentMethod: string | null
  readonly converter: Converter
  readonly policies: Policies
  readonly noDiscounts: boolean
  readonly rec: Recorder | undefined
}

const NONE: readonly LineDiscount[] = []
const NO_SHARES: string[] = []
const NO_KEEP: number[] = []
const NO_TERMS: readonly (readonly [string, 1 | -1])[] = []
const NO_PRIOR: readonly string[] = []
const NO_AXES: readonly AxisName[] = []
const SPLIT = { policies: ['allocation'] } as const satisfies { policies: readonly AxisName[] }
const PRORATED = { policies: ['allocation', 'discount_proration'] } as const satisfies { policies: readonly AxisName[] }
const SPLIT_CARRY = { policies: ['allocation', 'rounding'] } as const satisfies { policies: readonly AxisName[] }
const PRORATED_CARRY = { policies: ['allocation', 'discount_proration', 'rounding'] } as const satisfies { policies: readonly AxisName[] }
const MIN_SUBTOTAL = 'totals.item_total'

/** The splits that gave a line a zero part: their axes and what they were decided from. */
export interface ZeroParts {
  readonly policies: Set<AxisName>
  readonly inputs: string[]
}

/** Notes that a split (deciding axes `policies`, from `inputs`) gave line `k` a zero part. */
export function zeroParts(zeros: (ZeroParts | undefined)[], k: number, policies: readonly AxisName[], inputs: readonly string[]): void {
  const z = (zeros[k] ??= { policies: new Set(), inputs: [] })
  for (const a of policies) z.policies.add(a)
  for (const i of inputs) z.inputs.push(i)
}

/** The extra of a line's discount total that had zero parts. */
export function zeroExtra(z: ZeroParts | undefined): EntryExtra | undefined {
  return z === undefined ? undefined : { policies: [...z.policies], inputs: z.inputs }
}

/**
 * An amount from a per-currency map in the transaction currency: its own entry, else converted
 * (rounded once) from `prefer` (the account's base currency) when listed, else from the first
 * currency that has an exchange rate in the map's order (the store reads maps sorted by code);
 * undefined when none can be used. Recorded at `at` (`source` is the map's store path).
 */
export function amountIn(map: ReadonlyMap<string, number> | null, ctx: DiscountContext, prefer: string | null, source: string, at: string): number | undefined {
  if (map === null) return undefined
  const rec = ctx.rec
  const own = map.get(ctx.currency)
  if (own !== undefined) {
    rec?.given(at, own, `store.${source}.${ctx.currency}`)
    return own
  }
  const convert = (cur: string, amt: number): number | undefined => {
    const c = ctx.converter.convert(amt, cur)
    if (c !== undefined && rec !== undefined) {
      const f = ctx.converter.factor(cur)!
      rec.given(`${at}$from`, amt, `store.${source}.${cur}`)
      rec.round(at, c, BigInt(amt) * f.num, f.den, ctx.policies.rounding, [`${at}$from`, `${f.num}/${f.den}`], undefined, ROUNDED)
    }
    return c
  }
  if (prefer !== null) {
    const p = map.get(prefer)
    const c = p === undefined ? undefined : convert(prefer, p)
    if (c !== undefined) return c
  }
  for (const [cur, amt] of map) {
    const c = convert(cur, amt)
    if (c !== undefined) return c
  }
  return undefined
}

type Rejection = 'coupon_not_started' | 'coupon_expired' | 'coupon_currency' | 'payment_method_discount_skipped' | 'payment_method_not_allowed' | 'coupon_min_subtotal'

/** The first rule the discount fails on this transaction (dates, currency, payment method, minimum), or null. */
function rejection(d: NDiscount, ctx: DiscountContext, itemTotal: number): Rejection | null {
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
 * Splits `amount` over lines by exact weights, no part above its line's cap: every part that would
 * pass its cap is held at it and the rest re-split over the other lines by the same weights (a line
 * whose part only reaches its cap stays in: its share of the rest may still fit), until none
 * passes. `weights` are fractions [n, d]; `plain` weights (Numbers) take the fast path.
 * Returns the parts and, when some line was held at its cap, which lines were.
 */
function splitCapped(amount: number, plain: readonly number[] | null, exact: readonly (readonly [bigint, bigint])[] | null, caps: readonly number[], p: Policies): [number[], boolean[] | null] {
  const n = caps.length
  // Weights = the caps themselves: a part never passes its cap (amount ≤ Σ caps).
  if (plain !== null) return [allocate(amount, plain, undefined, p.allocation, p.rounding), null]
  let l = 1n
  for (const [, d] of exact!) l = lcmBig(l, d)
  const ints = exact!.map(([num, d]) => num * (l / d))
  const parts = new Array<number>(n).fill(0)
  const held = new Array<boolean>(n).fill(false)
  let any = false
  let left = amount
  for (;;) {
    const idx: number[] = []
    for (let i = 0; i < n; i++) if (!held[i]) idx.push(i)
    const split = allocateBig(left, idx.map((i) => ints[i]!), p.allocation, p.rounding)
    let over = false
    idx.forEach((i, j) => {
      if (split[j]! > caps[i]!) over = true
    })
    if (!over) {
      idx.forEach((i, j) => (parts[i] = split[j]!))
      return [parts, any ? held : null]
    }
    any = true
    idx.forEach((i, j) => {
      if (split[j]! > caps[i]!) {
        held[i] = true
        parts[i] = caps[i]!
        left -= caps[i]!
      }
    })
  }
}

/**
 * Applies every discount in order. Rejected coupons become warnings at their request path
 * (`coupons[i]`); automatic discounts that do not qualify are skipped silently, except a
 * payment-method discount skipped for want of `options.payment_method`, which always warns.
 */
export function applyDiscounts(
  store: PreparedStore,
  lines: readonly Line[],
  taxed: readonly Taxed[],
  coupons: readonly { readonly code: string; readonly path: string }[],
  ctx: DiscountContext,
  warnings: Issue[],
): Discounts {
  const n = lines.length
  const lineDiscount = new Array<number>(n).fill(0)
  const lineEntries: LineDiscount[][] = []
  for (let k = 0; k < n; k++) lineEntries.push(NONE as LineDiscount[])
  const applied: AppliedDiscount[] = []
  const rec = ctx.rec
  if (ctx.noDiscounts) {
    for (const c of coupons) warnings.push(issue('discounts_disabled', c.path))
    if (rec !== undefined) for (let k = 0; k < n; k++) rec.sum(linePaths(k).totals.discount, 0, NO_TERMS)
    return { lineDiscount, lineEntries, applied }
  }
  // A coupon's min_subtotal is judged on Σ item_total of all accepted lines before any discount.
  let itemTotal = 0
  for (const t of taxed) itemTotal += t.itemTotal
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
  // The paths of each line's shares so far (for the trace of the next discount's base).
  const shares: string[][] | undefined = rec === undefined ? undefined : new Array<string[]>(n).fill(NO_SHARES)
  // Per line, the splits that gave it a zero part (traced only).
  const zeros: (ZeroParts | undefined)[] | undefined = rec === undefined ? undefined : new Array<ZeroParts | undefined>(n)
  const current = taxed.map((t) => t.itemTotal)
  // Line k's current base in the trace, as [from, last share]: its item_total less its latest
  // share, from its second share on the base that share was taken from
  // (`$products[k].discounts[j].base`, recorded the first time it is needed). So a line's base is
  // two terms however many discounts took from it, and the trace grows with lines × discounts.
  const basesMade = rec === undefined ? undefined : new Array<number>(n).fill(0)
  const baseValues = rec === undefined ? undefined : taxed.map((t) => t.itemTotal)
  const baseOf = (k: number): readonly [string, string | undefined] => {
    const s = shares![k]!
    const m = s.length
    const P = linePaths(k)
    if (m === 0) return [P.totals.item_total, undefined]
    for (let j = basesMade![k]! + 1; j < m; j++) {
      // The base entry j was taken from: the base entry j − 1 was taken from, less entry j − 1.
      const value = (baseValues![k]! -= lineEntries[k]![j - 1]!.amount)
      rec!.diff(P.entry(j).base, value, j === 1 ? P.totals.item_total : P.entry(j - 1).base, s[j - 1]!)
      basesMade![k] = j
    }
    return [m === 1 ? P.totals.item_total : P.entry(m - 1).base, s[m - 1]!]
  }
  let exclusive = false
  for (const { d, path, automatic } of queue) {
    const warn = (i: Issue) => {
      if (!automatic || i.code === 'payment_method_discount_skipped') warnings.push(i)
    }
    const why = rejection(d, ctx, itemTotal)
    if (why !== null) {
      warn(why === 'coupon_currency' ? issue(why, path, { currency: ctx.currency }) : why === 'coupon_min_subtotal' ? issue(why, path, { min: d.minSubtotal?.get(ctx.currency) ?? 0 }) : issue(why, path))
      continue
    }
    // combinable: false works both ways: it needs an empty slate, and once applied it closes it.
    if (applied.length > 0 && (exclusive || !d.combinable)) {
      warn(issue('coupon_not_combinable', path))
      continue
    }
    const a = applied.length
    const D = discountPaths(a)
    // A converted amount past 2^53 is a 400 amount_overflow at the coupon's path.
    const inCurrency: AmountIn = (map, at) => atPath(path, () => amountIn(map, ctx, prefer, `${d.source}.amounts`, at))
    if (d.kind.target === 'shipping') {
      // The whole order's shipping: it needs something shipped, and `applies_to` (when given) is a
      // qualifier — some accepted line must be in it.
      if (!lines.some((l) => l.shipped) || !lines.some((l) => inScope(d, l))) {
        warn(issue('coupon_no_eligible_products', path))
        continue
      }
      const ok = d.kind.accept!(d, inCurrency, D)
      if ('reject' in ok) {
        warn(issue(ok.reject, path, { currency: ctx.currency }))
        continue
      }
      applied.push({ discount: d, path, amount: 0, shippingFixed: ok.fixed, appliesTo: null })
      if (!d.combinable) exclusive = true
      continue
    }
    const kctx: ItemContext = {
      lines,
      current,
      policies: ctx.policies,
      amountIn: inCurrency,
      rec,
      paths: D,
      baseTerms: (k, into) => {
        const [from, last] = baseOf(k)
        into.push([from, 1])
        if (last !== undefined) into.push([last, -1])
      },
    }
    const outcome = d.kind.items!(d, kctx)
    if ('reject' in outcome) {
      // Rejected because the eligible lines' bases are 0: their bases decided it (they may not be 0 under other policies).
      if (rec !== undefined && outcome.reject === 'coupon_no_eligible_products')
        for (let k = 0; k < n; k++)
          if (inScope(d, lines[k]!)) {
            const [from, last] = baseOf(k)
            zeroParts(zeros!, k, NO_AXES, last === undefined ? [from] : [from, last])
          }
      warn(outcome.reject === 'coupon_currency' ? issue('coupon_currency', path, { currency: ctx.currency }) : issue(outcome.reject, path))
      continue
    }
    let amount = outcome.amount
    let amountPath = outcome.amountPath
    const cap = d.maxAmount?.get(ctx.currency)
    if (cap !== undefined && amount > cap) {
      rec?.given(D.capped, cap, `store.${d.source}.max_amount.${ctx.currency}`, { rule: 'max_amount', inputs: [amountPath] })
      amount = cap
      amountPath = D.capped
    }
    let total = 0
    for (const b of outcome.bases) total += b
    // The lines' current bases are their item totals less the earlier discounts' shares: those
    // shares decide this discount's weights (and a cap at the bases) too. They are referred to
    // through one entry, Σ of the lines' current bases (the kind's own when it recorded one, else
    // recorded here), so that no entry lists every earlier share of every line: with one entry per
    // part, such lists made a traced estimate grow with lines² × discounts.
    // (Recorded before any part of this discount is: a line's base terms are read when recorded.)
    let linesBase: (() => string) | undefined
    let prior: readonly string[] | undefined
    if (rec !== undefined) {
      let now = 0
      for (const k of outcome.lines) now += current[k]!
      let at = outcome.basePath
      linesBase = () => (at ??= recordBase(kctx, outcome.lines, now))
      prior = outcome.lines.some((k) => shares![k] !== NO_SHARES) ? [linesBase()] : NO_PRIOR
    }
    // Capped at the bases or not, the amount was compared with them.
    const bases = prior === undefined ? undefined : [...outcome.lines.map((k) => linePaths(k).totals.item_total), ...prior]
    if (amount > total) {
      rec?.fixed(D.cappedAtBase, total, 'capped_at_base', { inputs: [amountPath, ...bases!] })
      amount = total
      amountPath = D.cappedAtBase
    }
    // A min_subtotal is judged on the cart's item total: it decided that this discount applies.
    if (rec !== undefined) rec.same(D.amount, amount, amountPath, { inputs: d.minSubtotal?.get(ctx.currency) === undefined ? bases! : [MIN_SUBTOTAL, ...bases!] })
    // The weights: the bases, or exact weights of the kind's (got units), or the bases net or
    // gross of the lines' rates under discount_proration.
    let exact: (readonly [bigint, bigint])[] | null = outcome.weights === undefined ? null : [...outcome.weights]
    let by = outcome.by
    const pr = ctx.policies.discount_proration
    if (exact === null && outcome.prorate && pr.name !== 'base') {
      let any = false
      const ws = outcome.lines.map((k, j) => {
        const f = sumPercents(taxed[k]!.rates)
        const w = pr.weight(outcome.bases[j]!, taxed[k]!.inclusive, f.k, f.l)
        if (w !== null) any = true
        return w ?? ([BigInt(outcome.bases[j]!), 1n] as const)
      })
      if (any) {
        exact = ws
        by = pr.name
      }
    }
    const [parts, held] = splitCapped(amount, exact === null ? outcome.bases : null, exact, outcome.bases, ctx.policies)
    // A zero part refers to the bases too.
    const zeroFrom = linesBase !== undefined && parts.includes(0) ? linesBase() : undefined
    const axes = ctx.policies.allocation.name === 'carry' ? (outcome.prorate ? PRORATED_CARRY : SPLIT_CARRY) : outcome.prorate ? PRORATED : SPLIT
    const policies = prior === undefined || prior.length === 0 ? axes : { policies: axes.policies, inputs: prior }
    // Traced: lines held at their cap are recorded as that cap, and the split is the one the other
    // lines shared (the amount less those caps, at $discounts[a].resplit), each line at its index in it.
    const keep = rec === undefined ? NO_KEEP : outcome.lines.map((_, j) => j).filter((j) => held?.[j] !== true)
    // Each kept line's part index in that split (found once, not searched for at every line).
    const partOf = rec === undefined || held === null ? undefined : new Array<number>(outcome.lines.length)
    if (partOf !== undefined) for (let i = 0; i < keep.length; i++) partOf[keep[i]!] = i
    if (rec !== undefined) {
      const terms: (readonly [string, 1 | -1])[] = [[D.amount, 1]]
      let left = amount
      outcome.lines.forEach((k, j) => {
        if (held?.[j] !== true || parts[j] === 0) return
        terms.push([linePaths(k).entry(lineEntries[k]!.length).amount, -1])
        left -= parts[j]!
      })
      if (held !== null) rec.sum(D.resplit, left, terms, policies)
      const weights = exact === null ? outcome.bases : exact.map(([num, d]) => fractionText(num, d))
      rec.split(D.base, { of: held === null ? D.amount : D.resplit, total: left, by, weights: keep.map((j) => weights[j]!), parts: keep.map((j) => parts[j]!), rule: ctx.policies.allocation.name, ...(ctx.policies.allocation.name === 'carry' ? { rounding: ctx.policies.rounding.name } : {}), inputs: keep.map((j) => linePaths(outcome.lines[j]!).totals.item_total) })
    }
    for (let j = 0; j < outcome.lines.length; j++) {
      const part = parts[j]!
      if (part === 0) {
        // No entry for a zero part, but the split decided it: the line's discount total says so.
        if (rec !== undefined) zeroParts(zeros!, outcome.lines[j]!, axes.policies, [D.amount, zeroFrom!])
        continue
      }
      const k = outcome.lines[j]!
      lineDiscount[k]! += part
      current[k]! -= part
      // (NONE until the line's first entry, made then as a one-entry list: a list grown by push
      // from [] reserves room for 17)
      const entries = lineEntries[k]!
      if (rec !== undefined) {
        const at = linePaths(k).entry(entries.length)
        if (held?.[j] === true) {
          const extra = { rule: 'capped_at_base', policies: axes.policies, ...(prior !== undefined && prior.length > 0 ? { inputs: prior } : {}) } as const
          // Held at its cap: a kind's own weight rounded up (the got units' base), else all the line had left.
          if (outcome.weights !== undefined) rec.round(at.amount, part, exact![j]![0], exact![j]![1], ceil, [fractionText(exact![j]![0], exact![j]![1])], undefined, extra)
          else {
            const terms: (readonly [string, 1 | -1])[] = []
            kctx.baseTerms(k, terms)
            rec.sum(at.amount, part, terms, extra)
          }
        } else rec.share(at.amount, part, D.base, partOf === undefined ? j : partOf[j]!, policies)
        // The entry exists because its part is not zero.
        rec.sum(at.shipping_amount, 0, NO_TERMS, { inputs: [at.amount] })
        if (shares![k] === NO_SHARES) shares![k] = []
        shares![k]!.push(at.amount)
      }
      const entry: LineDiscount = { id: d.id, code: d.code, label: d.label, type: d.type, amount: part, shipping_amount: 0 }
      if (entries === NONE) lineEntries[k] = [entry]
      else (entries as LineDiscount[]).push(entry)
    }
    applied.push({ discount: d, path, amount, shippingFixed: null, appliesTo: outcome.appliesTo ?? null })
    if (!d.combinable) exclusive = true
  }
  if (rec !== undefined)
    for (let k = 0; k < n; k++) rec.sumOf(linePaths(k).totals.discount, lineDiscount[k]!, shares![k]!, undefined, zeroExtra(zeros![k]))
  return { lineDiscount, lineEntries, applied }
}

/**
 * Hints for reconcile: why a number differs, drawn from the trace of our own computation and,
 * when the store and request are at hand, from re-running the estimate with each other policy.
 */
import { ROUNDING_MODES, ROUNDING_NAMES, type RoundingModeName } from '../money/rounding'
import { decimalText, parseFrac, roundFrac } from '../trace/exact'
import { entryLine } from '../trace/explain'
import { valueAt } from '../trace/path'
import type { Trace, TraceEntry } from '../trace/types'
import { isObject } from '../input/read'
import type { RawDiff } from './compare'
import type { ReconcileHint, ReconcileHintCode } from './types'

/** One re-run with a single option changed: which of the API's paths still differ. */
export interface AltRun {
  readonly name: string
  readonly value: string
  readonly tx: unknown
  readonly diffs: ReadonlySet<string>
}

export interface HintContext {
  /** Our trace (computed on first use: only orders that differ need it). */
  readonly trace: () => Trace | undefined
  /** The keys of the trace's amounts when its check listed them (ours as given), else undefined. */
  readonly traceKeys?: () => readonly string[] | undefined
  readonly shape: 'estimate' | 'create'
  /** Our transaction in the estimate shape (for the amounts behind a create-shape field). */
  readonly ours: unknown
  readonly theirs: unknown
  readonly diffs: readonly RawDiff[]
  /** Our response as given (for its errors). */
  readonly oursEnvelope: unknown
  readonly diffPaths: ReadonlySet<string>
  /** The API's path for one of our leaf paths, when the API returned that field. */
  readonly theirPath: (oursPath: string) => string | undefined
  /** The API's value at the field matching one of our leaf paths (undefined when it has none). */
  readonly theirValue: (oursPath: string) => unknown
  readonly alts: () => readonly AltRun[]
  readonly tol: number
}

const OPTION_CODE: Readonly<Record<string, ReconcileHintCode>> = {
  rounding: 'rounding_mode',
  tax_rounding: 'tax_rounding',
  instalment_rounding: 'instalment_rounding',
  shipping_tax: 'shipping_tax',
  inclusive_rounding: 'inclusive_rounding',
  inclusive_cross_border: 'inclusive_cross_border',
  allocation: 'allocation',
  discount_proration: 'discount_proration',
  tax_base: 'tax_base',
  instalment_remainder: 'instalment_remainder',
}

/** Another setting of one axis and the value this amount would then have, from the recorded data. */
interface Alternative {
  readonly option: string
  readonly choice: string
  readonly value: number
}

const exactOf = (e: TraceEntry) => parseFrac(e.exact)
const modeOf = (e: TraceEntry) => ROUNDING_MODES[(e.rounding ?? 'half_up') as RoundingModeName] ?? ROUNDING_MODES.half_up

/**
 * What this amount would be under the other value of the axis that decided it, computed from the
 * recorded exact value: a tax rounded per line instead of per unit (or the other way round), an
 * instalment plan kept exact instead of dropping cents (or the other way round).
 */
function alternativesOf(trace: Trace, ours: unknown, op: string, e: TraceEntry): Alternative[] {
  const out: Alternative[] = []
  const f = exactOf(e)
  if (e.op === 'round' && f !== undefined && e.level !== undefined && e.affine?.offset !== undefined && e.affine.offset === 0) {
    const factor = e.affine.factor
    if (e.level === 'unit' && factor > 1) out.push({ option: 'tax_rounding', choice: 'line', value: roundFrac({ n: f.n * BigInt(factor), d: f.d }, modeOf(e)) })
  } else if (e.op === 'round' && f !== undefined && e.level === 'line' && e.affine === undefined) {
    const m = /^products\[(\d+)\]/.exec(op)
    const q = m === null ? undefined : num(valueAt(ours, `products[${m[1]}].quantity`))
    if (q !== undefined && q > 1) out.push({ option: 'tax_rounding', choice: 'unit', value: q * roundFrac({ n: f.n, d: f.d * BigInt(q) }, modeOf(e)) })
  }
  const plan = /^(instalments\[\d+\])\.total_amount$/.exec(op)
  if (plan !== null && e.policies?.includes('instalment_rounding') === true) {
    const T = trace.amounts[`$${plan[1]}.T`]?.value
    const up = trace.amounts[`${plan[1]}.upfront_amount`]?.value
    const each = trace.amounts[`${plan[1]}.instalments_amount`]?.value
    const n = num(valueAt(ours, `${plan[1]}.instalments`))
    if (trace.options.instalment_rounding === 'exact' && up !== undefined && each !== undefined && n !== undefined) out.push({ option: 'instalment_rounding', choice: 'tamio', value: up + n * each })
    if (trace.options.instalment_rounding === 'tamio' && T !== undefined) out.push({ option: 'instalment_rounding', choice: 'exact', value: T })
  }
  return out
}

const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

function hint(code: ReconcileHintCode, message: string, option?: { name: string; value: string }): ReconcileHint {
  return option === undefined ? { code, message } : { code, message, option }
}

function near(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol
}

/** A percentage with up to 4 decimals, trailing zeros dropped. */
function percentText(x: number): string {
  return String(Math.round(x * 10_000) / 10_000)
}

/** The hint for one difference. Never throws. */
export function hintFor(ctx: HintContext, d: RawDiff): ReconcileHint {
  try {
    return hintOf(ctx, d)
  } catch {
    return hint('unexplained', 'no explanation could be derived for this difference')
  }
}

function hintOf(ctx: HintContext, d: RawDiff): ReconcileHint {
  if (d.path === 'status') return statusHint(ctx, d)
  if (d.kind === 'missing') return missingHint(d)
  if (d.kind === 'extra')
    return hint('extra', `we have ${String(d.ours)} item(s) here, the API ${String(d.theirs)}: ${d.extraKeys?.join(', ') ?? ''} ${d.extraKeys?.length === 1 ? 'is' : 'are'} ours only`)
  const theirs = num(d.theirs)
  const ours = num(d.ours)
  // 1. Another policy re-run gives the API's number without changing anything that matches now.
  if (theirs !== undefined) {
    const alts = ctx.alts()
    const all = alts.find((a) => a.diffs.size === 0)
    if (all !== undefined)
      return hint(OPTION_CODE[all.name] ?? 'unexplained', `with ${all.name} "${all.value}" the whole response matches the API (this amount would be ${String(valueAt(all.tx, d.oursPath))})`, { name: all.name, value: all.value })
    const one = alts.find((a) => givesTheirs(ctx, a, d.path))
    if (one !== undefined)
      return hint(OPTION_CODE[one.name] ?? 'unexplained', `with ${one.name} "${one.value}" this amount would be ${theirs}, the API's number, and nothing that matches now would change`, { name: one.name, value: one.value })
  }
  if (theirs === undefined || ours === undefined) return textHint(d)
  // Create shape: delegate to the estimate amount behind the create field.
  if (ctx.shape === 'create') return createHint(ctx, d, ours, theirs)
  return amountHint(ctx, d.path, d.oursPath, ours, theirs, true)
}

function statusHint(ctx: HintContext, d: RawDiff): ReconcileHint {
  const errs = (x: unknown) => {
    const e = isObject(x) ? x.errors : undefined
    return Array.isArray(e) ? e.map((i) => (isObject(i) ? `${String(i.code)} at ${String(i.path)}` : '?')).join('; ') : ''
  }
  if (d.ours === 400) return hint('status', `we answer 400 (${errs(ctx.oursEnvelope)}) where the API answered ${String(d.theirs)}`)
  if (d.theirs === 400) return hint('status', `the API answered 400 (${errs(ctx.theirs)}) where we answer ${String(d.ours)}`)
  return hint('status', `the API answered status ${String(d.theirs)}, we answer ${String(d.ours)}`)
}

function missingHint(d: RawDiff): ReconcileHint {
  if (/tax_rates\[\d+\]$/.test(d.path)) {
    const t = isObject(d.theirs) ? d.theirs : {}
    return hint('missing_rate', `the API charged a rate we did not (${String(t.label ?? '?')} ${String(t.rate_percent ?? '?')}% in ${String(t.jurisdiction ?? '?')}): a tax rate is missing from the store`)
  }
  if (/^products\[\d+\]$/.test(d.path)) return hint('missing', 'the API has a product line we do not (a line we rejected, or a different request)')
  if (/^errors\[\d+\]\.code$/.test(d.path)) return hint('status', `the API reported error ${String(d.theirs)}, we did not`)
  if (/discounts\[\d+\]$/.test(d.path)) return hint('discount_differs', 'the API applied a discount we did not: a coupon or automatic discount missing from the store, or not applicable here')
  return hint('missing', 'the API has this item, we do not')
}

function textHint(d: RawDiff): ReconcileHint {
  const p = d.path
  if (/(^|\.)payments(\.available)?(\[\d+\])?$/.test(p) || p.endsWith('payments.selected'))
    return hint('store_differs', "the payment methods differ: check the store's account.payment_methods (currencies, countries, min_total, max_total)")
  if (/(exchange_rate|convert_from|price_conversion)$/.test(p)) return hint('conversion', 'the currency conversion differs: check the store\'s exchange_rates')
  if (p.endsWith('currency')) return hint('store_differs', 'the transaction currency differs (request.currency, convert_prices, account.currencies)')
  if (/(interval|instalments|offset|upfront|cycle|id)$/.test(p) && p.startsWith('instalments')) return hint('plan_differs', "the instalment plan's configuration differs from the store's instalment_plans")
  return hint('store_differs', `the API has ${JSON.stringify(d.theirs)} where we have ${JSON.stringify(d.ours)}: the store's configuration differs from the API account's`)
}

/** The create field's estimate amounts (`totals.tax` = tax + shipping_tax …). */
function createComponents(path: string): string[] | undefined {
  const m = /^products\[(\d+)\]\.price$/.exec(path)
  if (m !== null) return [`products[${m[1]}].totals.unit_price`]
  switch (path) {
    case 'totals.subtotal':
      return ['totals.item_total']
    case 'totals.tax':
    case 'taxes.total':
      return ['totals.tax', 'totals.shipping_tax']
    case 'totals.shipping':
    case 'shipping.cost':
      return ['totals.shipping']
    case 'totals.discount':
      return ['totals.discount', 'totals.shipping_discount']
    case 'totals.total':
      return ['totals.total']
    default:
      return path.startsWith('instalments[') || /^products\[\d+\]\.quantity$/.test(path) ? [path] : undefined
  }
}

function createHint(ctx: HintContext, d: RawDiff, ours: number, theirs: number): ReconcileHint {
  if (d.path === 'taxes.rate') return hint('rate_differs', `the API reports a single rate of ${theirs}%, we applied ${ours}%`)
  const c = createConsistency(ctx, d.path, theirs)
  if (c !== undefined) return c
  const parts = createComponents(d.oursPath)
  const trace = ctx.trace()
  if (parts === undefined || trace === undefined) return amountHint(ctx, d.path, d.oursPath, ours, theirs, false)
  const values = parts.map((p) => trace.amounts[p]?.value ?? 0)
  const nonzero = parts.filter((_, i) => values[i] !== 0)
  const target = nonzero.length === 1 ? nonzero[0]! : parts[0]!
  let others = 0
  parts.forEach((p, i) => {
    if (p !== target) others += values[i]!
  })
  return amountHint(ctx, d.path, target, trace.amounts[target]?.value ?? ours - others, theirs - others, false)
}

/** The create shape's own relations: total = subtotal + tax + shipping − discount, subtotal = Σ price × quantity, … */
function createConsistency(ctx: HintContext, path: string, theirs: number): ReconcileHint | undefined {
  const tx = isObject(ctx.theirs) ? ctx.theirs.transaction : undefined
  const at = (p: string) => (p === path ? theirs : num(valueAt(tx, p)))
  const check = (label: string, expected: number | undefined) =>
    expected !== undefined && !near(expected, theirs, ctx.tol) ? hint('inconsistent', `the API's own ${label} = ${expected}, not ${theirs}`) : undefined
  const sum = (ps: [string, number][]) => {
    let s = 0
    for (const [p, sign] of ps) {
      const v = at(p)
      if (v === undefined) return undefined
      s += sign * v
    }
    return s
  }
  switch (path) {
    case 'totals.total':
      return check('subtotal + tax + shipping − discount', sum([['totals.subtotal', 1], ['totals.tax', 1], ['totals.shipping', 1], ['totals.discount', -1]]))
    case 'totals.subtotal': {
      const ps = valueAt(tx, 'products')
      if (!Array.isArray(ps)) return undefined
      let s = 0
      for (const p of ps) {
        const price = isObject(p) ? num(p.price) : undefined
        const q = isObject(p) ? num(p.quantity) : undefined
        if (price === undefined || q === undefined) return undefined
        s += price * q
      }
      return check('Σ products price × quantity', s)
    }
    case 'shipping.cost':
      return check('totals.shipping', at('totals.shipping'))
    case 'totals.shipping':
      return check('shipping.cost', at('shipping.cost'))
    case 'totals.tax':
      return check('taxes.total', at('taxes.total'))
    case 'taxes.total':
      return check('totals.tax', at('totals.tax'))
    default:
      return undefined
  }
}

/** The API's value for one of our leaf paths, when it returned that field. */
function theirsAt(ctx: HintContext, oursPath: string): number | undefined {
  return num(ctx.theirValue(oursPath))
}

const MODES = ROUNDING_NAMES

/** Hints for an amount with our derivation `e` at our path `op`. */
/**
 * Whether the estimate was re-run with `name: value` and that re-run does not give the API's
 * number at `path` without changing something that matches now: a hint read off the trace must not
 * name such a value (the re-run is the better witness).
 */
function refuted(ctx: HintContext, path: string, name: string, value: string): boolean {
  const a = ctx.alts().find((x) => x.name === name && x.value === value)
  return a !== undefined && !givesTheirs(ctx, a, path)
}

/** Whether re-run `a` gives the API's number at `path` and leaves every amount that matches now matching. */
function givesTheirs(ctx: HintContext, a: AltRun, path: string): boolean {
  return !a.diffs.has(path) && [...a.diffs].every((p) => ctx.diffPaths.has(p))
}

/** `path`: the difference's (the API's indices); `op`: our amount behind it. */
function amountHint(ctx: HintContext, path: string, op: string, ours: number, theirs: number, consistency: boolean): ReconcileHint {
  const trace = ctx.trace()
  const e = trace?.amounts[op]
  if (e !== undefined && trace !== undefined) {
    // 2. The other value of the axis that decided it (instalment rounding, the other tax level).
    for (const a of alternativesOf(trace, ctx.ours, op, e))
      if (near(a.value, theirs, ctx.tol) && !refuted(ctx, path, a.option, a.choice))
        return hint(OPTION_CODE[a.option] ?? 'unexplained', `with ${a.option} "${a.choice}" this would be ${a.value}, the API's number (ours: ${entryLine(trace, op, e)})`, { name: a.option, value: a.choice })
    // 3. The API's number against its own parts, and against the sums it is a part of.
    if (consistency) {
      const c = ownConsistency(ctx, e, op, theirs) ?? parentConsistency(ctx, op, theirs)
      if (c !== undefined) return c
    }
    // 4. Another rounding mode of the same exact value.
    const r = roundingHint(e, op, theirs, ctx.tol, (m) => !refuted(ctx, path, 'rounding', m))
    if (r !== undefined) return r
    // 5. A part of it differs too.
    if (consistency) {
      const f = followsHint(ctx, e)
      if (f !== undefined) return f
    }
  }
  const s = semanticHint(ctx, path, e, op, ours, theirs)
  if (s !== undefined) return s
  if (e !== undefined && trace !== undefined) return hint('unexplained', `ours: ${entryLine(trace, op, e)}; no other policy gives ${theirs}`)
  return hint('unexplained', `the API has ${theirs}, we have ${ours}`)
}

/** A reconcile call's view of its trace's sums: the entry keys, read once, and an index once it pays. */
interface Parents {
  readonly keys: readonly string[]
  queries: number
  index: Map<string, string[]> | undefined
}

/**
 * Kept per reconcile call (its context), never with the trace: a trace is plain data its owner may
 * edit between two calls.
 */
const PARENTS = new WeakMap<HintContext, Parents>()

/** Past this many lookups in one call, the sums are indexed by term instead of scanned. */
const SCANS = 4

/**
 * The sums of the trace that `op` is a term of, once per occurrence, in the trace's key order. A
 * call with a few differences scans the entries' terms; one with many builds the index once.
 */
export function parentsOf(ctx: HintContext, trace: Trace, op: string): readonly string[] {
  const amounts = trace.amounts
  let st = PARENTS.get(ctx)
  if (st === undefined) {
    // Own keys only (what the trace check read).
    st = { keys: ctx.traceKeys?.() ?? Object.keys(amounts), queries: 0, index: undefined }
    PARENTS.set(ctx, st)
  }
  const keys = st.keys
  if (st.index === undefined && ++st.queries > SCANS) {
    const m = new Map<string, string[]>()
    for (let k = 0; k < keys.length; k++) {
      const terms = amounts[keys[k]!]!.terms
      if (terms === undefined) continue
      for (let i = 0; i < terms.length; i++) {
        const p = terms[i]![0]
        const list = m.get(p)
        if (list === undefined) m.set(p, [keys[k]!])
        else list.push(keys[k]!)
      }
    }
    st.index = m
  }
  if (st.index !== undefined) return st.index.get(op) ?? []
  const out: string[] = []
  for (let k = 0; k < keys.length; k++) {
    const terms = amounts[keys[k]!]!.terms
    if (terms === undefined) continue
    for (let i = 0; i < terms.length; i++) if (terms[i]![0] === op) out.push(keys[k]!)
  }
  return out
}

/** The sums (in the trace) that `op` is a term of: where the API's own numbers no longer add up with this one. */
function parentConsistency(ctx: HintContext, op: string, theirs: number): ReconcileHint | undefined {
  const trace = ctx.trace()
  if (trace === undefined) return undefined
  for (const parent of parentsOf(ctx, trace, op)) {
    const e = trace.amounts[parent]!
    if (e.terms === undefined) continue
    const pv = theirsAt(ctx, parent)
    if (pv === undefined) continue
    let sum = 0
    let complete = true
    for (const [p, sign] of e.terms) {
      const v = p === op ? theirs : theirsAt(ctx, p)
      if (v === undefined) {
        complete = false
        break
      }
      sum += sign * v
    }
    if (complete && !near(sum, pv, ctx.tol))
      return hint('inconsistent', `the API's own ${ctx.theirPath(parent) ?? parent} is ${pv}, but its parts with this ${theirs} give ${sum}`)
  }
  const m = /^(instalments\[\d+\])\.(upfront_amount|instalments_amount)$/.exec(op)
  if (m !== null) {
    const total = theirsAt(ctx, `${m[1]}.total_amount`)
    const n = theirsAt(ctx, `${m[1]}.instalments`)
    const up = m[2] === 'upfront_amount' ? theirs : theirsAt(ctx, `${m[1]}.upfront_amount`)
    const each = m[2] === 'instalments_amount' ? theirs : theirsAt(ctx, `${m[1]}.instalments_amount`)
    const interest = theirsAt(ctx, `${m[1]}.interest`)
    const t = theirsAt(ctx, 'totals.total')
    if (total !== undefined && n !== undefined && up !== undefined && each !== undefined && up + n * each !== total && !(t !== undefined && interest !== undefined && t + interest === total && Math.abs(t + interest - up - n * each) < n))
      return hint('inconsistent', `the API's own total_amount ${total} ≠ upfront_amount + instalments × instalments_amount = ${up} + ${n} × ${each} = ${up + n * each}`)
  }
  return undefined
}

/** `allowed`: whether a mode may be named (one a re-run refuted may not). */
function roundingHint(e: TraceEntry, op: string, theirs: number, tol: number, allowed: (mode: string) => boolean): ReconcileHint | undefined {
  const f = parseFrac(e.exact)
  if (f === undefined || e.rounding === undefined) return undefined
  const offset = e.affine?.offset ?? 0
  const factor = e.affine?.factor ?? (e.op === 'allocate' ? NaN : 1)
  if (!Number.isFinite(factor)) return undefined
  const modes = MODES.filter((m) => m !== e.rounding && near(offset + factor * roundFrac(f, ROUNDING_MODES[m]), theirs, tol) && allowed(m))
  if (modes.length === 0) return undefined
  const fixed = op.endsWith('instalments_amount')
  const what = e.level !== undefined ? ` (tax rounding level "${e.level}")` : ''
  return hint(
    'rounding_mode',
    `the exact value is ${decimalText(f)}${what}: rounding it ${modes.map((m) => `round_${m}`).join(' or ')} gives ${theirs}, we round ${e.rounding}${fixed ? ' (the instalments are always rounded down)' : ''}`,
    fixed ? undefined : { name: 'rounding', value: modes[0]! },
  )
}

function ownConsistency(ctx: HintContext, e: TraceEntry, op: string, theirs: number): ReconcileHint | undefined {
  // (A sum a policy decided — a schedule entry, a re-split — may have other terms under another
  // value of it: the API's parts cannot be held to ours.)
  if (e.terms !== undefined && e.terms.length > 0 && !(e.policies !== undefined && e.policies.length > 0)) {
    let sum = 0
    const shown: string[] = []
    for (const [p, sign] of e.terms) {
      const v = theirsAt(ctx, p)
      if (v === undefined) return undefined
      sum += sign * v
      shown.push(`${ctx.theirPath(p)} ${v}`)
    }
    if (!near(sum, theirs, ctx.tol)) return hint('inconsistent', `the API's own parts give ${sum}, not ${theirs}: ${shown.join(', ')}`)
    return undefined
  }
  if (op.endsWith('.item_total') && op.startsWith('products[')) {
    const base = op.slice(0, op.indexOf('.totals'))
    const u = theirsAt(ctx, `${base}.totals.unit_price`)
    const q = theirsAt(ctx, `${base}.quantity`)
    if (u !== undefined && q !== undefined && u * q !== theirs) return hint('inconsistent', `the API's own unit_price × quantity = ${u} × ${q} = ${u * q}, not ${theirs}`)
  }
  const m = /^(instalments\[\d+\])\.total_amount$/.exec(op)
  if (m !== null) {
    const up = theirsAt(ctx, `${m[1]}.upfront_amount`)
    const each = theirsAt(ctx, `${m[1]}.instalments_amount`)
    const n = theirsAt(ctx, `${m[1]}.instalments`)
    const interest = theirsAt(ctx, `${m[1]}.interest`)
    if (up !== undefined && each !== undefined && n !== undefined && up + n * each !== theirs) {
      const t = interest !== undefined ? theirsAt(ctx, 'totals.total') : undefined
      if (t === undefined || interest === undefined || t + interest !== theirs)
        return hint('inconsistent', `the API's own upfront_amount + instalments × instalments_amount = ${up} + ${n} × ${each} = ${up + n * each}, not ${theirs}`)
    }
  }
  return undefined
}

function followsHint(ctx: HintContext, e: TraceEntry): ReconcileHint | undefined {
  for (const [p] of e.terms ?? []) {
    const tp = ctx.theirPath(p)
    if (tp !== undefined && ctx.diffPaths.has(tp)) return hint('follows', `follows from ${tp}, which differs too`)
  }
  for (const p of e.inputs ?? []) {
    const tp = ctx.theirPath(p)
    if (tp !== undefined && ctx.diffPaths.has(tp)) return hint('follows', `follows from ${tp}, which differs too`)
  }
  return undefined
}

function semanticHint(ctx: HintContext, path: string, e: TraceEntry | undefined, op: string, ours: number, theirs: number): ReconcileHint | undefined {
  const last = op.slice(op.lastIndexOf('.') + 1)
  if (last === 'rate_percent') return hint('rate_differs', `the API applied ${theirs}%, the store's rate is ${ours}%`)
  if (last === 'rate_amount') return hint('rate_differs', `the API's fixed amount per unit is ${theirs}, the store's ${ours}`)
  if (last === 'exchange_rate') return hint('conversion', `the API converted at ${theirs}, we at ${ours}: the exchange rates differ`)
  if (last === 'quantity' || last === 'item_count') return hint('quantity_differs', `the API counts ${theirs}, we count ${ours}: the request (or a pack's units) differs`)
  const plan = /^(instalments\[\d+\])\.total_amount$/.exec(op)
  if (plan !== null) {
    const n = num(valueAt(ctx.ours, `${plan[1]}.instalments`)) ?? 1
    const choice = theirs < ours ? 'tamio' : 'exact'
    // (Never the value ours was made with, when its trace says so: that one gives our number.)
    if (theirs !== ours && Math.abs(theirs - ours) <= n - 1 && ctx.trace()?.options.instalment_rounding !== choice && !refuted(ctx, path, 'instalment_rounding', choice)) {
      return hint(
        'instalment_rounding',
        `${Math.abs(theirs - ours)} cent(s) within the n − 1 = ${n - 1} that the instalment rounding decides: "tamio" (the API's) drops (total + interest − upfront) mod n cents, "exact" keeps them — the API's looks like "${choice}"`,
        { name: 'instalment_rounding', value: choice },
      )
    }
  }
  if (op.startsWith('instalments[') && /^(interval|instalments|offset|upfront)$/.test(last))
    return hint('plan_differs', `the API's plan has ${last} ${theirs}, the store's ${ours}: the instalment plan's configuration differs`)
  if (last.startsWith('moss_')) return hint('moss', ours === 0 ? 'the API taxes this line under OSS (at the destination), we do not: check account.eu_oss and is_moss_product' : 'we tax this line under OSS, the API differs: check account.eu_oss and is_moss_product')
  if (last === 'unit_price') {
    // A converted price: the recorded round of (the price in its own currency) × (the exact factor).
    const trace = ctx.trace()
    const origin = trace === undefined || e === undefined ? undefined : (e.op === 'sum' && e.terms?.length === 1 ? trace.amounts[e.terms[0]![0]] : e)
    const fromPath = origin?.op === 'round' ? origin.factors?.[0] : undefined
    const from = fromPath === undefined ? undefined : trace?.amounts[fromPath]
    if (from !== undefined && from.value > 0 && origin?.factors?.[1] !== undefined) {
      const factor = parseFrac(origin.factors[1])
      return hint('conversion', `we converted ${from.value} ${from.currency ?? ''} at a factor of ${factor === undefined ? '?' : decimalText(factor, 8)} = ${ours}; the API's ${theirs} implies a factor of about ${(theirs / from.value).toPrecision(6)}: the exchange rates differ`)
    }
    const source = (origin?.op === 'given' ? origin : undefined)?.source?.replace(/^store\./, '')
    return hint('price_differs', `the API priced this unit at ${theirs}, the store's ${source ?? 'catalog'} price is ${ours}: the store's pricing differs`)
  }
  if (/^shipping\.(shipping_rates\[\d+\]|shipping_method)\.cost$/.test(op)) return hint('shipping_cost_differs', `the API's shipping costs ${theirs}, the store's method ${ours}: check the shipping method's cost, tiers, free_over and currency`)
  const split = e?.allocation === undefined ? undefined : ctx.trace()?.splits[e.allocation.split]
  const share = split === undefined || e?.allocation === undefined ? undefined : exactShare(split, e.allocation.index)
  if (last === 'shipping_subtotal' && split !== undefined) {
    if (share !== undefined && Math.abs(theirs - share) < 1)
      return hint('allocation', `the API split the shipping ${split.total} differently: the exact share is ${decimalText({ n: BigInt(Math.round(share * 1e6)), d: 1000000n }, 6)} (we place the leftover cents by ${split.rule.replace(/_/g, ' ')})`)
    return hint('shipping_cost_differs', `the API gives this line ${theirs} of shipping, we ${ours} (our shipping cost ${split.total}, split by ${split.by}): the shipping cost or its split differs`)
  }
  if (/(^|\.)(discount|shipping_discount)$/.test(op) || /discounts\[\d+\]\.(amount|shipping_amount)$/.test(op))
    return hint('discount_differs', `the API's discount is ${theirs}, ours ${ours}: a coupon or automatic discount differs between the store and the API account`)
  if (split !== undefined && share !== undefined && Math.abs(theirs - share) < 1)
    return hint('allocation', `the API split ${split.total} differently: the exact share is ${decimalText({ n: BigInt(Math.round(share * 1e6)), d: 1000000n }, 6)}; we place the leftover cents by ${split.rule.replace(/_/g, ' ')}`)
  if (/(^|\.)(tax|shipping_tax)$/.test(op)) return taxHint(ctx, e, op, ours, theirs)
  return undefined
}

/** A tax that differs: a missing rate (ours 0) or a different rate (the API's implied percentage). */
function taxHint(ctx: HintContext, e: TraceEntry | undefined, op: string, ours: number, theirs: number): ReconcileHint | undefined {
  let taxable: number | undefined
  let rate: string | undefined
  const m = /^(.*tax_rates\[\d+\])\.tax$/.exec(op)
  const oursTx = ctx.ours
  if (m !== null) {
    taxable = num(valueAt(oursTx, `${m[1]}.taxable_amount`))
    rate = String(valueAt(oursTx, `${m[1]}.rate_percent`))
  } else {
    const t = /^(products\[\d+\]\.totals|totals)\.(tax|shipping_tax)$/.exec(op)
    if (t !== null) taxable = num(valueAt(oursTx, `${t[1]}.${t[2] === 'tax' ? 'subtotal' : 'shipping'}`))
  }
  if (ours === 0 && theirs !== 0) {
    const why = e?.rule !== undefined ? ` (${e.rule.replace(/_/g, ' ')})` : ''
    return hint('missing_rate', `we charge no tax here${why}; the API charged ${theirs}${taxable !== undefined && taxable > 0 ? ` = ${percentText((theirs / taxable) * 100)}% of ${taxable}` : ''}: a tax rate is missing from the store`)
  }
  if (taxable !== undefined && taxable > 0)
    return hint('rate_differs', `the API's ${theirs} is ${percentText((theirs / taxable) * 100)}% of ${taxable}${rate !== undefined && rate !== 'undefined' ? `, we apply ${rate}%` : `, ours ${percentText((ours / taxable) * 100)}%`}: a different rate (or taxable amount)`)
  return undefined
}


/** A split part's exact share total × wᵢ / Σw, as a Number (for "within a cent of the exact share"). */
function exactShare(s: { readonly total: number; readonly weights: readonly string[] }, i: number): number | undefined {
  let sn = 0n
  let sd = 1n
  const ws = s.weights.map(parseFrac)
  for (const w of ws) {
    if (w === undefined) return undefined
    sn = sn * w.d + w.n * sd
    sd *= w.d
  }
  const w = ws[i]
  if (w === undefined || sn === 0n) return undefined
  // total × (w.n / w.d) / (sn / sd)
  const n = BigInt(s.total) * w.n * sd
  const d = w.d * sn
  return Number((n * 1000000n) / d) / 1e6
}

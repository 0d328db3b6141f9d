/**
 * `explain(response, path)`: how one amount of a traced estimate was derived, as readable lines —
 * a formatting of what the stages recorded, nothing computed again.
 */
import { decimalText, parseFrac } from './exact'
import { isObject } from '../input/read'
import { normalizePath, valueAt } from './path'
import { traceKeys } from './wellformed'
import type { Trace, TraceEntry, TraceRule } from './types'

const hasOwn = Object.prototype.hasOwnProperty

/** The trace of a traced response (or a trace itself, e.g. parsed back from JSON); undefined otherwise, and for a trace this version did not write. */
export function traceOf(x: unknown): Trace | undefined {
  return checkedTrace(x)?.trace
}

/** {@link traceOf} with the keys of its amounts the check listed (see `traceKeys`). */
export function checkedTrace(x: unknown): { readonly trace: Trace; readonly keys: readonly string[] } | undefined {
  if (!isObject(x)) return undefined
  const t = hasOwn.call(x, 'trace') ? x.trace : x
  const keys = traceKeys(t)
  return keys === undefined ? undefined : { trace: t as Trace, keys }
}

/** The trace entry of one path (`transaction.` prefix optional), own keys only. */
export function entryAt(trace: Trace, path: string): TraceEntry | undefined {
  const p = normalizePath(path)
  return hasOwn.call(trace.amounts, p) ? trace.amounts[p] : undefined
}

const RULES: Readonly<Record<TraceRule, string>> = {
  not_shipped: 'not shipped',
  no_shipping: 'nothing shipped',
  free_over: 'free: the shipped lines reach the free-shipping threshold',
  max_amount: 'capped at the discount’s max_amount',
  capped_at_base: 'capped at what the discount applies to',
  no_rate: 'no tax rate applies',
  tax_exempt: 'the customer is tax exempt',
  reverse_charge: 'reverse charge: no VAT',
  shipping_untaxed: 'shipping is not taxed',
  nshift_untaxed: "the nShift quote's tax rate is 0 %",
  not_oss: 'not taxed under OSS',
  no_trial: 'no subscription line in a trial period',
  default_quantity: 'no quantity given',
  price_floor: 'a price never goes below 0',
  no_delta: 'no price delta in this currency',
  clamped: 'held within the gross',
  fixed_capped: 'a fixed amount takes at most what is left of the gross',
}

/** A rule in words; a rule another version wrote, as written. */
const ruleText = (r: string): string => (hasOwn.call(RULES, r) ? RULES[r as TraceRule] : r)

/** Shown terms of a long sum: a 10,000-line cart stays readable. */
const SHOWN = 12

/** The transaction of the response being explained (for inputs that are not amounts, like quantities). */
let shown: unknown

/** A factor as shown: an amount's value, or the exact number as a decimal (`19%`, `0.9199…`). */
function factorText(trace: Trace, f: string): string {
  if (f.endsWith('%')) return f
  const n = parseFrac(f)
  if (n !== undefined) return decimalText(n)
  const e = entryAt(trace, f)
  if (e !== undefined) return String(e.value)
  const v = valueAt(shown, f)
  return typeof v === 'number' ? String(v) : f
}

/** A short label for a term: `item_total`, `Σ products[].totals.total`. */
function termLabel(p: string): string {
  const last = p.replace(/\[\d+\]/g, '[]').split('.')
  return (last[last.length - 1] ?? p).replace(/^\$/, '')
}

function sumSteps(trace: Trace, e: TraceEntry): string[] {
  const terms = e.terms ?? []
  if (terms.length === 0) return e.rule !== undefined ? [`0 (${ruleText(e.rule)})`] : ['0 (nothing applies)']
  const generic = terms.length > 2 && terms.every(([p]) => p.replace(/\[\d+\]/, '[]') === terms[0]![0].replace(/\[\d+\]/, '[]'))
  const label = generic ? `Σ ${terms[0]![0].replace(/\[\d+\]/, '[]')}` : terms.map(([p, s], i) => `${i === 0 ? (s < 0 ? '−' : '') : s < 0 ? ' − ' : ' + '}${termLabel(p)}`).join('')
  let values = ''
  terms.forEach(([p, s], i) => {
    if (i > SHOWN) return
    if (i === SHOWN) {
      values += ` + … (${terms.length} terms)`
      return
    }
    const v = entryAt(trace, p)?.value ?? '?'
    values += i === 0 ? (s < 0 ? `−${v}` : String(v)) : ` ${s < 0 ? '−' : '+'} ${v}`
  })
  return values === String(e.value) || values === label ? [label] : [label, values]
}

function roundSteps(trace: Trace, e: TraceEntry): string[] {
  const fs = (e.factors ?? []).map((f) => factorText(trace, f))
  const ds = (e.divisors ?? []).map((f) => factorText(trace, f))
  let expr = fs.length === 0 ? `Σ ${decimalText(parseFrac(e.exact) ?? { n: 0n, d: 1n })}` : fs.join(' × ')
  if (ds.length > 0) expr = `${fs.length > 1 ? `(${expr})` : expr} / ${ds.join(' / ')}`
  const exact = parseFrac(e.exact)
  const a = e.affine
  const wrap = (x: string) => {
    if (a === undefined || (a.offset === 0 && a.factor === 1)) return x
    const times = a.factor === 1 ? x : a.factor === -1 ? x : `${Math.abs(a.factor)} × ${x}`
    if (a.offset === 0) return a.factor < 0 ? `−${times}` : times
    return `${a.offset} ${a.factor < 0 ? '−' : '+'} ${times}`
  }
  return [wrap(`round_${e.rounding ?? '?'}(${expr})`), wrap(`round(${exact === undefined ? '?' : decimalText(exact)})`)]
}

/** What an alias (a one-term sum) stands for, through chains of them. */
function resolveAlias(trace: Trace, path: string): string {
  for (let i = 0; i < 8; i++) {
    const e = entryAt(trace, path)
    const t = e?.terms
    if (e === undefined || e.op !== 'sum' || t === undefined || t.length !== 1 || t[0]![1] !== 1 || entryAt(trace, t[0]![0]) === undefined) return path
    path = t[0]![0]
  }
  return path
}

/** The successive forms of an amount's equation (without the final value). */
function steps(trace: Trace, path: string, e: TraceEntry, seen = 0): string[] {
  switch (e.op) {
    case 'given':
      if (e.rule !== undefined) return [`${e.value} (${ruleText(e.rule)})`]
      return [`${e.value} (from ${e.source ?? 'the input'}${e.currency !== undefined ? `, in ${e.currency}` : ''})`]
    case 'product':
      return [(e.factors ?? []).map((f) => factorText(trace, f)).join(' × ')]
    case 'round':
      return roundSteps(trace, e)
    case 'allocate': {
      const a = e.allocation
      const s = a === undefined ? undefined : trace.splits[a.split]
      if (a === undefined || s === undefined) return ['a part of a split']
      if (s.parts.length === 1) return [`all of ${s.of} (the only part)`]
      return [`part ${a.index + 1} of ${s.total} split by ${s.by} (${s.rule.replace(/_/g, ' ')})`]
    }
    default: {
      // A one-term sum is the same amount: show the derivation of what it stands for.
      const t = e.terms
      if (t !== undefined && t.length === 1 && t[0]![1] === 1 && seen < 8) {
        const inner = entryAt(trace, t[0]![0])
        if (inner !== undefined) return steps(trace, t[0]![0], inner, seen + 1)
      }
      void path
      return sumSteps(trace, e)
    }
  }
}

/** One entry as an equation: `path = step = step = value`. */
export function entryLine(trace: Trace, path: string, e: TraceEntry): string {
  const s = steps(trace, path, e)
  const last = s[s.length - 1] ?? ''
  if (last === String(e.value) || last.startsWith(`${e.value} (`)) return [path, ...s].join(' = ')
  return [path, ...s, String(e.value)].join(' = ')
}

/** The amounts an entry was made from (each explained below it). */
function inputsOf(trace: Trace, e: TraceEntry): string[] {
  const out: string[] = []
  const add = (p: string) => {
    if (!parseFrac(p) && !p.endsWith('%') && entryAt(trace, p) !== undefined) out.push(p)
  }
  for (const [p] of e.terms ?? []) add(p)
  for (const p of e.factors ?? []) add(p)
  for (const p of e.divisors ?? []) add(p)
  for (const p of e.inputs ?? []) add(p)
  if (e.allocation !== undefined) {
    const s = trace.splits[e.allocation.split]
    if (s !== undefined) add(s.of)
  }
  return out
}

const SHOWN_PARTS = 12

function splitLine(trace: Trace, e: TraceEntry): string | undefined {
  const a = e.allocation
  const s = a === undefined ? undefined : trace.splits[a.split]
  if (a === undefined || s === undefined || s.parts.length < 2) return undefined
  // Only the parts shown are formatted: a split over every line of a 10,000-line cart is explained
  // once per line, and formatting all its weights each time made explaining a total quadratic.
  const list = <T,>(xs: readonly T[], show: (x: T) => string | number) => {
    const shownList = (xs.length > SHOWN_PARTS ? xs.slice(0, SHOWN_PARTS) : xs).map(show).join(', ')
    return xs.length > SHOWN_PARTS ? `${shownList}, … (${xs.length})` : shownList
  }
  const weight = (w: string) => {
    const f = parseFrac(w)
    return f === undefined ? w : decimalText(f, 4)
  }
  return `split of ${s.total} by ${s.by} [${list(s.weights, weight)}] → [${list(s.parts, (x) => x)}], this is part ${a.index + 1} (${s.rule.replace(/_/g, ' ')}${s.rule === 'largest_remainder' ? ', ties to the earlier part' : ''})`
}

/**
 * How the amount at `path` was derived, from the trace of an estimate made with
 * `{ trace: true }`: the first line is the amount's own equation, e.g.
 * `products[0].totals.shipping_tax = round_half_up(1312 × 19%) = round(249.28) = 249`; the following
 * lines (indented) explain the amounts it was made from, each once, with the split it came from and
 * the policies that decided it. Never throws: an untraced response or an unknown path gives one
 * line saying so.
 *
 * @example
 * ```ts
 * const res = estimate(store, request, { at, trace: true })
 * explain(res, 'products[0].totals.shipping_tax')[0]
 * // 'products[0].totals.shipping_tax = round_half_up(1312 × 19%) = round(249.28) = 249'
 * ```
 */
export function explain(response: unknown, path: string): string[] {
  const p = normalizePath(typeof path === 'string' ? path : typeof path === 'number' ? String(path) : '')
  const trace = traceOf(response)
  if (trace === undefined) return [`${p}: no trace in this response — estimate with { trace: true } to explain its amounts`]
  const first = entryAt(trace, p)
  if (first === undefined) return [`${p}: not an amount of this transaction (traced amounts are like products[0].totals.tax, totals.total, instalments[0].total_amount)`]
  shown = isObject(response) && hasOwn.call(response, 'transaction') ? response.transaction : undefined
  const out: string[] = []
  const seen = new Set<string>()
  const options = trace.options as unknown as Record<string, unknown>
  const walk = (at: string, depth: number): void => {
    const e = entryAt(trace, at)
    if (e === undefined || seen.has(at) || depth > 8) return
    seen.add(at)
    // An alias of one amount says nothing new: explain what it stands for, under the alias's name.
    const target = resolveAlias(trace, at)
    const t = entryAt(trace, target)!
    seen.add(target)
    const pad = '  '.repeat(depth)
    out.push(pad + entryLine(trace, at, e))
    const split = splitLine(trace, t)
    if (split !== undefined) out.push(`${pad}  ${split}`)
    if (t.level !== undefined) out.push(`${pad}  tax rounding level "${t.level}"`)
    const policies = [...new Set([...(e.policies ?? []), ...(t.policies ?? [])])]
    if (policies.length > 0) out.push(`${pad}  decided by ${policies.map((a) => `${a} "${String(options[a] ?? '?')}"`).join(', ')}`)
    for (const input of inputsOf(trace, t)) walk(input, depth + 1)
  }
  walk(p, 0)
  shown = undefined
  return out
}

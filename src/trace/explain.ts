/**
 * `explain(response, path)`: how one amount of a traced estimate was derived, as readable lines.
 */
import { normalizePath } from './path'
import type { Trace, TraceEntry } from './types'

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The trace of a traced response (or a trace itself, e.g. parsed back from JSON); undefined otherwise. */
export function traceOf(x: unknown): Trace | undefined {
  if (!isRecord(x)) return undefined
  const t = Object.prototype.hasOwnProperty.call(x, 'trace') ? x.trace : x
  if (!isRecord(t) || t.version !== 1 || !isRecord(t.amounts) || !isRecord(t.options)) return undefined
  return t as unknown as Trace
}

/** The trace entry of one path (`transaction.` prefix optional), own keys only. */
export function entryAt(trace: Trace, path: string): TraceEntry | undefined {
  const p = normalizePath(path)
  return Object.prototype.hasOwnProperty.call(trace.amounts, p) ? trace.amounts[p] : undefined
}

/** One entry as an equation: `path = step = step = value`. */
export function entryLine(path: string, e: TraceEntry): string {
  const last = e.steps[e.steps.length - 1] ?? ''
  const steps = last === String(e.value) ? e.steps.slice(0, -1) : e.steps
  // "0 (not shipped)" already states the value.
  if (last.startsWith(`${e.value} (`)) return [path, ...steps].join(' = ')
  return [path, ...steps, String(e.value)].join(' = ')
}

const SHOWN_PARTS = 12

function allocationLine(trace: Trace, e: TraceEntry): string | undefined {
  const a = e.allocation
  const s = a === undefined || !isRecord(trace.splits) ? undefined : trace.splits[a.split]
  if (a === undefined || s === undefined || s.parts.length < 2) return undefined
  const list = (xs: readonly (string | number)[]) => (xs.length > SHOWN_PARTS ? `${xs.slice(0, SHOWN_PARTS).join(', ')}, … (${xs.length})` : xs.join(', '))
  return `split of ${s.total} by ${s.by} [${list(s.weights)}] → [${list(s.parts)}], this is part ${a.index + 1} (largest remainder, ties to the earlier part)`
}

/**
 * How the amount at `path` was derived, from the trace of an estimate made with
 * `{ trace: true }`: the first line is the amount's own equation, e.g.
 * `products[0].totals.shipping_tax = round_half_up(1312 × 19%) = round(249.28) = 249`; the following
 * lines (indented) explain the amounts it was derived from, each once, with the split it came
 * from and any note. Never throws: an untraced response or an unknown path gives one line saying so.
 *
 * @example
 * ```ts
 * const res = estimate(store, request, { at, trace: true })
 * explain(res, 'products[0].totals.shipping_tax')[0]
 * // 'products[0].totals.shipping_tax = round_half_up(1312 × 19%) = round(249.28) = 249'
 * ```
 */
export function explain(response: unknown, path: string): string[] {
  const p = normalizePath(typeof path === 'string' ? path : String(path))
  const trace = traceOf(response)
  if (trace === undefined) return [`${p}: no trace in this response — estimate with { trace: true } to explain its amounts`]
  const first = entryAt(trace, p)
  if (first === undefined) return [`${p}: not an amount of this transaction (traced amounts are like products[0].totals.tax, totals.total, instalments[0].total_amount)`]
  const out: string[] = []
  const seen = new Set<string>()
  const walk = (path: string, depth: number, parent?: TraceEntry): void => {
    const e = entryAt(trace, path)
    if (e === undefined || seen.has(path) || depth > 8) return
    seen.add(path)
    // A part that is the whole (a line's one rate, a total of one line) says nothing new: skip to its inputs.
    if (parent !== undefined && e.steps.join('\u0000') === parent.steps.join('\u0000')) {
      for (const input of e.inputs ?? []) walk(input, depth, e)
      return
    }
    const pad = '  '.repeat(depth)
    out.push(pad + entryLine(path, e))
    const split = allocationLine(trace, e)
    if (split !== undefined) out.push(`${pad}  ${split}`)
    if (e.level !== undefined) out.push(`${pad}  tax rounding level "${e.level}"`)
    if (e.note !== undefined) out.push(`${pad}  note: ${e.note}`)
    if (e.source !== undefined) out.push(`${pad}  from ${e.source}`)
    for (const a of e.alternatives ?? []) out.push(`${pad}  with ${a.option} "${a.choice}" it would be ${a.value}`)
    for (const input of e.inputs ?? []) walk(input, depth + 1, e)
  }
  walk(p, 0)
  return out
}

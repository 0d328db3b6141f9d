/**
 * Whether a value is a trace as this version writes it. A traced response is stored and sent as
 * JSON, and what comes back may have been edited or written by another version: the explainer and
 * reconcile's hints read a trace only after this check, so a damaged one is no trace at all rather
 * than a TypeError.
 */
import { isObject } from '../input/read'
import type { Trace } from './types'

const OPS = new Set(['given', 'round', 'product', 'sum', 'allocate'])

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
const isStr = (v: unknown): v is string => typeof v === 'string'
/** Absent, or a string. */
const optStr = (v: unknown): boolean => v === undefined || typeof v === 'string'
/** Absent, or an array of strings (a hole reads as undefined: not a string). */
function optStrings(v: unknown): boolean {
  if (v === undefined) return true
  if (!Array.isArray(v)) return false
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false
  return true
}

function optTerms(v: unknown): boolean {
  if (v === undefined) return true
  if (!Array.isArray(v)) return false
  for (let i = 0; i < v.length; i++) {
    const t: unknown = v[i]
    if (!Array.isArray(t) || t.length !== 2 || typeof t[0] !== 'string' || (t[1] !== 1 && t[1] !== -1)) return false
  }
  return true
}

/** An entry of the shape documented; a part names a split the trace has (an own key: never `toString`). */
function isEntry(e: unknown, splits: Record<string, unknown>): boolean {
  if (!isObject(e) || !isStr(e.op) || !OPS.has(e.op) || !isNum(e.value)) return false
  const a = e.affine
  const al = e.allocation
  return (
    optStr(e.exact) && optStr(e.rounding) && optStrings(e.factors) && optStrings(e.divisors) &&
    (a === undefined || (isObject(a) && isNum(a.offset) && isNum(a.factor))) &&
    optTerms(e.terms) &&
    (al === undefined || (isObject(al) && isStr(al.split) && Object.prototype.hasOwnProperty.call(splits, al.split) && Number.isSafeInteger(al.index) && (al.index as number) >= 0)) &&
    optStr(e.level) && optStr(e.source) && optStr(e.currency) && optStr(e.rule) && optStrings(e.inputs) && optStrings(e.policies)
  )
}

function isSplit(s: unknown): boolean {
  if (!isObject(s) || !isStr(s.of) || !isNum(s.total) || !isStr(s.by) || !isStr(s.rule) || !optStr(s.rounding)) return false
  if (!Array.isArray(s.weights) || !optStrings(s.weights) || !optStrings(s.inputs) || !Array.isArray(s.parts)) return false
  const parts: unknown[] = s.parts
  for (let i = 0; i < parts.length; i++) if (!isNum(parts[i])) return false
  return true
}

/** Whether every own value of `o` passes `check`. */
function every(o: Record<string, unknown>, check: (v: unknown) => boolean): boolean {
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k) && !check(o[k])) return false
  return true
}

const isOption = (v: unknown): boolean => v === null || typeof v === 'string' || typeof v === 'boolean'

/**
 * Whether `t` is a trace of this version, every entry and split of the shape it documents.
 *
 * @example
 * ```ts
 * isTrace(estimate(store, request, { at, trace: true }).trace) // true
 * isTrace({ version: 2, amounts: { 'totals.total': { op: 'sum', terms: 'items' } } }) // false
 * ```
 */
export function isTrace(t: unknown): t is Trace {
  if (!isObject(t) || t.version !== 2 || !isStr(t.currency) || !isObject(t.options) || !isObject(t.amounts) || !isObject(t.splits)) return false
  const splits = t.splits
  return every(t.options, isOption) && every(t.amounts, (e) => isEntry(e, splits)) && every(t.splits, isSplit)
}

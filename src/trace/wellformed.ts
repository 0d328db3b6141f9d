/**
 * Whether a value is a trace as this version writes it. A traced response is stored and sent as
 * JSON, and what comes back may have been edited or written by another version: the explainer and
 * reconcile's hints read a trace only after this check, so a damaged one is no trace at all rather
 * than a TypeError.
 */
import { isObject } from '../input/read'
import type { Trace } from './types'

const isOp = (v: unknown): boolean => v === 'sum' || v === 'round' || v === 'given' || v === 'allocate' || v === 'product'

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

/**
 * An entry of the shape documented; a part names a split the trace has (an own key: never
 * `toString`). One pass over the entry's keys, each value checked by its name (unknown keys are
 * allowed), then the two required ones: reading the ~18 optional fields by name instead costs a
 * failed lookup for each absent one, on entries of a dozen shapes — three times the time of this.
 */
function isEntry(e: unknown, splits: Record<string, unknown>): boolean {
  if (!isObject(e)) return false
  let required = 0
  for (const k in e) {
    const v: unknown = e[k]
    if (v === undefined) continue
    switch (k) {
      case 'op':
        if (!isOp(v)) return false
        required |= 1
        break
      case 'value':
        if (!isNum(v)) return false
        required |= 2
        break
      case 'exact':
      case 'rounding':
      case 'level':
      case 'source':
      case 'currency':
      case 'rule':
        if (typeof v !== 'string') return false
        break
      case 'factors':
      case 'divisors':
      case 'inputs':
      case 'policies':
        if (!optStrings(v)) return false
        break
      case 'affine':
        if (!isObject(v) || !isNum(v.offset) || !isNum(v.factor)) return false
        break
      case 'terms':
        if (!optTerms(v)) return false
        break
      case 'allocation':
        if (!isObject(v) || !isStr(v.split) || !Object.prototype.hasOwnProperty.call(splits, v.split) || !Number.isSafeInteger(v.index) || (v.index as number) < 0) return false
        break
    }
  }
  return required === 3
}

function isSplit(s: unknown): boolean {
  if (!isObject(s) || !isStr(s.of) || !isNum(s.total) || !isStr(s.by) || !isStr(s.rule) || !optStr(s.rounding)) return false
  if (!Array.isArray(s.weights) || !optStrings(s.weights) || !optStrings(s.inputs) || !Array.isArray(s.parts)) return false
  const parts: unknown[] = s.parts
  for (let i = 0; i < parts.length; i++) if (!isNum(parts[i])) return false
  return true
}

/** Whether every own value of `o` passes `check` (its own keys listed once: faster than `for…in` on a trace's hundreds). */
function every(o: Record<string, unknown>, check: (v: unknown) => boolean): boolean {
  const keys = Object.keys(o)
  for (let i = 0; i < keys.length; i++) if (!check(o[keys[i]!])) return false
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
  return traceKeys(t) !== undefined
}

/**
 * The keys of `t.amounts` when `t` is a trace of this version ({@link isTrace}), else undefined:
 * the list the check walked, for a reader that walks the entries again (listing a trace's few
 * hundred keys costs about as much as checking them).
 *
 * @example
 * ```ts
 * traceKeys(estimate(store, request, { at, trace: true }).trace)?.includes('totals.total') // true
 * ```
 */
export function traceKeys(t: unknown): readonly string[] | undefined {
  if (!isObject(t) || t.version !== 2 || !isStr(t.currency) || !isObject(t.options) || !isObject(t.amounts) || !isObject(t.splits)) return undefined
  const splits = t.splits
  const amounts = t.amounts
  if (!every(t.options, isOption) || !every(splits, isSplit)) return undefined
  const keys = Object.keys(amounts)
  for (let i = 0; i < keys.length; i++) if (!isEntry(amounts[keys[i]!], splits)) return undefined
  return keys
}

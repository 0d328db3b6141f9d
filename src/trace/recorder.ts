/**
 * The recorder behind `options.trace`. Stages take a `Recorder | undefined` and record each amount
 * where they compute it — `rec?.round(path, value, …)` — so the trace is the calculation itself.
 * Untraced estimates pass `undefined`: an optional call skips even building its arguments, so the
 * untraced path pays nothing for tracing.
 */
import type { RoundingMode } from '../money/modes/mode'
import type { AxisName } from '../policies/axes'
import type { Trace, TraceEntry, TraceFactor, TraceOptions, TraceRule, TraceSplit } from './types'

type Num = number | bigint

/** Extra fields an entry may carry. */
export interface EntryExtra {
  readonly rule?: TraceRule
  readonly inputs?: readonly string[]
  readonly policies?: readonly AxisName[]
  readonly level?: string
  readonly affine?: { readonly offset: number; readonly factor: number }
  readonly currency?: string
  /** An exact value and its factors, on a part of a split whose weight it is (a document-level tax). */
  readonly exact?: string
  readonly factors?: readonly TraceFactor[]
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}

/** A reduced fraction as text (`"6232/25"`, `"3"`), exact for Numbers and bigints. */
export function fractionText(n: Num, d: Num): string {
  if (typeof n === 'number' && typeof d === 'number' && Number.isSafeInteger(n) && Number.isSafeInteger(d)) {
    if (d < 0) {
      n = -n
      d = -d
    }
    let a = Math.abs(n)
    let b = d
    while (b !== 0) [a, b] = [b, a % b]
    const g = a === 0 ? d : a
    return d / g === 1 ? String(n / g) : `${n / g}/${d / g}`
  }
  let bn = BigInt(n)
  let bd = BigInt(d)
  if (bd < 0n) {
    bn = -bn
    bd = -bd
  }
  const g = gcd(bn < 0n ? -bn : bn, bd) || bd
  return bd / g === 1n ? String(bn / g) : `${bn / g}/${bd / g}`
}

/**
 * A percentage factor as exact text: 19/100 → `"19%"`, 617/5000 → `"12.34%"` (a rational that is
 * no terminating decimal stays a fraction).
 */
export function percentText(r: { readonly num: number; readonly den: number }): string {
  let n = BigInt(r.num) * 100n
  let d = BigInt(r.den)
  const g = gcd(n < 0n ? -n : n, d) || 1n
  n /= g
  d /= g
  let scale = 0
  let x = d
  while (x % 2n === 0n) (x /= 2n), scale++
  let y = x
  let fives = 0
  while (y % 5n === 0n) (y /= 5n), fives++
  if (y !== 1n) return `${r.num}/${r.den}`
  const digits = Math.max(scale, fives)
  const scaled = (n * 10n ** BigInt(digits)) / d
  const neg = scaled < 0n
  const t = (neg ? -scaled : scaled).toString().padStart(digits + 1, '0')
  const text = digits === 0 ? t : `${t.slice(0, t.length - digits)}.${t.slice(t.length - digits)}`
  return `${neg ? '-' : ''}${text}%`
}

/** Records the amounts and splits of one estimate. */
export class Recorder {
  readonly amounts: Record<string, TraceEntry> = {}
  readonly splits: Record<string, TraceSplit> = {}

  private put(path: string, e: TraceEntry, extra: EntryExtra | undefined): void {
    this.amounts[path] = extra === undefined ? e : { ...e, ...extra }
  }

  /** An amount taken from the input at `source` (`store.…` / `request.…`). */
  given(path: string, value: number, source: string, extra?: EntryExtra): void {
    this.put(path, { op: 'given', value, source }, extra)
  }

  /** An amount fixed by a rule rather than by an input (a 0 for an unshipped line, a price floor). */
  fixed(path: string, value: number, rule: TraceRule, extra?: EntryExtra): void {
    this.put(path, { op: 'given', value, rule }, extra)
  }

  /** value = Π factors. */
  product(path: string, value: number, factors: readonly TraceFactor[], extra?: EntryExtra): void {
    this.put(path, { op: 'product', value, factors }, extra)
  }

  /** value = offset + factor × round_mode(n / d), where n / d = Π factors ÷ Π divisors. */
  round(path: string, value: number, n: Num, d: Num, mode: RoundingMode, factors: readonly TraceFactor[], divisors?: readonly TraceFactor[], extra?: EntryExtra): void {
    const e: TraceEntry =
      divisors === undefined || divisors.length === 0
        ? { op: 'round', value, exact: fractionText(n, d), rounding: mode.name, factors }
        : { op: 'round', value, exact: fractionText(n, d), rounding: mode.name, factors, divisors }
    this.put(path, e, extra)
  }

  /** value = Σ sign × amount(term); an empty sum is 0 (say why with `extra.rule`). */
  sum(path: string, value: number, terms: readonly (readonly [string, 1 | -1])[], extra?: EntryExtra): void {
    this.put(path, { op: 'sum', value, terms }, extra)
  }

  /** A one-term sum: this amount is that one. */
  same(path: string, value: number, of: string, extra?: EntryExtra): void {
    this.put(path, { op: 'sum', value, terms: [[of, 1]] }, extra)
  }

  /** Part `index` of the split `key` (recorded with {@link split}). */
  share(path: string, value: number, key: string, index: number, extra?: EntryExtra): void {
    this.put(path, { op: 'allocate', value, allocation: { split: key, index } }, extra)
  }

  /** A split of `total` over `weights` into `parts` by `rule`. */
  split(key: string, s: TraceSplit): void {
    this.splits[key] = s
  }

  /** The finished trace. */
  trace(currency: string, options: TraceOptions): Trace {
    return { version: 2, currency, options, amounts: this.amounts, splits: this.splits }
  }
}

/** Weights as exact text. */
export function weightTexts(ws: readonly Num[]): string[] {
  const out = new Array<string>(ws.length)
  for (let i = 0; i < ws.length; i++) out[i] = String(ws[i]!)
  return out
}

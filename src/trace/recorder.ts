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

/** a × b exactly: a Number while it is a safe integer, else a bigint (for exact values of the trace). */
export function times(a: number, b: number): number | bigint {
  const p = a * b
  return Number.isSafeInteger(p) ? p : BigInt(a) * BigInt(b)
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
  let t = PERCENTS.get(r)
  if (t === undefined) PERCENTS.set(r, (t = percentOf(r)))
  return t
}

/** A store's rates are parsed once: their texts are kept beside them. */
const PERCENTS = new WeakMap<object, string>()

function percentOf(r: { readonly num: number; readonly den: number }): string {
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

/**
 * A plain object that starts in dictionary mode. An object given hundreds of distinct keys one by
 * one would otherwise walk V8 through as many hidden classes (the traced estimate's main cost);
 * deleting a key that is not the last one added switches it to a hash table at once. It is still
 * an ordinary `{}` (Object prototype, JSON as usual).
 */
function dictionary<T>(): Record<string, T> {
  const o: Record<string, unknown> = { a: 0, b: 0 }
  delete o.a
  delete o.b
  return o as Record<string, T>
}

/** An entry while it is being recorded. */
type Draft = { -readonly [K in keyof TraceEntry]: TraceEntry[K] }

/**
 * Records the amounts and splits of one estimate. Entries are kept in the order they are recorded,
 * beside their paths; the keyed `trace.amounts` object is built from them the first time it is
 * read (a few hundred keys cost more to index than the whole estimate does to compute, and many
 * traced estimates are never read). Recording the same path twice keeps the later entry.
 */
export class Recorder {
  private readonly paths: string[] = []
  private readonly entries: TraceEntry[] = []
  readonly splits: Record<string, TraceSplit> = dictionary()

  private put(path: string, e: Draft, x: EntryExtra | undefined): void {
    // Field by field (Object.assign is several times slower on this hot path).
    if (x !== undefined) {
      if (x.rule !== undefined) e.rule = x.rule
      if (x.inputs !== undefined) e.inputs = x.inputs
      if (x.policies !== undefined) e.policies = x.policies
      if (x.level !== undefined) e.level = x.level
      if (x.affine !== undefined) e.affine = x.affine
      if (x.currency !== undefined) e.currency = x.currency
      if (x.exact !== undefined) e.exact = x.exact
      if (x.factors !== undefined) e.factors = x.factors
    }
    this.paths.push(path)
    this.entries.push(e)
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
    const e: Draft =
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

  /** The entry recorded last at `path` (for a stage that needs one it recorded). */
  entry(path: string): TraceEntry | undefined {
    for (let i = this.paths.length - 1; i >= 0; i--) if (this.paths[i] === path) return this.entries[i]
    return undefined
  }

  /**
   * The finished trace: plain data. `amounts` is an ordinary enumerable property; the first read of
   * it (by `explain`, `reconcile`, `JSON.stringify`, or any code) builds the keyed object and
   * replaces the accessor with it, so later reads are plain property reads.
   */
  trace(currency: string, options: TraceOptions): Trace {
    const paths = this.paths
    const entries = this.entries
    const t = { version: 2, currency, options } as { version: 2; currency: string; options: TraceOptions; amounts: Record<string, TraceEntry>; splits: Record<string, TraceSplit> }
    Object.defineProperty(t, 'amounts', {
      enumerable: true,
      configurable: true,
      get(): Record<string, TraceEntry> {
        const amounts = dictionary<TraceEntry>()
        for (let i = 0; i < paths.length; i++) amounts[paths[i]!] = entries[i]!
        Object.defineProperty(t, 'amounts', { value: amounts, enumerable: true, writable: true, configurable: true })
        return amounts
      },
    })
    t.splits = this.splits
    return t
  }
}

/** The extra of an amount the rounding mode decided (shared: no allocation per entry). */
export const ROUNDED: EntryExtra = { policies: ['rounding'] }

/** Weights as exact text. */
export function weightTexts(ws: readonly Num[]): string[] {
  const out = new Array<string>(ws.length)
  for (let i = 0; i < ws.length; i++) out[i] = String(ws[i]!)
  return out
}

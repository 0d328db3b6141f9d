/**
 * The recorder behind `options.trace`. Stages take a `Recorder | undefined` and record each amount
 * where they compute it — `rec?.round(path, value, …)` — so the trace is the calculation itself.
 * Untraced estimates pass `undefined`: an optional call skips even building its arguments, so the
 * untraced path pays nothing for tracing.
 */
import type { RoundingMode } from '../money/modes/mode'
import { newGeneration } from './paths'
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
 * A keyed table of the trace while it is filled: no prototype, which starts it in dictionary mode.
 * An object given hundreds of distinct keys one by one would otherwise walk V8 through as many
 * hidden classes, and adding a key to an object that has a prototype first looks the key up along
 * the prototype chain (a setter there would take the store). Measured on the bench's 20-line cart
 * (483 entries, builds of one log alternated in one process): 59.7 µs per build with the deleted-
 * keys `{}` this replaced, 56.0 µs with this (55.9 µs leaving out {@link ordinary}, which hands it
 * out).
 */
function bare<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>
}

/**
 * A filled {@link bare} table given Object's prototype: an ordinary `{}` (`hasOwnProperty`,
 * `toString`, JSON as usual). A key that is also an `Object.prototype` name (none of the trace's
 * is) stays an own data property.
 */
function ordinary<T>(o: Record<string, T>): Record<string, T> {
  return Object.setPrototypeOf(o, Object.prototype) as Record<string, T>
}

/** An entry while it is being recorded. */
type Draft = { -readonly [K in keyof TraceEntry]: TraceEntry[K] }

/** The kinds of record in the log (one number each, a record's first slot). */
const GIVEN = 0, FIXED = 1, PRODUCT = 2, ROUND = 3, SUM = 4, SAME = 5, ADD = 6, DIFF = 7, SHARE = 8, EACH = 9, PRODUCT2 = 10, ROUND2 = 11, SUM_OF = 12, GIVEN_AT = 13

/** Slots of each kind of record, its kind included (its arguments, then its extra). */
const SLOTS = [5, 5, 5, 9, 5, 5, 6, 6, 6, 7, 6, 10, 6, 7] as const

/**
 * Records the amounts and splits of one estimate. A record is a few slots written into one flat,
 * preallocated log — no object per amount while the estimate runs; the trace's plain-JSON entries
 * are built from the log the first time `trace.amounts` is read. (Many traced estimates are never
 * read, and building hundreds of objects and keys costs more than the calculation itself.) What an
 * entry says is fixed by what was recorded; building it only spells it out (a two-term sum's terms,
 * a sum over every line's field). Recording a path twice keeps the later record.
 *
 * The primitive-argument methods (`givenAt`, `product2`, `round2`, `same`, `add`, `diff`, `each`,
 * `sumOf`) let a caller on the hot path record without building an array or object: an allocated
 * argument lives until the trace is read, and that is what costs.
 */
export class Recorder {
  // Written by index into a preallocated array: Array#push of many arguments is several times slower.
  private log: unknown[]
  private size = 0
  private readonly splitKeys: string[] = []
  private readonly splitList: RawSplit[] = []

  /** `lines`: how many lines the cart has (the log is sized for them). */
  constructor(lines = 20) {
    this.log = new Array(160 * lines + 640)
    newGeneration()
  }

  /** Room for `n` more slots; the index of the first. */
  private room(n: number): number {
    const i = this.size
    if (i + n > this.log.length) {
      const grown = new Array(this.log.length * 2)
      for (let j = 0; j < i; j++) grown[j] = this.log[j]
      this.log = grown
    }
    this.size = i + n
    return i
  }

  private r4(kind: number, path: string, value: number, a: unknown, x: EntryExtra | undefined): void {
    const i = this.room(5)
    const l = this.log
    l[i] = kind
    l[i + 1] = path
    l[i + 2] = value
    l[i + 3] = a
    l[i + 4] = x
  }

  private r5(kind: number, path: string, value: number, a: unknown, b: unknown, x: EntryExtra | undefined): void {
    const i = this.room(6)
    const l = this.log
    l[i] = kind
    l[i + 1] = path
    l[i + 2] = value
    l[i + 3] = a
    l[i + 4] = b
    l[i + 5] = x
  }

  /** An amount taken from the input at `source` (`store.…` / `request.…`). */
  given(path: string, value: number, source: string, extra?: EntryExtra): void {
    this.r4(GIVEN, path, value, source, extra)
  }

  /** An input at `root.at` (`store`, `products[3]`), a catalog price in `currency` when given. */
  givenAt(path: string, value: number, root: 'store' | 'request', at: string, currency?: string, extra?: EntryExtra): void {
    const i = this.room(7)
    const l = this.log
    l[i] = GIVEN_AT
    l[i + 1] = path
    l[i + 2] = value
    l[i + 3] = root
    l[i + 4] = at
    l[i + 5] = currency
    l[i + 6] = extra
  }

  /** An amount fixed by a rule rather than by an input (a 0 for an unshipped line, a price floor). */
  fixed(path: string, value: number, rule: TraceRule, extra?: EntryExtra): void {
    this.r4(FIXED, path, value, rule, extra)
  }

  /** value = Π factors. */
  product(path: string, value: number, factors: readonly TraceFactor[], extra?: EntryExtra): void {
    this.r4(PRODUCT, path, value, factors, extra)
  }

  /** value = f1 × f2. */
  product2(path: string, value: number, f1: TraceFactor, f2: TraceFactor, extra?: EntryExtra): void {
    this.r5(PRODUCT2, path, value, f1, f2, extra)
  }

  /** value = offset + factor × round_mode(n / d), where n / d = Π factors ÷ Π divisors. */
  round(path: string, value: number, n: Num, d: Num, mode: RoundingMode, factors: readonly TraceFactor[], divisors?: readonly TraceFactor[], extra?: EntryExtra): void {
    const i = this.room(9)
    const l = this.log
    l[i] = ROUND
    l[i + 1] = path
    l[i + 2] = value
    l[i + 3] = n
    l[i + 4] = d
    l[i + 5] = mode
    l[i + 6] = factors
    l[i + 7] = divisors
    l[i + 8] = extra
  }

  /** {@link round} with factors [f1, f2] and at most one divisor. */
  round2(path: string, value: number, n: Num, d: Num, mode: RoundingMode, f1: TraceFactor, f2: TraceFactor, divisor: TraceFactor | undefined, extra?: EntryExtra): void {
    const i = this.room(10)
    const l = this.log
    l[i] = ROUND2
    l[i + 1] = path
    l[i + 2] = value
    l[i + 3] = n
    l[i + 4] = d
    l[i + 5] = mode
    l[i + 6] = f1
    l[i + 7] = f2
    l[i + 8] = divisor
    l[i + 9] = extra
  }

  /** value = Σ sign × amount(term); an empty sum is 0 (say why with `extra.rule`). */
  sum(path: string, value: number, terms: readonly (readonly [string, 1 | -1])[], extra?: EntryExtra): void {
    this.r4(SUM, path, value, terms, extra)
  }

  /** A one-term sum: this amount is that one. */
  same(path: string, value: number, of: string, extra?: EntryExtra): void {
    this.r4(SAME, path, value, of, extra)
  }

  /** value = a + b. */
  add(path: string, value: number, a: string, b: string, extra?: EntryExtra): void {
    this.r5(ADD, path, value, a, b, extra)
  }

  /** value = a − b. */
  diff(path: string, value: number, a: string, b: string, extra?: EntryExtra): void {
    this.r5(DIFF, path, value, a, b, extra)
  }

  /** value = Σ over i < count of `term(i)` (each line's field, say), less `minus` when given. */
  each(path: string, value: number, count: number, term: (i: number) => string, minus?: string, extra?: EntryExtra): void {
    const i = this.room(7)
    const l = this.log
    l[i] = EACH
    l[i + 1] = path
    l[i + 2] = value
    l[i + 3] = count
    l[i + 4] = term
    l[i + 5] = minus
    l[i + 6] = extra
  }

  /** value = Σ of the amounts at `paths` (or at each item's `field`, for a list of path records). */
  sumOf(path: string, value: number, paths: readonly string[] | readonly Readonly<Record<string, string>>[], field?: string, extra?: EntryExtra): void {
    this.r5(SUM_OF, path, value, paths, field, extra)
  }

  /** Part `index` of the split `key` (recorded with {@link split}). */
  share(path: string, value: number, key: string, index: number, extra?: EntryExtra): void {
    this.r5(SHARE, path, value, key, index, extra)
  }

  /** A split of `total` over `weights` into `parts` by `rule` (weights as numbers or exact text; the arrays are kept, not copied). */
  split(key: string, s: RawSplit): void {
    this.splitKeys.push(key)
    this.splitList.push(s)
  }

  /**
   * The finished trace: plain data. `amounts` and `splits` are ordinary enumerable properties; the
   * first read of each (by `explain`, `reconcile`, `JSON.stringify`, or any code) builds it and
   * replaces the accessor with it, so later reads are plain property reads.
   */
  trace(currency: string, options: TraceOptions): Trace {
    const t = { version: 2, currency, options } as { version: 2; currency: string; options: TraceOptions; amounts: Record<string, TraceEntry>; splits: Record<string, TraceSplit> }
    // What the entries are built from, until both are read: under a symbol and not enumerable, so
    // JSON, Object.keys, spreads and structured clones never see it. The accessors are shared by
    // every trace (a getter closure per trace would give each its own hidden class, which the
    // engine keeps outside the young generation: every recorded log then outlived the minor
    // collections and was copied and promoted — three times the cost of the estimate in GC time).
    Object.defineProperty(t, SOURCE, { value: this, writable: true, configurable: true })
    Object.defineProperty(t, 'amounts', AMOUNTS)
    Object.defineProperty(t, 'splits', SPLITS)
    return t
  }

  /** The plain-JSON entries, keyed by path (built from the log on each call). */
  amounts(): Record<string, TraceEntry> {
    return entries(this.log, this.size)
  }

  /** The splits as plain JSON, keyed. */
  splits(): Record<string, TraceSplit> {
    const out = bare<TraceSplit>()
    const keys = this.splitKeys
    const list = this.splitList
    for (let i = 0; i < keys.length; i++) {
      const s = list[i]!
      out[keys[i]!] = { ...s, weights: s.weights.map(String), parts: [...s.parts] }
    }
    return ordinary(out)
  }
}

/** A split as a stage records it: the weights as numbers or exact text, the arrays its own. */
export interface RawSplit extends Omit<TraceSplit, 'weights'> {
  readonly weights: readonly (string | number | bigint)[]
}

/** The key under which a trace keeps its recorder until its entries and splits are built. */
const SOURCE = Symbol()

type Pending = Record<symbol, Recorder | undefined> & Record<string, unknown>

/**
 * Makes `key` of the trace `t` an ordinary data property holding `v`, and lets the recorder go
 * once neither `amounts` nor `splits` is pending any more. A frozen trace keeps its accessors (it
 * cannot be changed): the value is returned, built again at each read.
 */
function settle(t: Pending, key: 'amounts' | 'splits', v: unknown): void {
  if (!Reflect.defineProperty(t, key, { value: v, enumerable: true, writable: true, configurable: true })) return
  const other = key === 'amounts' ? 'splits' : 'amounts'
  const d = Object.getOwnPropertyDescriptor(t, other)
  // (An object whose prototype is a trace reads the other one through it: still pending then.)
  if (d === undefined ? !(other in t) : d.get === undefined) Reflect.set(t, SOURCE, undefined)
}

/**
 * A trace's `amounts` or `splits` until its first read, which builds it and makes it a data
 * property; assigning it first replaces it the same way. Read on an object that holds no recorder
 * (a descriptor copied elsewhere), it is undefined.
 */
function pending(key: 'amounts' | 'splits'): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: Pending) {
      const rec = this[SOURCE]
      if (rec === undefined) return undefined
      const v = rec[key]()
      settle(this, key, v)
      return v
    },
    set(this: Pending, v: unknown) {
      settle(this, key, v)
    },
  }
}

const AMOUNTS = pending('amounts')
const SPLITS = pending('splits')

/** The plain-JSON entries of a recorder's log, keyed by path. */
function entries(log: readonly unknown[], size: number): Record<string, TraceEntry> {
  const out = bare<TraceEntry>()
  for (let i = 0; i < size; i += SLOTS[log[i] as number]!) {
    const kind = log[i] as number
    const value = log[i + 2] as number
    const a = log[i + 3]
    const b = log[i + 4]
    const slots = SLOTS[kind]!
    const x = log[i + slots - 1] as EntryExtra | undefined
    let e: Draft
    switch (kind) {
      case GIVEN:
        e = { op: 'given', value, source: a as string }
        break
      case GIVEN_AT: {
        const currency = log[i + 5] as string | undefined
        e = { op: 'given', value, source: `${a as string}.${b as string}` }
        if (currency !== undefined) e.currency = currency
        break
      }
      case FIXED:
        e = { op: 'given', value, rule: a as TraceRule }
        break
      case PRODUCT:
        e = { op: 'product', value, factors: a as TraceFactor[] }
        break
      case PRODUCT2:
        e = { op: 'product', value, factors: [a as TraceFactor, b as TraceFactor] }
        break
      case ROUND: {
        const divisors = log[i + 7] as TraceFactor[] | undefined
        e = { op: 'round', value, exact: fractionText(a as Num, b as Num), rounding: (log[i + 5] as RoundingMode).name, factors: log[i + 6] as TraceFactor[] }
        if (divisors !== undefined && divisors.length > 0) e.divisors = divisors
        break
      }
      case ROUND2: {
        const divisor = log[i + 8] as TraceFactor | undefined
        e = { op: 'round', value, exact: fractionText(a as Num, b as Num), rounding: (log[i + 5] as RoundingMode).name, factors: [log[i + 6] as TraceFactor, log[i + 7] as TraceFactor] }
        if (divisor !== undefined) e.divisors = [divisor]
        break
      }
      case SUM:
        // (An empty list may be a stage's constant: each trace gets its own.)
        e = { op: 'sum', value, terms: (a as unknown[]).length === 0 ? [] : (a as [string, 1 | -1][]) }
        break
      case SAME:
        e = { op: 'sum', value, terms: [[a as string, 1]] }
        break
      case ADD:
        e = { op: 'sum', value, terms: [[a as string, 1], [b as string, 1]] }
        break
      case DIFF:
        e = { op: 'sum', value, terms: [[a as string, 1], [b as string, -1]] }
        break
      case EACH: {
        const term = b as (i: number) => string
        const count = a as number
        const minus = log[i + 5] as string | undefined
        // Sized once and written by index (pushing grows the array several times on a long cart).
        const terms = new Array<[string, 1 | -1]>(minus === undefined ? count : count + 1)
        for (let k = 0; k < count; k++) terms[k] = [term(k), 1]
        if (minus !== undefined) terms[count] = [minus, -1]
        e = { op: 'sum', value, terms }
        break
      }
      case SUM_OF: {
        const list = a as readonly (string | Readonly<Record<string, string>>)[]
        const field = b as string | undefined
        const terms = new Array<[string, 1]>(list.length)
        if (field === undefined) for (let k = 0; k < list.length; k++) terms[k] = [list[k] as string, 1]
        else for (let k = 0; k < list.length; k++) terms[k] = [(list[k] as Record<string, string>)[field]!, 1]
        e = { op: 'sum', value, terms }
        break
      }
      default:
        e = { op: 'allocate', value, allocation: { split: a as string, index: b as number } }
    }
    // Field by field (Object.assign is several times slower).
    if (x !== undefined) {
      if (x.rule !== undefined) e.rule = x.rule
      if (x.inputs !== undefined) e.inputs = x.inputs
      // The stages' policy lists are constants: each trace gets its own copy, so none can change another's.
      if (x.policies !== undefined) e.policies = x.policies.slice()
      if (x.level !== undefined) e.level = x.level
      if (x.affine !== undefined) e.affine = x.affine
      if (x.currency !== undefined) e.currency = x.currency
      if (x.exact !== undefined) e.exact = x.exact
      if (x.factors !== undefined) e.factors = x.factors
    }
    out[log[i + 1] as string] = e
  }
  return ordinary(out)
}

/** The extra of an amount the rounding mode decided (shared: no allocation per entry). */
export const ROUNDED: EntryExtra = { policies: ['rounding'] }

/** Weights as exact text. */
export function weightTexts(ws: readonly Num[]): string[] {
  const out = new Array<string>(ws.length)
  for (let i = 0; i < ws.length; i++) out[i] = String(ws[i]!)
  return out
}

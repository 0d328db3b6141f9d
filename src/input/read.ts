/**
 * The edge where raw JSON becomes typed values. A {@link Reader} walks untrusted input by own
 * properties only (so `__proto__`, `constructor` and inherited keys are never followed), records
 * an {@link Issue} with a JSON path for every malformed field, and returns `undefined` for it.
 * Nothing past this module ever sees raw input.
 */
import { currencyExponent, isCurrency } from '../money/currency'
import { MoneyError } from '../money/errors'
import { smallInt } from '../money/small-int'
import { parseDecimal, parsePercent, rational, rationalToNumber, type ParseDecimalOptions, type Rational } from '../money/rational'
import { issue, joinPath, type IssueCode, type IssueParams } from '../issues/issues'
import type { Issue } from '../types/output'
import { suggest, type Fields } from './known'

/**
 * Limits on untrusted input (documented in SECURITY.md and the README). Each is enforced where the
 * field is read, with its own issue code and the field's path, so a hostile document is refused
 * after a bounded amount of work — before any pricing runs.
 */
export const LIMITS = {
  /** Longest string accepted anywhere (ids, names, codes, labels, echoed customer fields): `string_too_long`. */
  maxString: 10_000,
  /** Most entries in a store list (products, customers, tax rates, methods, coupons, plans): `too_many_items`. */
  maxList: 1_000_000,
  /** Most entries in a product's own lists (variants, packs, pricing_model, stock_breakdown, a pack's variants): `too_many_items`. */
  maxPerProduct: 10_000,
  /** Most keys in a map (per-currency amounts, `languages`, exchange rates): `too_many_items`. */
  maxMapEntries: 1_000,
  /** Most scalar fields echoed from one customer or address object: `too_many_items`. */
  maxFields: 1_000,
  /**
   * Most `unknown_field` issues listed for one store config or one request with its options; the
   * rest are counted in one last issue at path `""` (so 100 000 junk keys cost 1 000 messages).
   */
  maxUnknownFields: 1_000,
  /**
   * Most distinct unknown keys of products, customers and addresses a "did you mean" is searched
   * for, per store config (the search decides whether such a key is reported); past it, they are
   * accepted unsearched. Unknown keys elsewhere are bounded by `maxUnknownFields`.
   */
  maxSuggestions: 10_000,
  /**
   * The highest `account.max_lines` a store may set (the request's `products` cap; default 20):
   * `invalid_value`. 10 000 lines is the largest cart the benchmarks price; with 50
   * coupons it takes about 1.3 s, most of it building the 500 000 line-discount entries of the output.
   */
  maxLines: 10_000,
  /** Most coupons in one request: `too_many_items`. */
  maxCoupons: 50,
  /** Most nShift add-ons in one request: `too_many_items`. */
  maxAddons: 100,
  /** Most tax rates with the same jurisdiction: `too_many_items`. */
  maxRatesPerJurisdiction: 100,
  /** Most instalments in a plan: `invalid_value`. */
  maxInstalments: 1_000,
  /** The furthest an instalment schedule may reach, in days (≈ 100 years; week/month cycles are converted): `invalid_value`. */
  maxScheduleDays: 36_525,
} as const

/** A plain JSON object (not an array, not null). */
export type Obj = Readonly<Record<string, unknown>>

/** Whether `v` is a non-array object. @example `isObject({}) // true` */
export function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

const hasOwn = Object.prototype.hasOwnProperty

/** Reads an own property only; inherited keys (`__proto__`, `toString`) read as undefined. @example `own({ a: 1 }, 'a') // 1` */
export function own(o: Obj, key: string): unknown {
  return hasOwn.call(o, key) ? o[key] : undefined
}

/** Whether an object has a non-null own value at `key`. @example `present({ a: null }, 'a') // false` */
export function present(o: Obj, key: string): boolean {
  return !missing(own(o, key))
}

/** Whether the field is absent or null. */
function missing(v: unknown): v is undefined | null {
  return v === undefined || v === null
}

/**
 * Collects issues while reading. Each reader method takes the parent object, the key, and the
 * parent's path; it returns the typed value, or `undefined` (after recording an issue when the
 * field is present but malformed, or required but absent).
 */
/**
 * A key whose value the caller checks itself, in the walk's order (so issues keep the order of the
 * input): `check` gets the value and returns whether it checked it; if not, the walk does.
 */
export interface KeyHook {
  readonly key: string
  readonly check: (value: unknown) => boolean
}

export class Reader {
  readonly issues: Issue[] = []
  /** Problems that do not stop the read: unknown keys of requests, options and Tamio objects. */
  readonly warnings: Issue[] = []

  add<C extends IssueCode>(code: C, path: string, ...params: IssueParams<C>): void {
    this.issues.push(issue(code, path, ...params))
  }

  warn<C extends IssueCode>(code: C, path: string, ...params: IssueParams<C>): void {
    this.warnings.push(issue(code, path, ...params))
  }

  /**
   * Checks the own keys of `o` against its kind, and the values of known keys against theirs: one
   * `Map` lookup per key. An unknown key is an `unknown_field` error or warning at its path, as
   * `f.mode` says, with the close known key as its suggestion (computed only for unknown keys).
   * Lists longer than {@link LIMITS.maxList} and maps with more than {@link LIMITS.maxMapEntries}
   * keys are left to their readers (which refuse them), as are values of the wrong type.
   */
  keys(o: Obj, path: string, f: Fields, hook?: KeyHook): void {
    this.walk(o, path, undefined, f, hook)
  }

  /** Completes what reading counted: the issue that says how many unknown keys are not listed. Call before reading `issues` / `warnings`. */
  finish(): this {
    if (this.unlistedAt !== undefined) this.unlistedAt.list[this.unlistedAt.index] = issue('unknown_field', '', { more: this.unlisted })
    return this
  }

  /** Reports `key` of the object at `path` as unknown to its kind `f` (what {@link keys} does for each unknown key). */
  unknown(key: string, path: string, f: Fields): void {
    this.unknownKey(key, path, f)
  }

  /** {@link keys} of `o` at `base` + `at`; the path is built only when needed (an unknown key, a nested value). */
  private walk(o: Obj, base: string, at: number | undefined, f: Fields, hook?: KeyHook): void {
    let path: string | undefined
    // A kind without nested kinds (a request line): a lookup per key, no value looked at.
    if (f.flat) {
      for (const k in o) if (!f.table.has(k) && hasOwn.call(o, k)) this.unknownKey(k, (path ??= at === undefined ? base : joinPath(base, at)), f)
      return
    }
    // for…in with an own-key test: no key array per object (this runs on every line of every estimate).
    for (const k in o) {
      if (!hasOwn.call(o, k)) continue
      if (hook !== undefined && k === hook.key && hook.check(o[k])) continue
      const n = f.table.get(k)
      if (n === undefined) {
        this.unknownKey(k, (path ??= at === undefined ? base : joinPath(base, at)), f)
        continue
      }
      if (n === null) continue
      const v = o[k]
      if (Array.isArray(v)) {
        // A list past the limit is refused by its reader; its entries are not looked at.
        if (v.length > LIMITS.maxList) continue
        const p = joinPath((path ??= at === undefined ? base : joinPath(base, at)), k)
        for (let j = 0; j < v.length; j++) {
          const e: unknown = v[j]
          if (isObject(e)) this.walk(e, p, j, n.fields)
        }
      } else if (isObject(v)) {
        const p = joinPath((path ??= at === undefined ? base : joinPath(base, at)), k)
        if (!n.map) this.walk(v, p, undefined, n.fields)
        else {
          const ms = Object.keys(v)
          if (ms.length > LIMITS.maxMapEntries) continue
          for (let j = 0; j < ms.length; j++) {
            const e = v[ms[j]!]
            if (isObject(e)) this.walk(e, joinPath(p, ms[j]!), undefined, n.fields)
          }
        }
      }
    }
  }

  /** Unknown-key issues listed so far; those past {@link LIMITS.maxUnknownFields}, and where their one issue is. */
  private unknowns = 0
  private unlisted = 0
  private unlistedAt: { list: Issue[]; index: number } | undefined
  /** For `close` kinds: suggestions already looked for, by kind (a catalog repeats the same undocumented keys). */
  private suggestions: Map<Fields, Map<string, string | undefined>> | undefined
  private suggested = 0

  /**
   * The suggestion for an unknown key of a `close` kind, where it decides whether the key is
   * reported at all: cached per kind, and searched for at most {@link LIMITS.maxSuggestions} distinct
   * keys (past that, an unknown key of a Tamio object is accepted without a search).
   */
  private closeSuggestion(key: string, f: Fields): string | undefined {
    this.suggestions ??= new Map()
    let cache = this.suggestions.get(f)
    if (cache === undefined) this.suggestions.set(f, (cache = new Map()))
    if (cache.has(key)) return cache.get(key)
    if (this.suggested >= LIMITS.maxSuggestions) return undefined
    this.suggested++
    const s = suggest(key, f)
    cache.set(key, s)
    return s
  }

  private unknownKey(key: string, path: string, f: Fields): void {
    const close = f.mode === 'close'
    let suggestion: string | undefined
    if (close) {
      suggestion = this.closeSuggestion(key, f)
      if (suggestion === undefined) return
    }
    const error = f.mode === 'error'
    if (this.unknowns >= LIMITS.maxUnknownFields) {
      // Counted only: the one issue that says how many is written by finish() (a message per key
      // would cost a hostile input with a million unknown keys a second).
      if (this.unlistedAt === undefined) {
        const list = error ? this.issues : this.warnings
        this.unlistedAt = { list, index: list.length }
        list.push(issue('unknown_field', '', { more: 1 }))
      }
      this.unlisted++
      return
    }
    this.unknowns++
    if (!close) suggestion = suggest(key, f)
    // The known keys are listed only when nothing is suggested and the list is short enough to read.
    const known = suggestion === undefined && f.list.length <= 25 ? f.list.join(', ') : undefined
    const p = joinPath(path, key)
    if (error) this.add('unknown_field', p, { key, suggestion, known })
    else this.warn('unknown_field', p, { key, suggestion, known, ignored: true })
  }

  object(o: Obj, key: string, path: string, required = false): Obj | undefined {
    const v = own(o, key)
    if (missing(v)) {
      if (required) this.add('required', joinPath(path, key))
      return undefined
    }
    if (!isObject(v)) {
      this.add('invalid_type', joinPath(path, key), { expected: 'an object' })
      return undefined
    }
    return v
  }

  array(o: Obj, key: string, path: string, required = false, max: number = LIMITS.maxList): readonly unknown[] | undefined {
    const v = own(o, key)
    if (missing(v)) {
      if (required) this.add('required', joinPath(path, key))
      return undefined
    }
    if (!Array.isArray(v)) {
      this.add('invalid_type', joinPath(path, key), { expected: 'an array' })
      return undefined
    }
    if (v.length > max) {
      this.add('too_many_items', joinPath(path, key), { max })
      return undefined
    }
    // A sparse array from a JavaScript caller: its holes read as undefined (forEach and map would
    // skip them, and a hole must be reported as `[undefined]` is).
    for (let i = 0; i < v.length; i++) if (!(i in v)) return Array.from(v)
    return v
  }

  string(o: Obj, key: string, path: string, required = false): string | undefined {
    const v = own(o, key)
    if (missing(v)) {
      if (required) this.add('required', joinPath(path, key))
      return undefined
    }
    if (typeof v !== 'string') {
      this.add('invalid_type', joinPath(path, key), { expected: 'a string' })
      return undefined
    }
    if (v.length > LIMITS.maxString) {
      this.add('string_too_long', joinPath(path, key), { max: LIMITS.maxString })
      return undefined
    }
    return v
  }

  /** An id: a non-empty string (numbers are accepted and turned into strings; ids are opaque). */
  id(o: Obj, key: string, path: string, required = false): string | undefined {
    const v = own(o, key)
    if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v)
    const s = this.string(o, key, path, required)
    if (s !== undefined && s.length === 0) {
      this.add('invalid_value', joinPath(path, key), { detail: 'empty id' })
      return undefined
    }
    return s
  }

  /**
   * Bounds an object whose scalar fields are echoed into the output (a customer, an address): at
   * most {@link LIMITS.maxFields} keys and no string longer than {@link LIMITS.maxString}. Returns
   * whether it is within them (when not, the caller copies nothing from it).
   */
  echoed(o: Obj, path: string): boolean {
    const keys = Object.keys(o)
    if (keys.length > LIMITS.maxFields) {
      this.add('too_many_items', path, { max: LIMITS.maxFields })
      return false
    }
    let ok = true
    for (const k of keys) {
      const v = o[k]
      if (typeof v === 'string' && v.length > LIMITS.maxString) {
        this.add('string_too_long', joinPath(path, k), { max: LIMITS.maxString })
        ok = false
      }
    }
    return ok
  }

  boolean(o: Obj, key: string, path: string): boolean | undefined {
    const v = own(o, key)
    if (missing(v)) return undefined
    if (typeof v !== 'boolean') {
      this.add('invalid_type', joinPath(path, key), { expected: 'true or false' })
      return undefined
    }
    return v
  }

  /** A non-negative safe integer amount in minor units (or a count). */
  amount(o: Obj, key: string, path: string, required = false, code: IssueCode = 'invalid_amount'): number | undefined {
    const v = own(o, key)
    if (missing(v)) {
      if (required) this.add('required', joinPath(path, key))
      return undefined
    }
    // The common case needs no path: the path is built only for an issue.
    if (typeof v === 'number' && v >= 0 && Number.isSafeInteger(v)) return smallInt(v)
    return this.amountValue(v, joinPath(path, key), code)
  }

  amountValue(v: unknown, p: string, code: IssueCode = 'invalid_amount'): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.add(code === 'invalid_amount' ? 'invalid_type' : code, p, { expected: 'an integer' })
      return undefined
    }
    if (Number.isInteger(v) && v > 0 && !Number.isSafeInteger(v)) {
      this.add('amount_overflow', p)
      return undefined
    }
    if (!Number.isInteger(v) || v < 0) {
      this.add(code, p)
      return undefined
    }
    return smallInt(v)
  }

  /** A signed safe integer (price deltas). */
  signedAmount(o: Obj, key: string, path: string): number | undefined {
    const v = own(o, key)
    if (missing(v)) return undefined
    if (typeof v !== 'number' || !Number.isInteger(v)) {
      this.add('invalid_type', joinPath(path, key), { expected: 'an integer' })
      return undefined
    }
    if (!Number.isSafeInteger(v)) {
      this.add('amount_overflow', joinPath(path, key))
      return undefined
    }
    return smallInt(v)
  }

  /** An exact decimal (`"19"`, `7.7`) parsed once into a rational. */
  decimal(o: Obj, key: string, path: string, opts: ParseDecimalOptions & { percent?: boolean; required?: boolean } = {}): Rational | undefined {
    const v = own(o, key)
    if (missing(v)) {
      if (opts.required === true) this.add('required', joinPath(path, key))
      return undefined
    }
    try {
      return opts.percent === true ? parsePercent(v, opts) : parseDecimal(v, opts)
    } catch (e) {
      if (e instanceof MoneyError) {
        this.add('invalid_rate', joinPath(path, key), { detail: e.message })
        return undefined
      }
      throw e
    }
  }

  /**
   * A percentage (`"19"`, `12.34`): the fraction it multiplies by (19/100) and the percentage as
   * the JSON number the output shows (19). Negative percentages are rejected.
   */
  percent(o: Obj, key: string, path: string, required = false): { fraction: Rational; number: number } | undefined {
    const dec = this.decimal(o, key, path, { required })
    if (dec === undefined) return undefined
    try {
      return { fraction: rational(dec.num, BigInt(dec.den) * 100n), number: rationalToNumber(dec) }
    } catch (e) {
      if (e instanceof MoneyError) {
        this.add('invalid_rate', joinPath(path, key), { detail: e.message })
        return undefined
      }
      throw e
    }
  }

  /** An ISO 4217 code, case-insensitive, returned upper-case. */
  currency(o: Obj, key: string, path: string, required = false): string | undefined {
    const s = this.string(o, key, path, required)
    if (s === undefined) return undefined
    return this.currencyValue(s, joinPath(path, key))
  }

  currencyValue(v: unknown, p: string): string | undefined {
    const up = typeof v === 'string' ? v.trim().toUpperCase() : ''
    if (!isCurrency(up)) {
      this.add('invalid_currency', p)
      return undefined
    }
    return up
  }

  /** A country code (ISO 3166 alpha-2, or a region such as `US-CA`), returned upper-case. */
  country(o: Obj, key: string, path: string): string | undefined {
    const s = this.string(o, key, path)
    if (s === undefined) return undefined
    const up = s.trim().toUpperCase()
    if (!/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/.test(up)) {
      this.add('invalid_value', joinPath(path, key), { detail: 'expected a country code such as "DE"' })
      return undefined
    }
    return up
  }

  /** A list of strings (ids, codes); `null` when absent or null. */
  stringList(o: Obj, key: string, path: string, upper = false): string[] | null {
    const a = this.array(o, key, path)
    if (a === undefined) return null
    const out: string[] = []
    const p = joinPath(path, key)
    for (let i = 0; i < a.length; i++) {
      const v = a[i]
      if (typeof v === 'number' && Number.isSafeInteger(v)) out.push(String(v))
      else if (typeof v !== 'string' || v.length > LIMITS.maxString) this.add('invalid_type', joinPath(p, i), { expected: 'a string' })
      else out.push(upper ? v.trim().toUpperCase() : v)
    }
    return out
  }

  /**
   * An object used as a map (`languages`, per-currency amounts, exchange rates) and its keys; `undefined`
   * when absent or not an object, and, past {@link LIMITS.maxMapEntries} keys, a `too_many_items` issue.
   */
  map(o: Obj, key: string, path: string): { readonly map: Obj; readonly keys: readonly string[] } | undefined {
    const m = this.object(o, key, path)
    if (m === undefined) return undefined
    const keys = Object.keys(m)
    if (keys.length <= LIMITS.maxMapEntries) return { map: m, keys }
    this.add('too_many_items', joinPath(path, key), { max: LIMITS.maxMapEntries })
    return undefined
  }

  /**
   * A per-currency map of minor units (`{ "EUR": 5000 }`); `null` when absent. The map is ordered
   * by currency code, not by the object's key order, so nothing that walks it (a conversion from
   * "the first listed currency") depends on how the JSON happened to be written; a currency given
   * twice (`"eur"` and `"EUR"`) is an error rather than a silent last-one-wins.
   */
  currencyAmounts(o: Obj, key: string, path: string): ReadonlyMap<string, number> | null {
    const read = this.map(o, key, path)
    if (read === undefined) return null
    const { map: m, keys } = read
    const p = joinPath(path, key)
    const entries: [string, number][] = []
    const seen = new Set<string>()
    for (const k of keys) {
      const cur = this.currencyValue(k, joinPath(p, k))
      const amt = this.amountValue(m[k], joinPath(p, k))
      if (cur === undefined || amt === undefined) continue
      if (seen.has(cur)) this.add('invalid_value', joinPath(p, k), { detail: `${cur} is given twice` })
      else {
        seen.add(cur)
        entries.push([cur, amt])
      }
    }
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return new Map(entries)
  }

  /** An ISO 8601 date-time (or a Unix timestamp in seconds) as epoch milliseconds. */
  date(o: Obj, key: string, path: string): number | undefined {
    const v = own(o, key)
    if (missing(v)) return undefined
    const ms = parseInstant(v)
    if (ms === undefined) this.add('invalid_date', joinPath(path, key))
    return ms
  }
}

/** The instants an ISO 8601 date with a four-digit year can name: 0001-01-01 … 9999-12-31T23:59:59.999Z. */
const MIN_INSTANT = -62_135_596_800_000
const MAX_INSTANT = 253_402_300_799_999

function inRange(t: number): number | undefined {
  return Number.isFinite(t) && t >= MIN_INSTANT && t <= MAX_INSTANT ? t : undefined
}

/**
 * Parses an ISO 8601 string, a Date, or Unix seconds into epoch milliseconds, within the years
 * 0001–9999 (so every date derived from it — an instalment due 100 years later — is still a Date).
 *
 * @example `parseInstant('2026-01-01T00:00:00Z')`
 */
export function parseInstant(v: unknown): number | undefined {
  if (v instanceof Date) return inRange(v.getTime())
  if (typeof v === 'number') return Number.isFinite(v) && Math.abs(v) < 1e13 ? inRange(v * 1000) : undefined
  if (typeof v !== 'string' || v.length > 64) return undefined
  // The same instant string comes with every estimate of a run (options.at): parse it once.
  if (v === lastInstant) return lastParsed
  const parsed = parseInstantText(v)
  lastInstant = v
  lastParsed = parsed
  return parsed
}

let lastInstant: string | undefined
let lastParsed: number | undefined

function parseInstantText(v: string): number | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ]([0-9:.]+)(Z|[+-]\d{2}:?\d{2})?)?$/.exec(v.trim())
  if (m === null || !isCalendarDate(m[1]!)) return undefined
  // A date or date-time without an offset is read as UTC, never as the host's local time.
  const t = Date.parse(`${m[1]}T${m[2] ?? '00:00:00'}${m[3] ?? 'Z'}`)
  return inRange(t)
}

/** Whether `YYYY-MM-DD` names a day its month has: Date.parse would roll 30 February over into March. */
function isCalendarDate(ymd: string): boolean {
  const t = Date.parse(`${ymd}T00:00:00Z`)
  return Number.isFinite(t) && new Date(t).toISOString().startsWith(ymd)
}

/**
 * The `unknown_field` issues of the own keys of `o` that its kind `f` does not know, as a store or a
 * request reports them ({@link Reader.keys}: "did you mean", the known keys, the cap on how many).
 *
 * @example `unknownKeys({ tolerence: 1 }, fields('error', 'tolerance store'), 'options')[0].suggestion // 'tolerance'`
 */
export function unknownKeys(o: Obj, f: Fields, path: string): Issue[] {
  const r = new Reader()
  r.keys(o, path, f)
  return r.finish().issues
}

/** The exponent of an already validated currency code. */
export function exponentOf(code: string): number {
  return currencyExponent(code)
}

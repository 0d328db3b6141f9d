/**
 * Known keys and "did you mean": the mechanism behind "typos are never silent". A {@link Names}
 * index holds the keys (or values) an object kind knows, precomputed once at module load, so the
 * check of an input object is one `Map` lookup per own key; a suggestion is computed only for a key
 * that is not known.
 *
 * "Close" (the one rule for every suggestion): the same key up to case, `_` / `-` and camelCase
 * (`taxRates`, `Tax_Rates`, `tax-rates` → `tax_rates`), or at most 2 edits away (insert, delete,
 * substitute, swap two neighbours) once case and separators are set aside, however short the keys
 * (`tipo` → `type`, `nmea` → `name`): a short key near a known one is warned about rather than
 * silently accepted.
 * The kind's alias table counts as known keys for this (`qty` → `quantity`, and so `qtty` too).
 */

/** A set of known names with what it takes to suggest one. */
export interface Names {
  /** The known names, in the order they are documented (the first of equally close ones wins). */
  readonly list: readonly string[]
  /** {@link fold} of each name of `list`, at the same index. */
  readonly folds: readonly string[]
  /** Normalized form → the known name, for case / separator / camelCase variants. */
  readonly folded: ReadonlyMap<string, string>
  /** Normalized alias → what to suggest (a known name, or a path such as `shipping.tamio`). */
  readonly aliases: ReadonlyMap<string, string>
}

/** Lower case without `_`, `-` or spaces: `Tax_Rates`, `taxRates`, `tax-rates` → `taxrates`. @example `fold('taxRates') // 'taxrates'` */
export function fold(s: string): string {
  return s.toLowerCase().replace(/[-_ ]/g, '')
}

/**
 * Builds a {@link Names} index from space-separated names and `alias:target` pairs.
 *
 * @example
 * ```ts
 * const n = names('id quantity price', 'qty:quantity')
 * suggest('qty', n) // 'quantity'
 * ```
 */
export function names(list: string, aliases = ''): Names {
  const l = list.split(' ').filter((x) => x !== '')
  const folded = new Map<string, string>()
  for (const k of l) if (!folded.has(fold(k))) folded.set(fold(k), k)
  const a = new Map<string, string>()
  for (const pair of aliases.split(' ')) {
    const i = pair.indexOf(':')
    if (i > 0) a.set(fold(pair.slice(0, i)), pair.slice(i + 1))
  }
  return { list: l, folds: l.map(fold), folded, aliases: a }
}

/**
 * Optimal string alignment distance of `a` and `b`, or `max + 1` as soon as it must exceed `max`
 * (so a long hostile key costs one length comparison).
 */
export function distance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev2: number[] = []
  let prev: number[] = []
  for (let j = 0; j <= b.length; j++) prev.push(j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let low = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1)
      cur.push(d)
      if (d < low) low = d
    }
    if (low > max) return max + 1
    prev2 = prev
    prev = cur
  }
  return prev[b.length]!
}

/**
 * The known name `key` was probably meant to be, or `undefined` when none is close (see the module
 * comment for "close").
 *
 * @example `suggest('taxRates', names('account tax_rates')) // 'tax_rates'`
 */
export function suggest(key: string, n: Names): string | undefined {
  const f = fold(key)
  const same = n.folded.get(f) ?? n.aliases.get(f)
  if (same !== undefined) return same
  let best: string | undefined
  let bestD = 3
  const consider = (g: string, target: string) => {
    const d = distance(f, g, 2)
    if (d < bestD) {
      best = target
      bestD = d
    }
  }
  for (let i = 0; i < n.list.length; i++) consider(n.folds[i]!, n.list[i]!)
  for (const [g, target] of n.aliases) consider(g, target)
  return best
}

/**
 * How an unknown key of an object kind is reported: `error` — a store error (the store config's
 * own format); `close` — a store warning when a known key is close, else accepted (Tamio objects:
 * products, customers, addresses carry fields this library does not read); `warn` — always a
 * warning (requests and options: the key takes no part in the calculation).
 */
export type Strictness = 'error' | 'close' | 'warn'

/** The known keys of one object kind, and how the values of some of them are checked in turn. */
export interface Fields extends Names {
  readonly mode: Strictness
  /**
   * Every known key → the {@link Fields} its value is checked against (an object, or each object of
   * an array; with `map`, each value of an object keyed by anything, such as `languages.en`), or
   * `null` when its value's keys are not checked.
   */
  readonly table: ReadonlyMap<string, Nested | null>
  /** No known key has a nested kind (every value of `table` is `null`): the check is a key lookup. */
  readonly flat: boolean
}

/** The kind of a nested value; `map`: the value is an object whose every value is of that kind. */
export interface Nested {
  readonly fields: Fields
  readonly map: boolean
}

/** Marks a nested value as a map of objects of one kind (`languages: { en: {…}, de: {…} }`). @example `mapOf(LANGUAGE)` */
export function mapOf(f: Fields): Nested {
  return { fields: f, map: true }
}

/**
 * One object kind: its mode, its known keys (space-separated), the kinds of nested values, and its
 * aliases (`alias:target`, space-separated).
 *
 * @example
 * ```ts
 * const LINE = fields('warn', 'id quantity price', {}, 'qty:quantity')
 * ```
 */
export function fields(mode: Strictness, list: string, nested: Readonly<Record<string, Fields | Nested>> = {}, aliases = ''): Fields {
  const n = names(list, aliases)
  const table = new Map<string, Nested | null>()
  for (const k of n.list) {
    const v = Object.prototype.hasOwnProperty.call(nested, k) ? nested[k] : undefined
    table.set(k, v === undefined ? null : 'map' in v ? v : { fields: v, map: false })
  }
  return { ...n, mode, table, flat: [...table.values()].every((v) => v === null) }
}

/**
 * Reading an API response defensively and comparing it with ours, field by field: only what the
 * API returned is compared; products are matched by id, tax rates by identity, other keyed lists by
 * id/code; strings case-insensitively. Never throws, whatever `theirs` is.
 */
import { isObject, own } from '../input/read'
import { joinPath } from '../trace/path'

type Rec = Record<string, unknown>

const hasOwn = Object.prototype.hasOwnProperty

/** A response read as an envelope. */
export interface Envelope {
  readonly status: unknown
  readonly transaction: Rec | undefined
  readonly errors: unknown
  readonly shape: 'estimate' | 'create'
}

function describe(x: unknown): string {
  if (x === null) return 'null'
  if (Array.isArray(x)) return 'an array'
  return typeof x === 'string' ? 'a string' : `a ${typeof x}`
}

/** Whether a transaction object has the create-transaction shape. */
function isCreateShape(tx: Rec): boolean {
  const totals = own(tx, 'totals')
  if (isObject(totals) && own(totals, 'subtotal') !== undefined && own(totals, 'item_total') === undefined) return true
  if (isObject(own(tx, 'payments'))) return true
  const products = own(tx, 'products')
  if (Array.isArray(products) && isObject(products[0]) && own(products[0], 'price') !== undefined && own(products[0], 'totals') === undefined) return true
  return false
}

/** Reads a response (estimate or create envelope, or a bare transaction); a string says why it cannot. */
export function readEnvelope(x: unknown): Envelope | string {
  if (!isObject(x)) return `expected a JSON object, got ${describe(x)}`
  let status = own(x, 'status')
  let tx = own(x, 'transaction')
  const errors = own(x, 'errors')
  if (tx === undefined && errors === undefined) {
    if (own(x, 'object') === 'transaction' || (own(x, 'totals') !== undefined && own(x, 'products') !== undefined)) {
      tx = x
      status = status ?? 200
    } else return 'expected an estimate or create response ({ status, transaction } or a transaction object)'
  }
  if (tx !== undefined && tx !== null && !isObject(tx)) return `"transaction" is ${describe(tx)}, not an object`
  const t = isObject(tx) ? tx : undefined
  if (t !== undefined && !isObject(own(t, 'totals')) && !Array.isArray(own(t, 'products'))) return '"transaction" has neither totals nor products'
  // Without a transaction, a response is an error response: it lists its errors.
  if (t === undefined) {
    if (sameScalar(status, 200, 0)) return 'a 200 response without a transaction'
    if (!Array.isArray(errors)) return 'neither a transaction nor a list of errors'
  }
  return { status, transaction: t, errors, shape: t !== undefined && isCreateShape(t) ? 'create' : 'estimate' }
}

/** A raw difference (before hints), with the path of our side. */
export interface RawDiff {
  readonly path: string
  readonly oursPath: string
  readonly ours: unknown
  readonly theirs: unknown
  readonly kind: 'value' | 'missing' | 'extra'
  readonly extraKeys?: readonly string[]
}

export interface Comparison {
  compared: number
  readonly diffs: RawDiff[]
  readonly ignored: string[]
  /** Our list items matched to the API's at another index or path: our item path → theirs. */
  readonly remap: Map<string, string>
}

/** Fields of the transaction that echo the request or the customer (not computed amounts or codes). */
const SKIP_ROOT = new Set(['customer_information', 'affiliate', 'site'])
const MAX_DEPTH = 32
const MAX_IGNORED = 50

/**
 * A scalar as list items are keyed by it: a string trimmed and in lower case, a number or boolean
 * as text, anything else ''. (Only scalars make keys: String() of an object can throw, having no
 * prototype, or run the caller's code.)
 *
 * @example `lower(' SAVE10 ') // 'save10'`
 */
export const lower = (v: unknown): string => (typeof v === 'string' ? v.trim().toLowerCase() : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '')

/**
 * How the items of a list are matched: the parts of an item's key (scalars, compared as `lower`
 * spells them), and whether unmatched items pair by position. A non-object item is its own key.
 */
interface Keyer {
  /** How many parts an object item's key has (0: every object item has the same key). */
  readonly n: number
  /** Part `i` of an object item's key. */
  readonly part: (x: Rec, i: number) => unknown
  readonly positional: boolean
}

const byFields = (fields: readonly string[], positional: boolean): Keyer => ({ n: fields.length, part: (x, i) => own(x, fields[i]!), positional })
const PRODUCT_PARTS = ['id', 'variation_id', 'pack'] as const

function keyer(name: string): Keyer | null {
  switch (name) {
    case 'products':
      return { n: 3, part: (x, i) => (i === 0 ? (own(x, 'id') ?? own(x, 'name')) : own(x, PRODUCT_PARTS[i]!)), positional: false }
    case 'tax_rates':
    case 'shipping_tax_rates':
      return byFields(['label', 'rate_percent', 'rate_amount', 'jurisdiction'], true)
    case 'shipping_rates':
    case 'instalments':
      return byFields(['id'], true)
    case 'discounts':
      return { n: 1, part: (x) => own(x, 'code') ?? own(x, 'id') ?? own(x, 'label'), positional: true }
    // Lists of names (payment methods, product ids a rate applies to): matched by value, in any order.
    case 'payments':
    case 'available':
    case 'applies_to':
      return { n: 0, part: () => undefined, positional: true }
    default:
      return null
  }
}

/** An item's key string (the general pairing's map key): its parts joined, or the scalar itself. */
function keyOf(k: Keyer, x: unknown): string {
  if (!isObject(x)) return `\u0001${lower(x)}`
  if (k.n === 0) return '\u0002'
  let s = lower(k.part(x, 0))
  for (let i = 1; i < k.n; i++) s += `\u0000${lower(k.part(x, i))}`
  return s
}

/**
 * Whether two items have the same key, part by part: no key string is spelt. Equal parts give equal
 * key strings, so a list this finds in order pairs as the general pairing would pair it.
 */
function sameKey(k: Keyer, a: unknown, b: unknown): boolean {
  if (a === b) return true
  const ao = isObject(a)
  if (ao !== isObject(b)) return false
  if (!ao) return lower(a) === lower(b)
  for (let i = 0; i < k.n; i++) {
    const x = k.part(a as Rec, i)
    const y = k.part(b as Rec, i)
    if (x !== y && lower(x) !== lower(y)) return false
  }
  return true
}

/** A number written as JSON writes one (`1234`, `-0.5`, `1e3`), spaces around it allowed: not `0x10`, `0b1`, `Infinity` or `''`, which `Number()` also reads. */
const DECIMAL = /^\s*-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?\s*$/

/** Equality of two scalars: integers within `tol`, numbers and decimal strings by value, strings case-insensitively. */
export function sameScalar(a: unknown, b: unknown, tol: number): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return true
    return tol > 0 && Number.isInteger(a) && Number.isInteger(b) && Math.abs(a - b) <= tol
  }
  if (typeof a === 'string' && typeof b === 'string') return a.trim().toLowerCase() === b.trim().toLowerCase()
  if (typeof a === 'number' && typeof b === 'string' && DECIMAL.test(b) && Number.isFinite(Number(b))) return sameScalar(a, Number(b), tol)
  if (typeof b === 'number' && typeof a === 'string' && DECIMAL.test(a) && Number.isFinite(Number(a))) return sameScalar(Number(a), b, tol)
  return Object.is(a, b)
}

const KEYERS = new Map<string, Keyer | null>()
function keyerOf(name: string): Keyer | null {
  let k = KEYERS.get(name)
  if (k === undefined && !KEYERS.has(name)) {
    k = keyer(name)
    if (KEYERS.size < 64) KEYERS.set(name, k)
  }
  return k ?? null
}

/**
 * Pairs the API's list items with ours: by key, then (for lists that allow it) by position.
 * `null` when the lists pair item for item in order (the usual case: no holes in the API's list, and
 * the same length and the same key at every index, or an unkeyed list no longer than ours) — what
 * the general pairing would give then, without its map and arrays.
 */
function match(theirs: readonly unknown[], ours: readonly unknown[], name: string): (number | undefined)[] | null {
  const k = keyerOf(name)
  if (dense(theirs) && (k === null ? theirs.length <= ours.length : theirs.length === ours.length && sameKeys(theirs, ours, k))) return null
  const used = new Array<boolean>(ours.length).fill(false)
  const out = new Array<number | undefined>(theirs.length).fill(undefined)
  if (k === null) {
    theirs.forEach((_, i) => {
      if (i < ours.length) {
        out[i] = i
        used[i] = true
      }
    })
    return out
  }
  // Our items by key, each key's indices in order (the first unused one is taken).
  const byKey = new Map<string, number[]>()
  ours.forEach((o, j) => {
    const key = keyOf(k, o)
    const list = byKey.get(key)
    if (list === undefined) byKey.set(key, [j])
    else list.push(j)
  })
  theirs.forEach((t, i) => {
    const list = byKey.get(keyOf(k, t))
    const j = list?.shift()
    if (j !== undefined) {
      out[i] = j
      used[j] = true
    }
  })
  if (k.positional) {
    let free = 0
    theirs.forEach((_, i) => {
      if (out[i] !== undefined) return
      let j = i < ours.length && !used[i] ? i : -1
      if (j < 0) {
        while (free < ours.length && used[free]) free++
        j = free < ours.length ? free : -1
      }
      if (j >= 0) {
        out[i] = j
        used[j] = true
      }
    })
  }
  return out
}

/** Whether a list has an item at every index (a hole is an item the API lacks: the general pairing reports it). */
function dense(list: readonly unknown[]): boolean {
  for (let i = 0; i < list.length; i++) if (!(i in list)) return false
  return true
}

/** Whether both lists have the same key at every index (they have the same length). */
function sameKeys(theirs: readonly unknown[], ours: readonly unknown[], k: Keyer): boolean {
  for (let i = 0; i < theirs.length; i++) if (!sameKey(k, theirs[i], ours[i])) return false
  return true
}

/**
 * Compares the API's value with ours, recursively, appending to `c`. `tp` is the path on the API's
 * side, `op` ours (the same string while no list was matched out of order); `name` is the key the
 * value sits under (a list's items are matched by it).
 */
export function compareValue(c: Comparison, ours: unknown, theirs: unknown, tp: string, op: string, tol: number, depth = 0, name = ''): void {
  if (theirs === undefined) return
  if (ours === undefined) {
    if (c.ignored.length < MAX_IGNORED) c.ignored.push(tp)
    return
  }
  if (depth > MAX_DEPTH) {
    c.diffs.push({ path: tp, oursPath: op, ours, theirs: '(nested too deep)', kind: 'value' })
    return
  }
  if (typeof theirs !== 'object' || theirs === null) {
    c.compared++
    if (ours !== theirs && !sameScalar(ours, theirs, tol)) c.diffs.push({ path: tp, oursPath: op, ours, theirs, kind: 'value' })
    return
  }
  if (Array.isArray(theirs)) {
    if (!Array.isArray(ours)) {
      c.compared++
      c.diffs.push({ path: tp, oursPath: op, ours, theirs, kind: 'value' })
      return
    }
    const pairs = match(theirs, ours, name)
    // null: in order, item i is our item i (no map and no used-list needed).
    const used = pairs === null ? undefined : new Array<boolean>(ours.length).fill(false)
    let usedCount = 0
    for (let i = 0; i < theirs.length; i++) {
      const t = theirs[i]
      // A scalar item in order (a product id a rate applies to): compared here, its path spelt only for a difference.
      if (pairs === null && op === tp && t !== undefined && (typeof t !== 'object' || t === null) && ours[i] !== undefined && depth < MAX_DEPTH) {
        usedCount++
        c.compared++
        if (ours[i] !== t && !sameScalar(ours[i], t, tol)) {
          const p = `${tp}[${i}]`
          c.diffs.push({ path: p, oursPath: p, ours: ours[i], theirs: t, kind: 'value' })
        }
        continue
      }
      const j = pairs === null ? i : pairs[i]
      const tpi = `${tp}[${i}]`
      if (j === undefined) {
        c.compared++
        c.diffs.push({ path: tpi, oursPath: tpi, ours: undefined, theirs: t, kind: 'missing' })
        continue
      }
      if (used === undefined) usedCount++
      else {
        if (!used[j]) usedCount++
        used[j] = true
      }
      const opj = op === tp && i === j ? tpi : `${op}[${j}]`
      // Our item j is the API's item i: paths under it map by this prefix.
      if (opj !== tpi) c.remap.set(opj, tpi)
      compareValue(c, ours[j], t, tpi, opj, tol, depth + 1, name)
    }
    // The API returned the whole list: items of ours it lacks are a difference (every list, keyed or not).
    if (usedCount < ours.length) {
      const extra: string[] = []
      for (let j = 0; j < ours.length; j++) if (used === undefined ? j >= theirs.length : !used[j]) extra.push(joinPath(op, j))
      c.diffs.push({ path: tp, oursPath: op, ours: ours.length, theirs: theirs.length, kind: 'extra', extraKeys: extra })
    }
    return
  }
  if (!isObject(ours)) {
    c.compared++
    c.diffs.push({ path: tp, oursPath: op, ours, theirs, kind: 'value' })
    return
  }
  const rec = theirs as Rec
  const root = tp === ''
  // A field under the same key at the same place on our side (the usual case: the API writes its
  // fields in the order we do) is read by one lookup, not two.
  const ourKeys = Object.keys(ours)
  let i = -1
  for (const key in rec) {
    i++
    if (!hasOwn.call(rec, key) || key === 'due' || (root && SKIP_ROOT.has(key))) continue
    const t = rec[key]
    if (t === undefined) continue
    const o = ourKeys[i] === key ? (ours as Rec)[key] : own(ours, key)
    // Scalars, most of a transaction, are compared here: their paths are spelt only for a difference.
    if (o !== undefined && (typeof t !== 'object' || t === null)) {
      c.compared++
      if (o !== t && !sameScalar(o, t, tol)) {
        const tpk = root ? key : `${tp}.${key}`
        c.diffs.push({ path: tpk, oursPath: op === tp ? tpk : `${op}.${key}`, ours: o, theirs: t, kind: 'value' })
      }
      continue
    }
    const tpk = root ? key : `${tp}.${key}`
    compareValue(c, o, t, tpk, op === tp ? tpk : `${op}.${key}`, tol, depth + 1, key)
  }
}

/**
 * The API's path for one of ours, when the API returned that field: our path with the prefixes of
 * list items matched out of order rewritten (`products[2]…` → `products[0]…`).
 */
export function theirPath(c: Comparison, theirs: unknown, op: string, valueAt: (root: unknown, path: string) => unknown): string | undefined {
  let tp = op
  if (c.remap.size > 0) {
    // The longest matched item prefix wins (a rate under a product under the transaction).
    for (let i = op.length - 1; i >= 0; i--) {
      if (op[i] !== ']') continue
      const mapped = c.remap.get(op.slice(0, i + 1))
      if (mapped !== undefined) {
        tp = mapped + op.slice(i + 1)
        break
      }
    }
  }
  return valueAt(theirs, tp) === undefined ? undefined : tp
}

/** Compares two envelopes: status, then error codes (both 400) or the transactions. */
export function compareEnvelopes(ours: Envelope, theirs: Envelope, tol: number): Comparison {
  const c: Comparison = { compared: 0, diffs: [], ignored: [], remap: new Map() }
  if (theirs.status !== undefined) {
    c.compared++
    if (!sameScalar(ours.status, theirs.status, 0)) c.diffs.push({ path: 'status', oursPath: 'status', ours: ours.status, theirs: theirs.status, kind: 'value' })
  }
  if (Array.isArray(theirs.errors) && Array.isArray(ours.errors)) {
    const codes = ours.errors.map((e) => (isObject(e) ? lower(own(e, 'code')) : ''))
    theirs.errors.forEach((e, i) => {
      if (!isObject(e) || own(e, 'code') === undefined) return
      c.compared++
      const k = codes.indexOf(lower(own(e, 'code')))
      if (k >= 0) codes[k] = '\u0000'
      else c.diffs.push({ path: `errors[${i}].code`, oursPath: `errors[${i}].code`, ours: undefined, theirs: own(e, 'code'), kind: 'missing' })
    })
  }
  if (theirs.transaction !== undefined && ours.transaction !== undefined) compareValue(c, ours.transaction, theirs.transaction, '', '', tol)
  return c
}

/**
 * Whether a comparison compared nothing that could tell two answers apart: nothing at all, or only
 * the status of a response that returned a transaction (a 200 is judged by its amounts; a 400's
 * status is a comparison in itself). Such a response is unreadable, never a match.
 */
export function comparedNothing(c: Comparison, theirs: Envelope): boolean {
  return c.compared - (theirs.transaction !== undefined && theirs.status !== undefined ? 1 : 0) <= 0
}

/**
 * Differences no policy setting can remove. A policy changes amounts (and, through them, which
 * methods, plans and discounts a cart gets); it never changes a field that repeats the store or the
 * request, never gives a field a kind (object, list, scalar) our transaction never holds there, and
 * never invents a tax rate, a discount, a payment method or a status the store cannot give. An order with such a
 * difference is unexplained under every setting, so the search can stop at its first estimate.
 *
 * Each rule holds whatever the pairing of list items: under another setting, the API's item is
 * compared with one of our items (by key or by position, as `reconcile` pairs them), or with none,
 * which is a difference too.
 */
import { isObject, own } from '../input/read'
import { lower, type RawDiff, sameScalar } from '../reconcile/compare'
import { valueAt } from '../trace/path'
import { prepared, type Store } from '../store/createStore'
import type { PreparedStore } from '../store/model'

/** What a difference is judged against: our transaction and the API's, in the same shape. */
export interface FixedContext {
  readonly store: Store
  readonly request: unknown
  readonly ours: unknown
  readonly theirs: unknown
  readonly tolerance: number
}

/** Whether no setting can make this difference of a 200 estimate go away. */
export function isFixed(d: RawDiff, cx: FixedContext): boolean {
  const at = d.oursPath.replace(INDEX, '[]')
  if (d.kind !== 'value') {
    // An item of the API's that none of ours can be: a payment method or a discount no store item is.
    // (A hole in the API's list is no item: paired with one of ours under another setting, it compares nothing.)
    if (d.kind === 'missing' && d.theirs !== undefined && (at === 'payments[]' || at === 'payments.available[]')) return notAPaymentMethod(d.theirs, cx)
    if (d.kind === 'missing' && at === 'discounts[]') return !inCatalog(d.theirs, catalog(prepared(cx.store), 'discount'), cx.tolerance)
    if (d.kind === 'missing' && at === 'products[].discounts[]') return !inCatalog(d.theirs, catalog(prepared(cx.store), 'line_discount'), cx.tolerance)
    // Which lines a 200 holds is settled before any policy is read (a line is rejected for its
    // product, currency, units or stock): a product only one side has stays so.
    return at === 'products' || at === 'products[]'
  }
  if (d.ours === undefined) return false
  if (at === 'status') return !sameScalar(200, d.theirs, 0) && !sameScalar(400, d.theirs, 0)
  if (kindOf(d.ours) !== kindOf(d.theirs)) return !mayChangeKind(at)
  if (ECHO_TOP.test(at) || ECHO_LINE.test(at)) return true
  // A boolean field is always one, and a field of another type never: sameScalar equates a boolean with itself only.
  if ((typeof d.ours === 'boolean') !== (typeof d.theirs === 'boolean')) return true
  for (const [re, item] of ITEMS) {
    if (!re.test(at)) continue
    if (item === 'shipping_rate' && hasQuote(cx.request)) return false
    return !inCatalog(holder(cx.theirs, d.path), catalog(prepared(cx.store), item), cx.tolerance)
  }
  if (at === 'taxes.rate') return noStoreRate(d, cx)
  if (at === 'payments[]' || at === 'payments.available[]') return notAPaymentMethod(d.theirs, cx)
  if (SHIPPING.test(at)) return sameMethod(d, cx)
  if (PLAN.test(at)) return samePlan(d, cx)
  return false
}

const INDEX = /\[\d+\]/g

/** A JSON value's kind: an object, a list, or a scalar (null included). */
function kindOf(v: unknown): 'object' | 'list' | 'scalar' {
  return typeof v !== 'object' || v === null ? 'scalar' : Array.isArray(v) ? 'list' : 'object'
}

/**
 * The places where our transaction's kind depends on the cart: the selected method and a
 * discount's scope (an object or null), and the create shape's lists (null when empty). Everywhere
 * else an object stays an object, a list a list and a scalar a scalar.
 */
const MAY_BE_NULL = /^(shipping\.shipping_method|discounts|instalments|discounts\[\]\.applies_to(\.products|\.categories)?|customer_information([.[].*)?)$/

/**
 * Whether the kind of our value at `path` (items as `[]`) can differ from one estimate to another.
 *
 * @example
 * ```ts
 * mayChangeKind('shipping.shipping_method') // true: an object, or null without a method
 * mayChangeKind('products[].taxes') // false: always an object
 * ```
 */
export const mayChangeKind = (path: string): boolean => MAY_BE_NULL.test(path)

/** Fields of the transaction that repeat the store or the request. */
const ECHO_TOP = /^(object|locale|currency|has_subscriptions)$/
/** A line's (products are paired by id, variant and pack alone, whatever the amounts). */
const ECHO_LINE = /^products\[\]\.(name|quantity|type|classification|discount_allowed|is_moss_product|currency|has_shipping|is_variant|ean|sku)$/

/**
 * A tax rate or a discount of ours is one of the store's, field for field: a rate's id, label,
 * percentage, amount, jurisdiction and VAT flag are its own (a shipping list may label it with the
 * account's shipping tax label; an nShift quote, which the request gives, brings a rate of its own),
 * a discount's id, code, label, type and value too. An item of the API's that no rate (no discount)
 * of the store agrees with on every one of these fields it gives is compared, under every setting,
 * with an item of ours that differs from it in one of them.
 */
const ITEMS: readonly (readonly [RegExp, Item])[] = [
  [/^(products\[\]\.taxes|taxes)\.tax_rates\[\]\.(id|label|rate_percent|rate_amount|jurisdiction|vat_tax)$/, 'rate'],
  [/^(products\[\]\.taxes|taxes)\.shipping_tax_rates\[\]\.(id|label|rate_percent|rate_amount|jurisdiction|vat_tax)$/, 'shipping_rate'],
  [/^discounts\[\]\.(id|code|label|type|value)$/, 'discount'],
  [/^products\[\]\.discounts\[\]\.(id|code|label|type)$/, 'line_discount'],
]

type Item = 'rate' | 'shipping_rate' | 'discount' | 'line_discount'

/** The fields of an item that repeat the store, and each store item's values of them. */
interface Catalog {
  readonly fields: readonly string[]
  readonly items: readonly (readonly (readonly unknown[])[])[]
}

const CATALOGS = new WeakMap<PreparedStore, ReadonlyMap<Item, Catalog>>()

/** What the store's rates and discounts can show, per field (a shipping rate's label: its own or the account's). */
function catalog(s: PreparedStore, item: Item): Catalog {
  let m = CATALOGS.get(s)
  if (m === undefined) {
    const rates = [...s.rates.values()].flat()
    const discounts = [...s.discounts, ...s.coupons.values()]
    const rate = (r: (typeof rates)[number], shipping: boolean) => [[r.id], shipping ? [r.label, s.account.shippingTaxLabel] : [r.label], [r.percentNumber], [r.amount], [r.jurisdiction], [r.vat]]
    const fields = ['id', 'label', 'rate_percent', 'rate_amount', 'jurisdiction', 'vat_tax']
    m = new Map<Item, Catalog>([
      ['rate', { fields, items: rates.map((r) => rate(r, false)) }],
      ['shipping_rate', { fields, items: rates.map((r) => rate(r, true)) }],
      ['discount', { fields: ['id', 'code', 'label', 'type', 'value'], items: discounts.map((d) => [[d.id], [d.code], [d.label], [d.type], [d.valueNumber]]) }],
      ['line_discount', { fields: ['id', 'code', 'label', 'type'], items: discounts.map((d) => [[d.id], [d.code], [d.label], [d.type]]) }],
    ])
    CATALOGS.set(s, m)
  }
  return m.get(item)!
}

/** Whether some item of the store agrees with the API's item on every catalogued field it gives. */
function inCatalog(theirs: unknown, c: Catalog, tol: number): boolean {
  if (!isObject(theirs)) return true
  return c.items.some((values) =>
    c.fields.every((f, i) => {
      const t = own(theirs, f)
      return t === undefined || values[i]!.some((v) => sameScalar(v, t, tol))
    }),
  )
}

/** Whether a value is none of the payment methods we can offer: the account's, and instalments. */
function notAPaymentMethod(v: unknown, cx: FixedContext): boolean {
  return !prepared(cx.store).account.paymentMethods.some((m) => sameScalar(m.id, v, 0)) && !sameScalar('instalments', v, 0)
}

/** Whether the request asks for an nShift quote (whose tax rate is the request's, not the store's). */
function hasQuote(request: unknown): boolean {
  const ship = isObject(request) ? own(request, 'shipping') : undefined
  return isObject(ship) && own(ship, 'nshift') !== undefined
}

/** Whether the create shape's one rate is no store rate's percentage nor null (an nShift quote may bring any: not judged). */
function noStoreRate(d: RawDiff, cx: FixedContext): boolean {
  if (hasQuote(cx.request)) return false
  const s = prepared(cx.store)
  for (const r of s.rates.values()) for (const x of r) if (sameScalar(x.percentNumber, d.theirs, cx.tolerance)) return false
  return !sameScalar(null, d.theirs, 0)
}

/** A shipping method's fields that repeat the store (or, for nShift, the request). */
const SHIPPING = /^shipping\.(shipping_rates\[\]|shipping_method)\.(label|type|bundling|convert_from|exchange_rate)$/
/** A plan's terms. */
const PLAN = /^instalments\[\]\.(interval|instalments|cycle|offset|upfront)$/

/** The object holding the field at `path`. */
const holder = (root: unknown, path: string): unknown => valueAt(root, path.slice(0, path.lastIndexOf('.')))

/**
 * Whether our item and the API's have the same id, spelt alike, and no other item the store can
 * give has it in another case: under every setting the API's item is then compared with this one
 * (whose fields repeat the store) or with one whose id differs.
 */
function sameId(d: RawDiff, cx: FixedContext, ids: (s: PreparedStore) => readonly string[]): boolean {
  const a = holder(cx.ours, d.oursPath)
  const b = holder(cx.theirs, d.path)
  const ida = isObject(a) ? own(a, 'id') : undefined
  const idb = isObject(b) ? own(b, 'id') : undefined
  if (typeof ida !== 'string' || ida !== idb) return false
  // Spelt as the pairing keys them.
  const key = lower(ida)
  let same = 0
  for (const id of ids(prepared(cx.store))) if (lower(id) === key) same++
  return same === 1
}

/** A method's fields: the store's methods, and nShift's quote. */
const sameMethod = (d: RawDiff, cx: FixedContext): boolean => sameId(d, cx, (s) => [...s.shippingMethods.map((m) => m.id), 'nshift'])

/**
 * A plan's terms. Plans pair by id case-insensitively (and by position when an id is missing), and
 * which plans are offered depends on the total: only when both ids are the same and no other plan of
 * the store has that id in another case can no setting pair the API's plan with another of ours.
 */
const samePlan = (d: RawDiff, cx: FixedContext): boolean => sameId(d, cx, (s) => s.plans.map((p) => p.id))

/**
 * The request edge: validates an EstimateRequest against the store and normalizes it.
 * Structural problems and unknown ids are collected as 400 errors with JSON paths.
 */
import { isObject, type Obj, own, Reader, LIMITS } from '../input/read'
import { joinPath } from '../issues/issues'
import { REQUEST, REQUEST_LINE } from '../input/fields'
import type { Rational } from '../money/rational'
import { smallInt } from '../money/small-int'
import { readAddress, scalarFields } from '../store/customers'
import type { NAddress, NPack, NProduct, NVariant, PreparedStore } from '../store/model'

export interface NLineRef {
  readonly index: number
  readonly path: string
  readonly product: NProduct | null
  readonly variant: NVariant | null
  readonly pack: NPack | null
  /** Invoice items only. */
  readonly name: string | null
  readonly price: number
  readonly quantity: number
}

export interface NRequestCustomer {
  readonly id: string | null
  readonly isNew: boolean
  /** Scalars echoed from the inline customer object. */
  readonly inlineFields: Readonly<Record<string, unknown>>
  readonly billingAddressId: string | null
  readonly shippingAddressId: string | null
  readonly sameShipping: boolean
  readonly billingInfo: NAddress | null
  readonly shippingInfo: NAddress | null
  readonly country: string | null
  readonly locale: string | null
}

export interface NNshift {
  /** price + Σ add-on prices. */
  readonly cost: number
  readonly price: number
  readonly addons: readonly number[]
  readonly rate: Rational | null
  readonly rateNumber: number | null
}

export interface NRequest {
  readonly lines: readonly NLineRef[]
  readonly currency: string | null
  readonly convert: boolean
  readonly coupons: readonly { readonly code: string; readonly path: string }[]
  readonly noDiscounts: boolean
  readonly locale: string | null
  readonly affiliate: string | null
  readonly page: string | null
  readonly customer: NRequestCustomer
  readonly shippingMethodId: string | null
  readonly nshift: NNshift | null
}

const REQUEST_CONTROL = new Set([
  'billing_address_id', 'shipping_address_id', 'same_shipping_address', 'billing_information', 'shipping_information', 'addresses',
  'default_billing_address_id', 'default_shipping_address_id',
])

function readInline(r: Reader, o: Obj, key: string, path: string): NAddress | null {
  const v = r.object(o, key, path)
  return v === undefined ? null : readAddress(r, v, joinPath(path, key))
}

function readCustomerPart(r: Reader, body: Obj): NRequestCustomer | undefined {
  const c = r.object(body, 'customer', '')
  const n = r.object(body, 'new_customer', '')
  if (c === undefined && n === undefined) {
    if (r.issues.length === 0 || !r.issues.some((i) => i.path === 'customer' || i.path === 'new_customer')) r.add('customer_required', 'customer')
    return undefined
  }
  const o = (c ?? n)!
  const path = c !== undefined ? 'customer' : 'new_customer'
  // Its scalar fields are echoed in customer_information: bounded in count and length.
  const echo = r.echoed(o, path)
  const id = c !== undefined ? r.id(o, 'id', path, true) : (r.id(o, 'id', path) ?? null)
  return {
    id: id ?? null,
    isNew: c === undefined,
    inlineFields: echo ? scalarFields(o, REQUEST_CONTROL) : {},
    billingAddressId: r.id(o, 'billing_address_id', path) ?? null,
    shippingAddressId: r.id(o, 'shipping_address_id', path) ?? null,
    sameShipping: r.boolean(o, 'same_shipping_address', path) ?? false,
    billingInfo: readInline(r, o, 'billing_information', path),
    shippingInfo: readInline(r, o, 'shipping_information', path),
    country: r.country(o, 'country', path) ?? null,
    locale: r.string(o, 'locale', path) ?? null,
  }
}

const hasOwn = Object.prototype.hasOwnProperty
/** `products[i]`, built once per index. */
const LINE_PATHS: string[] = []

/**
 * The usual line, `{ id, quantity? }` with valid values, read with plain property loads, its keys
 * checked in the same loop; else undefined, with nothing reported (the general reader decides).
 */
function catalogLine(r: Reader, store: PreparedStore, v: Obj, index: number, path: string): NLineRef | undefined {
  const o = v as { readonly id?: unknown; readonly quantity?: unknown; readonly pack?: unknown; readonly variant?: unknown }
  const id = o.id
  const q = o.quantity
  if (typeof id !== 'string' || id.length === 0 || id.length > LIMITS.maxString || o.pack != null || o.variant != null || !hasOwn.call(o, 'id')) return undefined
  let quantity = 1
  if (q !== undefined) {
    if (typeof q !== 'number' || !Number.isSafeInteger(q) || q < 1 || !hasOwn.call(o, 'quantity')) return undefined
    quantity = smallInt(q)
  }
  const product = store.products.get(id)
  if (product === undefined) return undefined
  for (const k in o) if (k !== 'id' && k !== 'quantity' && !REQUEST_LINE.table.has(k) && hasOwn.call(o, k)) r.unknown(k, path, REQUEST_LINE)
  return { index, path, product, variant: null, pack: null, name: null, price: 0, quantity }
}

/** Reads one line and checks its keys (unknown ones are warnings at the line's path). */
function readLine(r: Reader, store: PreparedStore, v: unknown, index: number): NLineRef | undefined {
  const path = (LINE_PATHS[index] ??= joinPath('products', index))
  if (!isObject(v)) {
    r.add('invalid_type', path, { expected: 'a product line object' })
    return undefined
  }
  const quick = catalogLine(r, store, v, index, path)
  if (quick !== undefined) return quick
  r.keys(v, path, REQUEST_LINE)
  let quantity = 1
  const q = own(v, 'quantity')
  if (q !== undefined && q !== null) {
    if (typeof q === 'number' && Number.isInteger(q) && q > 0 && !Number.isSafeInteger(q)) {
      r.add('amount_overflow', joinPath(path, 'quantity'))
      return undefined
    }
    if (typeof q !== 'number' || !Number.isInteger(q) || q < 1) {
      r.add('invalid_quantity', joinPath(path, 'quantity'))
      return undefined
    }
    quantity = smallInt(q)
  }
  // The first present of pack, variant, id decides; price/name are then ignored (as the API does).
  const packId = r.id(v, 'pack', path)
  if (packId !== undefined) {
    const pack = store.packs.get(packId)
    if (pack === undefined) return void r.add('unknown_pack', joinPath(path, 'pack'), { id: packId })
    return { index, path, product: pack.product, variant: null, pack, name: null, price: 0, quantity }
  }
  if (own(v, 'pack') !== undefined && own(v, 'pack') !== null) return undefined
  const variantId = r.id(v, 'variant', path)
  if (variantId !== undefined) {
    const variant = store.variants.get(variantId)
    if (variant === undefined) return void r.add('unknown_variant', joinPath(path, 'variant'), { id: variantId })
    return { index, path, product: variant.product, variant, pack: null, name: null, price: 0, quantity }
  }
  if (own(v, 'variant') !== undefined && own(v, 'variant') !== null) return undefined
  const productId = r.id(v, 'id', path)
  if (productId !== undefined) {
    const product = store.products.get(productId)
    if (product === undefined) return void r.add('unknown_product', joinPath(path, 'id'), { id: productId })
    return { index, path, product, variant: null, pack: null, name: null, price: 0, quantity }
  }
  if (own(v, 'id') !== undefined && own(v, 'id') !== null) return undefined
  const name = r.string(v, 'name', path) ?? r.string(v, 'label', path)
  const price = r.amount(v, 'price', path)
  // Absent and null are both "missing": a `name: null` line must not vanish without an issue.
  const absent = (k: string) => own(v, k) === undefined || own(v, k) === null
  if (name === undefined && absent('name') && absent('label')) r.add('required', joinPath(path, 'name'))
  if (price === undefined && absent('price')) r.add('required', joinPath(path, 'price'))
  if (name === undefined || price === undefined) return undefined
  return { index, path, product: null, variant: null, pack: null, name, price, quantity }
}

/**
 * Validates and normalizes a request. Returns the normalized request, or `undefined` with the
 * problems recorded on `r` (the caller answers 400).
 */
export function readRequest(r: Reader, store: PreparedStore, body: unknown): NRequest | undefined {
  if (!isObject(body)) {
    r.add('invalid_type', '', { expected: 'a request object' })
    return undefined
  }
  // Unknown keys take no part in the calculation: each is a warning, with the key it was probably
  // meant to be. The lines are read where the walk meets them, each line's keys checked as it is
  // read, so the warnings keep the request's order.
  const lines: NLineRef[] = []
  let read = false
  r.keys(body, '', REQUEST, {
    key: 'products',
    check: (list) => {
      if (!Array.isArray(list) || list.length === 0) return false
      // Too many lines is the answer: their keys are not looked at (a hostile list costs nothing).
      if (list.length > store.account.maxLines) return true
      for (let i = 0; i < list.length; i++) {
        const l = readLine(r, store, list[i], i)
        if (l !== undefined) lines.push(l)
      }
      return (read = true)
    },
  })
  const list = r.array(body, 'products', '', true)
  if (list !== undefined && !read) {
    if (list.length === 0) r.add('no_products', 'products')
    else if (list.length > store.account.maxLines) r.add('too_many_lines', 'products', { max: store.account.maxLines })
  }
  const currency = r.currency(body, 'currency', '') ?? null
  const couponList = r.array(body, 'coupons', '', false, LIMITS.maxCoupons)
  const coupons: { code: string; path: string }[] = []
  // r.array hands over a sparse array with its holes as undefined: forEach visits them.
  couponList?.forEach((c, i) => {
    const p = joinPath('coupons', i)
    if (typeof c !== 'string' || c.length > LIMITS.maxString) r.add('invalid_type', p, { expected: 'a coupon code string' })
    else coupons.push({ code: c, path: p })
  })
  let shippingMethodId: string | null = null
  let nshift: NNshift | null = null
  const ship = r.object(body, 'shipping', '')
  if (ship !== undefined) {
    shippingMethodId = r.id(ship, 'tamio', 'shipping') ?? null
    const ns = r.object(ship, 'nshift', 'shipping')
    if (ns !== undefined && r.boolean(ns, 'valid', 'shipping.nshift') === true) {
      const np = 'shipping.nshift'
      // A quote without its price is a mistake, not free shipping (and so is an add-on without one).
      const price = r.amount(ns, 'price', np, true) ?? 0
      let cost = price
      const addons = r.array(ns, 'selectedAddons', np, false, LIMITS.maxAddons) ?? []
      const addonPrices: number[] = []
      addons.forEach((a, i) => {
        const ap = joinPath(joinPath(np, 'selectedAddons'), i)
        if (!isObject(a)) return r.add('invalid_type', ap, { expected: 'an add-on object' })
        const x = r.amount(a, 'price', ap, true) ?? 0
        addonPrices.push(x)
        cost += x
      })
      if (!Number.isSafeInteger(cost)) r.add('amount_overflow', joinPath(np, 'price'))
      const rate = r.percent(ns, 'taxRate', np)
      nshift = { cost, price, addons: addonPrices, rate: rate?.fraction ?? null, rateNumber: rate?.number ?? null }
    }
  }
  const customer = readCustomerPart(r, body)
  const out: NRequest = {
    lines,
    currency,
    convert: r.boolean(body, 'convert_prices', '') ?? false,
    coupons,
    noDiscounts: r.boolean(body, 'no_discounts', '') ?? false,
    locale: r.string(body, 'locale', '') ?? null,
    affiliate: r.string(body, 'affiliate', '') ?? null,
    page: r.string(body, 'page', '') ?? null,
    customer: customer!,
    shippingMethodId,
    nshift,
  }
  return r.issues.length > 0 || customer === undefined ? undefined : out
}

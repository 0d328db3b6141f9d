/**
 * Reads an automatic discount or a coupon: the fields every discount has here, the kind's own
 * fields by the kind in the registry (keyed on `type`).
 */
import { DISCOUNT_KINDS } from '../5-discounts/kinds/index'
import { type Obj, Reader } from '../input/read'
import { joinPath } from '../issues/issues'
import { kindOf } from './kind'
import type { NDiscount } from './model'

/** Normalizes one discount (`automatic`: from `discounts`, else a coupon from `coupons`). */
export function readDiscount(r: Reader, o: Obj, path: string, automatic: boolean): NDiscount | undefined {
  // Codes are matched trimmed and case-insensitively (the store indexes them lower-cased).
  const code = (automatic ? r.string(o, 'code', path) : r.string(o, 'code', path, true))?.trim() ?? null
  if (!automatic && code !== null && code.length === 0) r.add('invalid_value', joinPath(path, 'code'), { detail: 'an empty coupon code' })
  const type = r.string(o, 'type', path, true)
  const kind = kindOf(r, DISCOUNT_KINDS, type, path)
  const own = kind?.read(r, o, path)
  const at = r.object(o, 'applies_to', path)
  const ap = joinPath(path, 'applies_to')
  const products = at === undefined ? null : r.stringList(at, 'products', ap)
  const categories = at === undefined ? null : r.stringList(at, 'categories', ap)
  const currencies = r.stringList(o, 'currencies', path, true)
  const pms = r.stringList(o, 'payment_methods', path)
  const common = {
    source: path,
    automatic,
    code: code !== null && code.length > 0 ? code : null,
    id: r.id(o, 'id', path) ?? null,
    label: r.string(o, 'label', path) ?? code ?? '',
    products: products === null ? null : new Set(products),
    categories: categories === null ? null : new Set(categories),
    appliesTo: at === undefined ? null : { products, categories },
    minSubtotal: r.currencyAmounts(o, 'min_subtotal', path),
    startsAt: r.date(o, 'starts_at', path) ?? null,
    endsAt: r.date(o, 'ends_at', path) ?? null,
    currencies: currencies === null ? null : new Set(currencies),
    // Payment-method ids compare trimmed and case-insensitively with options.payment_method.
    paymentMethods: pms === null ? null : new Set(pms.map((m) => m.trim().toLowerCase())),
    combinable: r.boolean(o, 'combinable', path) ?? true,
    maxAmount: r.currencyAmounts(o, 'max_amount', path),
  }
  if (kind === undefined || own === undefined || (!automatic && common.code === null)) return undefined
  return { ...common, type: kind.type, kind, spec: own.spec, valueNumber: own.value }
}

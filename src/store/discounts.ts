import { type Obj, own, Reader } from '../input/read'
import { joinPath } from '../issues/issues'
import type { NDiscount } from './model'

const TYPES = new Set(['percent', 'fixed', 'free_shipping', 'shipping'])

/** Normalizes an automatic discount or a coupon (SPEC §3.5). */
export function readDiscount(r: Reader, o: Obj, path: string, automatic: boolean): NDiscount | undefined {
  // Codes are matched trimmed and case-insensitively (the store indexes them lower-cased).
  const code = (automatic ? r.string(o, 'code', path) : r.string(o, 'code', path, true))?.trim() ?? null
  if (!automatic && code !== null && code.length === 0) r.add('invalid_value', joinPath(path, 'code'), { detail: 'an empty coupon code' })
  const type = r.string(o, 'type', path, true)
  if (type !== undefined && !TYPES.has(type)) r.add('invalid_option', joinPath(path, 'type'), { detail: 'percent, fixed, free_shipping or shipping' })
  const value = r.percent(o, 'value', path, type === 'percent')
  const amounts = r.currencyAmounts(o, 'amounts', path)
  if (type === 'fixed' && (amounts === null || amounts.size === 0)) r.add('required', joinPath(path, 'amounts'))
  if (type === 'shipping' && value === undefined && (amounts === null || amounts.size === 0)) r.add('required', joinPath(path, 'value'))
  if (value !== undefined && value.fraction.num > value.fraction.den) r.add('invalid_value', joinPath(path, 'value'), { detail: 'a percentage above 100' })
  const at = r.object(o, 'applies_to', path)
  const ap = joinPath(path, 'applies_to')
  const products = at === undefined ? null : r.stringList(at, 'products', ap)
  const categories = at === undefined ? null : r.stringList(at, 'categories', ap)
  const currencies = r.stringList(o, 'currencies', path, true)
  const pms = r.stringList(o, 'payment_methods', path)
  const d: NDiscount = {
    automatic,
    code: code !== null && code.length > 0 ? code : null,
    id: r.id(o, 'id', path) ?? null,
    label: r.string(o, 'label', path) ?? code ?? '',
    type: (type ?? 'percent') as NDiscount['type'],
    value: value?.fraction ?? null,
    valueNumber: value?.number ?? null,
    amounts,
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
  if (type === undefined || !TYPES.has(type) || (!automatic && d.code === null)) return undefined
  if (own(o, 'value') !== undefined && own(o, 'value') !== null && value === undefined) return undefined
  return d
}

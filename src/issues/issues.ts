/**
 * Every issue code the library emits, with its English message — the one module where messages
 * live (errors are data: callers match on `code`, read `path`, and show `message` to humans).
 */
import { MoneyError } from '../money/errors'
import type { Issue } from '../types/output'

type Detail = { readonly detail?: string | undefined }

/** An unknown key: the key, the known key it is probably meant to be, the known keys, whether it is ignored; or how many more are not listed. */
type UnknownField =
  | {
      readonly key: string
      readonly suggestion?: string | undefined
      readonly known?: string | undefined
      readonly ignored?: boolean
    }
  | { readonly more: number }

function didYouMean(p: { readonly suggestion?: string | undefined }): string {
  return p.suggestion === undefined ? '' : `; did you mean ${JSON.stringify(p.suggestion)}?`
}

/**
 * Every code with its message. A code's message function declares the parameters the code
 * carries, so `issue('too_many_lines', path, { max })` type-checks and `issue('too_many_lines',
 * path)` does not.
 */
const MESSAGES = {
  // structural (400 / store errors)
  invalid_type: (p: { readonly expected: string }) => `expected ${p.expected}`,
  required: () => 'is required',
  invalid_value: (p: Detail = {}) => `is not a valid value${p.detail ? `: ${p.detail}` : ''}`,
  invalid_quantity: () => 'quantity must be a positive integer',
  invalid_amount: () => 'must be a non-negative integer amount in minor units',
  invalid_rate: (p: Detail = {}) => `is not a valid decimal rate${p.detail ? `: ${p.detail}` : ''}`,
  invalid_date: () => 'is not a valid ISO 8601 date',
  invalid_currency: () => 'is not an ISO 4217 currency code',
  invalid_option: (p: Detail = {}) => `is not a valid option${p.detail ? `: ${p.detail}` : ''}`,
  amount_overflow: (p: Detail = {}) => `an amount here would leave the safe-integer range (±9007199254740991 minor units)${p.detail ? `: ${p.detail}` : ''}`,
  too_many_lines: (p: { readonly max: number }) => `at most ${p.max} product lines are allowed`,
  too_many_items: (p: { readonly max: number }) => `at most ${p.max} entries are allowed here`,
  string_too_long: (p: { readonly max: number }) => `strings are limited to ${p.max} characters`,
  duplicate_id: (p: { readonly id: string }) => `duplicate id ${JSON.stringify(p.id)}`,
  customer_required: () => 'one of customer or new_customer is required',
  no_products: () => 'no product line could be accepted',
  currency_not_enabled: (p: { readonly currency: string }) => `currency ${p.currency} is not enabled on this account`,
  unknown_product: (p: { readonly id: string }) => `no product with id ${JSON.stringify(p.id)}`,
  unknown_variant: (p: { readonly id: string }) => `no variant with id ${JSON.stringify(p.id)}`,
  unknown_pack: (p: { readonly id: string }) => `no pack with id ${JSON.stringify(p.id)}`,
  unknown_address: (p: { readonly id: string }) => `no address with id ${JSON.stringify(p.id)} for this customer`,
  unknown_exchange_rate: (p: { readonly currency: string }) => `no exchange rate for ${p.currency}`,
  invalid_store: () => 'expected a store made by createStore(config)',
  compound_inclusive: () => 'a compound rate cannot apply to a tax-inclusive line (a product, an invoice item or shipping)',
  // typos: store errors in the store config's own format; warnings elsewhere (never a 400)
  unknown_field: (p: UnknownField) =>
    'more' in p
      ? `${p.more} more unknown fields are not listed`
      : `unknown field ${JSON.stringify(p.key)}${p.ignored === true ? ' is ignored' : ''}${didYouMean(p)}${p.known !== undefined ? ` (known: ${p.known})` : ''}`,
  unknown_value: (p: { readonly what: string; readonly value: string; readonly detail?: string; readonly suggestion?: string | undefined }) =>
    `unknown ${p.what} ${JSON.stringify(p.value)}${p.detail !== undefined ? ` (${p.detail})` : ''}${didYouMean(p)}`,
  percent_below_one: (p: { readonly value: string }) => `${p.value} is read as ${p.value} % (percentages are written in percent: "19" for 19 %)`,
  // line rejections (warnings; 400 with strict)
  variant_required: () => 'this product has variants: pass a variant id',
  not_buyable: () => 'this product is not buyable',
  not_released: () => 'this product is not released yet',
  expired: () => 'this product has expired',
  country_not_allowed: (p: { readonly country: string }) => `this product cannot be sold to ${p.country}`,
  below_min_units: (p: { readonly min: number }) => `at least ${p.min} units of this product are required`,
  above_max_units: (p: { readonly max: number }) => `at most ${p.max} units of this product are allowed`,
  insufficient_stock: (p: { readonly stock: number }) => `only ${p.stock} units in stock`,
  pack_multiple_not_allowed: () => 'this pack cannot be bought more than once per order',
  currency_not_supported: (p: { readonly currency: string }) => `this product has no price in ${p.currency}`,
  // coupons and discounts (warnings)
  unknown_coupon: (p: { readonly code: string }) => `no coupon ${JSON.stringify(p.code)}`,
  coupon_expired: () => 'this coupon has expired',
  coupon_not_started: () => 'this coupon is not valid yet',
  coupon_min_subtotal: (p: { readonly min: number }) => `this coupon needs a subtotal of at least ${p.min}`,
  coupon_currency: (p: { readonly currency: string }) => `this coupon is not valid in ${p.currency}`,
  coupon_not_combinable: () => 'this coupon cannot be combined with other discounts',
  coupon_no_eligible_products: () => 'no product in the cart is eligible for this coupon',
  coupon_duplicate: () => 'this coupon was already applied',
  discounts_disabled: () => 'discounts are disabled for this transaction (no_discounts)',
  payment_method_discount_skipped: () => 'this discount needs a payment method; pass options.payment_method to apply it',
  payment_method_not_allowed: () => 'this discount is not valid for the selected payment method',
  // informational warnings
  shipping_method_unavailable: (p: { readonly id: string }) => `shipping method ${JSON.stringify(p.id)} is not available for this order; the default was used`,
  no_shipping_method: () => 'no shipping method is available for this order',
  customer_country_unknown: () => "the customer's country is unknown; the account's country was used",
  reverse_charge: () => 'reverse charge: VAT is not charged to this verified EU business customer',
  tax_exempt: () => 'the customer is tax exempt: no taxes were charged',
} as const satisfies { readonly [C in IssueCode]: (...p: never[]) => string }

/** The parameters an issue code carries (none for most). @example `const p: IssueParams<'too_many_lines'> = [{ max: 20 }]` */
export type IssueParams<C extends IssueCode> = Parameters<(typeof MESSAGES)[C]>

/**
 * Every stable issue code: structural problems (400s and store errors), line and coupon rejections
 * (warnings; 400s with `strict`), typos (`unknown_field`, `unknown_value`, `percent_below_one`) and
 * informational warnings. (Written out, and checked against the message table, so the reference
 * can list it.)
 *
 * @example `const c: IssueCode = 'unknown_product'`
 */
export type IssueCode =
  | 'invalid_type'
  | 'required'
  | 'invalid_value'
  | 'invalid_quantity'
  | 'invalid_amount'
  | 'invalid_rate'
  | 'invalid_date'
  | 'invalid_currency'
  | 'invalid_option'
  | 'amount_overflow'
  | 'too_many_lines'
  | 'too_many_items'
  | 'string_too_long'
  | 'duplicate_id'
  | 'customer_required'
  | 'no_products'
  | 'currency_not_enabled'
  | 'unknown_product'
  | 'unknown_variant'
  | 'unknown_pack'
  | 'unknown_address'
  | 'unknown_exchange_rate'
  | 'invalid_store'
  | 'compound_inclusive'
  | 'unknown_field'
  | 'unknown_value'
  | 'percent_below_one'
  | 'variant_required'
  | 'not_buyable'
  | 'not_released'
  | 'expired'
  | 'country_not_allowed'
  | 'below_min_units'
  | 'above_max_units'
  | 'insufficient_stock'
  | 'pack_multiple_not_allowed'
  | 'currency_not_supported'
  | 'unknown_coupon'
  | 'coupon_expired'
  | 'coupon_not_started'
  | 'coupon_min_subtotal'
  | 'coupon_currency'
  | 'coupon_not_combinable'
  | 'coupon_no_eligible_products'
  | 'coupon_duplicate'
  | 'discounts_disabled'
  | 'payment_method_discount_skipped'
  | 'payment_method_not_allowed'
  | 'shipping_method_unavailable'
  | 'no_shipping_method'
  | 'customer_country_unknown'
  | 'reverse_charge'
  | 'tax_exempt'

/**
 * Builds an {@link Issue} with the one message for its code; a `suggestion` parameter (the known key
 * or value a typo was probably meant to be) is kept on the issue too.
 *
 * @example
 * ```ts
 * issue('invalid_quantity', 'products[0].quantity') // { code, path, message: 'quantity must be a positive integer' }
 * ```
 */
export function issue<C extends IssueCode>(code: C, path: string, ...params: IssueParams<C>): Issue {
  const message = (MESSAGES[code] as (...p: IssueParams<C>) => string)(...params)
  const s = (params[0] as { readonly suggestion?: unknown } | undefined)?.suggestion
  return typeof s === 'string' ? { code, path, message, suggestion: s } : { code, path, message }
}

/** All codes, for documentation and tests. @example `ISSUE_CODES.includes('no_products') // true` */
export const ISSUE_CODES: readonly IssueCode[] = /* @__PURE__ */ Object.keys(MESSAGES) as IssueCode[]

/** Line and coupon rejections: the warnings that `strict` turns into 400s. @example `REJECTION_CODES.has('not_buyable') // true` */
export const REJECTION_CODES: ReadonlySet<string> = new Set<IssueCode>([
  'variant_required', 'not_buyable', 'not_released', 'expired', 'country_not_allowed', 'below_min_units',
  'above_max_units', 'insufficient_stock', 'pack_multiple_not_allowed', 'currency_not_supported',
  'unknown_coupon', 'coupon_expired', 'coupon_not_started', 'coupon_min_subtotal', 'coupon_currency',
  'coupon_not_combinable', 'coupon_no_eligible_products', 'coupon_duplicate', 'payment_method_not_allowed',
])

/** JSON path helpers: `join('products', 2, 'quantity')` → `products[2].quantity`. @example `joinPath('products', 0) // 'products[0]'` */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`
  if (isIdentifier(key)) return base === '' ? key : `${base}.${key}`
  return `${base}[${JSON.stringify(key)}]`
}

/** `^[A-Za-z_$][A-Za-z0-9_$]*$` without a regex: paths are built on every read of the request. */
function isIdentifier(key: string): boolean {
  if (key.length === 0) return false
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i)
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36
    if (!letter && (i === 0 || c < 48 || c > 57)) return false
  }
  return true
}

/**
 * An {@link Issue} thrown from inside the pipeline (an amount that would leave the safe-integer
 * range, found while computing rather than while reading): `estimate` answers it as a 400.
 *
 * @example
 * ```ts
 * throw new IssueError(issue('amount_overflow', 'products[0].quantity'))
 * ```
 */
export class IssueError extends Error {
  readonly issue: Issue
  constructor(i: Issue) {
    super(`${i.path}: ${i.message}`)
    this.name = 'IssueError'
    this.issue = i
  }
}

/**
 * Runs `f`, naming the input behind any arithmetic failure: a `MoneyError` thrown inside becomes an
 * {@link IssueError} at `path` (`amount_overflow` for amounts and weights that leave the
 * safe-integer range, `invalid_value` otherwise). The innermost `atPath` wins, so stages wrap
 * coarse paths (`products`) and line code wraps precise ones (`products[2].quantity`).
 *
 * @example
 * ```ts
 * const total = atPath('products[0].quantity', () => multiplyAmount(price, quantity))
 * ```
 */
export function atPath<T>(path: string, f: () => T): T {
  try {
    return f()
  } catch (e) {
    return rethrowAt(e, path)
  }
}

/**
 * The catch half of {@link atPath}, for hot loops that build the path only when something failed:
 * a MoneyError becomes an {@link IssueError} at `path`; anything else is rethrown unchanged.
 */
export function rethrowAt(e: unknown, path: string): never {
  if (!(e instanceof MoneyError)) throw e
  throw new IssueError(issue(e.code === 'amount_overflow' ? 'amount_overflow' : 'invalid_value', path, { detail: e.message }))
}

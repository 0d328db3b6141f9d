/**
 * `summarize`: an estimate mapped onto the create-transaction response of the Transactions API.
 */
import { isObject, own } from '../input/read'
import { issue } from '../issues/issues'
import { addAmounts, toAmount } from '../money/amount'
import { MoneyError } from '../money/errors'
import type { CreateResponse, EstimateResponse } from '../types/output'

/** Options of {@link summarize}. @example `summarize(res, { payment_method: 'klarna' })` */
export interface SummarizeOptions {
  /** The selected payment method; defaults to the first available. */
  readonly payment_method?: string
}

/**
 * Maps an estimate onto the create-transaction response shape: products as
 * `{ id, name, price, quantity }`, `totals` `{ subtotal, tax (incl. shipping tax), shipping,
 * discount (incl. shipping discount), total }`, `taxes` `{ total, rate, inclusive }` — `rate` is a
 * number only when exactly one distinct rate applied to items and shipping together — `shipping`
 * `{ method, cost }`, `payments` `{ available, selected }`. A 400 passes through unchanged (the
 * same object). A 200's result shares no object with `response`. A value that is not an estimate response (a hand-edited
 * or truncated JSON file) answers a 400 with `invalid_value` at the first field that cannot be read,
 * and a sum past the safe-integer range (item plus shipping tax or discount) a 400 with
 * `amount_overflow` — never a TypeError.
 *
 * @example
 * ```ts
 * const created = summarize(estimate(store, request, { at }))
 * if (created.status === 200) created.transaction.totals.total // 6450 for the api-create-de fixture
 * ```
 */
export function summarize(response: EstimateResponse, options: SummarizeOptions = {}): CreateResponse {
  if (!isObject(response)) return rejected('invalid_value', '', 'not an estimate response')
  if (response.status !== 200) {
    if (response.status === 400 && Array.isArray(response.errors)) return response
    return rejected('invalid_value', 'status', 'expected 200 or 400')
  }
  const t = response.transaction
  const bad = Array.isArray(response.warnings) ? unreadable(t) : 'warnings'
  if (bad !== undefined) return rejected('invalid_value', bad, 'not what estimate returns here')
  let tax: number
  let discount: number
  try {
    tax = addAmounts(t.totals.tax, t.totals.shipping_tax)
  } catch (e) {
    if (e instanceof MoneyError) return rejected('amount_overflow', 'transaction.totals.shipping_tax', e.message)
    throw e
  }
  try {
    discount = addAmounts(t.totals.discount, t.totals.shipping_discount)
  } catch (e) {
    if (e instanceof MoneyError) return rejected('amount_overflow', 'transaction.totals.shipping_discount', e.message)
    throw e
  }
  const rates = new Set<number>()
  let hasAmountRate = false
  for (const list of [t.taxes.tax_rates, t.taxes.shipping_tax_rates])
    for (const r of list) {
      if (r.rate_percent !== null) rates.add(r.rate_percent)
      if (list === t.taxes.tax_rates && r.rate_amount !== null) hasAmountRate = true
    }
  const available = [...t.payments]
  // The method the order is paid with, as given (a create answer records it even when the estimate
  // did not list it); else the first available.
  const given = isObject(options) ? options.payment_method : undefined
  const selected = typeof given === 'string' && given !== '' ? given : (available[0] ?? null)
  return {
    status: 200,
    warnings: copy(response.warnings),
    transaction: {
      object: 'transaction',
      // (Copied, not referenced: a hand-edited response may hold objects where strings belong.)
      currency: copy(t.currency),
      locale: copy(t.locale),
      has_subscriptions: copy(t.has_subscriptions),
      products: t.products.map((p) => ({ id: copy(p.id), name: copy(p.name), price: toAmount(p.totals.unit_price), quantity: copy(p.quantity) })),
      customer_information: copy(t.customer_information),
      payments: { available, selected },
      taxes: {
        total: tax,
        rate: rates.size === 1 && !hasAmountRate ? [...rates][0]! : null,
        inclusive: t.products.length > 0 && t.products.every((p) => p.taxes.inclusive),
      },
      totals: {
        // (Each read as an amount: −0, which a hand-edited file may hold, comes out as 0; the two
        // sums already are.)
        subtotal: toAmount(t.totals.item_total),
        tax,
        shipping: toAmount(t.totals.shipping),
        discount,
        total: toAmount(t.totals.total),
      },
      shipping: { method: copy(t.shipping.shipping_method?.label ?? null), cost: toAmount(t.totals.shipping) },
      discounts: t.discounts.length > 0 ? copy(t.discounts) : null,
      instalments: t.instalments.length > 0 ? copy(t.instalments) : null,
      active_instalment_plan: null,
      affiliate: copy(t.affiliate),
    },
  }
}

function rejected(code: 'invalid_value' | 'amount_overflow', path: string, detail: string): CreateResponse {
  return { status: 400, errors: [issue(code, path, { detail })], warnings: [] }
}

const isInt = (x: unknown) => Number.isSafeInteger(x)
/** An amount as estimate writes one: a safe integer, never negative. */
const isAmount = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0

const PLAN_AMOUNTS = ['interest', 'upfront_amount', 'instalments_amount', 'total_amount'] as const

/** The first field of list `key` (objects) of `t` that is not what estimate writes there: `fields` say what each must be. */
function unreadableList(t: Record<string, unknown>, key: string, fields: readonly (readonly [string, (x: unknown) => boolean])[]): string | undefined {
  const list = own(t, key)
  if (!Array.isArray(list)) return `transaction.${key}`
  for (let i = 0; i < list.length; i++) {
    const o: unknown = list[i]
    if (!isObject(o)) return `transaction.${key}[${i}]`
    for (const [f, ok] of fields) if (!ok(own(o, f))) return `transaction.${key}[${i}].${f}`
  }
  return undefined
}

const isSchedule = (x: unknown) => Array.isArray(x) && Array.from(x).every((e) => isObject(e) && typeof own(e, 'due') === 'string' && isAmount(own(e, 'amount')))

const TOTALS = ['item_total', 'tax', 'shipping', 'shipping_tax', 'discount', 'shipping_discount', 'total'] as const

/**
 * The path of the first field `summarize` reads that is not what `estimate` returns there. Every
 * amount and quantity it passes on is checked (amounts are safe integers, never negative; a
 * quantity is at least 1), and the rates it reads; other fields (ids, names, a plan's terms) are
 * copied as they are.
 */
function unreadable(t: unknown): string | undefined {
  if (!isObject(t)) return 'transaction'
  const totals = own(t, 'totals')
  if (!isObject(totals)) return 'transaction.totals'
  for (const k of TOTALS) if (!isAmount(own(totals, k))) return `transaction.totals.${k}`
  const taxes = own(t, 'taxes')
  if (!isObject(taxes)) return 'transaction.taxes'
  for (const k of ['tax_rates', 'shipping_tax_rates'] as const) {
    const list = own(taxes, k)
    if (!Array.isArray(list)) return `transaction.taxes.${k}`
    for (let i = 0; i < list.length; i++) {
      const r: unknown = list[i]
      if (!isObject(r) || !isNumberOrNull(own(r, 'rate_percent')) || !isNumberOrNull(own(r, 'rate_amount'))) return `transaction.taxes.${k}[${i}]`
    }
  }
  const products = own(t, 'products')
  if (!Array.isArray(products)) return 'transaction.products'
  for (let i = 0; i < products.length; i++) {
    const p: unknown = products[i]
    const totals = isObject(p) ? own(p, 'totals') : undefined
    if (!isObject(p) || !isObject(totals) || !isAmount(own(totals, 'unit_price')) || !isObject(own(p, 'taxes'))) return `transaction.products[${i}]`
    const q = own(p, 'quantity')
    if (!isInt(q) || (q as number) < 1) return `transaction.products[${i}].quantity`
  }
  const payments = own(t, 'payments')
  // Array.from reads a hole of a sparse array as undefined (every would skip it).
  if (!Array.isArray(payments) || !Array.from(payments).every((m) => typeof m === 'string')) return 'transaction.payments'
  const shipping = own(t, 'shipping')
  if (!isObject(shipping)) return 'transaction.shipping'
  const method = own(shipping, 'shipping_method')
  if (method !== null && method !== undefined && !isObject(method)) return 'transaction.shipping.shipping_method'
  const list =
    unreadableList(t, 'discounts', [['amount', isAmount], ['shipping_amount', isAmount]]) ??
    unreadableList(t, 'instalments', [...PLAN_AMOUNTS.map((k) => [k, isAmount] as const), ['schedule', isSchedule]])
  if (list !== undefined) return list
  if (own(t, 'customer_information') !== undefined && !isObject(own(t, 'customer_information'))) return 'transaction.customer_information'
  return undefined
}

/** A rate's percentage or fixed amount: null, or a finite number, never negative (it becomes `taxes.rate`). */
const isNumberOrNull = (x: unknown) => x === null || (typeof x === 'number' && Number.isFinite(x) && x >= 0)

/**
 * A copy of plain JSON data (objects and arrays, own enumerable keys), so the result shares nothing
 * with its input, however deep (a loop, not recursion: no nesting overflows the stack). An object
 * met twice is copied once, so a hand-made loop is copied as a loop instead of hanging.
 */
function copy<T>(x: T): T {
  if (typeof x !== 'object' || x === null) return x
  const made = new Map<object, unknown>()
  const todo: [object, Record<string | number, unknown>][] = []
  const copyOf = (v: unknown): unknown => {
    if (typeof v !== 'object' || v === null) return v
    let c = made.get(v)
    if (c === undefined) {
      c = Array.isArray(v) ? new Array(v.length) : {}
      made.set(v, c)
      todo.push([v, c as Record<string | number, unknown>])
    }
    return c
  }
  const root = copyOf(x)
  for (let next = todo.pop(); next !== undefined; next = todo.pop()) {
    const [from, out] = next
    if (Array.isArray(from)) {
      // A hole stays a hole (as Array#map leaves it).
      for (let i = 0; i < from.length; i++) if (i in from) out[i] = copyOf(from[i])
      continue
    }
    for (const k of Object.keys(from)) {
      const v = copyOf((from as Record<string, unknown>)[k])
      // A key "__proto__" (JSON.parse makes one) stays a key, not the copy's prototype.
      if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true })
      else out[k] = v
    }
  }
  return root as T
}

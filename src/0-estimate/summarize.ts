/**
 * `summarize`: an estimate mapped onto the create-transaction response of the Transactions API.
 */
import { isObject } from '../input/read'
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
 * `{ method, cost }`, `payments` `{ available, selected }`. A 400 passes through unchanged.
 *
 * @example
 * ```ts
 * const created = summarize(estimate(store, request, { at }))
 * if (created.status === 200) created.transaction.totals.total // 6450 for the api-create-de fixture
 * ```
 */
export function summarize(response: EstimateResponse, options: SummarizeOptions = {}): CreateResponse {
  if (response.status !== 200) return response
  const t = response.transaction
  const rates = new Set<number>()
  for (const r of [...t.taxes.tax_rates, ...t.taxes.shipping_tax_rates]) if (r.rate_percent !== null) rates.add(r.rate_percent)
  const hasAmountRate = [...t.taxes.tax_rates].some((r) => r.rate_amount !== null)
  const available = t.payments
  // The method the order is paid with, as given (a create answer records it even when the estimate
  // did not list it); else the first available.
  const given = isObject(options) ? options.payment_method : undefined
  const selected = typeof given === 'string' && given !== '' ? given : (available[0] ?? null)
  return {
    status: 200,
    warnings: response.warnings,
    transaction: {
      object: 'transaction',
      currency: t.currency,
      locale: t.locale,
      has_subscriptions: t.has_subscriptions,
      products: t.products.map((p) => ({ id: p.id, name: p.name, price: p.totals.unit_price, quantity: p.quantity })),
      customer_information: t.customer_information,
      payments: { available, selected },
      taxes: {
        total: t.totals.tax + t.totals.shipping_tax,
        rate: rates.size === 1 && !hasAmountRate ? [...rates][0]! : null,
        inclusive: t.products.length > 0 && t.products.every((p) => p.taxes.inclusive),
      },
      totals: {
        subtotal: t.totals.item_total,
        tax: t.totals.tax + t.totals.shipping_tax,
        shipping: t.totals.shipping,
        discount: t.totals.discount + t.totals.shipping_discount,
        total: t.totals.total,
      },
      shipping: { method: t.shipping.shipping_method?.label ?? null, cost: t.totals.shipping },
      discounts: t.discounts.length > 0 ? t.discounts : null,
      instalments: t.instalments.length > 0 ? t.instalments : null,
      active_instalment_plan: null,
      affiliate: t.affiliate,
    },
  }
}

/**
 * Public output types: the API's response envelope and transaction object (SPEC §1, §3.6).
 * Every amount is an integer in minor units of the transaction currency.
 */

import type { IssueCode } from '../issues/issues'
import type { Trace } from '../trace/types'

/**
 * A problem with the input: a stable snake_case `code`, the JSON `path` into the input, an English
 * `message` for people, and — for a probable typo — the `suggestion` the message names.
 *
 * @example `const i: Issue = { code: 'unknown_field', path: 'products[0].qty', message: 'unknown field "qty" is ignored; did you mean "quantity"?', suggestion: 'quantity' }`
 */
export interface Issue {
  /** What is wrong, stable for programs to match on (`invalid_quantity`, `unknown_product`, `unknown_field`, …). */
  readonly code: IssueCode
  /** Where: a JSON path into the input (`products[2].quantity`, `coupons[0]`; `options.at` for an option, `""` for the whole input). */
  readonly path: string
  /** The problem in English, for people; its wording may change between versions. */
  readonly message: string
  /**
   * Only on `unknown_field` and `unknown_value` issues, when a known key or value is close to the
   * one given: that key or value (`"quantity"` for `qty`), or where the value belongs
   * (`"shipping.tamio"` for a request's `shipping_method`). Absent otherwise.
   */
  readonly suggestion?: string
}

/** A tax rate as charged on a line (or aggregated over lines). @example `const r: OutputTaxRate = { id: null, rate_percent: 19, rate_amount: null, label: 'MwSt.', tax: 1900, moss: false, jurisdiction: 'DE', inclusive: false, vat_tax: true, taxable_amount: 10000 }` */
export interface OutputTaxRate {
  readonly id: string | null
  readonly rate_percent: number | null
  readonly rate_amount: number | null
  readonly label: string
  readonly tax: number
  readonly moss: boolean
  readonly jurisdiction: string
  readonly inclusive: boolean
  readonly vat_tax: boolean
  /** The net amount this rate was charged on (an extension: invoices must show it). */
  readonly taxable_amount: number
}

/** An aggregated rate in `transaction.taxes`. @example `const r: AggregatedTaxRate = { ...rate, applies_to: ['p1'] }` */
export interface AggregatedTaxRate extends OutputTaxRate {
  readonly applies_to: readonly (string | null)[]
}

/**
 * The amounts a line has and the transaction sums (SPEC §3.6): the one list both totals share.
 * @example `const t: SummedTotals['shipping_total'] = 1561`
 */
export interface SummedTotals {
  readonly item_total: number
  readonly discount: number
  readonly subtotal: number
  readonly tax: number
  readonly item_total_with_tax: number
  readonly shipping_subtotal: number
  readonly shipping_discount: number
  readonly shipping: number
  readonly shipping_tax: number
  readonly shipping_total: number
  readonly moss_taxable_amount: number
  readonly moss_tax_total: number
  readonly total: number
  readonly price_conversion: boolean
}

/** A line's totals (SPEC §3.6). @example `const t: LineTotals['total'] = 13461` */
export interface LineTotals extends SummedTotals {
  readonly unit_price: number
  readonly exchange_rate: number | null
}

/** A line's share of one discount. @example `const d: LineDiscount = { id: null, code: 'SAVE20', label: '20%', type: 'percent', amount: 200, shipping_amount: 0 }` */
export interface LineDiscount {
  readonly id: string | null
  readonly code: string | null
  readonly label: string
  readonly type: string
  readonly amount: number
  readonly shipping_amount: number
}

/** One product line of the transaction. @example `const n: TransactionProduct['name'] = 'Big painting'` */
export interface TransactionProduct {
  readonly name: string
  readonly quantity: number
  readonly type: string
  readonly classification: string
  readonly discount_allowed: boolean
  readonly is_moss_product: boolean
  readonly currency: string
  readonly id: string | null
  readonly taxes: {
    readonly inclusive: boolean
    readonly tax_rates: readonly OutputTaxRate[]
    readonly shipping_tax_rates: readonly OutputTaxRate[]
  }
  readonly totals: LineTotals
  readonly reservations: readonly never[]
  readonly discounts: readonly LineDiscount[]
  readonly has_shipping: boolean
  readonly variation_id: string | null
  readonly is_variant: boolean
  readonly pack: string | null
  readonly ean: string | null
  readonly sku: string | null
}

/** A shipping method as offered for this order. @example `const m: OutputShippingMethod = { id: 's', label: 'DHL', bundling: false, type: 'fixed', cost: 1312, convert_from: 'EUR', exchange_rate: 1 }` */
export interface OutputShippingMethod {
  readonly id: string
  readonly label: string
  readonly bundling: boolean
  readonly type: string
  readonly cost: number
  readonly convert_from: string
  readonly exchange_rate: number
}

/** An applied discount (SPEC §3.5). @example `const d: AppliedDiscount['amount'] = 500` */
export interface AppliedDiscount {
  readonly id: string | null
  readonly code: string | null
  readonly label: string
  readonly type: string
  readonly value: number | null
  readonly amount: number
  readonly shipping_amount: number
  readonly applies_to: { readonly products: readonly string[] | null; readonly categories: readonly string[] | null } | null
}

/** One dated payment of an instalment plan (an extension). @example `const s: ScheduleEntry = { due: '2026-01-08T00:00:00.000Z', amount: 5113 }` */
export interface ScheduleEntry {
  readonly due: string
  readonly amount: number
}

/** An offered instalment plan (SPEC §3.7). @example `const p: OutputInstalmentPlan['total_amount'] = 17498` */
export interface OutputInstalmentPlan {
  readonly interval: number
  readonly instalments: number
  readonly cycle: string
  readonly offset: number
  readonly id: string
  readonly upfront_amount: number
  readonly upfront: number
  readonly instalments_amount: number
  readonly interest: number
  readonly total_amount: number
  readonly schedule: readonly ScheduleEntry[]
}

/** Transaction totals (SPEC §3.6): the line sums, `item_count`, `trial_deductions`. @example `const t: TransactionTotals['total'] = 13461` */
export interface TransactionTotals extends SummedTotals {
  readonly item_count: number
  readonly trial_deductions: number
}

/** The transaction object of an estimate (SPEC §3.6). @example `const c: Transaction['currency'] = 'EUR'` */
export interface Transaction {
  readonly object: 'transaction'
  readonly affiliate: string | null
  readonly site: string | null
  readonly customer_information: Readonly<Record<string, unknown>>
  readonly payments: readonly string[]
  readonly locale: string
  readonly instalments: readonly OutputInstalmentPlan[]
  readonly taxes: {
    readonly tax_rates: readonly AggregatedTaxRate[]
    readonly shipping_tax_rates: readonly AggregatedTaxRate[]
    readonly has_vat: boolean
  }
  readonly shipping: {
    readonly has_shipping: boolean
    readonly shipping_rates: readonly OutputShippingMethod[]
    readonly item_count: number
    readonly shipping_method: OutputShippingMethod | null
  }
  readonly currency: string
  readonly products: readonly TransactionProduct[]
  readonly totals: TransactionTotals
  readonly discounts: readonly AppliedDiscount[]
  readonly has_subscriptions: boolean
}

/** A successful estimate. @example `if (r.status === 200) r.transaction.totals.total` */
export interface EstimateSuccess {
  readonly status: 200
  readonly warnings: readonly Issue[]
  readonly transaction: Transaction
  /** How every amount was derived: present only with `options.trace: true` (for `explain` and `reconcile`). */
  readonly trace?: Trace
}

/** A rejected estimate: the API's 400 envelope. @example `if (r.status === 400) r.errors[0]?.code` */
export interface EstimateFailure {
  readonly status: 400
  readonly errors: readonly Issue[]
  readonly warnings: readonly Issue[]
}

/** What `estimate` returns: exactly the API's envelope. @example `const r: EstimateResponse = estimate(store, req, { at })` */
export type EstimateResponse = EstimateSuccess | EstimateFailure

/** The create-transaction response shape of seed 001, as `summarize` builds it. @example `summarize(r).transaction.totals.total` */
export interface CreateTransaction {
  readonly object: 'transaction'
  readonly currency: string
  readonly locale: string
  readonly has_subscriptions: boolean
  readonly products: readonly { readonly id: string | null; readonly name: string; readonly price: number; readonly quantity: number }[]
  readonly customer_information: Readonly<Record<string, unknown>>
  readonly payments: { readonly available: readonly string[]; readonly selected: string | null }
  readonly taxes: { readonly total: number; readonly rate: number | null; readonly inclusive: boolean }
  readonly totals: { readonly subtotal: number; readonly tax: number; readonly shipping: number; readonly discount: number; readonly total: number }
  readonly shipping: { readonly method: string | null; readonly cost: number }
  readonly discounts: readonly AppliedDiscount[] | null
  readonly instalments: readonly OutputInstalmentPlan[] | null
  readonly active_instalment_plan: null
  readonly affiliate: string | null
}

/** `summarize`'s result: the create envelope, or the 400 passed through. @example `const r: CreateResponse = summarize(estimate(store, req, { at }))` */
export type CreateResponse =
  | { readonly status: 200; readonly warnings: readonly Issue[]; readonly transaction: CreateTransaction }
  | EstimateFailure

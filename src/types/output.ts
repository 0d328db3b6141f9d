/**
 * Public output types: the API's response envelope and its transaction object, keyed as the API
 * spells them. Every amount is an integer in minor units of the transaction currency.
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
  /** The store rate's id (`null` when it has none). */
  readonly id: string | null
  /** The rate in percent as a JSON number (`19`), or `null` for a fixed amount per unit. */
  readonly rate_percent: number | null
  /** The fixed tax per contained unit in minor units, or `null` for a percentage. */
  readonly rate_amount: number | null
  /** The rate's name (for shipping: the account's `shipping_tax_label`, unless a `shipping` rate of its own applies). */
  readonly label: string
  /** The tax charged at this rate, in minor units. */
  readonly tax: number
  /** Whether it is charged at an EU destination under OSS / MOSS. */
  readonly moss: boolean
  /** Where the rate applies (`"DE"`, `"US-CA"`). */
  readonly jurisdiction: string
  /** Whether the taxed amount included the tax. */
  readonly inclusive: boolean
  /** Whether the rate is a VAT. */
  readonly vat_tax: boolean
  /** The net amount this rate was charged on, in minor units (an extension: invoices must show it). */
  readonly taxable_amount: number
}

/** A rate in `transaction.taxes`: the lines' rates of the same identity, summed. @example `const r: AggregatedTaxRate = { ...rate, applies_to: ['p1'] }` */
export interface AggregatedTaxRate extends OutputTaxRate {
  /** The product ids of the lines it was charged on, in line order (`null` for an invoice item). */
  readonly applies_to: readonly (string | null)[]
}

/**
 * The amounts a line has and the transaction sums: the one list both totals share. Every amount is
 * in minor units of the transaction currency.
 * @example `const t: SummedTotals['shipping_total'] = 1561`
 */
export interface SummedTotals {
  /** The unit price × the quantity. */
  readonly item_total: number
  /** The discounts taken off `item_total`. */
  readonly discount: number
  /** `item_total − discount`. */
  readonly subtotal: number
  /** The tax on the items (not on shipping). */
  readonly tax: number
  /** `subtotal`, plus `tax` when prices exclude it. */
  readonly item_total_with_tax: number
  /** The shipping cost before shipping discounts. */
  readonly shipping_subtotal: number
  /** The shipping discounts. */
  readonly shipping_discount: number
  /** `shipping_subtotal − shipping_discount`. */
  readonly shipping: number
  /** The tax on shipping. */
  readonly shipping_tax: number
  /** `shipping`, plus `shipping_tax` when shipping excludes it. */
  readonly shipping_total: number
  /** The net amount taxed at an EU destination under OSS / MOSS, shipping share included. */
  readonly moss_taxable_amount: number
  /** The tax of `moss_taxable_amount` (items and shipping). */
  readonly moss_tax_total: number
  /** `item_total_with_tax + shipping_total` (for the transaction: less `trial_deductions`). */
  readonly total: number
  /** Whether a price was converted from another currency. */
  readonly price_conversion: boolean
}

/** A line's totals. @example `const t: LineTotals['total'] = 13461` */
export interface LineTotals extends SummedTotals {
  /** The price of one unit (of a pack: of one pack), in minor units. */
  readonly unit_price: number
  /** The exchange rate a converted price used, or `null`. */
  readonly exchange_rate: number | null
}

/** A line's share of one discount. @example `const d: LineDiscount = { id: null, code: 'SAVE20', label: '20%', type: 'percent', amount: 200, shipping_amount: 0 }` */
export interface LineDiscount {
  /** The discount's id, or `null`. */
  readonly id: string | null
  /** The coupon code, or `null` for an automatic discount. */
  readonly code: string | null
  /** The discount's name. */
  readonly label: string
  /** The discount's type (`percent`, `fixed`, `free_shipping`, `shipping`, `buy_x_get_y`). */
  readonly type: string
  /** This line's share of the item discount, in minor units. */
  readonly amount: number
  /** This line's share of the shipping discount, in minor units. */
  readonly shipping_amount: number
}

/** One product line of the transaction. @example `const n: TransactionProduct['name'] = 'Big painting'` */
export interface TransactionProduct {
  /** The product's name (else its title in the transaction's language, else its first title), or the invoice item's. */
  readonly name: string
  /** The quantity (of a pack: how many packs). */
  readonly quantity: number
  /** The product type, or `invoice_item`. */
  readonly type: string
  /** The tax category. */
  readonly classification: string
  /** Whether discounts may apply to it. */
  readonly discount_allowed: boolean
  /** Whether it is taxed at an EU customer's destination even without OSS registration. */
  readonly is_moss_product: boolean
  /** The transaction currency. */
  readonly currency: string
  /** The product id, or `null` for an invoice item. */
  readonly id: string | null
  /** The rates charged on the line and on its shipping share. */
  readonly taxes: {
    /** Whether the line's price includes tax. */
    readonly inclusive: boolean
    /** The rates charged on the items. */
    readonly tax_rates: readonly OutputTaxRate[]
    /** The rates charged on the line's shipping share. */
    readonly shipping_tax_rates: readonly OutputTaxRate[]
  }
  /** The line's amounts. */
  readonly totals: LineTotals
  /** Always empty (an estimate reserves no stock). */
  readonly reservations: readonly never[]
  /** The line's shares of the applied discounts. */
  readonly discounts: readonly LineDiscount[]
  /** Whether the line is shipped. */
  readonly has_shipping: boolean
  /** The variant id, or `null`. */
  readonly variation_id: string | null
  /** Whether the line is a variant. */
  readonly is_variant: boolean
  /** The pack id, or `null`. */
  readonly pack: string | null
  /** The EAN (the variant's, else the product's), or `null`. */
  readonly ean: string | null
  /** The SKU (the variant's, else the product's), or `null`. */
  readonly sku: string | null
}

/** A shipping method as offered for this order. @example `const m: OutputShippingMethod = { id: 's', label: 'DHL', bundling: false, type: 'fixed', cost: 1312, convert_from: 'EUR', exchange_rate: 1 }` */
export interface OutputShippingMethod {
  /** The method's id. */
  readonly id: string
  /** The method's name. */
  readonly label: string
  /** The method's `bundling` flag, echoed. */
  readonly bundling: boolean
  /** `fixed`, `per_item` or `weight`. */
  readonly type: string
  /** This order's cost in minor units of the transaction currency, before shipping discounts. */
  readonly cost: number
  /** The method's own currency. */
  readonly convert_from: string
  /** The rate its cost was converted at (1 when the currencies are equal). */
  readonly exchange_rate: number
}

/** An applied discount. @example `const d: AppliedDiscount['amount'] = 500` */
export interface AppliedDiscount {
  /** The discount's id, or `null`. */
  readonly id: string | null
  /** The coupon code, or `null` for an automatic discount. */
  readonly code: string | null
  /** The discount's name. */
  readonly label: string
  /** The discount's type. */
  readonly type: string
  /** Its percentage as a JSON number (`20`), or `null`. */
  readonly value: number | null
  /** What it took off the items, in minor units. */
  readonly amount: number
  /** What it took off the shipping, in minor units. */
  readonly shipping_amount: number
  /** The lines it applied to, as configured (for buy-X-get-Y: the discounted lines' products). */
  readonly applies_to: {
    /** Product, variant or pack ids, or `null`. */
    readonly products: readonly string[] | null
    /** Tax categories, or `null`. */
    readonly categories: readonly string[] | null
  } | null
}

/** One dated payment of an instalment plan (an extension). @example `const s: ScheduleEntry = { due: '2026-01-08T00:00:00.000Z', amount: 5113 }` */
export interface ScheduleEntry {
  /** When it is due, as an ISO 8601 UTC date-time. */
  readonly due: string
  /** The amount due, in minor units. */
  readonly amount: number
}

/** An offered instalment plan. @example `const p: OutputInstalmentPlan['total_amount'] = 17498` */
export interface OutputInstalmentPlan {
  /** How many cycles lie between two instalments. */
  readonly interval: number
  /** How many instalments follow the upfront payment. */
  readonly instalments: number
  /** The unit of `interval` and `offset`: `day`, `week` or `month`. */
  readonly cycle: string
  /** How many cycles after the upfront payment the first instalment is due. */
  readonly offset: number
  /** The plan's id. */
  readonly id: string
  /** The upfront payment, in minor units. */
  readonly upfront_amount: number
  /** The upfront percentage as a JSON number (`12.34`). */
  readonly upfront: number
  /** The amount of each instalment, in minor units. */
  readonly instalments_amount: number
  /** The interest added to the total, in minor units. */
  readonly interest: number
  /** What the plan charges in all, in minor units. */
  readonly total_amount: number
  /** The dated payments, upfront first; they sum to `total_amount` (an extension). */
  readonly schedule: readonly ScheduleEntry[]
}

/** Transaction totals: the line sums, `item_count` and `trial_deductions`. @example `const t: TransactionTotals['total'] = 13461` */
export interface TransactionTotals extends SummedTotals {
  /** The sum of the lines' quantities (a pack counts once). */
  readonly item_count: number
  /** The totals of subscription lines in a free trial, taken off `total`, in minor units. */
  readonly trial_deductions: number
}

/** The transaction object of an estimate. @example `const c: Transaction['currency'] = 'EUR'` */
export interface Transaction {
  /** Always `"transaction"`. */
  readonly object: 'transaction'
  /** The request's affiliate, or `null`. */
  readonly affiliate: string | null
  /** The request's `page`, or `null`. */
  readonly site: string | null
  /** The resolved customer: its stored or inline scalar fields, with the resolved `billing_information` and `shipping_information`. */
  readonly customer_information: Readonly<Record<string, unknown>>
  /** The payment methods available for this transaction, in account order; `instalments` last when a plan is offered. */
  readonly payments: readonly string[]
  /** The transaction's language. */
  readonly locale: string
  /** The instalment plans offered. */
  readonly instalments: readonly OutputInstalmentPlan[]
  /** The rates charged, aggregated over the lines. */
  readonly taxes: {
    /** The rates charged on items. */
    readonly tax_rates: readonly AggregatedTaxRate[]
    /** The rates charged on shipping. */
    readonly shipping_tax_rates: readonly AggregatedTaxRate[]
    /** Whether any rate charged is a VAT. */
    readonly has_vat: boolean
  }
  /** The shipping of the order. */
  readonly shipping: {
    /** Whether any line is shipped (only then is shipping charged). */
    readonly has_shipping: boolean
    /** The methods available for this order, in store order. */
    readonly shipping_rates: readonly OutputShippingMethod[]
    /** The sum of the shipped lines' quantities. */
    readonly item_count: number
    /** The method charged, or `null`. */
    readonly shipping_method: OutputShippingMethod | null
  }
  /** The transaction currency. */
  readonly currency: string
  /** The accepted lines, in request order. */
  readonly products: readonly TransactionProduct[]
  /** The transaction's amounts. */
  readonly totals: TransactionTotals
  /** The applied discounts, in the order they applied. */
  readonly discounts: readonly AppliedDiscount[]
  /** Whether any line is a subscription. */
  readonly has_subscriptions: boolean
}

/** A successful estimate. @example `if (r.status === 200) r.transaction.totals.total` */
export interface EstimateSuccess {
  /** Always 200. */
  readonly status: 200
  /** Rejected lines and coupons, unknown request keys and other notes, with paths into the request. */
  readonly warnings: readonly Issue[]
  /** The estimated transaction. */
  readonly transaction: Transaction
  /** How every amount was derived: present only with `options.trace: true` (for `explain` and `reconcile`). */
  readonly trace?: Trace
}

/** A rejected estimate: the API's 400 envelope. @example `if (r.status === 400) r.errors[0]?.code` */
export interface EstimateFailure {
  /** Always 400. */
  readonly status: 400
  /** Why the request was rejected, with paths into the request or options (at least one). */
  readonly errors: readonly Issue[]
  /** Notes found before the rejection (unknown request keys among them). */
  readonly warnings: readonly Issue[]
}

/** What `estimate` returns: exactly the API's envelope. @example `const r: EstimateResponse = estimate(store, req, { at })` */
export type EstimateResponse = EstimateSuccess | EstimateFailure

/** The create-transaction response shape of the API, as `summarize` builds it. @example `summarize(r).transaction.totals.total` */
export interface CreateTransaction {
  /** Always `"transaction"`. */
  readonly object: 'transaction'
  /** The transaction currency. */
  readonly currency: string
  /** The transaction's language. */
  readonly locale: string
  /** Whether any line is a subscription. */
  readonly has_subscriptions: boolean
  /** The lines: id, name, unit price (minor units) and quantity. */
  readonly products: readonly {
    /** The product id, or `null` for an invoice item. */
    readonly id: string | null
    /** The line's name. */
    readonly name: string
    /** The unit price, in minor units. */
    readonly price: number
    /** The quantity. */
    readonly quantity: number
  }[]
  /** The resolved customer, as in the estimate. */
  readonly customer_information: Readonly<Record<string, unknown>>
  /** The available payment methods and the one selected. */
  readonly payments: {
    /** The available payment methods. */
    readonly available: readonly string[]
    /** `summarize`'s `payment_method`, else the first available, else `null`. */
    readonly selected: string | null
  }
  /** The tax in all. */
  readonly taxes: {
    /** Item and shipping tax, in minor units. */
    readonly total: number
    /** The one `rate_percent` when a single rate applied to items and shipping, else `null`. */
    readonly rate: number | null
    /** Whether prices included the tax. */
    readonly inclusive: boolean
  }
  /** The amounts of the create shape, in minor units. */
  readonly totals: {
    /** The sum of the lines' item totals. */
    readonly subtotal: number
    /** Item tax + shipping tax. */
    readonly tax: number
    /** The shipping after shipping discounts. */
    readonly shipping: number
    /** Item discounts + shipping discounts. */
    readonly discount: number
    /** The transaction total. */
    readonly total: number
  }
  /** The shipping method's label and the shipping charged. */
  readonly shipping: {
    /** The method's label, or `null`. */
    readonly method: string | null
    /** The shipping after shipping discounts, in minor units. */
    readonly cost: number
  }
  /** The applied discounts, or `null` when none applied. */
  readonly discounts: readonly AppliedDiscount[] | null
  /** The plans offered, or `null` when none is. */
  readonly instalments: readonly OutputInstalmentPlan[] | null
  /** Always `null` (no plan is active before payment). */
  readonly active_instalment_plan: null
  /** The request's affiliate, or `null`. */
  readonly affiliate: string | null
}

/** `summarize`'s result: the create envelope, or the 400 passed through. @example `const r: CreateResponse = summarize(estimate(store, req, { at }))` */
export type CreateResponse =
  | {
      /** Always 200. */
      readonly status: 200
      /** The estimate's warnings. */
      readonly warnings: readonly Issue[]
      /** The transaction in the create shape. */
      readonly transaction: CreateTransaction
    }
  | EstimateFailure

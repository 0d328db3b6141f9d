/**
 * Public input types: the Tamio request body, the store configuration (SPEC §2) and the options.
 * Keys are snake_case exactly as the API spells them. Everything is also validated at run time:
 * these types describe what is accepted, they are not trusted.
 */
import type { RoundingModeName } from '../money/rounding'

/** A decimal accepted as a string (`"19"`, `"12.34"`) or a number. @example `const r: DecimalInput = '7.7'` */
export type DecimalInput = string | number

/** A per-currency map of minor units: `{ "EUR": 5000 }`. @example `const m: CurrencyAmounts = { EUR: 5000 }` */
export type CurrencyAmounts = Readonly<Record<string, number>>

/** How taxes are rounded (SPEC §3.3). @example `const l: TaxRoundingLevel = 'line'` */
export type TaxRoundingLevel = 'line' | 'unit' | 'total'
/** How shipping is taxed (SPEC §3.4). @example `const s: ShippingTaxPolicy = 'proportional'` */
export type ShippingTaxPolicy = 'proportional' | 'highest' | 'lowest' | 'none'
/** Which part of an inclusive price is rounded (SPEC §3.3). @example `const r: InclusiveRounding = 'net'` */
export type InclusiveRounding = 'net' | 'tax'
/** Cross-border inclusive pricing (SPEC §3.3). @example `const c: InclusiveCrossBorder = 'keep_gross'` */
export type InclusiveCrossBorder = 'keep_gross' | 'keep_net'
/** Instalment rounding (SPEC §3.7). @example `const i: InstalmentRounding = 'tamio'` */
export type InstalmentRounding = 'tamio' | 'exact'

/** A payment method: its id, or its id with the rules that limit it. @example `const p: PaymentMethodConfig = { id: 'klarna', currencies: ['EUR'] }` */
export type PaymentMethodConfig =
  | string
  | {
      readonly id: string
      readonly currencies?: readonly string[] | null
      readonly countries?: readonly string[] | null
      readonly min_total?: CurrencyAmounts | null
      readonly max_total?: CurrencyAmounts | null
    }

/** The account settings and policies (SPEC §2.2). @example `const a: AccountConfig = { base_currency: 'EUR', country: 'DE' }` */
export interface AccountConfig {
  readonly base_currency: string
  readonly country: string
  readonly currencies?: readonly string[]
  readonly prices_include_tax?: boolean
  readonly eu_oss?: boolean
  readonly rounding?: RoundingModeName
  readonly tax_rounding?: TaxRoundingLevel
  readonly shipping_tax?: ShippingTaxPolicy
  readonly shipping_tax_label?: string
  readonly inclusive_rounding?: InclusiveRounding
  readonly inclusive_cross_border?: InclusiveCrossBorder
  readonly instalment_rounding?: InstalmentRounding
  readonly payment_methods?: readonly PaymentMethodConfig[]
  readonly max_lines?: number
}

/** One `pricing_model` entry of a product, variant or pack. @example `const p: PricingModelEntry = { currency: 'EUR', price: 10000 }` */
export interface PricingModelEntry {
  readonly currency: string
  readonly price: number
  readonly [key: string]: unknown
}

/** A Tamio product object as the Inventory API returns it (seed 004); unknown fields are ignored. @example `const p: ProductConfig = { id: 'p1', name: 'Mug', price: 1200, currency: 'EUR' }` */
export interface ProductConfig {
  readonly id: string
  readonly name?: string | null
  readonly languages?: Readonly<Record<string, { readonly title?: string | null; readonly [key: string]: unknown }>> | null
  readonly type?: string
  readonly classification?: string | null
  readonly tax_category?: string | null
  readonly price?: number | null
  readonly currency?: string | null
  readonly pricing_model?: readonly PricingModelEntry[] | null
  readonly tax_calculation?: 'inclusive' | 'exclusive' | null
  readonly discount_allowed?: boolean | null
  readonly is_moss_product?: boolean | null
  readonly buyable?: boolean | null
  readonly whitelist?: readonly string[] | null
  readonly min_units?: number | null
  readonly max_units?: number | null
  readonly stock?: number | null
  readonly stock_breakdown?: readonly { readonly warehouse?: string; readonly stock: number }[] | null
  readonly unlimited_stock?: boolean | null
  readonly allow_negative_stock?: boolean | null
  readonly weight?: number | null
  readonly variations?: {
    readonly delta_pricing?: boolean
    readonly variants?: readonly VariantConfig[]
    readonly [key: string]: unknown
  } | null
  readonly packs?: readonly PackConfig[] | null
  readonly release_date?: string | null
  readonly expiry_date?: string | null
  readonly sku?: string | null
  readonly ean?: string | null
  readonly trial_days?: number | null
  readonly additional_information?: Readonly<Record<string, unknown>> | null
  readonly [key: string]: unknown
}

/** A product variant. @example `const v: VariantConfig = { id: 'v1', pricing_model: [{ currency: 'EUR', price: 200 }] }` */
export interface VariantConfig {
  readonly id: string
  readonly pricing_model?: readonly PricingModelEntry[] | null
  readonly stock?: number | null
  readonly stock_breakdown?: readonly { readonly warehouse?: string; readonly stock: number }[] | null
  readonly unlimited_stock?: boolean | null
  readonly allow_negative_stock?: boolean | null
  readonly weight?: number | null
  readonly sku?: string | null
  readonly ean?: string | null
  readonly [key: string]: unknown
}

/** A pack: `stock` units per pack, optionally made of variants. @example `const p: PackConfig = { id: 'pk', label: 'Pack of 10', stock: 10, multiple: true }` */
export interface PackConfig {
  readonly id: string
  readonly label?: string | null
  readonly stock: number
  readonly multiple?: boolean | null
  readonly variants?: readonly { readonly id: string; readonly stock: number }[] | null
  readonly pricing_model?: readonly PricingModelEntry[] | null
  readonly [key: string]: unknown
}

/** An address as Tamio stores it. @example `const a: AddressConfig = { id: 'a1', country: 'DE' }` */
export interface AddressConfig {
  readonly id?: string
  readonly country?: string | null
  readonly state?: string | null
  readonly is_company?: boolean | null
  readonly vat?: string | null
  readonly verified_vat?: boolean | null
  readonly locale?: string | null
  readonly [key: string]: unknown
}

/** A stored customer. @example `const c: CustomerConfig = { id: 'c1', country: 'DE', addresses: [] }` */
export interface CustomerConfig {
  readonly id: string
  readonly country?: string | null
  readonly locale?: string | null
  readonly tax_exempt?: boolean | null
  readonly addresses?: readonly AddressConfig[] | null
  readonly default_billing_address_id?: string | null
  readonly default_shipping_address_id?: string | null
  readonly [key: string]: unknown
}

/** A tax rate (SPEC §2.2). @example `const t: TaxRateConfig = { id: null, label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: '19' }` */
export interface TaxRateConfig {
  readonly id?: string | null
  readonly label: string
  readonly jurisdiction: string
  readonly category?: string | null
  readonly rate_percent?: DecimalInput | null
  readonly rate_amount?: number | null
  readonly vat_tax?: boolean
  readonly compound?: boolean
}

/** A shipping method (SPEC §3.4). @example `const m: ShippingMethodConfig = { id: 's1', label: 'DHL', type: 'fixed', cost: 1312, currency: 'EUR' }` */
export interface ShippingMethodConfig {
  readonly id: string
  readonly label: string
  readonly type: 'fixed' | 'per_item' | 'weight'
  readonly cost?: number | null
  readonly currency?: string | null
  readonly bundling?: boolean | null
  readonly countries?: readonly string[] | null
  readonly free_over?: CurrencyAmounts | null
  readonly additional_item_cost?: number | null
  readonly weight_tiers?: readonly { readonly up_to: number | null; readonly cost: number }[] | null
  readonly inclusive?: boolean | null
}

/** An automatic discount or a coupon (SPEC §3.5). @example `const d: DiscountConfig = { code: 'SAVE20', label: '20% off', type: 'percent', value: '20' }` */
export interface DiscountConfig {
  readonly code?: string
  readonly id?: string | null
  readonly label: string
  readonly type: 'percent' | 'fixed' | 'free_shipping' | 'shipping'
  readonly value?: DecimalInput | null
  readonly amounts?: CurrencyAmounts | null
  readonly applies_to?: { readonly products?: readonly string[] | null; readonly categories?: readonly string[] | null } | null
  readonly min_subtotal?: CurrencyAmounts | null
  readonly starts_at?: string | null
  readonly ends_at?: string | null
  readonly currencies?: readonly string[] | null
  readonly payment_methods?: readonly string[] | null
  readonly combinable?: boolean | null
  readonly max_amount?: CurrencyAmounts | null
}

/** An instalment plan (SPEC §3.7). @example `const p: InstalmentPlanConfig = { id: 'p', instalments: 3, interval: 1, cycle: 'week', offset: 1, upfront_percent: '12.34', interest_percent: '30' }` */
export interface InstalmentPlanConfig {
  readonly id: string
  readonly instalments: number
  readonly interval: number
  readonly cycle: 'day' | 'week' | 'month'
  readonly offset: number
  readonly upfront_percent?: DecimalInput | null
  readonly interest_percent?: DecimalInput | null
  readonly min_total?: CurrencyAmounts | null
  readonly max_total?: CurrencyAmounts | null
  readonly currencies?: readonly string[] | null
}

/** Everything the API knows server-side (SPEC §2.2). @example `createStore({ account: { base_currency: 'EUR', country: 'DE' } })` */
export interface StoreConfig {
  readonly account: AccountConfig
  readonly products?: readonly ProductConfig[]
  readonly customers?: readonly CustomerConfig[]
  readonly tax_rates?: readonly TaxRateConfig[]
  readonly shipping_methods?: readonly ShippingMethodConfig[]
  readonly coupons?: readonly DiscountConfig[]
  readonly discounts?: readonly DiscountConfig[]
  readonly instalment_plans?: readonly InstalmentPlanConfig[]
  readonly exchange_rates?: { readonly base: string; readonly rates: Readonly<Record<string, DecimalInput>> } | null
}

/** One product line of a request (SPEC §2.1). @example `const l: RequestLine = { id: 'p1', quantity: 2 }` */
export interface RequestLine {
  readonly id?: string
  readonly variant?: string
  readonly pack?: string
  readonly name?: string
  readonly label?: string
  readonly price?: number
  readonly quantity?: number
  readonly [key: string]: unknown
}

/** Inline customer / address information. @example `const i: InlineInformation = { country: 'FR', is_company: false }` */
export type InlineInformation = AddressConfig

/** The `customer` object of a request. @example `const c: RequestCustomer = { id: 'c1' }` */
export interface RequestCustomer {
  readonly id: string
  readonly billing_address_id?: string | null
  readonly shipping_address_id?: string | null
  readonly same_shipping_address?: boolean | null
  readonly billing_information?: InlineInformation | null
  readonly shipping_information?: InlineInformation | null
  readonly [key: string]: unknown
}

/** The `new_customer` object of a request. @example `const c: RequestNewCustomer = { name: 'Jo', email: 'jo@example.com', country: 'FR' }` */
export interface RequestNewCustomer {
  readonly country?: string | null
  readonly locale?: string | null
  readonly same_shipping_address?: boolean | null
  readonly billing_information?: InlineInformation | null
  readonly shipping_information?: InlineInformation | null
  readonly [key: string]: unknown
}

/** An nShift carrier quote (SPEC §3.4). @example `const q: NshiftQuote = { valid: true, price: 990, taxRate: 19 }` */
export interface NshiftQuote {
  readonly valid: boolean
  readonly price?: number
  readonly taxRate?: number
  readonly selectedAddons?: readonly { readonly id?: string; readonly price: number }[]
  readonly [key: string]: unknown
}

/** The estimate request body (SPEC §2.1). @example `const r: EstimateRequest = { products: [{ id: 'p1' }], customer: { id: 'c1' } }` */
export interface EstimateRequest {
  readonly products: readonly RequestLine[]
  readonly currency?: string | null
  readonly convert_prices?: boolean | null
  readonly coupons?: readonly string[] | null
  readonly no_discounts?: boolean | null
  readonly locale?: string | null
  readonly affiliate?: string | null
  readonly page?: string | null
  readonly customer?: RequestCustomer | null
  readonly new_customer?: RequestNewCustomer | null
  readonly shipping?: { readonly tamio?: string | null; readonly nshift?: NshiftQuote | null } | null
  readonly [key: string]: unknown
}

/** Options of one estimate (SPEC §1). @example `estimate(store, request, { at: '2026-01-01T00:00:00Z' })` */
export interface EstimateOptions {
  /** The instant for date rules and instalment due dates; defaults to now (pass it in tests). */
  readonly at?: string | Date
  readonly payment_method?: string
  readonly rounding?: RoundingModeName
  readonly tax_rounding?: TaxRoundingLevel
  readonly shipping_tax?: ShippingTaxPolicy
  readonly inclusive_rounding?: InclusiveRounding
  readonly inclusive_cross_border?: InclusiveCrossBorder
  readonly instalment_rounding?: InstalmentRounding
  /** Line and coupon rejections become 400s; informational warnings stay warnings. */
  readonly strict?: boolean
  /** Record how every amount was derived (for `explain` and `reconcile`). */
  readonly trace?: boolean
}

/**
 * The prepared store: every input normalized once into internal types — integer amounts, parsed
 * rationals, upper-case codes, rounding modes as enums — and indexed for lookups. Stages read
 * only these types, never raw JSON.
 */
import type { Rational } from '../money/rational'
import type { RoundingMode } from '../money/rounding'
import type { Issue } from '../types/output'

export const TaxLevel = { Line: 0, Unit: 1, Total: 2 } as const
export type TaxLevel = (typeof TaxLevel)[keyof typeof TaxLevel]
export const ShippingTax = { Proportional: 0, Highest: 1, Lowest: 2, None: 3 } as const
export type ShippingTax = (typeof ShippingTax)[keyof typeof ShippingTax]

/** The account's policies; each can be overridden per call (EstimateOptions). */
export interface Policies {
  readonly rounding: RoundingMode
  readonly taxLevel: TaxLevel
  readonly shippingTax: ShippingTax
  readonly inclusiveTarget: 'net' | 'tax'
  readonly keepNet: boolean
  readonly instalmentExact: boolean
}

export interface NPaymentMethod {
  readonly id: string
  readonly currencies: ReadonlySet<string> | null
  readonly countries: ReadonlySet<string> | null
  readonly minTotal: ReadonlyMap<string, number> | null
  readonly maxTotal: ReadonlyMap<string, number> | null
}

export interface NAccount {
  readonly baseCurrency: string
  readonly country: string
  readonly currencies: readonly string[]
  readonly pricesIncludeTax: boolean
  readonly euOss: boolean
  readonly shippingTaxLabel: string
  readonly paymentMethods: readonly NPaymentMethod[]
  readonly maxLines: number
  readonly policies: Policies
}

export interface NVariant {
  readonly id: string
  readonly product: NProduct
  readonly prices: ReadonlyMap<string, number>
  /** Own stock (null: falls back to the product's). */
  readonly stock: number | null
  readonly unlimited: boolean
  readonly weight: number | null
  readonly sku: string | null
  readonly ean: string | null
}

export interface NPack {
  readonly id: string
  readonly product: NProduct
  readonly label: string | null
  /** Units contained in one pack. */
  readonly units: number
  readonly multiple: boolean
  readonly items: readonly { readonly variant: NVariant; readonly units: number }[] | null
  readonly prices: ReadonlyMap<string, number> | null
}

export interface NProduct {
  readonly id: string
  readonly name: string | null
  readonly titles: readonly (readonly [string, string])[]
  readonly type: string
  readonly shipped: boolean
  readonly category: string
  readonly prices: ReadonlyMap<string, number>
  readonly defaultCurrency: string | null
  readonly inclusive: boolean | null
  readonly discountAllowed: boolean
  readonly isMoss: boolean
  readonly buyable: boolean
  readonly whitelist: ReadonlySet<string> | null
  readonly minUnits: number | null
  readonly maxUnits: number | null
  /** Stock (null: not limited). */
  readonly stock: number | null
  readonly unlimited: boolean
  readonly weight: number
  readonly deltaPricing: boolean
  readonly variants: readonly NVariant[]
  readonly packs: readonly NPack[]
  readonly releaseAt: number | null
  readonly expiresAt: number | null
  readonly sku: string | null
  readonly ean: string | null
  readonly subscription: boolean
  readonly trialDays: number
}

export interface NAddress {
  readonly id: string | null
  /** The stored or inline fields, scalars only, for the echo in customer_information. */
  readonly fields: Readonly<Record<string, unknown>>
  readonly country: string | null
  readonly state: string | null
  readonly isCompany: boolean
  readonly vat: string | null
  readonly verifiedVat: boolean
  readonly locale: string | null
}

export interface NCustomer {
  readonly id: string
  readonly fields: Readonly<Record<string, unknown>>
  readonly country: string | null
  readonly locale: string | null
  readonly taxExempt: boolean
  readonly addresses: ReadonlyMap<string, NAddress>
  readonly defaultBilling: string | null
  readonly defaultShipping: string | null
}

export interface NRate {
  /** Position in the store's tax_rates: compound rates apply in this order. */
  readonly index: number
  readonly id: string | null
  readonly label: string
  readonly jurisdiction: string
  readonly category: string | null
  /** The percentage as a fraction (19% → 19/100), or null for a fixed amount. */
  readonly percent: Rational | null
  readonly percentNumber: number | null
  /** Fixed amount per contained unit, in minor units of the transaction currency. */
  readonly amount: number | null
  readonly vat: boolean
  readonly compound: boolean
}

export interface NShippingMethod {
  readonly index: number
  readonly id: string
  readonly label: string
  readonly type: 'fixed' | 'per_item' | 'weight'
  readonly cost: number
  readonly currency: string
  readonly bundling: boolean
  readonly countries: ReadonlySet<string> | null
  readonly freeOver: ReadonlyMap<string, number> | null
  readonly additionalItemCost: number | null
  readonly tiers: readonly { readonly upTo: number | null; readonly cost: number }[] | null
  readonly inclusive: boolean | null
}

export interface NDiscount {
  readonly automatic: boolean
  readonly code: string | null
  readonly id: string | null
  readonly label: string
  readonly type: 'percent' | 'fixed' | 'free_shipping' | 'shipping'
  /** Percent as a fraction (20% → 1/5). */
  readonly value: Rational | null
  readonly valueNumber: number | null
  readonly amounts: ReadonlyMap<string, number> | null
  readonly products: ReadonlySet<string> | null
  readonly categories: ReadonlySet<string> | null
  readonly appliesTo: { readonly products: readonly string[] | null; readonly categories: readonly string[] | null } | null
  readonly minSubtotal: ReadonlyMap<string, number> | null
  readonly startsAt: number | null
  readonly endsAt: number | null
  readonly currencies: ReadonlySet<string> | null
  readonly paymentMethods: ReadonlySet<string> | null
  readonly combinable: boolean
  readonly maxAmount: ReadonlyMap<string, number> | null
}

export interface NPlan {
  readonly id: string
  readonly instalments: number
  readonly interval: number
  readonly cycle: 'day' | 'week' | 'month'
  readonly offset: number
  readonly upfront: Rational
  readonly upfrontNumber: number
  readonly interest: Rational
  readonly minTotal: ReadonlyMap<string, number> | null
  readonly maxTotal: ReadonlyMap<string, number> | null
  readonly currencies: ReadonlySet<string> | null
}

export interface NExchange {
  readonly base: string
  readonly rates: ReadonlyMap<string, Rational>
}

/** The prepared, indexed store (internal shape). */
export interface PreparedStore {
  readonly account: NAccount
  readonly products: ReadonlyMap<string, NProduct>
  readonly variants: ReadonlyMap<string, NVariant>
  readonly packs: ReadonlyMap<string, NPack>
  readonly customers: ReadonlyMap<string, NCustomer>
  /** Rates by upper-case jurisdiction (`DE`, `US`, `US-CA`), in store order. */
  readonly rates: ReadonlyMap<string, readonly NRate[]>
  readonly shippingMethods: readonly NShippingMethod[]
  readonly shippingById: ReadonlyMap<string, NShippingMethod>
  readonly discounts: readonly NDiscount[]
  /** Coupons by lower-cased code. */
  readonly coupons: ReadonlyMap<string, NDiscount>
  readonly plans: readonly NPlan[]
  readonly exchange: NExchange
  /** The store warnings (`Store['warnings']`). */
  readonly warnings: readonly Issue[]
}

/**
 * The prepared store: every input normalized once into internal types — integer amounts, parsed
 * rationals, upper-case codes, rounding modes as enums — and indexed for lookups. Stages read
 * only these types, never raw JSON.
 */
import type { DiscountKind } from '../5-discounts/kinds/kind'
import type { ShippingCostKind } from '../7-shipping/costs/kind'
import type { Rational } from '../money/rational'
import type { Policies, PolicyNames } from '../policies/axes'
import type { PresetName } from '../policies/presets'
import type { Issue } from '../types/output'

export type { Policies } from '../policies/axes'

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
  /** The policy fields the account sets itself (by value name). */
  readonly policyFields: PolicyNames
  /** The account's preset, if any. */
  readonly preset: PresetName | null
  /** The account's policies resolved (field, else preset, else default): what an estimate uses without per-call policies. */
  readonly policies: Policies
}

export interface NVariant {
  readonly id: string
  /** Its path in the store config (`products[3].variations.variants[1]`), for the trace. */
  readonly path: string
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
  /** Its path in the store config (`products[3].packs[0]`), for the trace. */
  readonly path: string
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
  /** Its path in the store config (`products[3]`), for the trace. */
  readonly path: string
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
  /** Its path in the store config (`tax_rates[4]`), for the trace (null for an nShift quote's rate). */
  readonly path: string | null
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

/**
 * A shipping method: the fields every method has, and its cost kind's own (`spec`, read by the
 * kind in the registry `7-shipping/costs`). Keyed on `type` through `kind`.
 */
/** A kind's own fields, of whichever kind (the kind's code knows their type). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySpec = any

export interface NShippingMethod<Spec = AnySpec> {
  readonly index: number
  /** Its path in the store config (`shipping_methods[1]`), for the trace. */
  readonly path: string
  readonly id: string
  readonly label: string
  readonly type: string
  readonly kind: ShippingCostKind<Spec>
  readonly spec: Spec
  readonly currency: string
  readonly bundling: boolean
  readonly countries: ReadonlySet<string> | null
  readonly freeOver: ReadonlyMap<string, number> | null
  readonly inclusive: boolean | null
}

/**
 * An automatic discount or a coupon: the fields every discount has, and its kind's own (`spec`,
 * read by the kind in the registry `5-discounts/kinds`). Keyed on `type` through `kind`.
 */
export interface NDiscount<Spec = AnySpec> {
  /** Its path in the store config (`coupons[2]`, `discounts[0]`), for the trace. */
  readonly source: string
  readonly automatic: boolean
  readonly code: string | null
  readonly id: string | null
  readonly label: string
  readonly type: string
  readonly kind: DiscountKind<Spec>
  readonly spec: Spec
  /** The `value` the output shows (a percentage as a JSON number), or null. */
  readonly valueNumber: number | null
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
  /** Its path in the store config (`instalment_plans[0]`), for the trace. */
  readonly path: string
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

/** The account's policies as per-call options may override them. */
export type { PolicyNames } from '../policies/axes'

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

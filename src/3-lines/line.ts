/**
 * What the lines stage decides about one accepted line: what it is, how many, and its price in
 * the transaction currency. Later stages read it and never change it; what they decide lives in
 * their own records.
 */
import type { NPack, NProduct, NVariant } from '../store/model'

export interface Line {
  /** The line's index in the request's `products`. */
  readonly index: number
  /** Its path in the request (`products[2]`). */
  readonly path: string
  /** The catalog product, or null for an invoice item. */
  readonly product: NProduct | null
  readonly variant: NVariant | null
  readonly pack: NPack | null
  readonly name: string
  readonly type: string
  /** The tax category. */
  readonly category: string
  readonly discountAllowed: boolean
  readonly isMoss: boolean
  readonly shipped: boolean
  readonly quantity: number
  /** Contained units: quantity × units per pack. */
  readonly units: number
  /** Shipped weight in grams. */
  readonly weight: number
  readonly subscriptionTrial: boolean
  /** The unit price in the transaction currency (before any cross-border re-pricing). */
  readonly unitPrice: number
  readonly itemTotal: number
  readonly exchangeRate: number | null
  readonly priceConversion: boolean
  /** Whether the price includes tax (product's tax_calculation, else the account's default). */
  readonly inclusive: boolean
}

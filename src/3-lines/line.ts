/**
 * The working record of one accepted line while the pipeline runs. It is created by the lines
 * stage (never from input objects) and each later stage fills only its own fields; the output
 * module turns it into the API's `products[i]`.
 */
import type { NPack, NProduct, NRate, NVariant } from '../store/model'
import type { LineDiscount, OutputTaxRate } from '../types/output'

export interface LineState {
  readonly index: number
  readonly path: string
  readonly product: NProduct | null
  readonly variant: NVariant | null
  readonly pack: NPack | null
  readonly name: string
  readonly type: string
  readonly category: string
  readonly discountAllowed: boolean
  readonly isMoss: boolean
  readonly shipped: boolean
  readonly quantity: number
  /** Contained units: quantity × units per pack. */
  readonly units: number
  readonly weight: number
  readonly subscriptionTrial: boolean
  /** Mutable only for cross-border re-pricing to the origin net (keep_net, reverse charge). */
  unitPrice: number
  itemTotal: number
  readonly exchangeRate: number | null
  readonly priceConversion: boolean
  // — taxes stage (place and inclusive mode can be changed by cross-border rules)
  inclusive: boolean
  jurisdiction: string
  placeCountry: string
  moss: boolean
  /** The rates that apply to the goods, in store order (VAT removed under reverse charge). */
  rates: readonly NRate[]
  // — discounts stage
  discount: number
  discounts: LineDiscount[]
  // — taxes stage
  tax: number
  taxRates: OutputTaxRate[]
  /** The net of the goods after discount (what the taxes were charged on). */
  net: number
  // — shipping stage
  shippingSubtotal: number
  shippingDiscount: number
  shippingTax: number
  shippingNet: number
  shippingInclusive: boolean
  shippingTaxRates: OutputTaxRate[]
}

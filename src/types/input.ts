/**
 * Public input types: the Tamio request body, the store configuration and the options. Keys are
 * snake_case exactly as the API spells them, so a Tamio request body, a Tamio product object and a
 * Tamio customer can be passed as they are. Every field the library knows is listed, and none of
 * these types has an index signature: a misspelt field does not compile. Everything is also checked
 * at run time — these types describe what is accepted, they are not trusted.
 */
// ---- scalars -----------------------------------------------------------------------------------

/** An amount in minor units of its currency (cents for EUR, yen for JPY): a non-negative integer. @example `const a: MinorUnits = 1312 // 13.12 EUR` */
export type MinorUnits = number

/** A signed amount in minor units (a price difference, which may be negative): an integer. @example `const d: SignedMinorUnits = -200` */
export type SignedMinorUnits = number

/** A count (stock, units, days): a non-negative integer. @example `const n: Count = 10` */
export type Count = number

/** A count of at least one (a quantity, a number of instalments): a positive integer. @example `const q: PositiveCount = 2` */
export type PositiveCount = number

/** A weight in grams: a non-negative integer. @example `const w: Grams = 450` */
export type Grams = number

/** An ISO 4217 currency code, in any case (`"EUR"`, `"eur"`); read upper-case. @example `const c: CurrencyCode = 'EUR'` */
export type CurrencyCode = string

/** An ISO 3166 alpha-2 country code, in any case (`"DE"`), optionally with a region (`"US-CA"`). @example `const c: CountryCode = 'DE'` */
export type CountryCode = string

/** An exact decimal, as a string (`"1.0873"`, the safe way) or a number. Parsed once, never used as a float. @example `const r: DecimalInput = '1.0873'` */
export type DecimalInput = string | number

/** A percentage written in percent, not as a fraction: `"19"` is 19 %, `"12.34"` is 12.34 % (a string or a number, never negative). @example `const p: PercentInput = '19'` */
export type PercentInput = string | number

/** An instant: an ISO 8601 date (`"2026-01-01"`, read as UTC midnight) or date-time (`"2026-01-01T09:30:00Z"`), or Unix seconds. @example `const d: DateInput = '2026-11-25T00:00:00Z'` */
export type DateInput = string | number

/** A per-currency map of minor units (`{ "EUR": 5000 }`): a currency missing from the map means the rule does not apply in it. @example `const m: CurrencyAmounts = { EUR: 5000 }` */
export type CurrencyAmounts = Readonly<Record<CurrencyCode, MinorUnits>>

// ---- policies ----------------------------------------------------------------------------------

/** A rounding mode: `half_up` (ties away from zero), `half_even` (ties to the even neighbour), `half_down` (ties toward zero), `up` (away from zero), `down` (toward zero), `ceil` (toward +∞), `floor` (toward −∞). The money primitives call it `RoundingModeName`. @example `const r: RoundingPolicy = 'half_even'` */
export type RoundingPolicy = 'half_up' | 'half_even' | 'half_down' | 'up' | 'down' | 'ceil' | 'floor'

/** Where taxes are rounded: `line` (each line × rate), `unit` (one unit's tax, times the quantity) or `total` (once per rate over the document). @example `const l: TaxRoundingLevel = 'line'` */
export type TaxRoundingLevel = 'line' | 'unit' | 'total'
/** How shipping is taxed: `proportional` (each line's share at its rates), `highest` / `lowest` (at the rates of one shipped line), `none`. @example `const s: ShippingTaxPolicy = 'proportional'` */
export type ShippingTaxPolicy = 'proportional' | 'highest' | 'lowest' | 'none'
/** Which part of a tax-inclusive price is rounded: the `net` (the tax follows) or the `tax` (the net follows). @example `const r: InclusiveRounding = 'net'` */
export type InclusiveRounding = 'net' | 'tax'
/** Inclusive prices taxed abroad: `keep_gross` charges the same gross at the destination rate; `keep_net` re-prices to the origin net and adds the destination tax. @example `const c: InclusiveCrossBorder = 'keep_gross'` */
export type InclusiveCrossBorder = 'keep_gross' | 'keep_net'
/** Instalment rounding: `tamio` reproduces the API (which may drop up to n−1 cents); `exact` keeps every cent. @example `const i: InstalmentRounding = 'tamio'` */
export type InstalmentRounding = 'tamio' | 'exact'
/** Where the leftover cents of a split go: `largest_remainder` (to the largest fractional shares, ties to the earlier part), `first`, `last`, or `carry` (running rounding). @example `const a: AllocationPolicy = 'largest_remainder'` */
export type AllocationPolicy = 'largest_remainder' | 'first' | 'last' | 'carry'
/** What an order discount is split over its lines by: their `base` as priced, their `net`, or their `gross`. @example `const d: DiscountProration = 'base'` */
export type DiscountProration = 'base' | 'net' | 'gross'
/** Whether a line's taxes see its discount (`after_discount`) or are computed on the undiscounted price (`before_discount`). @example `const t: TaxBase = 'after_discount'` */
export type TaxBase = 'after_discount' | 'before_discount'
/** Where `exact` instalment rounding puts its leftover cents: one each to the first (`spread_first`) or last (`spread_last`) instalments, or all on the `first` or `last`. @example `const r: InstalmentRemainder = 'spread_first'` */
export type InstalmentRemainder = 'spread_first' | 'spread_last' | 'first' | 'last'
/** A named bundle of policy settings that reproduces another system's numbers; `tamio` is the defaults. @example `const p: PresetName = 'shopify'` */
export type PresetName = 'tamio' | 'commercetools' | 'shopify' | 'stripe' | 'vendure' | 'saleor' | 'magento' | 'woocommerce' | 'hmrc'

/**
 * The policies an account sets and a single estimate may override. Each is optional; an estimate
 * takes the first of: its own option, its own `preset`, the account's setting, the account's
 * `preset`, the default.
 *
 * @example `const p: PolicySettings = { rounding: 'half_even', tax_rounding: 'total' }`
 */
export interface PolicySettings {
  /** The rounding mode of every rounding: `half_up` (ties away from zero), `half_even`, `half_down` (ties toward zero), `up` (away from zero), `down` (toward zero), `ceil`, `floor`. Default `half_up`. */
  readonly rounding?: RoundingPolicy
  /** Where taxes are rounded. Default `line`. */
  readonly tax_rounding?: TaxRoundingLevel
  /** How shipping is taxed. Default `proportional`. */
  readonly shipping_tax?: ShippingTaxPolicy
  /** Which part of a tax-inclusive price is rounded. Default `net`. */
  readonly inclusive_rounding?: InclusiveRounding
  /** How a tax-inclusive price is taxed in another country. Default `keep_gross`. */
  readonly inclusive_cross_border?: InclusiveCrossBorder
  /** How instalment amounts are rounded. Default `tamio` (the API's numbers). */
  readonly instalment_rounding?: InstalmentRounding
  /** Where the leftover cents of every split go. Default `largest_remainder`. */
  readonly allocation?: AllocationPolicy
  /** The weights an order discount is split over its lines by. Default `base`. */
  readonly discount_proration?: DiscountProration
  /** Whether taxes are computed after or before discounts. Default `after_discount`. */
  readonly tax_base?: TaxBase
  /** Where `exact` instalment rounding puts its leftover cents. Default `spread_first`. */
  readonly instalment_remainder?: InstalmentRemainder
  /** A named bundle of the settings above; settings given beside it win. Default `tamio` (the defaults). */
  readonly preset?: PresetName
}

// ---- the store config's own format -------------------------------------------------------------

/** The rules that limit a payment method; a method without rules is given by its id alone. @example `const p: PaymentMethodRules = { id: 'klarna', currencies: ['EUR'], min_total: { EUR: 1000 } }` */
export interface PaymentMethodRules {
  /** The payment method's id, as the transaction's `payments` lists it (`"stripe"`, `"klarna"`). */
  readonly id: string
  /** The transaction currencies it is offered in; `null` or absent: all. */
  readonly currencies?: readonly CurrencyCode[] | null
  /** The bill-to countries it is offered to; `null` or absent: all. */
  readonly countries?: readonly CountryCode[] | null
  /** The smallest transaction total it is offered for, per currency (inclusive); a currency not listed has no minimum. */
  readonly min_total?: CurrencyAmounts | null
  /** The largest transaction total it is offered for, per currency (inclusive); a currency not listed has no maximum. */
  readonly max_total?: CurrencyAmounts | null
}

/** A payment method: its id, or its id with the rules that limit it. @example `const p: PaymentMethodConfig = { id: 'klarna', currencies: ['EUR'] }` */
export type PaymentMethodConfig = string | PaymentMethodRules

/** The account: its currency and country, and its default policies. @example `const a: AccountConfig = { base_currency: 'EUR', country: 'DE' }` */
export interface AccountConfig extends PolicySettings {
  /** The account's currency: the transaction currency when the request names none, and the currency of shipping costs by default (the exchange-rate table names its own `base`). Required. */
  readonly base_currency: CurrencyCode
  /** The merchant's country: where domestic taxes come from, and the last fallback for a customer's country. Required. */
  readonly country: CountryCode
  /** The currencies transactions may be in. Default: the base currency alone. */
  readonly currencies?: readonly CurrencyCode[]
  /** Whether prices include tax, for products without `tax_calculation`, invoice items and shipping methods without `inclusive`. Default `false`. */
  readonly prices_include_tax?: boolean
  /** Whether the merchant is registered for the EU One-Stop Shop: EU consumer sales are then taxed at the destination. Default `false`. */
  readonly eu_oss?: boolean
  /** The label of shipping tax rates in the output. Default `"Shipping taxes"`. */
  readonly shipping_tax_label?: string
  /** The payment methods offered, in the order the transaction's `payments` lists them. Default none. */
  readonly payment_methods?: readonly PaymentMethodConfig[]
  /** The most product lines one request may have (1 to 10 000). Default 20, the API's limit. */
  readonly max_lines?: PositiveCount
}

/** A tax rate: a percentage or a fixed amount per unit, for one jurisdiction and tax category. @example `const t: TaxRateConfig = { id: null, label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: '19' }` */
export interface TaxRateConfig {
  /** The rate's id, echoed in the output. Default `null`. */
  readonly id?: string | null
  /** The rate's name in the output (`"MwSt."`). Required. */
  readonly label: string
  /** Where it applies: a country (`"DE"`), a state (`"US-CA"`, where the address `state` is `CA`) or a county (`"US-CA-LA"`). Required. */
  readonly jurisdiction: CountryCode
  /** The tax category it applies to (`"books"`; `"shipping"` for shipping); `null`: the jurisdiction's rate for categories that have none of their own. Default `null`. */
  readonly category?: string | null
  /** The rate in percent (`"19"` for 19 %). Exactly one of `rate_percent` and `rate_amount` is given. */
  readonly rate_percent?: PercentInput | null
  /** A fixed tax per contained unit, in minor units of the transaction currency (never on shipping). Exactly one of `rate_percent` and `rate_amount` is given. */
  readonly rate_amount?: MinorUnits | null
  /** Whether it is a VAT (not charged under reverse charge). Default `true`. */
  readonly vat_tax?: boolean
  /** Whether it is charged on the price plus the rates before it (in store order); exclusive prices only. Default `false`. */
  readonly compound?: boolean
}

/** One weight tier of a `weight` shipping method. @example `const t: WeightTier = { up_to: 1000, cost: 490 }` */
export interface WeightTier {
  /** The heaviest shipped weight this tier covers, in grams (inclusive); `null`: no limit. */
  readonly up_to: Grams | null
  /** The cost of this tier, in minor units of the method's currency. */
  readonly cost: MinorUnits
}

/** A shipping method. @example `const m: ShippingMethodConfig = { id: 's1', label: 'DHL', type: 'fixed', cost: 1312, currency: 'EUR' }` */
export interface ShippingMethodConfig {
  /** The method's id, as a request's `shipping.tamio` names it. Required. */
  readonly id: string
  /** The method's name in the output. Default `""`. */
  readonly label?: string
  /** How the cost is found: `fixed` (`cost`), `per_item` (`cost` for the first shipped unit, `additional_item_cost` for each further one) or `weight` (the first tier of `weight_tiers` that covers the shipped weight). Required. */
  readonly type: 'fixed' | 'per_item' | 'weight'
  /** The cost, in minor units of `currency`; required for `fixed` and `per_item`. */
  readonly cost?: MinorUnits | null
  /** The currency of the costs; converted to the transaction currency when they differ. Default: the account's base currency. */
  readonly currency?: CurrencyCode | null
  /** Echoed in the output; not used in any calculation. Default `false`. */
  readonly bundling?: boolean | null
  /** The ship-to countries it is offered to; `null` or absent: all. */
  readonly countries?: readonly CountryCode[] | null
  /** Free when the shipped lines' total with tax (after discounts) reaches this amount, per currency. */
  readonly free_over?: CurrencyAmounts | null
  /** For `per_item`: the cost of each unit after the first, in minor units. Default: `cost`. */
  readonly additional_item_cost?: MinorUnits | null
  /** For `weight`: the tiers, lightest first; required for `weight`. */
  readonly weight_tiers?: readonly WeightTier[] | null
  /** Whether the cost includes tax. Default: the account's `prices_include_tax`. */
  readonly inclusive?: boolean | null
}

/** Which lines a discount applies to. @example `const a: DiscountScope = { categories: ['books'] }` */
export interface DiscountScope {
  /** Product, variant or pack ids; a line matches when any of its ids is listed. `null` or absent: any. */
  readonly products?: readonly string[] | null
  /** Tax categories (`"books"`). `null` or absent: any. */
  readonly categories?: readonly string[] | null
}

/** The units a buy-X-get-Y discount needs bought. @example `const b: BuyCondition = { quantity: 2 }` */
export interface BuyCondition extends DiscountScope {
  /** How many units must be bought for one application (X). */
  readonly quantity: PositiveCount
}

/** The units a buy-X-get-Y discount gives, and how much off. @example `const g: GetReward = { quantity: 1, value: '100' }` */
export interface GetReward extends DiscountScope {
  /** How many units one application discounts (Y): the cheapest eligible ones. */
  readonly quantity: PositiveCount
  /** The percentage off those units (above 0, at most 100). Default `"100"` (free). */
  readonly value?: PercentInput | null
}

/**
 * An automatic discount or a coupon. Coupons need a `code` (matched case-insensitively); automatic
 * discounts apply without one, in store order, before coupons.
 *
 * @example `const d: DiscountConfig = { code: 'SAVE20', label: '20% off', type: 'percent', value: '20' }`
 */
export interface DiscountConfig {
  /** The code a request's `coupons` gives; required for coupons. */
  readonly code?: string
  /** The discount's id, echoed in the output. Default `null`. */
  readonly id?: string | null
  /** The discount's name in the output. Default: the code. */
  readonly label?: string
  /** `percent` (`value` % of the eligible lines), `fixed` (`amounts`), `free_shipping`, `shipping` (`value` % or `amounts` off the shipping) or `buy_x_get_y` (`buy` and `get`). Required. */
  readonly type: 'percent' | 'fixed' | 'free_shipping' | 'shipping' | 'buy_x_get_y'
  /** For `percent` and `shipping`: the percentage off (`"20"` for 20 %, at most 100). */
  readonly value?: PercentInput | null
  /** For `fixed` and `shipping`: the amount off per currency, in minor units (converted from another listed currency if needed). */
  readonly amounts?: CurrencyAmounts | null
  /** Which lines are eligible. Default: every line whose product allows discounts. */
  readonly applies_to?: DiscountScope | null
  /** The smallest sum of the lines' item totals before any discount for it to apply, per currency (inclusive); a currency not listed: it does not apply there. */
  readonly min_subtotal?: CurrencyAmounts | null
  /** When it starts to apply (inclusive). Default: always. */
  readonly starts_at?: DateInput | null
  /** When it stops applying (exclusive). Default: never. */
  readonly ends_at?: DateInput | null
  /** The transaction currencies it applies in; `null` or absent: all. */
  readonly currencies?: readonly CurrencyCode[] | null
  /** The payment methods it applies to (matched with the estimate's `payment_method`); `null` or absent: all. */
  readonly payment_methods?: readonly string[] | null
  /** `false`: not applied after another discount, and once applied no later one is. Default `true`. */
  readonly combinable?: boolean | null
  /** The most it takes off, per currency, in minor units. */
  readonly max_amount?: CurrencyAmounts | null
  /** For `buy_x_get_y`: the units that must be bought. */
  readonly buy?: BuyCondition | null
  /** For `buy_x_get_y`: the units that are discounted. */
  readonly get?: GetReward | null
  /** For `buy_x_get_y`: the most times it applies to one cart. Default: as often as the cart allows. */
  readonly max_applications?: PositiveCount | null
}

/** An instalment plan. @example `const p: InstalmentPlanConfig = { id: 'p', instalments: 3, interval: 1, cycle: 'week', offset: 1, upfront_percent: '12.34', interest_percent: '30' }` */
export interface InstalmentPlanConfig {
  /** The plan's id, echoed in the output. Required. */
  readonly id: string
  /** How many instalments follow the upfront payment (1 to 1 000). Required. */
  readonly instalments: PositiveCount
  /** How many cycles lie between two instalments. Default 1. */
  readonly interval?: Count
  /** The unit of `interval` and `offset`. Default `month`. */
  readonly cycle?: 'day' | 'week' | 'month'
  /** How many cycles after the upfront payment the first instalment is due. Default 0. */
  readonly offset?: Count
  /** The part of the total (interest included) paid upfront, in percent. Default 0. */
  readonly upfront_percent?: PercentInput | null
  /** The interest added to the total, in percent. Default 0. */
  readonly interest_percent?: PercentInput | null
  /** The smallest transaction total it is offered for, per currency (inclusive); a currency not listed: no minimum. */
  readonly min_total?: CurrencyAmounts | null
  /** The largest transaction total it is offered for, per currency (inclusive); a currency not listed: no maximum. */
  readonly max_total?: CurrencyAmounts | null
  /** The transaction currencies it is offered in; `null` or absent: all. */
  readonly currencies?: readonly CurrencyCode[] | null
}

/** Exchange rates: units of each currency per one unit of `base`. @example `const x: ExchangeRatesConfig = { base: 'EUR', rates: { SEK: '11.0235' } }` */
export interface ExchangeRatesConfig {
  /** The currency the rates are quoted against (its own rate is 1). Required. */
  readonly base: CurrencyCode
  /** Units of each currency per one unit of `base`, as exact decimals (`"11.0235"`), above 0. */
  readonly rates: Readonly<Record<CurrencyCode, DecimalInput>>
}

// ---- Tamio products ----------------------------------------------------------------------------

/** A Tamio product type: `physical_product` is shipped; the others are not; `subscription` may have a trial. @example `const t: ProductType = 'physical_product'` */
export type ProductType = 'physical_product' | 'digital_product' | 'service' | 'subscription'

/** One price of a product, variant or pack. @example `const p: PricingModelEntry = { currency: 'EUR', price: 10000 }` */
export interface PricingModelEntry {
  /** The entry's id in Tamio (not used). */
  readonly id?: string
  /** `"pricing_model"` in Tamio's objects (not used). */
  readonly object?: string
  /** The currency of this price. Required. */
  readonly currency: CurrencyCode
  /** The unit price in minor units of `currency`; for a variant of a product with `delta_pricing`, the difference to the product's price (may be negative). Required. */
  readonly price: SignedMinorUnits
  /** The merchant's recommended price in this currency (not used). */
  readonly recommended_seller_price?: MinorUnits | null
  /** The purchase price in this currency (not used). */
  readonly acquisition_price?: MinorUnits | null
}

/** Stock held at one warehouse. @example `const s: StockBreakdownEntry = { warehouse: 'w1', stock: 10 }` */
export interface StockBreakdownEntry {
  /** The warehouse id (not used). */
  readonly warehouse?: string
  /** The units in stock there. Required. */
  readonly stock: Count
  /** The countries the warehouse serves (not used). */
  readonly areas_served?: readonly CountryCode[] | null
}

/** A product's or variant's dimensions (not used in any calculation). @example `const d: Dimensions = { length: 10, width: 5, height: 2 }` */
export interface Dimensions {
  /** The length (not used). */
  readonly length?: number | null
  /** The width (not used). */
  readonly width?: number | null
  /** The height (not used). */
  readonly height?: number | null
}

/** A product's texts in one language. @example `const l: ProductLanguage = { title: 'Blue T-shirt' }` */
export interface ProductLanguage {
  /** The product's title in this language: its name in a transaction in this locale when it has no `name`. */
  readonly title?: string | null
  /** The subtitle (not used). */
  readonly subtitle?: string | null
  /** The long description (not used). */
  readonly description?: string | null
  /** The title for search engines (not used). */
  readonly seo_title?: string | null
  /** The description for search engines (not used). */
  readonly seo_description?: string | null
  /** The URL slug (not used). */
  readonly slug?: string | null
}

/** An option of a product's variations, such as size or colour (not used in any calculation). @example `const o: VariationOption = { label: { en: 'Size' }, values: [{ en: 'Large' }], type: 'dropdown_list' }` */
export interface VariationOption {
  /** The option's label by language (not used). */
  readonly label?: Readonly<Record<string, string>> | null
  /** The option's values, each by language (not used). */
  readonly values?: readonly Readonly<Record<string, string>>[] | null
  /** How the option is displayed: a dropdown list or radio buttons (not used). */
  readonly type?: string | null
}

/** A product variant. @example `const v: VariantConfig = { id: 'v1', pricing_model: [{ currency: 'EUR', price: 200 }] }` */
export interface VariantConfig {
  /** The variant's id, as a request line's `variant` names it. Required. */
  readonly id: string
  /** `"variant"` in Tamio's objects (not used). */
  readonly object?: string
  /** The variant's option values, by language (not used). */
  readonly options?: Readonly<Record<string, unknown>> | readonly Readonly<Record<string, unknown>>[] | null
  /** The variant's own stock in units. Default: the product's stock. */
  readonly stock?: Count | null
  /** Stock per warehouse: the variant's stock is their sum when `stock` is absent. */
  readonly stock_breakdown?: readonly StockBreakdownEntry[] | null
  /** Whether the stock is unlimited. Default `false`. */
  readonly unlimited_stock?: boolean | null
  /** Whether orders are accepted when out of stock. Default `false`. */
  readonly allow_negative_stock?: boolean | null
  /** Whether the variant is hidden when out of stock (not used). */
  readonly hide_if_no_stock?: boolean | null
  /** Whether the variant is visible in Tamio's sites (not used). */
  readonly shown?: boolean | null
  /** The variant's dimensions (not used). */
  readonly dimensions?: Dimensions | null
  /** Asset ids of the variant's images (not used). */
  readonly gallery?: readonly string[] | null
  /** The variant's SKU, echoed on its lines. Default: the product's. */
  readonly sku?: string | null
  /** The variant's EAN, echoed on its lines. Default: the product's. */
  readonly ean?: string | null
  /** The weight of one unit, in grams. Default: the product's. */
  readonly weight?: Grams | null
  /** The variant's prices: the price itself, or with the product's `delta_pricing` the difference to the product's price (a missing currency is a difference of 0). */
  readonly pricing_model?: readonly PricingModelEntry[] | null
  /** More identifiers; `sku` and `ean` are read from here when not given above. */
  readonly additional_information?: AdditionalInformation | null
}

/** A product's variations: its options and its variants. @example `const v: VariationsConfig = { delta_pricing: true, variants: [{ id: 'v1' }] }` */
export interface VariationsConfig {
  /** Whether a variant's price is added to the product's price (`true`) or replaces it. Default `false`. */
  readonly delta_pricing?: boolean | null
  /** The options the variants differ by (not used). */
  readonly options?: readonly VariationOption[] | null
  /** The variants; a line of a product with variants must name one. */
  readonly variants?: readonly VariantConfig[] | null
}

/** A variant in a pack, with how many of its units the pack holds. @example `const v: PackVariant = { id: 'v1', stock: 5 }` */
export interface PackVariant {
  /** The variant's id (of the same product). Required. */
  readonly id: string
  /** The units of this variant in one pack. Required. */
  readonly stock: Count
}

/** A pack: several units of a product sold as one line unit. @example `const p: PackConfig = { id: 'pk', label: 'Pack of 10', stock: 10, multiple: true }` */
export interface PackConfig {
  /** The pack's id, as a request line's `pack` names it. Required. */
  readonly id: string
  /** `"pack"` in Tamio's objects (not used). */
  readonly object?: string
  /** The pack's name. */
  readonly label?: string | null
  /** The units one pack holds (at least 1). Required. */
  readonly stock: PositiveCount
  /** Whether a line may buy more than one of this pack. Default `false`. */
  readonly multiple?: boolean | null
  /** The variants the pack is made of, with their units (required when the product has variants). */
  readonly variants?: readonly PackVariant[] | null
  /** The pack's own prices. Default: the unit price × the units in the pack. */
  readonly pricing_model?: readonly PricingModelEntry[] | null
}

/** More identifiers and dates of a product, as the Inventory API returns them. @example `const a: AdditionalInformation = { sku: 'MUG-1', ean: '4006381333931' }` */
export interface AdditionalInformation {
  /** Whether the stock is sold as a sample (not used). */
  readonly sample?: boolean | null
  /** When the product is released for sale (read when not given at the top level). */
  readonly release_date?: DateInput | null
  /** The release date in Unix seconds (not used here; see the top-level field). */
  readonly release_date_unix?: number | null
  /** When the product stops being for sale (read when not given at the top level). */
  readonly expiry_date?: DateInput | null
  /** The expiry date in Unix seconds (not used here; see the top-level field). */
  readonly expiry_date_unix?: number | null
  /** When the product starts to count as new (not used). */
  readonly new_from?: DateInput | null
  /** `new_from` in Unix seconds (not used). */
  readonly new_from_unix?: number | null
  /** When the product stops counting as new (not used). */
  readonly new_to?: DateInput | null
  /** `new_to` in Unix seconds (not used). */
  readonly new_to_unix?: number | null
  /** Whether it is left out of third-party feeds (not used). */
  readonly exclude_from_feed?: boolean | null
  /** The brand (not used). */
  readonly brand?: string | null
  /** The model (not used). */
  readonly model?: string | null
  /** The ASIN (not used). */
  readonly asin?: string | null
  /** The UPC (not used). */
  readonly upc?: string | null
  /** The MPN (not used). */
  readonly mpn?: string | null
  /** The ISBN (not used). */
  readonly isbn?: string | null
  /** The EAN, echoed on the product's lines when not given at the top level. */
  readonly ean?: string | null
  /** The GTIN (not used). */
  readonly gtin?: string | null
  /** The SKU, echoed on the product's lines when not given at the top level. */
  readonly sku?: string | null
  /** The HS code (not used). */
  readonly hscode?: string | null
}

/** A custom attribute of a product (not used). @example `const a: CustomAttribute = { language: 'en', name: 'Material', value: 'Stoneware' }` */
export interface CustomAttribute {
  /** The attribute's language (not used). */
  readonly language?: string | null
  /** The attribute's name (not used). */
  readonly name?: string | null
  /** The attribute's value (not used). */
  readonly value?: string | null
}

/** A custom field of a product (not used). @example `const f: CustomField = { language: 'en', name: 'Engraving', type: 'textfield' }` */
export interface CustomField {
  /** The field's language (not used). */
  readonly language?: string | null
  /** The field's name (not used). */
  readonly name?: string | null
  /** The field's type: `size`, `checkboxes`, `textfield`, `textarea` or `date_picker` (not used). */
  readonly type?: string | null
  /** The choices of a `checkboxes` field (not used). */
  readonly values?: readonly string[] | null
  /** The start of a date range (not used). */
  readonly range_from?: DateInput | null
  /** The end of a date range (not used). */
  readonly range_to?: DateInput | null
}

/**
 * A Tamio product object, as the Inventory API returns it: every field it documents is accepted,
 * and the ones that take part in the calculation say what they do; "not used" fields are accepted
 * and ignored. A product needs an `id` and a price (`price` with `currency`, or `pricing_model`).
 *
 * @example `const p: ProductConfig = { id: 'p1', name: 'Mug', type: 'physical_product', price: 1200, currency: 'EUR' }`
 */
export interface ProductConfig {
  /** The product's id, as a request line's `id` names it. Required. */
  readonly id: string
  /** `"product"` in Tamio's objects (not used). */
  readonly object?: string
  /** The product's name in the output. Default: its title in the transaction's language, else its first title. */
  readonly name?: string | null
  /** What the product is: only a `physical_product` is shipped. Default `physical_product`. */
  readonly type?: ProductType
  /** The tax category, when `tax_category` is not given. Default `general`. */
  readonly classification?: string | null
  /** The tax category: which tax rates apply (`"books"`). Default: `classification`, else `general`. */
  readonly tax_category?: string | null
  /** The default price, in minor units of `currency`; added to `pricing_model` when that has no entry for `currency`. */
  readonly price?: MinorUnits | null
  /** The currency of `price`, and the product's default currency for conversions. Default: the first `pricing_model` currency. */
  readonly currency?: CurrencyCode | null
  /** The product's prices, one per currency. */
  readonly pricing_model?: readonly PricingModelEntry[] | null
  /** The product's texts by language (`{ "en": { "title": "Mug" } }`): a title names the product when it has no `name`. */
  readonly languages?: Readonly<Record<string, ProductLanguage>> | null
  /** Whether its prices include tax. Default: the account's `prices_include_tax`. */
  readonly tax_calculation?: 'inclusive' | 'exclusive' | null
  /** Whether discounts may apply to it. Default `true`. */
  readonly discount_allowed?: boolean | null
  /** Whether it is taxed at an EU customer's destination even without `eu_oss` (digital services). Default `false`. */
  readonly is_moss_product?: boolean | null
  /** Whether it can be bought: a line of a product that is not is rejected. Default `true`. */
  readonly buyable?: boolean | null
  /** Whether a sale is active (not used). */
  readonly on_sale?: boolean | null
  /** Whether customers may review it (not used). */
  readonly reviews_allowed?: boolean | null
  /** Whether it is visible in Tamio's sites (not used). */
  readonly shown?: boolean | null
  /** Whether it is left out of third-party feeds (not used). */
  readonly exclude_from_feed?: boolean | null
  /** Whether it is hidden when out of stock (not used). */
  readonly hide_if_no_stock?: boolean | null
  /** The ship-to countries it may be sold to; `null` or absent: all. */
  readonly whitelist?: readonly CountryCode[] | null
  /** The fewest units one order must hold (counted over all its lines). Default: no minimum. */
  readonly min_units?: Count | null
  /** The most units one order may hold (counted over all its lines). Default: no maximum. */
  readonly max_units?: Count | null
  /** The units in stock. Default: the sum of `stock_breakdown`, else not limited. */
  readonly stock?: Count | null
  /** The stock level that sends the merchant a notice (not used). */
  readonly stock_limit_warning?: Count | null
  /** Stock per warehouse: the product's stock is their sum when `stock` is absent. */
  readonly stock_breakdown?: readonly StockBreakdownEntry[] | null
  /** Whether the stock is unlimited. Default `false`. */
  readonly unlimited_stock?: boolean | null
  /** Whether orders are accepted when out of stock. Default `false`. */
  readonly allow_negative_stock?: boolean | null
  /** Whether Tamio counts it as in stock (not used: the library counts itself). */
  readonly in_stock?: boolean | null
  /** The weight of one unit, in grams, for weight-based shipping. Default 0. */
  readonly weight?: Grams | null
  /** The product's dimensions (not used). */
  readonly dimensions?: Dimensions | null
  /** Whether it has variations (not used: `variations` decides). */
  readonly has_variations?: boolean | null
  /** Its variants; a line of a product with variants must name one. */
  readonly variations?: VariationsConfig | null
  /** Its packs. */
  readonly packs?: readonly PackConfig[] | null
  /** When it is released for sale: lines before then are rejected. Default: always. */
  readonly release_date?: DateInput | null
  /** `release_date` in Unix seconds, read when `release_date` is absent. */
  readonly release_date_unix?: number | null
  /** When it stops being for sale: lines from then on are rejected. Default: never. */
  readonly expiry_date?: DateInput | null
  /** `expiry_date` in Unix seconds, read when `expiry_date` is absent. */
  readonly expiry_date_unix?: number | null
  /** When it starts to count as new (not used). */
  readonly new_from?: DateInput | null
  /** When it stops counting as new (not used). */
  readonly new_to?: DateInput | null
  /** Asset ids of its images (not used). */
  readonly gallery?: readonly string[] | null
  /** Its SKU, echoed on its lines. Default: `additional_information.sku`. */
  readonly sku?: string | null
  /** Its MPN (not used). */
  readonly mpn?: string | null
  /** Its ASIN (not used). */
  readonly asin?: string | null
  /** Its EAN, echoed on its lines. Default: `additional_information.ean`. */
  readonly ean?: string | null
  /** Its brand (not used). */
  readonly brand?: string | null
  /** Its model (not used). */
  readonly model?: string | null
  /** Its ISBN (not used). */
  readonly isbn?: string | null
  /** Its HS code (not used). */
  readonly hscode?: string | null
  /** Its UPC (not used). */
  readonly upc?: string | null
  /** Its GTIN (not used). */
  readonly gtin?: string | null
  /** Whether the stock is sold as a sample (not used). */
  readonly sample?: boolean | null
  /** Ids of related products (not used). */
  readonly related_products?: readonly string[] | null
  /** Custom attributes (not used). */
  readonly custom_attributes?: readonly CustomAttribute[] | null
  /** Custom fields (not used). */
  readonly custom_fields?: readonly CustomField[] | null
  /** More identifiers and dates, as the Inventory API nests them. */
  readonly additional_information?: AdditionalInformation | null
  /** The long description (not used). */
  readonly description?: string | null
  /** The title for search engines (not used). */
  readonly seo_title?: string | null
  /** The description for search engines (not used). */
  readonly seo_description?: string | null
  /** When it was created (not used). */
  readonly created?: string | null
  /** `created` in Unix seconds (not used). */
  readonly created_unix?: number | null
  /** When it was last updated (not used). */
  readonly updated?: string | null
  /** `updated` in Unix seconds (not used). */
  readonly updated_unix?: number | null
  /** For a `subscription`: the days of its free trial; a line in a trial is deducted from the transaction total. Default 0. */
  readonly trial_days?: Count | null
}

// ---- Tamio customers ---------------------------------------------------------------------------

/**
 * An address, stored with a customer or given inline in a request (`billing_information`,
 * `shipping_information`). Its fields are echoed in the transaction's `customer_information`.
 *
 * @example `const a: AddressConfig = { id: 'a1', country: 'DE', city: 'Berlin' }`
 */
export interface AddressConfig {
  /** The address's id (required for a stored address: `default_billing_address_id` and a request's `billing_address_id` name it). */
  readonly id?: string
  /** `"address"` in Tamio's objects (echoed). */
  readonly object?: string
  /** The addressee's name (echoed). */
  readonly name?: string | null
  /** The addressee's last name (echoed). */
  readonly last_name?: string | null
  /** A company's representative (echoed). */
  readonly representative?: string | null
  /** The e-mail address (echoed). */
  readonly email?: string | null
  /** The phone number (echoed). */
  readonly phone?: string | null
  /** The street address (echoed). */
  readonly address?: string | null
  /** The city (echoed). */
  readonly city?: string | null
  /** The postcode (echoed). */
  readonly postcode?: string | null
  /** The state or region code (`"CA"`): selects regional tax rates (`US-CA`). */
  readonly state?: string | null
  /** The county (`"Los Angeles"`): selects county tax rates (`US-CA-LA`) with `state`. */
  readonly county?: string | null
  /** The country: decides the place of supply and the taxes. Default: the customer's country. */
  readonly country?: CountryCode | null
  /** The address's language: the transaction's locale when neither the request nor the customer has one. */
  readonly locale?: string | null
  /** Whether the addressee is a company (with a verified `vat` number: reverse charge in the EU). Default `false`. */
  readonly is_company?: boolean | null
  /** The VAT number. */
  readonly vat?: string | null
  /** Whether the VAT number was verified: needed for reverse charge. Default `false`. */
  readonly verified_vat?: boolean | null
  /** The IP address the order came from (echoed). */
  readonly ip?: string | null
  /** Whether this is a shipping address (echoed). */
  readonly shipping_address?: boolean | null
  /** A delivery message (echoed). */
  readonly message?: string | null
}

/** A stored customer, with their addresses. Scalar fields are echoed in the transaction's `customer_information`. @example `const c: CustomerConfig = { id: 'c1', country: 'DE', addresses: [] }` */
export interface CustomerConfig {
  /** The customer's id, as a request's `customer.id` names it. Required. */
  readonly id: string
  /** `"customer"` in Tamio's objects (echoed). */
  readonly object?: string
  /** The first name (echoed). */
  readonly name?: string | null
  /** The last name (echoed). */
  readonly last_name?: string | null
  /** The e-mail address (echoed). */
  readonly email?: string | null
  /** The company name (echoed). */
  readonly company?: string | null
  /** The phone number (echoed). */
  readonly phone?: string | null
  /** The customer's country, when the addresses give none. */
  readonly country?: CountryCode | null
  /** The customer's language: the transaction's locale when the request gives none. */
  readonly locale?: string | null
  /** The UTC offset (`"+02:00"`; echoed). */
  readonly timezone_offset?: string | null
  /** The id of the customer's account manager (echoed). */
  readonly teammate_id?: string | null
  /** The customer's Stripe id (echoed). */
  readonly stripe_customer_id?: string | null
  /** Whether the customer pays no taxes at all (warning `tax_exempt`). Default `false`. */
  readonly tax_exempt?: boolean | null
  /** The customer's addresses. */
  readonly addresses?: readonly AddressConfig[] | null
  /** The id of the address billed by default. */
  readonly default_billing_address_id?: string | null
  /** The id of the address shipped to by default. */
  readonly default_shipping_address_id?: string | null
}

/**
 * Everything the Tamio API knows server-side and a request does not carry: the account, the
 * catalog, the customers, tax rates, shipping methods, discounts, instalment plans and exchange
 * rates. Every key but `account` is optional and defaults to empty.
 *
 * @example `createStore({ account: { base_currency: 'EUR', country: 'DE' } })`
 */
export interface StoreConfig {
  /** The JSON Schema this file follows, for editors (`"./node_modules/tamio-pricing/schemas/store-config.json"`); ignored. */
  readonly $schema?: string
  /** The account: currency, country, policies, payment methods. Required. */
  readonly account: AccountConfig
  /** The catalog: Tamio product objects. */
  readonly products?: readonly ProductConfig[]
  /** The known customers, with their addresses. */
  readonly customers?: readonly CustomerConfig[]
  /** The tax rates, in the order compound rates apply. */
  readonly tax_rates?: readonly TaxRateConfig[]
  /** The shipping methods; the first available one is the default. */
  readonly shipping_methods?: readonly ShippingMethodConfig[]
  /** The coupons a request's `coupons` may name. */
  readonly coupons?: readonly DiscountConfig[]
  /** The automatic discounts, applied in this order before coupons. */
  readonly discounts?: readonly DiscountConfig[]
  /** The instalment plans offered. */
  readonly instalment_plans?: readonly InstalmentPlanConfig[]
  /** The exchange rates, for conversions between currencies. */
  readonly exchange_rates?: ExchangeRatesConfig | null
}

// ---- the request -------------------------------------------------------------------------------

/**
 * One product line of a request: a catalog product (`id`), a variant (`variant`), a pack (`pack`),
 * or an invoice item (`name` or `label`, and `price`). When several references are given, the
 * first present of `pack`, `variant`, `id` decides and `price`/`name` are ignored.
 *
 * @example `const l: RequestLine = { id: 'p1', quantity: 2 }`
 */
export interface RequestLine {
  /** A product id (rejected with `variant_required` if the product has variants). */
  readonly id?: string
  /** How many units (of a pack: how many packs). Default 1. */
  readonly quantity?: PositiveCount
  /** For an invoice item: the unit price in minor units of the transaction currency. */
  readonly price?: MinorUnits
  /** For an invoice item: its name. */
  readonly name?: string
  /** For an invoice item: its name, when `name` is absent. */
  readonly label?: string
  /** A variant id: the product is found through it. */
  readonly variant?: string
  /** A pack id: `quantity` counts packs; more than one needs the pack's `multiple`. */
  readonly pack?: string
}

/** Inline address information in a request: the same fields as a stored address. @example `const i: InlineInformation = { country: 'FR', is_company: false }` */
export type InlineInformation = AddressConfig

/** The customer fields a request's `customer` and `new_customer` share. @example `const c: RequestCustomerFields = { country: 'DE', locale: 'de' }` */
export interface RequestCustomerFields {
  /** The id of one of the customer's stored addresses to bill. */
  readonly billing_address_id?: string | null
  /** The id of one of the customer's stored addresses to ship to. */
  readonly shipping_address_id?: string | null
  /** Ship to the billing address. Default `false`. */
  readonly same_shipping_address?: boolean | null
  /** An inline billing address; wins over `billing_address_id` and the stored default. */
  readonly billing_information?: InlineInformation | null
  /** An inline shipping address; wins over `shipping_address_id` and the stored default. */
  readonly shipping_information?: InlineInformation | null
  /** The first name (echoed). */
  readonly name?: string | null
  /** The last name (echoed). */
  readonly last_name?: string | null
  /** The e-mail address (echoed). */
  readonly email?: string | null
  /** The company name (echoed). */
  readonly company?: string | null
  /** The customer's country, when the addresses give none. */
  readonly country?: CountryCode | null
  /** The phone number (echoed). */
  readonly phone?: string | null
  /** The UTC offset (`"+02:00"`; echoed). */
  readonly timezone_offset?: string | null
  /** The customer's language: the transaction's locale when the request gives none. */
  readonly locale?: string | null
  /** The id of the account manager to assign (echoed). */
  readonly teammate_id?: string | null
  /** For a customer the store does not know: pays no taxes at all (a stored customer's own setting wins). Default `false`. */
  readonly tax_exempt?: boolean | null
}

/** The `customer` of a request: a stored customer by id, or one the store does not know, described inline. @example `const c: RequestCustomer = { id: 'c1' }` */
export interface RequestCustomer extends RequestCustomerFields {
  /** The customer's id. Required. */
  readonly id: string
}

/** The `new_customer` of a request: a customer created with the transaction. @example `const c: RequestNewCustomer = { name: 'Jo', email: 'jo@example.com', country: 'FR' }` */
export interface RequestNewCustomer extends RequestCustomerFields {
  /** An id: when it names a stored customer, that customer's addresses and settings apply. */
  readonly id?: string | null
}

/** A paid add-on of an nShift quote. @example `const a: NshiftAddon = { id: 'sms', price: 100 }` */
export interface NshiftAddon {
  /** The add-on's id (not used). */
  readonly id?: string
  /** Its price in minor units of the transaction currency, added to the shipping cost. */
  readonly price: MinorUnits
}

/** An nShift carrier quote; with `valid: true` it replaces the shipping method. @example `const q: NshiftQuote = { valid: true, deliveryCheckoutId: 'd', selectedOptionId: 'o', price: 990, taxRate: 19 }` */
export interface NshiftQuote {
  /** Whether the quote is used. Required. */
  readonly valid: boolean
  /** nShift's checkout id (not used). */
  readonly deliveryCheckoutId?: string
  /** nShift's selected option (not used). */
  readonly selectedOptionId?: string
  /** nShift's offered options (not used). */
  readonly optionIds?: readonly string[]
  /** The shipping cost in minor units of the transaction currency. Required when `valid` is true (without it the estimate is a 400 `required`). */
  readonly price?: MinorUnits
  /** The tax rate of the shipping, in percent (`19`). */
  readonly taxRate?: PercentInput
  /** Paid add-ons; their prices are added to the cost. */
  readonly selectedAddons?: readonly NshiftAddon[]
  /** nShift's form fields (not used). */
  readonly fields?: readonly unknown[]
}

/** The shipping choice of a request. @example `const s: RequestShipping = { tamio: 'dhl' }` */
export interface RequestShipping {
  /** The id of a store shipping method (unknown or unavailable: warning `shipping_method_unavailable` and the default). */
  readonly tamio?: string | null
  /** An external carrier quote. */
  readonly nshift?: NshiftQuote | null
}

/** Fulfillment automation flags of the API (accepted and not used). @example `const f: FulfillmentOptions = { stock: true }` */
export interface FulfillmentOptions {
  /** Automatic stock deduction (not used). */
  readonly stock?: boolean
  /** Accounting system integration (not used). */
  readonly accounting_systems?: boolean
  /** Merchant notification e-mails (not used). */
  readonly merchant_emails?: boolean
  /** Customer confirmation e-mails (not used). */
  readonly customer_emails?: boolean
  /** Marketing automation triggers (not used). */
  readonly automations?: boolean
  /** Shipping provider integration (not used). */
  readonly shipping_providers?: boolean
}

/** The estimate request body, as the Transactions API takes it. One of `customer` and `new_customer` is required. @example `const r: EstimateRequest = { products: [{ id: 'p1' }], customer: { id: 'c1' } }` */
export interface EstimateRequest {
  /** The product lines: 1 to the account's `max_lines` (default 20). Required. */
  readonly products: readonly RequestLine[]
  /** The transaction currency. Default: with `convert_prices` the one currency all lines are priced in, else the account's base currency. */
  readonly currency?: CurrencyCode | null
  /** Convert prices from a product's default currency when it has no price in the transaction currency. Default `false`. */
  readonly convert_prices?: boolean | null
  /** Coupon codes, applied in this order after the automatic discounts (at most 50). */
  readonly coupons?: readonly string[] | null
  /** Apply no discount at all (each coupon given gets the warning `discounts_disabled`). Default `false`. */
  readonly no_discounts?: boolean | null
  /** The transaction's language. Default: the customer's, else the billing address's, else `en`. */
  readonly locale?: string | null
  /** The id of the referring affiliate, echoed. */
  readonly affiliate?: string | null
  /** The id of the Tamio page of the order, echoed as the transaction's `site`. */
  readonly page?: string | null
  /** A customer by id (wins over `new_customer`). */
  readonly customer?: RequestCustomer | null
  /** A customer created with the transaction. */
  readonly new_customer?: RequestNewCustomer | null
  /** The shipping method or carrier quote. Default: the first available store method. */
  readonly shipping?: RequestShipping | null
  /** Fulfillment flags (accepted and not used). */
  readonly fulfillment_options?: FulfillmentOptions | null
}

/**
 * The options of one estimate: the clock, the payment method, per-call policy overrides, and two
 * switches. An unknown option is a warning; an unknown value of a known one is a 400.
 *
 * @example `estimate(store, request, { at: '2026-01-01T00:00:00Z' })`
 */
export interface EstimateOptions extends PolicySettings {
  /** The instant for date rules (coupons, release and expiry dates) and instalment due dates, as an ISO 8601 string or a Date. Default: now — pass it for reproducible results. */
  readonly at?: string | Date
  /** The payment method chosen, for discounts limited to payment methods. Default: none (such discounts are skipped with a warning). */
  readonly payment_method?: string
  /** Line and coupon rejections become 400s; informational warnings stay warnings. Default `false`. */
  readonly strict?: boolean
  /** Record how every amount was derived (for `explain` and `reconcile`). Default `false`. */
  readonly trace?: boolean
}

/**
 * One line of an NDJSON batch (`tamio-pricing reconcile --batch`): a request, the Tamio API's
 * response to it, and what the estimate needs to reproduce it.
 *
 * @example `const b: BatchLine = { request: { products: [{ id: 'p1' }], customer: { id: 'c1' } }, response: { status: 200 }, at: '2026-01-01T00:00:00Z' }`
 */
export interface BatchLine {
  /** The request body sent to the API. Required. */
  readonly request: EstimateRequest
  /** The API's response as it came back (estimate or create shape), parsed JSON. Required. */
  readonly response: unknown
  /** The instant the order was estimated at (ISO 8601), overriding `options.at`. */
  readonly at?: string
  /** Options of this order's estimate, over the batch's own. */
  readonly options?: EstimateOptions
}

/**
 * The known keys of every object kind the library reads — one constant per kind, each with its
 * aliases (`alias:suggestion`). A test keeps every list equal to the properties of its public type
 * (and so of the JSON Schemas generated from those types).
 *
 * - The store config's own format (`error`): an unknown key is a store error.
 * - Tamio objects in the store (`close`): products with everything the Inventory API documents,
 *   customers and addresses with the fields the Tamio docs show; an unknown key close to a known
 *   one is a store warning, any other is accepted.
 * - Requests and options (`warn`): every key the Transactions API documents or the calculation
 *   reads; any other is an `unknown_field` warning.
 */
import { fields, mapOf } from './known'

// ---- the store config's own format -------------------------------------------------------------

export const PAYMENT_METHOD = fields('error', 'id currencies countries min_total max_total')

export const ACCOUNT = fields(
  'error',
  'base_currency country currencies prices_include_tax eu_oss rounding tax_rounding shipping_tax shipping_tax_label ' +
    'inclusive_rounding inclusive_cross_border instalment_rounding allocation discount_proration tax_base instalment_remainder preset ' +
    'payment_methods max_lines',
  { payment_methods: PAYMENT_METHOD },
  'currency:base_currency',
)

export const TAX_RATE = fields('error', 'id label jurisdiction category rate_percent rate_amount vat_tax compound', {}, 'rate:rate_percent percent:rate_percent')

export const WEIGHT_TIER = fields('error', 'up_to cost')

export const SHIPPING_METHOD = fields(
  'error',
  'id label type cost currency bundling countries free_over additional_item_cost weight_tiers inclusive',
  { weight_tiers: WEIGHT_TIER },
)

export const APPLIES_TO = fields('error', 'products categories')
export const BUY = fields('error', 'quantity products categories')
export const GET = fields('error', 'quantity products categories value')

export const DISCOUNT = fields(
  'error',
  'code id label type value amounts applies_to min_subtotal starts_at ends_at currencies payment_methods combinable max_amount ' +
    'buy get max_applications',
  { applies_to: APPLIES_TO, buy: BUY, get: GET },
  'percent:value min_total:min_subtotal',
)

export const INSTALMENT_PLAN = fields('error', 'id instalments interval cycle offset upfront_percent interest_percent min_total max_total currencies')

export const EXCHANGE_RATES = fields('error', 'base rates')

// ---- Tamio objects in the store ------------------------------------------------------------------

export const PRICING_MODEL = fields('close', 'id object currency price recommended_seller_price acquisition_price')
export const STOCK_BREAKDOWN = fields('close', 'warehouse stock areas_served')
export const DIMENSIONS = fields('close', 'length width height')
export const LANGUAGE = fields('close', 'title subtitle description seo_title seo_description slug')
export const VARIATION_OPTION = fields('close', 'label values type')
export const CUSTOM_ATTRIBUTE = fields('close', 'language name value')
export const CUSTOM_FIELD = fields('close', 'language name type values range_from range_to')

export const ADDITIONAL_INFORMATION = fields(
  'close',
  'sample release_date release_date_unix expiry_date expiry_date_unix new_from new_from_unix new_to new_to_unix exclude_from_feed ' +
    'brand model asin upc mpn isbn ean gtin sku hscode',
)

export const VARIANT = fields(
  'close',
  'id object options stock stock_breakdown unlimited_stock allow_negative_stock hide_if_no_stock shown dimensions gallery sku ean ' +
    'weight pricing_model additional_information',
  { stock_breakdown: STOCK_BREAKDOWN, dimensions: DIMENSIONS, pricing_model: PRICING_MODEL, additional_information: ADDITIONAL_INFORMATION },
)

export const VARIATIONS = fields('close', 'delta_pricing options variants', { options: VARIATION_OPTION, variants: VARIANT })
export const PACK_VARIANT = fields('close', 'id stock')
export const PACK = fields('close', 'id object label stock multiple variants pricing_model', { variants: PACK_VARIANT, pricing_model: PRICING_MODEL })

export const PRODUCT = fields(
  'close',
  'id object name type classification tax_category price currency pricing_model languages tax_calculation discount_allowed ' +
    'is_moss_product buyable on_sale reviews_allowed shown exclude_from_feed hide_if_no_stock whitelist min_units max_units stock ' +
    'stock_limit_warning stock_breakdown unlimited_stock allow_negative_stock in_stock weight dimensions has_variations variations ' +
    'packs release_date release_date_unix expiry_date expiry_date_unix new_from new_to gallery sku mpn asin ean brand model isbn ' +
    'hscode upc gtin sample related_products custom_attributes custom_fields additional_information description seo_title ' +
    'seo_description created created_unix updated updated_unix trial_days',
  {
    pricing_model: PRICING_MODEL, languages: mapOf(LANGUAGE), stock_breakdown: STOCK_BREAKDOWN, dimensions: DIMENSIONS,
    variations: VARIATIONS, packs: PACK, additional_information: ADDITIONAL_INFORMATION, custom_attributes: CUSTOM_ATTRIBUTE,
    custom_fields: CUSTOM_FIELD,
  },
  'category:tax_category',
)

const ADDRESS_KEYS =
  'id object name last_name representative email phone address city postcode state county country locale is_company vat ' +
  'verified_vat ip shipping_address message'
const ADDRESS_ALIASES = 'zip:postcode zip_code:postcode vat_number:vat'

export const ADDRESS = fields('close', ADDRESS_KEYS, {}, ADDRESS_ALIASES)

export const CUSTOMER = fields(
  'close',
  'id object name last_name email company phone country locale timezone_offset teammate_id stripe_customer_id tax_exempt addresses ' +
    'default_billing_address_id default_shipping_address_id',
  { addresses: ADDRESS },
  'billing_address_id:default_billing_address_id shipping_address_id:default_shipping_address_id',
)

/** The store config itself (a top-level `$schema`, for editors, is known). */
export const STORE_CONFIG = fields(
  'error',
  '$schema account products customers tax_rates shipping_methods coupons discounts instalment_plans exchange_rates',
  {
    account: ACCOUNT, products: PRODUCT, customers: CUSTOMER, tax_rates: TAX_RATE, shipping_methods: SHIPPING_METHOD,
    coupons: DISCOUNT, discounts: DISCOUNT, instalment_plans: INSTALMENT_PLAN, exchange_rates: EXCHANGE_RATES,
  },
  'rates:tax_rates',
)

// ---- requests and options ------------------------------------------------------------------------

export const REQUEST_ADDRESS = fields('warn', ADDRESS_KEYS, {}, ADDRESS_ALIASES)
export const NSHIFT_ADDON = fields('warn', 'id price')
export const NSHIFT = fields('warn', 'valid deliveryCheckoutId selectedOptionId optionIds price taxRate selectedAddons fields', { selectedAddons: NSHIFT_ADDON })
export const REQUEST_SHIPPING = fields('warn', 'tamio nshift', { nshift: NSHIFT }, 'method:tamio')
export const FULFILLMENT_OPTIONS = fields('warn', 'stock accounting_systems merchant_emails customer_emails automations shipping_providers')

/** `customer` and `new_customer` of a request: the calculation reads the same fields from either. */
export const REQUEST_CUSTOMER = fields(
  'warn',
  'id billing_address_id shipping_address_id same_shipping_address billing_information shipping_information name last_name email ' +
    'company country phone timezone_offset locale teammate_id tax_exempt',
  { billing_information: REQUEST_ADDRESS, shipping_information: REQUEST_ADDRESS },
  'billing_address:billing_information shipping_address:shipping_information',
)

export const REQUEST_LINE = fields('warn', 'id quantity price name label variant pack', {}, 'qty:quantity product_id:id sku:id')

export const REQUEST = fields(
  'warn',
  'products currency convert_prices coupons no_discounts locale affiliate page customer new_customer shipping fulfillment_options',
  {
    products: REQUEST_LINE, customer: REQUEST_CUSTOMER, new_customer: REQUEST_CUSTOMER, shipping: REQUEST_SHIPPING,
    fulfillment_options: FULFILLMENT_OPTIONS,
  },
  'shipping_method:shipping.tamio coupon_code:coupons',
)

export const OPTIONS = fields(
  'warn',
  'at payment_method rounding tax_rounding shipping_tax inclusive_rounding inclusive_cross_border instalment_rounding allocation ' +
    'discount_proration tax_base instalment_remainder preset strict trace',
  {},
  // Account-only settings passed per call: say where they belong.
  'eu_oss:account.eu_oss prices_include_tax:account.prices_include_tax shipping_tax_label:account.shipping_tax_label max_lines:account.max_lines',
)

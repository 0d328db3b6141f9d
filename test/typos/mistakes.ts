/**
 * A table of realistic mistakes, each an edit of an otherwise clean store, request or options
 * object (the rich store of the fuzz suite, which uses every feature), with what it must give: a
 * store error, a store warning, an estimate warning or a 400, with its code, path and suggestion.
 * Used by the typo tests (test/typos/mistakes.test.ts) and the schema tests (the same edits must
 * fail validation where they are a schema matter).
 */
import { RICH_REQUESTS, RICH_STORE } from '../fuzz/rich'

export { RICH_STORE }

export type Json = Record<string, unknown>

/** What a mistake gives: where it shows up, and the issue. */
export interface Expected {
  readonly as: 'store error' | 'store warning' | 'warning' | 'error'
  readonly code: string
  readonly path: string
  readonly suggestion?: string
  /** Words the message must contain (besides the suggestion, which it always names). */
  readonly says?: readonly string[]
}

export interface Mistake {
  readonly name: string
  /** Which input the edit applies to. */
  readonly on: 'store' | 'request' | 'options'
  readonly edit: (o: Json) => void
  readonly expect: Expected
  /** For request and options mistakes: the estimate's status (default 200). */
  readonly status?: 200 | 400
  /** For a store warning: the same edit also causes a store error (the warning is then on the error). */
  readonly stops?: true
}

/** The object at a dotted path (`tax_rates.0`). */
export function at(o: Json, path: string): Json {
  let cur: unknown = o
  for (const k of path.split('.')) cur = (cur as Json)[k]
  return cur as Json
}

/** Renames key `from` of the object at `path` to `to`, keeping its value. */
export const rename = (path: string, from: string, to: string) => (o: Json) => {
  const obj = path === '' ? o : at(o, path)
  obj[to] = obj[from]
  delete obj[from]
}

/** Sets `key` of the object at `path`. */
export const set = (path: string, key: string, value: unknown) => (o: Json) => {
  ;(path === '' ? o : at(o, path))[key] = value
}

export const REQUEST: Json = { ...RICH_REQUESTS[0]! }
/** A request with a new customer and inline addresses, for the customer-field mistakes. */
export const NEW_CUSTOMER_REQUEST: Json = {
  products: [{ id: 'mug' }],
  new_customer: { name: 'Nils', email: 'n@example.se', country: 'SE', billing_information: { country: 'SE', city: 'Malmö', vat: 'SE1' } },
  shipping: { nshift: { valid: true, price: 990, taxRate: 25, selectedAddons: [{ id: 'sms', price: 100 }] } },
  fulfillment_options: { stock: true },
}

export const MISTAKES: readonly Mistake[] = [
  // ---- the store config's own format: errors ----
  { name: 'camelCase top-level key', on: 'store', edit: rename('', 'tax_rates', 'taxRates'), expect: { as: 'store error', code: 'unknown_field', path: 'taxRates', suggestion: 'tax_rates' } },
  { name: 'wrong case and underscores', on: 'store', edit: rename('', 'tax_rates', 'Tax_Rates'), expect: { as: 'store error', code: 'unknown_field', path: 'Tax_Rates', suggestion: 'tax_rates' } },
  { name: 'hyphens for underscores', on: 'store', edit: rename('', 'shipping_methods', 'shipping-methods'), expect: { as: 'store error', code: 'unknown_field', path: '["shipping-methods"]', suggestion: 'shipping_methods' } },
  { name: 'singular for plural (tax_rate)', on: 'store', edit: rename('', 'tax_rates', 'tax_rate'), expect: { as: 'store error', code: 'unknown_field', path: 'tax_rate', suggestion: 'tax_rates' } },
  { name: 'singular for plural (coupon)', on: 'store', edit: rename('', 'coupons', 'coupon'), expect: { as: 'store error', code: 'unknown_field', path: 'coupon', suggestion: 'coupons' } },
  { name: 'an alias of a top-level key (rates)', on: 'store', edit: rename('', 'tax_rates', 'rates'), expect: { as: 'store error', code: 'unknown_field', path: 'rates', suggestion: 'tax_rates' } },
  { name: 'a key nothing is close to', on: 'store', edit: set('', 'warehouses', []), expect: { as: 'store error', code: 'unknown_field', path: 'warehouses', says: ['known: $schema, account, products'] } },
  { name: 'account: camelCase base currency', on: 'store', edit: rename('account', 'base_currency', 'baseCurrency'), expect: { as: 'store error', code: 'unknown_field', path: 'account.baseCurrency', suggestion: 'base_currency' } },
  { name: 'account: a misspelt policy (roundng)', on: 'store', edit: rename('account', 'rounding', 'roundng'), expect: { as: 'store error', code: 'unknown_field', path: 'account.roundng', suggestion: 'rounding' } },
  { name: 'account: a payment method rule (currencys)', on: 'store', edit: rename('account.payment_methods.1', 'currencies', 'currencys'), expect: { as: 'store error', code: 'unknown_field', path: 'account.payment_methods[1].currencys', suggestion: 'currencies' } },
  { name: 'tax rate: transposed letters (rate_precent)', on: 'store', edit: rename('tax_rates.0', 'rate_percent', 'rate_precent'), expect: { as: 'store error', code: 'unknown_field', path: 'tax_rates[0].rate_precent', suggestion: 'rate_percent' } },
  { name: 'tax rate: an alias (rate)', on: 'store', edit: rename('tax_rates.4', 'rate_percent', 'rate'), expect: { as: 'store error', code: 'unknown_field', path: 'tax_rates[4].rate', suggestion: 'rate_percent' } },
  { name: 'shipping method: camelCase (freeOver)', on: 'store', edit: rename('shipping_methods.0', 'free_over', 'freeOver'), expect: { as: 'store error', code: 'unknown_field', path: 'shipping_methods[0].freeOver', suggestion: 'free_over' } },
  { name: 'weight tier: upTo', on: 'store', edit: rename('shipping_methods.2.weight_tiers.0', 'up_to', 'upTo'), expect: { as: 'store error', code: 'unknown_field', path: 'shipping_methods[2].weight_tiers[0].upTo', suggestion: 'up_to' } },
  { name: 'coupon: min_total for min_subtotal', on: 'store', edit: rename('coupons.1', 'min_subtotal', 'min_total'), expect: { as: 'store error', code: 'unknown_field', path: 'coupons[1].min_total', suggestion: 'min_subtotal' } },
  { name: 'coupon: applies_to.product', on: 'store', edit: rename('coupons.3.applies_to', 'products', 'product'), expect: { as: 'store error', code: 'unknown_field', path: 'coupons[3].applies_to.product', suggestion: 'products' } },
  { name: 'automatic discount: expires_at is not a key', on: 'store', edit: set('discounts.0', 'expires', '2027-01-01'), expect: { as: 'store error', code: 'unknown_field', path: 'discounts[0].expires' } },
  {
    name: 'buy X get Y: a misspelt buy.quantity',
    on: 'store',
    edit: (o) => (o.coupons as Json[]).push({ code: 'B2G1', label: 'Buy 2 get 1', type: 'buy_x_get_y', buy: { quantiy: 2 }, get: { quantity: 1 } }),
    expect: { as: 'store error', code: 'unknown_field', path: 'coupons[10].buy.quantiy', suggestion: 'quantity' },
  },
  { name: 'plan: intrest_percent', on: 'store', edit: rename('instalment_plans.0', 'interest_percent', 'intrest_percent'), expect: { as: 'store error', code: 'unknown_field', path: 'instalment_plans[0].intrest_percent', suggestion: 'interest_percent' } },
  { name: 'exchange rates: rate for rates', on: 'store', edit: rename('exchange_rates', 'rates', 'rate'), expect: { as: 'store error', code: 'unknown_field', path: 'exchange_rates.rate', suggestion: 'rates' } },
  { name: 'a float price (12.99)', on: 'store', edit: set('products.0', 'price', 12.99), expect: { as: 'store error', code: 'invalid_amount', path: 'products[0].price' } },
  { name: 'a rate that is not a number', on: 'store', edit: set('tax_rates.0', 'rate_percent', '19%'), expect: { as: 'store error', code: 'invalid_rate', path: 'tax_rates[0].rate_percent' } },
  { name: 'a boolean as a string', on: 'store', edit: set('tax_rates.0', 'vat_tax', 'true'), expect: { as: 'store error', code: 'invalid_type', path: 'tax_rates[0].vat_tax' } },

  // ---- Tamio objects in the store: warnings ----
  { name: 'product: prize for price', on: 'store', edit: set('products.3', 'prize', 999), expect: { as: 'store warning', code: 'unknown_field', path: 'products[3].prize', suggestion: 'price', says: ['is ignored'] } },
  { name: 'product: type "physical"', on: 'store', edit: set('products.0', 'type', 'physical'), expect: { as: 'store warning', code: 'unknown_value', path: 'products[0].type', suggestion: 'physical_product', says: ['not shipped'] } },
  { name: 'product: type "Physical-Product"', on: 'store', edit: set('products.0', 'type', 'Physical-Product'), expect: { as: 'store warning', code: 'unknown_value', path: 'products[0].type', suggestion: 'physical_product' } },
  { name: 'product: Tax_Calculation', on: 'store', edit: rename('products.0', 'tax_calculation', 'Tax_Calculation'), expect: { as: 'store warning', code: 'unknown_field', path: 'products[0].Tax_Calculation', suggestion: 'tax_calculation' } },
  { name: 'product: category for tax_category', on: 'store', edit: set('products.0', 'category', 'books'), expect: { as: 'store warning', code: 'unknown_field', path: 'products[0].category', suggestion: 'tax_category' } },
  { name: 'product: a short key two edits off (tipo for type)', on: 'store', edit: rename('products.0', 'type', 'tipo'), expect: { as: 'store warning', code: 'unknown_field', path: 'products[0].tipo', suggestion: 'type' } },
  { name: 'product: a title spelt titel', on: 'store', edit: rename('products.1.languages.en', 'title', 'titel'), expect: { as: 'store warning', code: 'unknown_field', path: 'products[1].languages.en.titel', suggestion: 'title' } },
  { name: 'pricing_model entry: curency', on: 'store', edit: rename('products.0.pricing_model.1', 'currency', 'curency'), expect: { as: 'store error', code: 'required', path: 'products[0].pricing_model[1].currency' } },
  { name: 'pricing_model entry: curency (the warning beside the error)', on: 'store', edit: rename('products.0.pricing_model.1', 'currency', 'curency'), stops: true, expect: { as: 'store warning', code: 'unknown_field', path: 'products[0].pricing_model[1].curency', suggestion: 'currency' } },
  { name: 'variant: skus', on: 'store', edit: rename('products.2.variations.variants.0', 'sku', 'skus'), expect: { as: 'store warning', code: 'unknown_field', path: 'products[2].variations.variants[0].skus', suggestion: 'sku' } },
  { name: 'pack: multiples (the Inventory API table) for multiple', on: 'store', edit: rename('products.3.packs.0', 'multiple', 'multiples'), expect: { as: 'store warning', code: 'unknown_field', path: 'products[3].packs[0].multiples', suggestion: 'multiple' } },
  { name: 'additional_information: Ean', on: 'store', edit: rename('products.0.additional_information', 'ean', 'Ean'), expect: { as: 'store warning', code: 'unknown_field', path: 'products[0].additional_information.Ean', suggestion: 'ean' } },
  { name: 'customer: tax_exmpt', on: 'store', edit: rename('customers.3', 'tax_exempt', 'tax_exmpt'), expect: { as: 'store warning', code: 'unknown_field', path: 'customers[3].tax_exmpt', suggestion: 'tax_exempt' } },
  { name: 'address: postal_code', on: 'store', edit: set('customers.0.addresses.0', 'postal_code', '10115'), expect: { as: 'store warning', code: 'unknown_field', path: 'customers[0].addresses[0].postal_code', suggestion: 'postcode' } },
  { name: 'a percentage as a fraction (rate_percent 0.19)', on: 'store', edit: set('tax_rates.0', 'rate_percent', 0.19), expect: { as: 'store warning', code: 'percent_below_one', path: 'tax_rates[0].rate_percent', says: ['0.19 %', '"19"'] } },
  { name: 'a discount value as a fraction ("0.1")', on: 'store', edit: set('coupons.0', 'value', '0.1'), expect: { as: 'store warning', code: 'percent_below_one', path: 'coupons[0].value' } },

  // ---- requests: warnings (still 200) ----
  { name: 'line: qty for quantity', on: 'request', edit: rename('products.0', 'quantity', 'qty'), expect: { as: 'warning', code: 'unknown_field', path: 'products[0].qty', suggestion: 'quantity', says: ['is ignored'] } },
  { name: 'line: product_id for id', on: 'request', edit: set('products.1', 'product_id', 'book'), expect: { as: 'warning', code: 'unknown_field', path: 'products[1].product_id', suggestion: 'id' } },
  { name: 'invoice item: prize for price (a 400, with the warning)', on: 'request', edit: rename('products.4', 'price', 'prize'), status: 400, expect: { as: 'warning', code: 'unknown_field', path: 'products[4].prize', suggestion: 'price' } },
  { name: 'invoice item: prize for price (the error)', on: 'request', edit: rename('products.4', 'price', 'prize'), status: 400, expect: { as: 'error', code: 'required', path: 'products[4].price' } },
  { name: 'shipping_method: "ups"', on: 'request', edit: set('', 'shipping_method', 'ups'), expect: { as: 'warning', code: 'unknown_field', path: 'shipping_method', suggestion: 'shipping.tamio' } },
  { name: 'shipping: id for tamio', on: 'request', edit: rename('shipping', 'tamio', 'method'), expect: { as: 'warning', code: 'unknown_field', path: 'shipping.method', suggestion: 'tamio' } },
  { name: 'Currency with a capital', on: 'request', edit: set('', 'Currency', 'EUR'), expect: { as: 'warning', code: 'unknown_field', path: 'Currency', suggestion: 'currency' } },
  { name: 'coupon for coupons', on: 'request', edit: rename('', 'coupons', 'coupon'), expect: { as: 'warning', code: 'unknown_field', path: 'coupon', suggestion: 'coupons' } },
  { name: 'customer: billing_adress_id', on: 'request', edit: set('customer', 'billing_adress_id', 'a-bill'), expect: { as: 'warning', code: 'unknown_field', path: 'customer.billing_adress_id', suggestion: 'billing_address_id' } },
  { name: 'a quantity as a string', on: 'request', edit: set('products.0', 'quantity', '3'), status: 400, expect: { as: 'error', code: 'invalid_quantity', path: 'products[0].quantity' } },
  { name: 'one coupon code instead of a list', on: 'request', edit: set('', 'coupons', 'SAVE10'), status: 400, expect: { as: 'error', code: 'invalid_type', path: 'coupons' } },
  { name: 'a key nothing is close to', on: 'request', edit: set('', 'gift_message', 'Hi'), expect: { as: 'warning', code: 'unknown_field', path: 'gift_message', says: ['known: products, currency'] } },
  { name: 'strict keeps an unknown key a warning', on: 'options', edit: set('', 'strict', true), expect: { as: 'warning', code: 'unknown_field', path: 'products[0].qty', suggestion: 'quantity' } },

  // ---- options ----
  { name: 'options: roundng', on: 'options', edit: set('', 'roundng', 'half_even'), expect: { as: 'warning', code: 'unknown_field', path: 'options.roundng', suggestion: 'rounding' } },
  { name: 'options: paymentMethod', on: 'options', edit: set('', 'paymentMethod', 'klarna'), expect: { as: 'warning', code: 'unknown_field', path: 'options.paymentMethod', suggestion: 'payment_method' } },
  { name: 'options: an account setting per call', on: 'options', edit: set('', 'eu_oss', false), expect: { as: 'warning', code: 'unknown_field', path: 'options.eu_oss', suggestion: 'account.eu_oss' } },
  { name: 'options: an unknown value is still a 400', on: 'options', edit: set('', 'rounding', 'bankers'), status: 400, expect: { as: 'error', code: 'invalid_option', path: 'options.rounding' } },
]

/** Inline-customer mistakes against {@link NEW_CUSTOMER_REQUEST}. */
export const CUSTOMER_MISTAKES: readonly Mistake[] = [
  { name: 'billing_information: vat_number', on: 'request', edit: rename('new_customer.billing_information', 'vat', 'vat_number'), expect: { as: 'warning', code: 'unknown_field', path: 'new_customer.billing_information.vat_number', suggestion: 'vat' } },
  { name: 'new_customer: billing_address for billing_information', on: 'request', edit: rename('new_customer', 'billing_information', 'billing_address'), expect: { as: 'warning', code: 'unknown_field', path: 'new_customer.billing_address', suggestion: 'billing_information' } },
  { name: 'nshift: tax_rate for taxRate', on: 'request', edit: rename('shipping.nshift', 'taxRate', 'tax_rate'), expect: { as: 'warning', code: 'unknown_field', path: 'shipping.nshift.tax_rate', suggestion: 'taxRate' } },
  { name: 'nshift add-on: prise (a 400, with the warning)', on: 'request', edit: rename('shipping.nshift.selectedAddons.0', 'price', 'prise'), status: 400, expect: { as: 'warning', code: 'unknown_field', path: 'shipping.nshift.selectedAddons[0].prise', suggestion: 'price' } },
  { name: 'nshift add-on: prise (the error)', on: 'request', edit: rename('shipping.nshift.selectedAddons.0', 'price', 'prise'), status: 400, expect: { as: 'error', code: 'required', path: 'shipping.nshift.selectedAddons[0].price' } },
  { name: 'fulfillment_options: stocks', on: 'request', edit: rename('fulfillment_options', 'stock', 'stocks'), expect: { as: 'warning', code: 'unknown_field', path: 'fulfillment_options.stocks', suggestion: 'stock' } },
]


/**
 * A hand-written store that exercises every feature the readers know (variants with delta pricing,
 * packs of units and of variants, stock pools, unit limits, whitelists, stored customers with
 * addresses, percentage / fixed / compound / regional / shipping-category rates, every shipping
 * method type, every discount type, instalment plans, exchange rates, payment-method rules), and
 * requests that reach each of them. The fuzz mutators start from these: one hostile leaf in an
 * otherwise valid document reaches much deeper than random JSON does.
 */
import estimateStore from '../fixtures/api-estimate-de/store.json'
import estimateRequest from '../fixtures/api-estimate-de/request.json'
import createStoreJson from '../fixtures/api-create-de/store.json'
import createRequest from '../fixtures/api-create-de/request.json'

export const AT = '2026-03-02T09:30:00.000Z'

export const RICH_STORE = {
  account: {
    base_currency: 'EUR',
    country: 'DE',
    currencies: ['EUR', 'SEK', 'USD', 'JPY'],
    prices_include_tax: false,
    eu_oss: true,
    rounding: 'half_up',
    tax_rounding: 'line',
    shipping_tax: 'proportional',
    shipping_tax_label: 'Versandsteuer',
    inclusive_rounding: 'net',
    inclusive_cross_border: 'keep_gross',
    instalment_rounding: 'tamio',
    payment_methods: ['stripe', { id: 'klarna', currencies: ['EUR', 'SEK'], countries: ['DE', 'SE'], min_total: { EUR: 1000 }, max_total: { EUR: 500000 } }],
    max_lines: 20,
  },
  products: [
    {
      id: 'mug', name: 'Mug', type: 'physical_product', classification: 'general', price: 1490, currency: 'EUR',
      pricing_model: [{ currency: 'EUR', price: 1490 }, { currency: 'SEK', price: 16900 }], tax_calculation: 'exclusive',
      weight: 450, stock: 40, min_units: 1, max_units: 30, sku: 'MUG-1', additional_information: { ean: '4006381333931' },
    },
    {
      id: 'book', name: null, languages: { de: { title: 'Vogelbuch' }, en: { title: 'Bird book' } }, type: 'physical_product',
      tax_category: 'books', price: 2450, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 2450 }], tax_calculation: 'inclusive',
      weight: 900, stock_breakdown: [{ warehouse: 'a', stock: 3 }, { warehouse: 'b', stock: 4 }], whitelist: ['DE', 'AT', 'FR', 'SE', 'US'],
    },
    {
      id: 'shirt', name: 'Shirt', type: 'physical_product', price: 2000, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 2000 }],
      weight: 200, unlimited_stock: false, stock: 100,
      variations: {
        delta_pricing: true,
        variants: [
          { id: 'shirt-s', pricing_model: [{ currency: 'EUR', price: -200 }], stock: 5, weight: 180, sku: 'S' },
          { id: 'shirt-m', pricing_model: [], stock: null },
          { id: 'shirt-xl', pricing_model: [{ currency: 'EUR', price: 300 }], allow_negative_stock: true, ean: 'XL' },
        ],
      },
      packs: [
        { id: 'shirt-trio', label: 'Trio', stock: 3, multiple: true, variants: [{ id: 'shirt-s', stock: 1 }, { id: 'shirt-m', stock: 2 }] },
        { id: 'shirt-duo-priced', label: 'Duo', stock: 2, multiple: false, variants: [{ id: 'shirt-xl', stock: 2 }], pricing_model: [{ currency: 'EUR', price: 4100 }] },
      ],
    },
    {
      id: 'poster', name: 'Poster', type: 'physical_product', price: 999, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 999 }, { currency: 'USD', price: 1099 }],
      weight: 120, unlimited_stock: true, discount_allowed: false,
      packs: [{ id: 'poster-10', label: 'Ten', stock: 10, multiple: true }],
    },
    {
      id: 'ebook', name: 'E-book', type: 'digital_product', price: 999, currency: 'EUR', pricing_model: [{ currency: 'EUR', price: 999 }],
      is_moss_product: true, unlimited_stock: true, release_date: '2020-01-01', expiry_date: '2030-01-01T00:00:00Z',
    },
    {
      id: 'club', name: 'Club membership', type: 'subscription', trial_days: 14, price: 500, currency: 'EUR',
      pricing_model: [{ currency: 'EUR', price: 500 }], unlimited_stock: true,
    },
    { id: 'tea', name: 'Tea', type: 'physical_product', price: 700, currency: 'SEK', pricing_model: [{ currency: 'SEK', price: 7000 }], weight: 100, stock: 10, tax_category: 'food', tax_calculation: 'inclusive' },
    { id: 'hidden', name: 'Not for sale', type: 'physical_product', price: 100, currency: 'EUR', buyable: false },
  ],
  customers: [
    {
      id: 'c-de', name: 'Ada', email: 'ada@example.com', country: 'DE', locale: 'de',
      addresses: [
        { id: 'a-bill', name: 'Ada', address: 'Street 1', city: 'Berlin', country: 'DE', is_company: false },
        { id: 'a-ship', name: 'Ada', city: 'Stockholm', country: 'SE' },
      ],
      default_billing_address_id: 'a-bill', default_shipping_address_id: 'a-ship',
    },
    { id: 'c-fr-b2b', name: 'SARL', country: 'FR', addresses: [{ id: 'fr1', country: 'FR', is_company: true, vat: 'FR123', verified_vat: true }], default_billing_address_id: 'fr1' },
    { id: 'c-us', name: 'Sam', country: 'US', addresses: [{ id: 'us1', country: 'US', state: 'CA' }], default_billing_address_id: 'us1', default_shipping_address_id: 'us1' },
    { id: 'c-exempt', name: 'Charity', country: 'DE', tax_exempt: true },
  ],
  tax_rates: [
    { id: 'de-std', label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: '19', vat_tax: true },
    { id: 'de-red', label: 'MwSt. 7%', jurisdiction: 'DE', category: 'books', rate_percent: 7, vat_tax: true },
    { id: 'de-food', label: 'MwSt. food', jurisdiction: 'DE', category: 'food', rate_percent: '7', vat_tax: true },
    { id: 'de-deposit', label: 'Pfand', jurisdiction: 'DE', category: 'food', rate_amount: 25, vat_tax: false },
    { id: 'se-std', label: 'Moms', jurisdiction: 'SE', category: null, rate_percent: '25' },
    { id: 'se-books', label: 'Moms books', jurisdiction: 'SE', category: 'books', rate_percent: '6' },
    { id: 'se-ship', label: 'Moms frakt', jurisdiction: 'SE', category: 'shipping', rate_percent: '25' },
    { id: 'fr-std', label: 'TVA', jurisdiction: 'FR', category: null, rate_percent: '20' },
    { id: 'us-ca', label: 'CA state', jurisdiction: 'US-CA', category: 'general', rate_percent: '7.25', vat_tax: false },
    { id: 'us-local', label: 'Local', jurisdiction: 'US-CA', category: 'general', rate_percent: '1.5', vat_tax: false, compound: true },
    { id: 'ch', label: 'MWST', jurisdiction: 'CH', category: null, rate_percent: '8.1' },
  ],
  shipping_methods: [
    { id: 'std', label: 'Standard', type: 'fixed', cost: 495, currency: 'EUR', bundling: false, countries: null, free_over: { EUR: 10000 } },
    { id: 'per', label: 'Per item', type: 'per_item', cost: 300, additional_item_cost: 100, currency: 'EUR', countries: ['DE', 'AT', 'SE'] },
    { id: 'heavy', label: 'By weight', type: 'weight', currency: 'SEK', weight_tiers: [{ up_to: 1000, cost: 4900 }, { up_to: 5000, cost: 9900 }, { up_to: null, cost: 19900 }] },
    { id: 'incl', label: 'Inclusive', type: 'fixed', cost: 595, currency: 'EUR', inclusive: true, bundling: true },
  ],
  coupons: [
    { code: 'SAVE10', id: 'k1', label: '10% off', type: 'percent', value: '10' },
    { code: 'FIVER', label: '5 off', type: 'fixed', amounts: { EUR: 500, SEK: 5000 }, min_subtotal: { EUR: 2000 } },
    { code: 'BOOKS', label: 'Books 15%', type: 'percent', value: 15, applies_to: { products: null, categories: ['books'] }, max_amount: { EUR: 300 } },
    { code: 'SHIRTS', label: 'Shirts', type: 'fixed', amounts: { USD: 1000 }, applies_to: { products: ['shirt', 'shirt-s'] } },
    { code: 'FREESHIP', label: 'Free shipping', type: 'free_shipping', combinable: false },
    { code: 'HALFSHIP', label: 'Half shipping', type: 'shipping', value: '50' },
    { code: 'SHIPTWO', label: '2 off shipping', type: 'shipping', amounts: { EUR: 200 } },
    { code: 'OLD', label: 'Old', type: 'percent', value: '50', ends_at: '2020-01-01T00:00:00Z' },
    { code: 'SOON', label: 'Soon', type: 'percent', value: '50', starts_at: '2099-01-01T00:00:00Z' },
    { code: 'KLARNA', label: 'Klarna 3%', type: 'percent', value: '3', payment_methods: ['klarna'], currencies: ['EUR'] },
  ],
  discounts: [
    { id: 'auto-mugs', label: 'Mug week', type: 'percent', value: '12.5', applies_to: { products: ['mug'] }, min_subtotal: { EUR: 1 } },
  ],
  instalment_plans: [
    { id: 'p3', instalments: 3, interval: 1, cycle: 'week', offset: 1, upfront_percent: '12.34', interest_percent: '30', min_total: { EUR: 100 }, max_total: null, currencies: null },
    { id: 'p12', instalments: 12, interval: 1, cycle: 'month', offset: 0, upfront_percent: 0, interest_percent: '0', currencies: ['EUR'] },
  ],
  exchange_rates: { base: 'EUR', rates: { SEK: '11.0235', USD: '1.0873', JPY: '162.5' } },
}

/** Requests against {@link RICH_STORE}; together they reach every stage. */
export const RICH_REQUESTS: readonly Record<string, unknown>[] = [
  {
    products: [{ id: 'mug', quantity: 3 }, { id: 'book', quantity: 2 }, { variant: 'shirt-s', quantity: 2 }, { pack: 'shirt-trio', quantity: 1 }, { name: 'Gift wrap', price: 250, quantity: 2 }],
    customer: { id: 'c-de' },
    coupons: ['save10', 'FIVER', 'HALFSHIP'],
    shipping: { tamio: 'per' },
  },
  {
    products: [{ id: 'poster', quantity: 4 }, { pack: 'poster-10', quantity: 2 }, { id: 'ebook' }, { id: 'club' }, { variant: 'shirt-xl', quantity: 3 }],
    new_customer: { name: 'Nils', email: 'n@example.se', country: 'SE', billing_information: { country: 'SE', city: 'Malmö' }, same_shipping_address: true },
    currency: 'SEK', convert_prices: true, coupons: ['BOOKS', 'SHIPTWO', 'KLARNA'], shipping: { tamio: 'heavy' },
  },
  {
    products: [{ id: 'mug' }, { id: 'book' }, { id: 'tea', quantity: 2 }],
    customer: { id: 'c-us' }, currency: 'USD', convert_prices: true, coupons: ['SHIRTS', 'FREESHIP'],
  },
  {
    products: [{ id: 'mug', quantity: 2 }, { variant: 'shirt-m' }, { pack: 'shirt-duo-priced' }],
    customer: { id: 'c-fr-b2b' }, shipping: { nshift: { valid: true, price: 990, taxRate: '20', selectedAddons: [{ price: 150 }] } },
  },
  {
    products: [{ id: 'book', quantity: 3 }, { id: 'ebook', quantity: 2 }],
    customer: { id: 'c-de', billing_address_id: 'a-bill', shipping_address_id: 'a-bill', shipping_information: { country: 'AT', state: null } },
    locale: 'en', affiliate: 'aff-1', page: 'shop.example', shipping: { tamio: 'incl' },
  },
  {
    products: [{ id: 'mug', quantity: 5 }, { id: 'hidden' }, { id: 'tea' }],
    new_customer: { country: 'CH', name: 'Z' }, currency: 'JPY', convert_prices: true, no_discounts: true, coupons: ['SAVE10'],
  },
  { products: [{ id: 'mug' }], customer: { id: 'c-exempt' }, coupons: ['OLD', 'SOON', 'nope', 'SAVE10', 'save10'] },
]

/** Options that switch every policy the other way. */
export const RICH_OPTIONS: readonly Record<string, unknown>[] = [
  { at: AT },
  { at: AT, rounding: 'half_even', tax_rounding: 'total', shipping_tax: 'highest', instalment_rounding: 'exact', payment_method: 'klarna' },
  { at: AT, rounding: 'floor', tax_rounding: 'unit', shipping_tax: 'lowest', inclusive_rounding: 'tax', inclusive_cross_border: 'keep_net' },
  { at: AT, rounding: 'ceil', shipping_tax: 'none', strict: true },
]

/** Every valid store the mutators start from, each with requests that price against it. */
export const SEEDS: readonly { readonly name: string; readonly store: unknown; readonly requests: readonly unknown[] }[] = [
  { name: 'rich', store: RICH_STORE, requests: RICH_REQUESTS },
  { name: 'api-estimate-de', store: estimateStore, requests: [estimateRequest] },
  { name: 'api-create-de', store: createStoreJson, requests: [createRequest] },
]

/**
 * The store the discount tests share (SPEC §3.5): a German merchant, EUR and SEK, 19% VAT with a
 * 7% `books` category, one fixed 500 shipping method, and a coupon for every rule under test.
 * Pure data (no fs): the tests run in Node and in Chromium.
 */
import type { DiscountConfig, StoreConfig } from '../../src/index'

export const AT = '2026-03-15T12:00:00Z'

/** Coupons by the rule they exercise. */
export const COUPONS: readonly DiscountConfig[] = [
  { code: 'PCT10', label: '10% off', type: 'percent', value: '10' },
  { code: 'FIX5', label: '5 EUR off', type: 'fixed', amounts: { EUR: 500 } },
  { code: 'FIX50', label: '50 EUR off', type: 'fixed', amounts: { EUR: 5000 } },
  { code: 'SEKONLY', label: '10 SEK off', type: 'fixed', amounts: { SEK: 1000 } },
  { code: 'USDEUR', label: '10 off', type: 'fixed', amounts: { USD: 1000, EUR: 1000 } },
  { code: 'BOOKS20', label: '20% off books', type: 'percent', value: '20', applies_to: { categories: ['books'] } },
  { code: 'LAMP15', label: '15% off lamps', type: 'percent', value: '15', applies_to: { products: ['lamp'] } },
  { code: 'EVENING', label: '10% off evening', type: 'percent', value: '10', applies_to: { products: ['ws_evening'] } },
  { code: 'BUNDLE', label: '10% off bundles', type: 'percent', value: '10', applies_to: { products: ['ebook_pack3'] } },
  { code: 'KLARNA5', label: '5% with Klarna', type: 'percent', value: '5', payment_methods: ['klarna'] },
  { code: 'FREESHIP', label: 'Free shipping', type: 'free_shipping' },
  { code: 'SHIP50', label: 'Half shipping', type: 'shipping', value: '50' },
  { code: 'SHIP3', label: '3 EUR off shipping', type: 'shipping', amounts: { EUR: 300 } },
  { code: 'MIN50', label: '10% over 50', type: 'percent', value: '10', min_subtotal: { EUR: 5000 } },
  { code: 'WINDOW', label: 'March', type: 'percent', value: '10', starts_at: '2026-03-01T00:00:00Z', ends_at: '2026-04-01T00:00:00Z' },
  { code: 'SOLO', label: '25% alone', type: 'percent', value: '25', combinable: false },
  { code: 'CAP', label: '50% up to 10 EUR', type: 'percent', value: '50', max_amount: { EUR: 1000 } },
  { code: 'FULL', label: 'Everything free', type: 'percent', value: '100' },
  { code: 'SEKCOUPON', label: 'SEK only', type: 'percent', value: '10', currencies: ['SEK'] },
]

const digital = { type: 'service', tax_calculation: 'exclusive' } as const

export const STORE: StoreConfig = {
  account: { base_currency: 'EUR', country: 'DE', currencies: ['EUR', 'SEK'], payment_methods: ['stripe', 'klarna'] },
  products: [
    { id: 'course', name: 'Course', ...digital, price: 1999, currency: 'EUR' },
    { id: 'ebook', name: 'E-book', ...digital, tax_category: 'books', price: 1000, currency: 'EUR', packs: [{ id: 'ebook_pack3', label: '3 e-books', stock: 3, multiple: true }] },
    { id: 'voucher', name: 'Voucher', type: 'service', tax_calculation: 'inclusive', price: 1190, currency: 'EUR' },
    { id: 'giftcard', name: 'Gift card', ...digital, discount_allowed: false, price: 5000, currency: 'EUR' },
    {
      id: 'workshop', name: 'Workshop', ...digital,
      variations: { delta_pricing: false, variants: [
        { id: 'ws_morning', pricing_model: [{ currency: 'EUR', price: 1500 }] },
        { id: 'ws_evening', pricing_model: [{ currency: 'EUR', price: 1700 }] },
      ] },
      price: 1500, currency: 'EUR',
    },
    { id: 'lamp', name: 'Lamp', type: 'physical_product', tax_calculation: 'exclusive', price: 3000, currency: 'EUR', unlimited_stock: true },
    { id: 'atlas', name: 'Atlas', type: 'physical_product', tax_calculation: 'exclusive', tax_category: 'books', price: 1000, currency: 'EUR', unlimited_stock: true },
  ],
  tax_rates: [
    { id: 'de19', label: 'MwSt. 19%', jurisdiction: 'DE', category: null, rate_percent: '19', rate_amount: null, vat_tax: true, compound: false },
    { id: 'de7', label: 'MwSt. 7%', jurisdiction: 'DE', category: 'books', rate_percent: '7', rate_amount: null, vat_tax: true, compound: false },
  ],
  shipping_methods: [{ id: 'dhl', label: 'DHL', type: 'fixed', cost: 500, currency: 'EUR', bundling: false, countries: null, free_over: null }],
  coupons: COUPONS,
  discounts: [],
  exchange_rates: { base: 'EUR', rates: { SEK: '11.0235', USD: '1.0873' } },
}

export const CUSTOMER = { new_customer: { name: 'Erika', email: 'erika@example.com', country: 'DE' } } as const

/**
 * The store the cross-border tests share (SPEC §3.2–§3.4): a German merchant (EUR) with rates for
 * DE, FR, Greece (written `el`), the UK (`GB`, no `XI` rates of its own), the US at three levels
 * (`US`, `US-CA`, `US-CA-Los Angeles`) and Canada (5%, and in a store of its own a compound Quebec rate); a non-VAT
 * energy tax; one fixed 500 shipping method. Customers are inline (`new_customer`), so each test
 * states its places. Pure data: the tests run in Node and in Chromium.
 */
import { createStore, estimate, type EstimateRequest, type EstimateResponse, type StoreConfig, type Transaction } from '../../src/index'

export const AT = '2026-06-01T12:00:00Z'

type Rate = Record<string, unknown>
const vat = (jurisdiction: string, rate_percent: string, extra: Rate = {}): Rate => ({
  id: `${jurisdiction}-${rate_percent}${extra.category ? `-${String(extra.category)}` : ''}`,
  label: `VAT ${jurisdiction} ${rate_percent}%`,
  jurisdiction,
  category: null,
  rate_percent,
  rate_amount: null,
  vat_tax: true,
  compound: false,
  ...extra,
})
const salesTax = (jurisdiction: string, rate_percent: string, extra: Rate = {}): Rate => vat(jurisdiction, rate_percent, { label: `Sales tax ${jurisdiction}`, vat_tax: false, ...extra })

/** Rates without CH (the export test adds them) — case-mixed jurisdictions on purpose. */
export const RATES: readonly Rate[] = [
  vat('DE', '19'),
  vat('de', '19', { category: 'energy', id: 'DE-19-energy' }),
  { id: 'DE-energy-tax', label: 'Energiesteuer', jurisdiction: 'DE', category: 'energy', rate_percent: '2', rate_amount: null, vat_tax: false, compound: false },
  vat('fr', '20'),
  vat('FR', '20', { category: 'energy', id: 'FR-20-energy' }),
  vat('el', '24'),
  vat('GB', '20'),
  salesTax('US', '1'),
  salesTax('us-ca', '7.25'),
  salesTax('US-CA-Los Angeles', '2.25'),
  salesTax('CA', '5'),
]
/** Quebec's compound rate: compound rates are refused on stores with inclusive products, so a store of its own. */
export const QC_RATE: Rate = salesTax('CA-QC', '9.975', { compound: true })
export const CH_RATE: Rate = vat('CH', '8.1')

const physical = (id: string, price: number, extra: Record<string, unknown> = {}) => ({
  id, name: id, type: 'physical_product', price, currency: 'EUR', tax_calculation: 'exclusive', ...extra,
})
const service = (id: string, price: number, extra: Record<string, unknown> = {}) => ({
  id, name: id, type: 'service', price, currency: 'EUR', tax_calculation: 'exclusive', ...extra,
})

export const PRODUCTS = [
  physical('shirt', 10000),
  physical('cap', 2500),
  /** Inclusive: 1190 gross = 1000 German net + 190 VAT. */
  physical('mug', 1190, { tax_calculation: 'inclusive' }),
  /** 19% VAT + a 2% non-VAT energy tax in Germany. */
  physical('heater', 10000, { tax_category: 'energy' }),
  /** A shipped product flagged is_moss_product (destination-taxed even without eu_oss). */
  physical('kit', 10000, { is_moss_product: true }),
  physical('greek-only', 5000, { whitelist: ['gr'] }),
  service('ebook', 1000, { is_moss_product: true }),
  service('consult', 5000),
]

export function config(account: Record<string, unknown> = {}, extraRates: readonly Rate[] = [], products: readonly unknown[] = PRODUCTS): StoreConfig {
  return {
    account: { base_currency: 'EUR', country: 'DE', currencies: ['EUR'], payment_methods: ['stripe'], ...account },
    products,
    customers: [
      {
        id: 'exempt-de',
        name: 'Embassy',
        tax_exempt: true,
        addresses: [{ id: 'a1', country: 'DE', city: 'Berlin' }],
        default_billing_address_id: 'a1',
        default_shipping_address_id: 'a1',
      },
    ],
    tax_rates: [...RATES, ...extraRates],
    shipping_methods: [{ id: 'post', label: 'Post', type: 'fixed', cost: 500, currency: 'EUR', countries: null }],
  } as unknown as StoreConfig
}

/** One store per account variant, built once. */
export const STORES = {
  plain: createStore(config()),
  oss: createStore(config({ eu_oss: true })),
  ossNet: createStore(config({ eu_oss: true, inclusive_cross_border: 'keep_net' })),
  withCh: createStore(config({}, [CH_RATE])),
  lowest: createStore(config({ shipping_tax: 'lowest' })),
  quebec: createStore(config({}, [QC_RATE], PRODUCTS.filter((p) => p.tax_calculation === 'exclusive'))),
  caShippingExempt: createStore(config({}, [{ id: 'ca-ship', label: 'CA shipping exempt', jurisdiction: 'US-CA', category: 'shipping', rate_percent: '0', vat_tax: false }])),
}

export interface Address {
  country?: string
  state?: string
  county?: string
  is_company?: boolean
  vat?: string
  verified_vat?: boolean
}

export type Line = { id: string; quantity?: number }

/** Estimates `lines` for an inline customer billed at `bill` and shipped to `ship` (default: the bill-to). */
export function est(store: keyof typeof STORES, lines: readonly Line[], bill: Address, ship?: Address, options: Record<string, unknown> = {}): EstimateResponse {
  const request = {
    products: lines,
    new_customer: { name: 'Test', billing_information: bill, ...(ship === undefined ? { same_shipping_address: true } : { shipping_information: ship }) },
  }
  return estimate(STORES[store], request as unknown as EstimateRequest, { at: AT, ...options })
}

export function ok(res: EstimateResponse): Transaction {
  if (res.status !== 200) throw new Error(`expected 200, got 400: ${JSON.stringify(res.errors)}`)
  return res.transaction
}

export function codes(res: EstimateResponse): string[] {
  return res.warnings.map((w) => w.code)
}

/** Shorthands for a place. */
export const B2C = (country: string, extra: Address = {}): Address => ({ country, ...extra })
export const B2B = (country: string, verified: boolean): Address => ({ country, is_company: true, vat: `${country.toUpperCase()}123456789`, verified_vat: verified })

/**
 * Small stores for the policy-axis tests: a German merchant (EUR) with exactly the rates, products,
 * coupons, shipping methods and plans a test names, and a helper that runs one estimate through
 * the public API and returns its transaction. Pure data, browser-safe.
 */
import {
  createStore,
  estimate,
  type AccountConfig,
  type DiscountConfig,
  type EstimateOptions,
  type EstimateRequest,
  type InstalmentPlanConfig,
  type ProductConfig,
  type ShippingMethodConfig,
  type Store,
  type StoreConfig,
  type TaxRateConfig,
  type Transaction,
} from '../../src/index'

/** The clock of every estimate in these tests. */
export const AT = '2026-03-02T09:30:00.000Z'

/** A German percentage rate for every category (or `category`), not compound. */
export function rate(id: string, percent: string, extra: Partial<TaxRateConfig> = {}): TaxRateConfig {
  return { id, label: id, jurisdiction: 'DE', category: null, rate_percent: percent, rate_amount: null, vat_tax: true, compound: false, ...extra }
}

/** A EUR service (not shipped), tax-exclusive unless `extra` says otherwise. */
export function item(id: string, price: number, extra: Partial<ProductConfig> = {}): ProductConfig {
  return { id, name: id, type: 'service', price, currency: 'EUR', tax_calculation: 'exclusive', ...extra } as ProductConfig
}

/** A tax-inclusive EUR service. */
export function gross(id: string, price: number, extra: Partial<ProductConfig> = {}): ProductConfig {
  return item(id, price, { tax_calculation: 'inclusive', ...extra })
}

/** A shipped EUR product with unlimited stock. */
export function goods(id: string, price: number, extra: Partial<ProductConfig> = {}): ProductConfig {
  return item(id, price, { type: 'physical_product', unlimited_stock: true, ...extra })
}

/** A fixed-cost EUR shipping method for every country. */
export function ship(id: string, cost: number, extra: Partial<ShippingMethodConfig> = {}): ShippingMethodConfig {
  return { id, label: id, type: 'fixed', cost, currency: 'EUR', bundling: false, countries: null, free_over: null, ...extra } as ShippingMethodConfig
}

/** A fixed amount off, in EUR. */
export const fixedOff = (code: string, amount: number, extra: Partial<DiscountConfig> = {}): DiscountConfig => ({ code, label: code, type: 'fixed', amounts: { EUR: amount }, ...extra }) as DiscountConfig
/** A percentage off. */
export const percentOff = (code: string, value: string, extra: Partial<DiscountConfig> = {}): DiscountConfig => ({ code, label: code, type: 'percent', value, ...extra }) as DiscountConfig

export interface Shop {
  readonly account?: Partial<AccountConfig>
  readonly rates?: readonly TaxRateConfig[]
  readonly products?: readonly ProductConfig[]
  readonly coupons?: readonly DiscountConfig[]
  readonly discounts?: readonly DiscountConfig[]
  readonly shipping?: readonly ShippingMethodConfig[]
  readonly plans?: readonly InstalmentPlanConfig[]
}

/** The store config of `s`: account DE/EUR (merged with `s.account`), and only what `s` lists. */
export function storeConfig(s: Shop): StoreConfig {
  return {
    account: { base_currency: 'EUR', country: 'DE', ...s.account },
    tax_rates: [...(s.rates ?? [])],
    products: [...(s.products ?? [])],
    coupons: [...(s.coupons ?? [])],
    discounts: [...(s.discounts ?? [])],
    shipping_methods: [...(s.shipping ?? [])],
    instalment_plans: [...(s.plans ?? [])],
  }
}

/** The store of {@link storeConfig}. */
export function shop(s: Shop): Store {
  return createStore(storeConfig(s))
}

/** A German consumer (the place of supply and the bill-to country are DE). */
export const CONSUMER = { new_customer: { name: 'Erika', email: 'erika@example.com', country: 'DE' } } as const

/** One estimate at {@link AT}; the transaction of a 200, or an error naming the 400's issues. */
export function est(store: Store, products: EstimateRequest['products'], options: EstimateOptions = {}, request: Partial<EstimateRequest> = {}): Transaction {
  const res = estimate(store, { products, ...CONSUMER, ...request } as EstimateRequest, { at: AT, ...options })
  if (res.status !== 200) throw new Error(`expected 200, got 400: ${JSON.stringify(res.errors)}`)
  return res.transaction
}

/** Each line's tax per rate, in the line's rate order. */
export const rateTaxes = (t: Transaction): number[][] => t.products.map((p) => p.taxes.tax_rates.map((r) => r.tax))
/** Each line's total item discount. */
export const lineDiscounts = (t: Transaction): number[] => t.products.map((p) => p.totals.discount)
/** Each line's shipping share before shipping discounts. */
export const shippingShares = (t: Transaction): number[] => t.products.map((p) => p.totals.shipping_subtotal)

/** The four allocation rules, in the order the tests list their results. */
export const ALLOCATIONS = ['largest_remainder', 'first', 'last', 'carry'] as const

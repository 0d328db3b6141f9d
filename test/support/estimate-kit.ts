/**
 * Small builders for the estimate stage tests: a German store (EUR, 19% VAT) that each test extends
 * with only what it is about, and helpers that unwrap a 200 or a 400. Pure data, browser-safe.
 */
import { createStore, estimate, StoreConfigError, type EstimateOptions, type EstimateRequest, type EstimateResponse, type StoreConfig, type Transaction } from '../../src/index'

/** The clock of every estimate in these tests. */
export const AT = '2026-03-02T09:30:00.000Z'

/** A loose store config: tests pass malformed or partial pieces on purpose. */
export interface Cfg {
  account?: Record<string, unknown>
  products?: readonly Record<string, unknown>[]
  [key: string]: unknown
}

export const DE_VAT = { id: 'de-19', label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: '19', vat_tax: true }
export const DE_CUSTOMER = {
  id: 'c-de',
  name: 'Erika',
  country: 'DE',
  locale: 'de',
  addresses: [{ id: 'a-de', country: 'DE', city: 'Berlin', locale: 'de' }],
  default_billing_address_id: 'a-de',
  default_shipping_address_id: 'a-de',
}

/** The base config: EUR/DE, one 19% rate, one German customer; `over` replaces top-level keys, `account` is merged. */
export function config(over: Cfg = {}): StoreConfig {
  const { account, ...rest } = over
  return {
    tax_rates: [DE_VAT],
    customers: [DE_CUSTOMER],
    ...rest,
    account: { base_currency: 'EUR', country: 'DE', ...(account ?? {}) },
  } as unknown as StoreConfig
}

/** A EUR service (not shipped, so no shipping method is needed). */
export function product(id: string, price: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id, name: id, type: 'service', price, currency: 'EUR', ...extra }
}

/** A shipped (physical) EUR product. */
export function physical(id: string, price: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return product(id, price, { type: 'physical_product', ...extra })
}

/** Runs one estimate against `config(over)` at {@link AT} (options may override). */
export function run(over: Cfg, request: Record<string, unknown>, options: Record<string, unknown> = {}): EstimateResponse {
  return estimate(createStore(config(over)), { customer: { id: 'c-de' }, ...request } as unknown as EstimateRequest, { at: AT, ...options } as EstimateOptions)
}

/** The transaction of a 200, or a thrown error listing the 400's issues. */
export function ok(res: EstimateResponse): Transaction {
  if (res.status !== 200) throw new Error(`expected 200, got 400: ${JSON.stringify(res.errors)}`)
  return res.transaction
}

/** The `[code, path]` pairs of a 400's errors (fails the test on a 200). */
export function errors(res: EstimateResponse): [string, string][] {
  if (res.status !== 400) throw new Error(`expected 400, got 200 (warnings ${JSON.stringify(res.warnings)})`)
  return res.errors.map((e) => [e.code, e.path])
}

/** The `[code, path]` pairs of the warnings. */
export function warnings(res: EstimateResponse): [string, string][] {
  return res.warnings.map((w) => [w.code, w.path])
}

/** The `[code, path]` of every issue `createStore(config(over))` throws ([] when it builds). */
export function configIssues(over: Cfg): [string, string][] {
  try {
    createStore(config(over))
  } catch (e) {
    if (e instanceof StoreConfigError) return e.issues.map((i) => [i.code, i.path])
    throw e
  }
  return []
}

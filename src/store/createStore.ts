import { parseDecimal, type Rational } from '../money/rational'
import { isObject, LIMITS, type Obj, own, Reader } from '../input/read'
import { issue, joinPath } from '../issues/issues'
import type { StoreConfig } from '../types/input'
import type { Issue } from '../types/output'
import { readAccount } from './account'
import { readCustomer } from './customers'
import { readDiscount } from './discounts'
import type { NCustomer, NDiscount, NPack, NPlan, NProduct, NRate, NShippingMethod, NVariant, PreparedStore } from './model'
import { readPlan } from './plans'
import { readProduct } from './products'
import { readRate } from './rates'
import { readShippingMethod } from './shipping-methods'
import { MoneyError } from '../money/errors'
import { STORE_CONFIG } from '../input/fields'
import { lintStore } from './lint'
import { indexOnce } from './unique'

/**
 * The error `createStore` throws for an invalid configuration: every problem found, each with a
 * stable `code` and the JSON `path` into the config.
 *
 * @example
 * ```ts
 * try { createStore({} as StoreConfig) } catch (e) { if (e instanceof StoreConfigError) console.log(e.issues) }
 * ```
 */
export class StoreConfigError extends Error {
  /** Every problem that stops the store, in config order. */
  readonly issues: readonly Issue[]
  /** The store warnings found beside them (the ones a valid store has on `store.warnings`): often the reason for an error, as `curency` is for a missing `currency`. */
  readonly warnings: readonly Issue[]
  constructor(issues: readonly Issue[], warnings: readonly Issue[] = []) {
    super(`invalid store configuration: ${issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ')}${issues.length > 5 ? ` (+${issues.length - 5} more)` : ''}`)
    this.name = 'StoreConfigError'
    this.issues = issues
    this.warnings = warnings
  }
}

declare const storeBrand: unique symbol

/**
 * A prepared store: the validated, indexed configuration that `estimate` prices carts against.
 * Opaque but for its warnings; build it once with {@link createStore} and reuse it for every
 * estimate.
 *
 * @example
 * ```ts
 * const store: Store = createStore(config)
 * for (const w of store.warnings) console.warn(`${w.path}: ${w.message}`)
 * ```
 */
export interface Store {
  readonly [storeBrand]: true
  /**
   * What the config holds that is probably a mistake but does not stop it from being used, in
   * config order: `unknown_field` for an unknown key of a product, customer or address that is
   * close to a known one (`prize` → `price`), `unknown_value` for an unknown product `type`, and
   * `percent_below_one` for a percentage between 0 and 1 (`rate_percent: 0.19` is 0.19 %, not
   * 19 %). Empty for a clean config. Mistakes in the store config's own format are errors instead.
   */
  readonly warnings: readonly Issue[]
}

/**
 * Marks objects made by createStore (a symbol key JSON never carries). Registered (`Symbol.for`), so
 * the ESM and the CJS build — two module instances in one app — accept each other's stores; its
 * value is the version, since another version's store layout may differ (a test keeps it equal to
 * package.json's).
 */
const PREPARED = Symbol.for('tamio-pricing.store')
const VERSION = '0.1.0'

/**
 * The internal view of a {@link Store}. Anything not made by {@link createStore} (a raw config
 * passed by mistake) is refused with a typed {@link StoreConfigError}, not a TypeError deep inside.
 */
export function prepared(store: Store): PreparedStore {
  const s: unknown = store
  const made = typeof s === 'object' && s !== null ? (s as Record<symbol, unknown>)[PREPARED] : undefined
  if (made !== VERSION) {
    throw new StoreConfigError([
      made === undefined
        ? issue('invalid_store', '')
        : { code: 'invalid_store', path: '', message: `this store was made by tamio-pricing ${String(made)}, not ${VERSION}: make it with the version that estimates` },
    ])
  }
  return s as PreparedStore
}

/** Each entry of the store's list `key` that is an object (any other is an `invalid_type` issue), with its path and index. */
function eachObject(r: Reader, cfg: Obj, key: string, f: (o: Obj, p: string, i: number) => void): void {
  const list = r.array(cfg, key, '')
  if (list === undefined) return
  for (let i = 0; i < list.length; i++) {
    const p = joinPath(key, i)
    const v = list[i]
    if (!isObject(v)) r.add('invalid_type', p, { expected: 'an object' })
    else f(v, p, i)
  }
}

/**
 * Validates a whole {@link StoreConfig} and indexes it once: products, variants and
 * packs by id, customers and their addresses, tax rates by jurisdiction with parsed rationals,
 * shipping methods, coupons by case-insensitive code, instalment plans, exchange rates. Throws
 * {@link StoreConfigError} listing every issue with its path — an unknown key of the store config's
 * own format among them, with a "did you mean" when a known key is close. Probable mistakes that do
 * not stop the store (a misspelt product field, an unknown product type, a percentage written as a
 * fraction) are on {@link Store.warnings}. The config is never mutated and no reference to it is kept.
 *
 * @example
 * ```ts
 * const store = createStore({
 *   account: { base_currency: 'EUR', country: 'DE' },
 *   products: [{ id: 'p1', name: 'Mug', type: 'physical_product', price: 1200, currency: 'EUR' }],
 *   tax_rates: [{ label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: '19' }],
 * })
 * ```
 */
export function createStore(config: StoreConfig): Store {
  const r = new Reader()
  const cfg: unknown = config
  if (!isObject(cfg)) throw new StoreConfigError([issue('invalid_type', '', { expected: 'a store configuration object' })])
  const accountObj = r.object(cfg, 'account', '', true)
  const account = accountObj === undefined ? undefined : readAccount(r, accountObj, 'account')
  const baseCurrency = account?.baseCurrency ?? 'EUR'

  const products = new Map<string, NProduct>()
  const variants = new Map<string, NVariant>()
  const packs = new Map<string, NPack>()
  const productPaths = new Map<string, string>()
  eachObject(r, cfg, 'products', (o, p) => {
    const prod = readProduct(r, o, p)
    if (prod === undefined) return
    if (!indexOnce(r, products, prod.id, prod, joinPath(p, 'id'))) return
    productPaths.set(prod.id, p)
    // At each entry's own path in the config (an entry that could not be read is not counted).
    for (const v of prod.variants) indexOnce(r, variants, v.id, v, v.path)
    for (const k of prod.packs) indexOnce(r, packs, k.id, k, k.path)
  })

  const customers = new Map<string, NCustomer>()
  eachObject(r, cfg, 'customers', (o, p) => {
    const c = readCustomer(r, o, p)
    if (c === undefined) return
    indexOnce(r, customers, c.id, c, joinPath(p, 'id'))
  })

  const rates = new Map<string, NRate[]>()
  // A rate's id is optional, but two rates with one id are a copy-paste: the second is reported.
  const rateIds = new Map<string, true>()
  eachObject(r, cfg, 'tax_rates', (o, p, i) => {
    const rate = readRate(r, o, p, i)
    if (rate === undefined || (rate.id !== null && !indexOnce(r, rateIds, rate.id, true, joinPath(p, 'id')))) return
    const list = rates.get(rate.jurisdiction)
    if (list === undefined) rates.set(rate.jurisdiction, [rate])
    else if (list.length >= LIMITS.maxRatesPerJurisdiction) r.add('too_many_items', joinPath(p, 'jurisdiction'), { max: LIMITS.maxRatesPerJurisdiction })
    else list.push(rate)
  })
  // A compound rate is allowed on exclusive lines only: an inclusive product that one would tax,
  // anywhere, is an error. A jurisdiction taxes a category by its rates of that category, else by
  // its rates without one (Greece's rates listed as GR and as EL are one list), so a compound rate
  // without a category never reaches a category that has rates of its own there.
  const taxedByCompound = new Map<string, boolean>()
  const byCompound = (category: string): boolean => {
    let v = taxedByCompound.get(category)
    if (v === undefined) {
      v = false
      for (const [key, own] of rates) {
        if (key.startsWith('EL') && rates.has(`GR${key.slice(2)}`)) continue
        const list = key.startsWith('GR') ? [...own, ...(rates.get(`EL${key.slice(2)}`) ?? [])] : own
        const exact = list.filter((x) => x.category === category)
        if ((exact.length > 0 ? exact : list.filter((x) => x.category === null)).some((x) => x.compound)) {
          v = true
          break
        }
      }
      taxedByCompound.set(category, v)
    }
    return v
  }
  for (const prod of products.values()) {
    const inclusive = prod.inclusive ?? account?.pricesIncludeTax ?? false
    if (inclusive && byCompound(prod.category)) r.add('compound_inclusive', productPaths.get(prod.id) ?? 'products')
  }

  const shippingMethods: NShippingMethod[] = []
  const shippingById = new Map<string, NShippingMethod>()
  eachObject(r, cfg, 'shipping_methods', (o, p, i) => {
    const m = readShippingMethod(r, o, p, i, baseCurrency)
    if (m === undefined) return
    if (indexOnce(r, shippingById, m.id, m, joinPath(p, 'id'))) shippingMethods.push(m)
  })

  const discounts: NDiscount[] = []
  eachObject(r, cfg, 'discounts', (o, p) => {
    const d = readDiscount(r, o, p, true)
    if (d !== undefined) discounts.push(d)
  })
  const coupons = new Map<string, NDiscount>()
  eachObject(r, cfg, 'coupons', (o, p) => {
    const d = readDiscount(r, o, p, false)
    if (d === undefined || d.code === null) return
    indexOnce(r, coupons, d.code.toLowerCase(), d, joinPath(p, 'code'), d.code)
  })

  const plans: NPlan[] = []
  const planIds = new Map<string, true>()
  eachObject(r, cfg, 'instalment_plans', (o, p) => {
    const plan = readPlan(r, o, p)
    if (plan !== undefined && indexOnce(r, planIds, plan.id, true, joinPath(p, 'id'))) plans.push(plan)
  })

  const exRates = new Map<string, Rational>()
  let exBase = baseCurrency
  const ex = r.object(cfg, 'exchange_rates', '')
  if (ex !== undefined) {
    exBase = r.currency(ex, 'base', 'exchange_rates', true) ?? baseCurrency
    const table = r.map(ex, 'rates', 'exchange_rates')
    if (table !== undefined) {
      for (const k of table.keys) {
        const p = joinPath('exchange_rates.rates', k)
        const cur = r.currencyValue(k, p)
        // "sek" and "SEK" both given: an error, not whichever the key order puts last.
        if (cur !== undefined && exRates.has(cur)) {
          r.add('invalid_value', p, { detail: `${cur} is given twice` })
          continue
        }
        try {
          const rate = parseDecimal(own(table.map, k), { allowZero: false })
          if (cur !== undefined) exRates.set(cur, rate)
        } catch (e) {
          if (!(e instanceof MoneyError)) throw e
          r.add('invalid_rate', p, { detail: e.message })
        }
      }
    }
  }
  exRates.set(exBase, { num: 1, den: 1 })
  // Unknown keys (errors in the store's own format, warnings in Tamio objects) and doubtful values
  // (warnings), after what the readers found: "account: is required" stays the first issue of a
  // request passed as a store.
  r.keys(cfg, '', STORE_CONFIG)
  lintStore(r, cfg)
  r.finish()

  if (r.issues.length > 0 || account === undefined) throw new StoreConfigError(r.issues, r.warnings)
  const store: PreparedStore = {
    account,
    products,
    variants,
    packs,
    customers,
    rates,
    shippingMethods,
    shippingById,
    discounts,
    coupons,
    plans,
    exchange: { base: exBase, rates: exRates },
    warnings: Object.freeze(r.warnings),
  }
  Object.defineProperty(store, PREPARED, { value: VERSION })
  return Object.freeze(store) as unknown as Store
}

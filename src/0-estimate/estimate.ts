/**
 * The public entry of the calculation: `estimate(store, request, options)` runs the pipeline of
 * SPEC §3 in order — places → lines and currency → item discounts → item taxes → shipping →
 * totals → instalments and payments — and answers with the API's envelope.
 */
import { converterTo } from '../2-currency/currency'
import { applyDiscounts } from '../5-discounts/discounts'
import { availablePayments, offerPlans } from '../9-instalments/instalments'
import { Reader } from '../input/read'
import { atPath, issue, IssueError, REJECTION_CODES } from '../issues/issues'
import { assignJurisdictions } from '../4-jurisdiction/jurisdiction'
import { resolveLines } from '../3-lines/lines'
import { addAmounts } from '../money/amount'
import { MoneyError } from '../money/errors'
import { resolvePlaces } from '../1-places/places'
import { readOptions } from './options'
import { readRequest } from './request'
import { selectCurrency } from '../2-currency/currency'
import { shipOrder } from '../7-shipping/shipping'
import { type Store, prepared } from '../store/createStore'
import { aggregateRates, lineOutput, lineTotals, transactionTotals } from '../8-totals/totals'
import { taxLines } from '../6-taxes/taxes'
import { buildTrace } from '../trace/build'
import type { EstimateOptions, EstimateRequest } from '../types/input'
import type { EstimateResponse, Issue, Transaction } from '../types/output'

function fail(errors: readonly Issue[], warnings: readonly Issue[]): EstimateResponse {
  return { status: 400, errors, warnings }
}

/**
 * Estimates a transaction exactly as Tamio's estimate endpoint does (SPEC §3): every amount an
 * integer in minor units. Malformed input answers the API's 400 envelope with stable codes and
 * JSON paths; rejected lines and coupons are warnings (400s with `strict`). Never mutates its
 * inputs; the same inputs give byte-identical JSON. Pass `options.at` for reproducible results
 * (date rules and instalment due dates); it defaults to the current time.
 *
 * @example
 * ```ts
 * const store = createStore(storeConfig)
 * const res = estimate(store, { products: [{ id: 'p1' }], customer: { id: 'c1' } }, { at: '2026-11-25T00:00:00Z' })
 * if (res.status === 200) console.log(res.transaction.totals.total)
 * ```
 */
export function estimate(store: Store, request: EstimateRequest, options: EstimateOptions = {}): EstimateResponse {
  try {
    return run(store, request, options)
  } catch (e) {
    // An amount that would leave the safe-integer range, named by the input behind it (atPath).
    if (e instanceof IssueError) return fail([e.issue], [])
    if (e instanceof MoneyError) {
      const code = e.code === 'amount_overflow' ? 'amount_overflow' : 'invalid_value'
      return fail([issue(code, '', { detail: e.message })], [])
    }
    throw e
  }
}

function run(store: Store, request: EstimateRequest, options: EstimateOptions): EstimateResponse {
  const s = prepared(store)
  const r = new Reader()
  // Options are input too: read them at the edge.
  const { policies, at, paymentMethod, strict, trace } = readOptions(r, options, s.account.policies)
  const req = readRequest(r, s, request)
  if (req === undefined || r.issues.length > 0) return fail(r.issues, r.warnings)

  const errors: Issue[] = []
  // Unknown option and request keys come first, then the pipeline's warnings in stage order.
  const warnings: Issue[] = r.warnings
  const places = resolvePlaces(s, req.customer, req.locale, errors, warnings)
  const currency = selectCurrency(s, req)
  if (!s.account.currencies.includes(currency)) errors.push(issue('currency_not_enabled', 'currency', { currency }))
  if (errors.length > 0) return fail(errors, warnings)

  const converter = converterTo(s, currency, policies.rounding)
  const lines = atPath('products', () => resolveLines(
    req.lines,
    { currency, convert: req.convert, converter, at, shipCountry: places.shipCountry, pricesIncludeTax: s.account.pricesIncludeTax, locale: places.locale },
    warnings,
  ))
  if (lines.length === 0) {
    // With strict, the rejections that emptied the cart are errors too, not just warnings.
    if (!strict) return fail([issue('no_products', 'products')], warnings)
    return fail([...warnings.filter((w) => REJECTION_CODES.has(w.code)), issue('no_products', 'products')], warnings.filter((w) => !REJECTION_CODES.has(w.code)))
  }

  // Cart-level sums stay safe integers (each line's own amounts are checked where they are made,
  // at the line's path); every later amount of the cart is then named by the stage that makes it.
  atPath('products', () =>
    lines.reduce((t, l) => ({ q: addAmounts(t.q, l.quantity), u: addAmounts(t.u, l.units), i: addAmounts(t.i, l.itemTotal) }), { q: 0, u: 0, i: 0 }),
  )
  const situation = atPath('products', () => assignJurisdictions(s, lines, places, policies, warnings))
  const dctx = { currency, at, paymentMethod, converter, mode: policies.rounding, noDiscounts: req.noDiscounts }
  const applied = atPath('coupons', () => applyDiscounts(s, lines, req.coupons, dctx, warnings))
  atPath('products', () => taxLines(lines, policies))
  const ship = atPath('shipping', () => shipOrder(
    s,
    lines,
    applied,
    {
      currency, shipCountry: places.shipCountry, shipState: places.shipState, converter, policies,
      requested: req.shippingMethodId, nshift: req.nshift, reverseCharge: situation.reverseCharge, exempt: situation.exempt,
    },
    dctx,
    warnings,
  ))

  if (strict) {
    const rejected = warnings.filter((w) => REJECTION_CODES.has(w.code))
    if (rejected.length > 0) return fail(rejected, warnings.filter((w) => !REJECTION_CODES.has(w.code)))
  }

  const lineTotalsList = lines.map((l) => atPath(l.path, () => lineTotals(l)))
  const totals = atPath('products', () => transactionTotals(lines, lineTotalsList))
  const instalments = atPath('products', () => offerPlans(s.plans, currency, totals.total, policies.rounding, policies.instalmentExact, at))
  const payments = availablePayments(s.account, currency, places.billCountry, totals.total, instalments.length > 0)
  const taxRates = atPath('products', () => aggregateRates(lines, (l) => l.taxRates))
  const shippingTaxRates = atPath('shipping', () => aggregateRates(lines, (l) => l.shippingTaxRates))
  const transaction: Transaction = {
    object: 'transaction',
    affiliate: req.affiliate,
    site: req.page,
    customer_information: places.customerInformation,
    payments,
    locale: places.locale,
    instalments,
    taxes: {
      tax_rates: taxRates,
      shipping_tax_rates: shippingTaxRates,
      has_vat: taxRates.some((x) => x.vat_tax) || shippingTaxRates.some((x) => x.vat_tax),
    },
    shipping: { has_shipping: ship.hasShipping, shipping_rates: ship.rates, item_count: ship.itemCount, shipping_method: ship.method },
    currency,
    products: lines.map((l, i) => lineOutput(l, lineTotalsList[i]!, currency)),
    totals,
    discounts: applied.map((a) => ({
      id: a.discount.id,
      code: a.discount.code,
      label: a.discount.label,
      type: a.discount.type,
      value: a.discount.valueNumber,
      amount: a.amount,
      shipping_amount: a.shippingAmount,
      // A copy: a caller editing one response must not reach the store or later responses.
      applies_to: a.discount.appliesTo === null ? null : { products: a.discount.appliesTo.products?.slice() ?? null, categories: a.discount.appliesTo.categories?.slice() ?? null },
    })),
    has_subscriptions: lines.some((l) => l.product?.subscription === true),
  }
  // The derivation trace (options.trace): built once from the final state; nothing when off.
  if (trace) {
    const trace = buildTrace({ store: s, lines, applied, ship, policies, currency, at, paymentMethod, strict, warnings, transaction })
    return { status: 200, warnings, transaction, trace }
  }
  return { status: 200, warnings, transaction }
}

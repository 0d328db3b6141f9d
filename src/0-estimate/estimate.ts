/**
 * The public entry of the calculation, and the one place that knows the run order:
 *   request and options → places → currency → lines → jurisdiction → discounts → taxes →
 *   shipping (quote, shares, discounts, tax) → totals → instalments and payments.
 * Each stage is a function of readonly inputs returning a readonly record of what it decided; this
 * file passes records forward and assembles the API's envelope. With `options.trace`, a recorder
 * goes along and every stage records each amount as it computes it.
 */
import { resolvePlaces } from '../1-places/places'
import { converterTo, selectCurrency } from '../2-currency/currency'
import type { Line } from '../3-lines/line'
import { resolveLines } from '../3-lines/lines'
import { assignJurisdictions } from '../4-jurisdiction/jurisdiction'
import { applyDiscounts } from '../5-discounts/discounts'
import { taxLines } from '../6-taxes/taxes'
import { discountShipping, quoteShipping, shareShipping, taxShipping } from '../7-shipping/shipping'
import { aggregateRates, lineOutput, lineTotals, transactionTotals, type LineRecords } from '../8-totals/totals'
import { availablePayments, iso, offerPlans } from '../9-instalments/instalments'
import { Reader } from '../input/read'
import { atPath, issue, IssueError, REJECTION_CODES, rethrowAt } from '../issues/issues'
import { addAmounts } from '../money/amount'
import { MoneyError } from '../money/errors'
import { policyNames } from '../policies/axes'
import { type Store, prepared } from '../store/createStore'
import { Recorder } from '../trace/recorder'
import type { EstimateOptions, EstimateRequest } from '../types/input'
import type { EstimateResponse, Issue, LineDiscount, Transaction } from '../types/output'
import { readOptions } from './options'
import { readRequest } from './request'

function fail(errors: readonly Issue[], warnings: readonly Issue[]): EstimateResponse {
  return { status: 400, errors, warnings }
}

/**
 * Estimates a transaction exactly as Tamio's estimate endpoint does: every amount an integer in
 * minor units. Malformed input answers the API's 400 envelope with stable codes and JSON paths;
 * rejected lines and coupons are warnings (400s with `strict`). Never mutates its inputs; the same
 * inputs give byte-identical JSON. Pass `options.at` for reproducible results (date rules and
 * instalment due dates); it defaults to the current time.
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
    if (e instanceof MoneyError) return fail([e.code === 'amount_overflow' ? issue('amount_overflow', '', { detail: e.message }) : issue('invalid_value', '', { detail: e.message })], [])
    throw e
  }
}

const NO_ENTRIES: readonly LineDiscount[] = []

function run(store: Store, request: EstimateRequest, options: EstimateOptions): EstimateResponse {
  const s = prepared(store)
  // The edge: options and request become internal types, or a 400.
  const r = new Reader()
  const opts = readOptions(r, s, options)
  const req = readRequest(r, s, request)
  r.finish()
  if (req === undefined || r.issues.length > 0) return fail(r.issues, r.warnings)
  const { policies, at, paymentMethod, strict } = opts
  const rec = opts.trace ? new Recorder(req.lines.length) : undefined

  const errors: Issue[] = []
  // Unknown option and request keys come first, then the stages' warnings in run order.
  const warnings: Issue[] = r.warnings
  const places = resolvePlaces(s, req.customer, req.locale, errors, warnings)
  const currency = selectCurrency(s, req)
  if (!s.account.currencies.includes(currency)) errors.push(issue('currency_not_enabled', 'currency', { currency }))
  if (errors.length > 0) return fail(errors, warnings)

  const converter = converterTo(s, currency, policies.rounding)
  const lines = atPath('products', () =>
    resolveLines(
      req.lines,
      { currency, convert: req.convert, converter, at, shipCountry: places.shipCountry, pricesIncludeTax: s.account.pricesIncludeTax, locale: places.locale, rounding: policies.rounding, rec },
      warnings,
    ),
  )
  if (lines.length === 0) {
    // With strict, the rejections that emptied the cart are errors too, not just warnings.
    if (!strict) return fail([issue('no_products', 'products')], warnings)
    return fail([...warnings.filter((w) => REJECTION_CODES.has(w.code)), issue('no_products', 'products')], warnings.filter((w) => !REJECTION_CODES.has(w.code)))
  }
  // Cart-level sums stay safe integers (each line's own amounts are checked where they are made,
  // at the line's path); every later amount of the cart is then named by the stage that makes it.
  atPath('products', () => cartSums(lines))

  const juris = atPath('products', () => assignJurisdictions(s, lines, places, policies, warnings, rec))
  // A compound rate may tax exclusive lines only: an inclusive invoice item it would tax (in the
  // jurisdiction it is taxed in) is a 400, as an inclusive catalog product with one is a store error.
  let compound: Issue[] | undefined
  for (let k = 0; k < lines.length; k++) {
    const t = juris.lines[k]!
    if (lines[k]!.product === null && t.inclusive && t.rates.some((x) => x.compound)) (compound ??= []).push(issue('compound_inclusive', lines[k]!.path))
  }
  if (compound !== undefined) return fail(compound, warnings)
  const discounts = atPath('coupons', () =>
    applyDiscounts(s, lines, juris.lines, req.coupons, { currency, at, paymentMethod, converter, policies, noDiscounts: req.noDiscounts, rec }, warnings),
  )
  const taxes = atPath('products', () => taxLines(lines, juris.lines, discounts.lineDiscount, policies, juris.exempt, rec))
  const quote = atPath('shipping', () =>
    quoteShipping(s, lines, juris.lines, discounts.lineDiscount, taxes, { currency, shipCountry: places.shipCountry, converter, policies, requested: req.shippingMethodId, nshift: req.nshift }, warnings, rec),
  )
  const shares = atPath('shipping', () => shareShipping(quote, lines, juris.lines, discounts.lineDiscount, policies, rec))
  const shipDiscounts = atPath('shipping', () =>
    discountShipping(quote, shares, discounts.applied, discounts.lineEntries.map((e) => e.length), currency, policies, rec),
  )
  const shipping = shares.map((x, k) => x - shipDiscounts.lineDiscount[k]!)
  const shipTax = atPath('shipping', () => taxShipping(s, quote, juris.lines, shipping, req.nshift, juris, policies, warnings, rec))

  if (strict) {
    const rejected = warnings.filter((w) => REJECTION_CODES.has(w.code))
    if (rejected.length > 0) return fail(rejected, warnings.filter((w) => !REJECTION_CODES.has(w.code)))
  }

  const records: LineRecords[] = lines.map((line, k) => ({
    line,
    taxed: juris.lines[k]!,
    discount: discounts.lineDiscount[k]!,
    tax: taxes[k]!,
    shippingSubtotal: shares[k]!,
    shippingDiscount: shipDiscounts.lineDiscount[k]!,
    shippingTax: shipTax[k]!,
  }))
  const lineTotalsList = new Array<ReturnType<typeof lineTotals>>(records.length)
  for (let k = 0; k < records.length; k++) {
    try {
      lineTotalsList[k] = lineTotals(records[k]!, k, rec)
    } catch (e) {
      rethrowAt(e, records[k]!.line.path)
    }
  }
  const totals = atPath('products', () => transactionTotals(lines, lineTotalsList, rec))
  const instalments = atPath('products', () => offerPlans(s.plans, currency, totals.total, policies, at, rec))
  const payments = availablePayments(s.account, currency, places.billCountry, totals.total, instalments.length > 0)
  const taxRates = atPath('products', () => aggregateRates(records, 'tax_rates', rec))
  const shippingTaxRates = atPath('shipping', () => aggregateRates(records, 'shipping_tax_rates', rec))
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
    shipping: { has_shipping: quote.hasShipping, shipping_rates: quote.rates, item_count: quote.itemCount, shipping_method: quote.method },
    currency,
    products: records.map((x, k) => lineOutput(x, lineTotalsList[k]!, entries(discounts.lineEntries[k]!, shipDiscounts.lineEntries[k]!), currency)),
    totals,
    discounts: discounts.applied.map((a, i) => {
      const d = a.discount
      return {
        id: d.id,
        code: d.code,
        label: d.label,
        type: d.type,
        value: d.valueNumber,
        amount: a.amount,
        shipping_amount: shipDiscounts.amounts[i]!,
        // A copy: a caller editing one response must not reach the store or later responses.
        applies_to:
          a.appliesTo !== null
            ? { products: a.appliesTo.slice(), categories: null }
            : d.appliesTo === null
              ? null
              : { products: d.appliesTo.products?.slice() ?? null, categories: d.appliesTo.categories?.slice() ?? null },
      }
    }),
    has_subscriptions: lines.some((l) => l.product?.subscription === true),
  }
  if (rec === undefined) return { status: 200, warnings, transaction }
  const trace = rec.trace(currency, { at: iso(at), payment_method: paymentMethod, strict, ...policyNames(policies) })
  return { status: 200, warnings, transaction, trace }
}

/** A line's discount entries: its item discounts, then its shipping discounts. */
function entries(items: readonly LineDiscount[], shipping: readonly LineDiscount[]): LineDiscount[] {
  if (shipping.length === 0) return items === NO_ENTRIES || items.length === 0 ? [] : (items as LineDiscount[])
  return [...items, ...shipping]
}

/** Σ quantity, Σ units, Σ item_total of the cart, checked (an overflow is a 400 at `products`). */
function cartSums(lines: readonly Line[]): void {
  let q = 0
  let u = 0
  let i = 0
  for (const l of lines) {
    q = addAmounts(q, l.quantity)
    u = addAmounts(u, l.units)
    i = addAmounts(i, l.itemTotal)
  }
}

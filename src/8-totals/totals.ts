/**
 * Stage 8 — line and transaction totals, and the output objects of the transaction:
 * `products[i]`, `totals`, the aggregated `taxes`.
 */
import type { Line } from '../3-lines/line'
import type { Taxed } from '../4-jurisdiction/jurisdiction'
import type { LineTax } from '../6-taxes/taxes'
import type { ShippingTax } from '../7-shipping/shipping'
import { addAmounts, toAmount } from '../money/amount'
import { aggregatePaths, linePaths, type RatePaths } from '../trace/paths'
import type { EntryExtra, Recorder } from '../trace/recorder'
import type { AggregatedTaxRate, LineDiscount, LineTotals, OutputTaxRate, TransactionProduct, TransactionTotals } from '../types/output'

/** Everything the earlier stages decided about one line, as the totals stage reads it. */
export interface LineRecords {
  readonly line: Line
  readonly taxed: Taxed
  readonly discount: number
  readonly tax: LineTax
  readonly shippingSubtotal: number
  readonly shippingDiscount: number
  readonly shippingTax: ShippingTax
}

/** One line's totals, every one derived from the stages' integers; recorded at `products[k].totals`. */
export function lineTotals(r: LineRecords, k: number, rec?: Recorder): LineTotals {
  const t = r.taxed
  const subtotal = t.itemTotal - r.discount
  const itemWithTax = t.inclusive ? subtotal : addAmounts(subtotal, r.tax.tax)
  const shipping = r.shippingSubtotal - r.shippingDiscount
  const shippingTotal = r.shippingTax.inclusive ? shipping : addAmounts(shipping, r.shippingTax.tax)
  const moss = t.moss
  const out: LineTotals = {
    unit_price: t.unitPrice,
    item_total: t.itemTotal,
    discount: r.discount,
    subtotal,
    tax: r.tax.tax,
    item_total_with_tax: itemWithTax,
    shipping_subtotal: r.shippingSubtotal,
    shipping_discount: r.shippingDiscount,
    shipping,
    shipping_tax: r.shippingTax.tax,
    shipping_total: shippingTotal,
    total: addAmounts(itemWithTax, shippingTotal),
    // OSS lines: the net taxable amount with the line's shipping share, and its item + shipping tax.
    moss_taxable_amount: moss ? r.tax.net + r.shippingTax.net : 0,
    moss_tax_total: moss ? r.tax.tax + r.shippingTax.tax : 0,
    exchange_rate: r.line.exchangeRate,
    price_conversion: r.line.priceConversion,
  }
  if (rec !== undefined) {
    const L = linePaths(k)
    const T = L.totals
    rec.diff(T.subtotal, subtotal, T.item_total, T.discount)
    if (t.inclusive) rec.same(T.item_total_with_tax, itemWithTax, T.subtotal)
    else rec.add(T.item_total_with_tax, itemWithTax, T.subtotal, T.tax)
    rec.diff(T.shipping, shipping, T.shipping_subtotal, T.shipping_discount)
    if (r.shippingTax.inclusive) rec.same(T.shipping_total, shippingTotal, T.shipping)
    else rec.add(T.shipping_total, shippingTotal, T.shipping, T.shipping_tax)
    rec.add(T.total, out.total, T.item_total_with_tax, T.shipping_total)
    if (moss) {
      // The nets the taxes were charged on: an inclusive taxable's extracted net, else its base.
      const terms: (readonly [string, 1])[] = [[r.tax.netPath!, 1]]
      const shippingNet = r.shippingTax.inclusive && r.shippingTax.taxRates.length > 0 ? L.shipping.net : T.shipping
      if (r.line.shipped && r.shippingTax.net !== 0) terms.push([shippingNet, 1])
      // Whether the line's shipping share counts (is taxed at all) is the shipping tax rule's
      // decision; a share left out as 0 is still what the sum was decided from.
      const extra = !r.line.shipped ? undefined : r.shippingTax.net !== 0 ? SHIPPING_TAX_DECIDES : { policies: SHIPPING_TAX_DECIDES.policies, inputs: [shippingNet] }
      rec.sum(T.moss_taxable_amount, out.moss_taxable_amount, terms, extra)
      rec.add(T.moss_tax_total, out.moss_tax_total, T.tax, T.shipping_tax)
    } else {
      rec.fixed(T.moss_taxable_amount, 0, 'not_oss')
      rec.fixed(T.moss_tax_total, 0, 'not_oss')
    }
  }
  return out
}

/** The `products[i]` object of the API. */
export function lineOutput(r: LineRecords, totals: LineTotals, discounts: readonly LineDiscount[], currency: string): TransactionProduct {
  const l = r.line
  return {
    name: l.name,
    quantity: l.quantity,
    type: l.type,
    classification: l.category,
    discount_allowed: l.discountAllowed,
    is_moss_product: l.isMoss,
    currency,
    id: l.product?.id ?? null,
    taxes: { inclusive: r.taxed.inclusive, tax_rates: r.tax.taxRates, shipping_tax_rates: r.shippingTax.taxRates },
    totals,
    reservations: [],
    discounts,
    has_shipping: l.shipped,
    variation_id: l.variant?.id ?? null,
    is_variant: l.variant !== null,
    pack: l.pack?.id ?? null,
    ean: l.variant?.ean ?? l.product?.ean ?? null,
    sku: l.variant?.sku ?? l.product?.sku ?? null,
  }
}

const SHIPPING_TAX_DECIDES = { policies: ['shipping_tax'] } as const satisfies EntryExtra

const TOTAL_PATHS = {
  item_total: 'totals.item_total', discount: 'totals.discount', subtotal: 'totals.subtotal', tax: 'totals.tax',
  item_total_with_tax: 'totals.item_total_with_tax', shipping_subtotal: 'totals.shipping_subtotal', shipping_discount: 'totals.shipping_discount',
  shipping: 'totals.shipping', shipping_tax: 'totals.shipping_tax', shipping_total: 'totals.shipping_total',
  moss_taxable_amount: 'totals.moss_taxable_amount', moss_tax_total: 'totals.moss_tax_total',
} as const

/** Line k's path of each summed field (the terms of a transaction total). */
const LINE_FIELD = Object.fromEntries(
  (['item_total', 'discount', 'subtotal', 'tax', 'item_total_with_tax', 'shipping_subtotal', 'shipping_discount', 'shipping', 'shipping_tax', 'shipping_total', 'moss_taxable_amount', 'moss_tax_total', 'total'] as const).map((f) => [f, (k: number) => linePaths(k).totals[f]]),
) as Readonly<Record<keyof typeof TOTAL_PATHS | 'total', (k: number) => string>>
const quantityOf = (k: number) => linePaths(k).quantity

const SUMMED = [
  'item_total', 'discount', 'subtotal', 'tax', 'item_total_with_tax', 'shipping_subtotal', 'shipping_discount',
  'shipping', 'shipping_tax', 'shipping_total', 'moss_taxable_amount', 'moss_tax_total',
] as const

/** Transaction totals: exact sums over the lines; `total = Σ line total − trial_deductions`. */
export function transactionTotals(lines: readonly Line[], totals: readonly LineTotals[], rec?: Recorder): TransactionTotals {
  // Every summand is a safe integer ≥ 0, so a sum past 2^53 still compares ≥ 2^53 as a double:
  // checking the finished sums (in `safe`) is enough to catch an overflow.
  let itemTotal = 0, discount = 0, subtotal = 0, tax = 0, withTax = 0, shippingSubtotal = 0, shippingDiscount = 0
  let shipping = 0, shippingTax = 0, shippingTotal = 0, mossTaxable = 0, mossTax = 0
  let itemCount = 0
  let conversion = false
  let trial = 0
  let total = 0
  for (let i = 0; i < totals.length; i++) {
    const t = totals[i]!
    const l = lines[i]!
    itemTotal += t.item_total
    discount += t.discount
    subtotal += t.subtotal
    tax += t.tax
    withTax += t.item_total_with_tax
    shippingSubtotal += t.shipping_subtotal
    shippingDiscount += t.shipping_discount
    shipping += t.shipping
    shippingTax += t.shipping_tax
    shippingTotal += t.shipping_total
    mossTaxable += t.moss_taxable_amount
    mossTax += t.moss_tax_total
    itemCount += l.quantity
    if (t.price_conversion) conversion = true
    if (l.subscriptionTrial) trial += t.total
    total += t.total
  }
  const out: TransactionTotals = {
    item_total: safe(itemTotal),
    discount: safe(discount),
    subtotal: safe(subtotal),
    tax: safe(tax),
    item_total_with_tax: safe(withTax),
    shipping_subtotal: safe(shippingSubtotal),
    shipping_discount: safe(shippingDiscount),
    shipping: safe(shipping),
    shipping_tax: safe(shippingTax),
    shipping_total: safe(shippingTotal),
    moss_taxable_amount: safe(mossTaxable),
    moss_tax_total: safe(mossTax),
    item_count: safe(itemCount),
    price_conversion: conversion,
    trial_deductions: safe(trial),
    total: safe(total) - trial,
  }
  if (rec !== undefined) {
    const n = lines.length
    for (const key of SUMMED) rec.each(TOTAL_PATHS[key], out[key], n, LINE_FIELD[key])
    rec.each('totals.item_count', out.item_count, n, quantityOf)
    const trials: string[] = []
    for (let k = 0; k < n; k++) if (lines[k]!.subscriptionTrial) trials.push(linePaths(k).totals.total)
    if (trials.length === 0) rec.fixed('totals.trial_deductions', 0, 'no_trial')
    else rec.sumOf('totals.trial_deductions', out.trial_deductions, trials)
    rec.each('totals.total', out.total, n, LINE_FIELD.total, 'totals.trial_deductions')
  }
  return out
}

function safe(n: number): number {
  return Number.isSafeInteger(n) ? n : toAmount(n)
}

/** The aggregation identity (id, label, rate, jurisdiction). */
function sameRate(x: OutputTaxRate, r: OutputTaxRate): boolean {
  return x.id === r.id && x.label === r.label && x.rate_percent === r.rate_percent && x.rate_amount === r.rate_amount && x.jurisdiction === r.jurisdiction
}

interface RateEntry {
  readonly rate: OutputTaxRate
  tax: number
  taxable: number
  /** The lines' rates summed into it (traced only). */
  readonly terms: RatePaths[]
  readonly applies: (string | null)[]
  /** The products already listed, by identity (pointer compares; `null` for invoice items). */
  readonly products: (object | null)[]
  seen: Set<object | null> | null
}

/**
 * Aggregates the lines' rates (`kind`: `tax_rates` or `shipping_tax_rates`) by identity (id,
 * label, rate, jurisdiction), summing tax and taxable amount; recorded at `taxes.<kind>[i]`.
 */
export function aggregateRates(records: readonly LineRecords[], kind: 'tax_rates' | 'shipping_tax_rates', rec?: Recorder): AggregatedTaxRate[] {
  // Grouped by id first, then a short scan for the rest of the identity: no key strings per line.
  const byId = new Map<string | null, RateEntry[]>()
  const order: RateEntry[] = []
  let last: RateEntry | undefined
  for (let k = 0; k < records.length; k++) {
    const lr = records[k]!
    const product = lr.line.product
    const list = kind === 'tax_rates' ? lr.tax.taxRates : lr.shippingTax.taxRates
    for (let j = 0; j < list.length; j++) {
      const r = list[j]!
      // Consecutive lines mostly carry the same rates: try the last entry before the lookup.
      let e: RateEntry | undefined = last !== undefined && sameRate(last.rate, r) ? last : undefined
      if (e === undefined) {
        let group = byId.get(r.id)
        if (group === undefined) {
          group = []
          byId.set(r.id, group)
        }
        for (const g of group) {
          if (sameRate(g.rate, r)) {
            e = g
            break
          }
        }
        if (e === undefined) {
          e = { rate: r, tax: 0, taxable: 0, terms: [], applies: [], products: [], seen: null }
          group.push(e)
          order.push(e)
        }
      }
      last = e
      e.tax += r.tax
      e.taxable += r.taxable_amount
      if (rec !== undefined) e.terms.push((kind === 'tax_rates' ? linePaths(k).goods : linePaths(k).shipping).rate(j))
      // Each product once: a scan while the list is short, a Set once it is long.
      const ps = e.products
      let fresh: boolean
      if (ps.length < 64) fresh = !ps.includes(product)
      else {
        if (e.seen === null) e.seen = new Set(ps)
        fresh = !e.seen.has(product)
        if (fresh) e.seen.add(product)
      }
      if (fresh) {
        ps.push(product)
        e.applies.push(product === null ? null : product.id)
      }
    }
  }
  return order.map((e, i) => {
    const r = e.rate
    if (rec !== undefined) {
      const A = aggregatePaths(kind, i)
      rec.sumOf(A.tax, safe(e.tax), e.terms as unknown as readonly Readonly<Record<string, string>>[], 'tax')
      rec.sumOf(A.taxable_amount, safe(e.taxable), e.terms as unknown as readonly Readonly<Record<string, string>>[], 'taxable_amount')
    }
    return {
      id: r.id,
      rate_percent: r.rate_percent,
      rate_amount: r.rate_amount,
      label: r.label,
      tax: safe(e.tax),
      moss: r.moss,
      jurisdiction: r.jurisdiction,
      inclusive: r.inclusive,
      vat_tax: r.vat_tax,
      taxable_amount: safe(e.taxable),
      applies_to: e.applies,
    }
  })
}

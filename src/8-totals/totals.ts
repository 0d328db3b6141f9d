/**
 * Stage 5 — line and transaction totals (SPEC §3.6), and the output objects of the transaction:
 * `products[i]`, `totals`, the aggregated `taxes`.
 */
import type { LineState } from '../3-lines/line'
import { addAmounts, toAmount } from '../money/amount'
import type { AggregatedTaxRate, LineTotals, OutputTaxRate, TransactionProduct, TransactionTotals } from '../types/output'

/** One line's totals, every one derived from the stages' integers. */
export function lineTotals(l: LineState): LineTotals {
  const subtotal = l.itemTotal - l.discount
  const itemWithTax = l.inclusive ? subtotal : addAmounts(subtotal, l.tax)
  const shipping = l.shippingSubtotal - l.shippingDiscount
  const shippingTotal = l.shippingInclusive ? shipping : addAmounts(shipping, l.shippingTax)
  return {
    unit_price: l.unitPrice,
    item_total: l.itemTotal,
    discount: l.discount,
    subtotal,
    tax: l.tax,
    item_total_with_tax: itemWithTax,
    shipping_subtotal: l.shippingSubtotal,
    shipping_discount: l.shippingDiscount,
    shipping,
    shipping_tax: l.shippingTax,
    shipping_total: shippingTotal,
    total: addAmounts(itemWithTax, shippingTotal),
    // OSS lines: the net taxable amount with the line's shipping share, and its item + shipping tax.
    moss_taxable_amount: l.moss ? l.net + l.shippingNet : 0,
    moss_tax_total: l.moss ? l.tax + l.shippingTax : 0,
    exchange_rate: l.exchangeRate,
    price_conversion: l.priceConversion,
  }
}

/** The `products[i]` object of the API. */
export function lineOutput(l: LineState, totals: LineTotals, currency: string): TransactionProduct {
  return {
    name: l.name,
    quantity: l.quantity,
    type: l.type,
    classification: l.category,
    discount_allowed: l.discountAllowed,
    is_moss_product: l.isMoss,
    currency,
    id: l.product?.id ?? null,
    taxes: { inclusive: l.inclusive, tax_rates: l.taxRates, shipping_tax_rates: l.shippingTaxRates },
    totals,
    reservations: [],
    discounts: l.discounts,
    has_shipping: l.shipped,
    variation_id: l.variant?.id ?? null,
    is_variant: l.variant !== null,
    pack: l.pack?.id ?? null,
    ean: l.variant?.ean ?? l.product?.ean ?? null,
    sku: l.variant?.sku ?? l.product?.sku ?? null,
  }
}

/** Transaction totals: exact sums over the lines; `total = Σ line total − trial_deductions`. */
export function transactionTotals(lines: readonly LineState[], totals: readonly LineTotals[]): TransactionTotals {
  // Every summand is a safe integer ≥ 0, so a sum past 2^53 still compares ≥ 2^53 as a double:
  // checking the finished sums (in \`safe\`) is enough to catch an overflow.
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
  return {
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
  readonly applies: (string | null)[]
  /** The products already listed, by identity (pointer compares; `null` for invoice items). */
  readonly products: (object | null)[]
  seen: Set<object | null> | null
}

/** Aggregates the lines' rates by identity (id, label, rate, jurisdiction), summing tax and taxable amount. */
export function aggregateRates(lines: readonly LineState[], pick: (l: LineState) => readonly OutputTaxRate[]): AggregatedTaxRate[] {
  // Grouped by id first, then a short scan for the rest of the identity: no key strings per line.
  const byId = new Map<string | null, RateEntry[]>()
  const order: RateEntry[] = []
  let last: RateEntry | undefined
  for (const l of lines) {
    const product = l.product
    for (const r of pick(l)) {
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
          e = { rate: r, tax: 0, taxable: 0, applies: [], products: [], seen: null }
          group.push(e)
          order.push(e)
        }
      }
      last = e
      e.tax += r.tax
      e.taxable += r.taxable_amount
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
  return order.map((e) => {
    const r = e.rate
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

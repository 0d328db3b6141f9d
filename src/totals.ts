/**
 * Stage 5 — line and transaction totals (SPEC §3.6), and the output objects of the transaction:
 * `products[i]`, `totals`, the aggregated `taxes`.
 */
import type { LineState } from './line'
import { addAmounts } from './money/amount'
import type { AggregatedTaxRate, LineTotals, OutputTaxRate, TransactionProduct, TransactionTotals } from './types/output'

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

const SUMMED = [
  'item_total', 'discount', 'subtotal', 'tax', 'item_total_with_tax', 'shipping_subtotal', 'shipping_discount',
  'shipping', 'shipping_tax', 'shipping_total', 'moss_taxable_amount', 'moss_tax_total',
] as const

/** Transaction totals: exact sums over the lines; `total = Σ line total − trial_deductions`. */
export function transactionTotals(lines: readonly LineState[], totals: readonly LineTotals[]): TransactionTotals {
  const sums: Record<(typeof SUMMED)[number], number> = {
    item_total: 0, discount: 0, subtotal: 0, tax: 0, item_total_with_tax: 0, shipping_subtotal: 0,
    shipping_discount: 0, shipping: 0, shipping_tax: 0, shipping_total: 0, moss_taxable_amount: 0, moss_tax_total: 0,
  }
  let itemCount = 0
  let conversion = false
  let trial = 0
  let total = 0
  for (let i = 0; i < totals.length; i++) {
    const t = totals[i]!
    for (const k of SUMMED) sums[k] = addAmounts(sums[k], t[k])
    itemCount += lines[i]!.quantity
    if (t.price_conversion) conversion = true
    if (lines[i]!.subscriptionTrial) trial = addAmounts(trial, t.total)
    total = addAmounts(total, t.total)
  }
  return { ...sums, item_count: itemCount, price_conversion: conversion, trial_deductions: trial, total: total - trial }
}

/** Aggregates the lines' rates by identity (id, label, rate, jurisdiction), summing tax and taxable amount. */
export function aggregateRates(lines: readonly LineState[], pick: (l: LineState) => readonly OutputTaxRate[]): AggregatedTaxRate[] {
  const byKey = new Map<string, { rate: OutputTaxRate; tax: number; taxable: number; applies: (string | null)[]; seen: Set<string | null> }>()
  for (const l of lines) {
    for (const r of pick(l)) {
      const key = `${r.id ?? ''}\u0000${r.label}\u0000${r.rate_percent ?? ''}\u0000${r.rate_amount ?? ''}\u0000${r.jurisdiction}`
      let e = byKey.get(key)
      if (e === undefined) {
        e = { rate: r, tax: 0, taxable: 0, applies: [], seen: new Set() }
        byKey.set(key, e)
      }
      e.tax = addAmounts(e.tax, r.tax)
      e.taxable = addAmounts(e.taxable, r.taxable_amount)
      const id = l.product?.id ?? null
      if (!e.seen.has(id)) {
        e.seen.add(id)
        e.applies.push(id)
      }
    }
  }
  return [...byKey.values()].map((e) => ({ ...e.rate, tax: e.tax, taxable_amount: e.taxable, applies_to: e.applies }))
}

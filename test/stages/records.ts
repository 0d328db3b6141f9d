/**
 * Builders of the records stages pass each other, so a stage can be tested alone: its input is
 * built here directly (a line, where it is taxed, a rate, a policy set), never through estimate().
 */
import type { Line } from '../../src/3-lines/line'
import type { Taxed } from '../../src/4-jurisdiction/jurisdiction'
import { DEFAULT_POLICIES, type Policies, type PolicyNames } from '../../src/policies/axes'
import { resolvePolicies } from '../../src/policies/read'
import type { NRate } from '../../src/store/model'

/** A line of a plain service product (not shipped), with what the test sets. */
export function line(over: Partial<Line> = {}): Line {
  const quantity = over.quantity ?? 1
  const unitPrice = over.unitPrice ?? 1000
  return {
    index: 0,
    path: 'products[0]',
    product: null,
    variant: null,
    pack: null,
    name: 'Item',
    type: 'service',
    category: 'general',
    discountAllowed: true,
    isMoss: false,
    shipped: false,
    quantity,
    units: quantity,
    weight: 0,
    subscriptionTrial: false,
    unitPrice,
    itemTotal: unitPrice * quantity,
    exchangeRate: null,
    priceConversion: false,
    inclusive: false,
    ...over,
  }
}

/** Where a line is taxed: in Germany at `rates`, with its price. */
export function taxed(l: Line, rates: readonly NRate[], over: Partial<Taxed> = {}): Taxed {
  return { place: 'DE', jurisdiction: 'DE', moss: false, rates, inclusive: l.inclusive, reverseCharge: false, unitPrice: l.unitPrice, itemTotal: l.itemTotal, ...over }
}

let index = 0
/** A percentage rate (`19` → 19/100) or, with `amount`, a fixed amount per unit. */
export function rate(percent: number | null, over: Partial<NRate> = {}): NRate {
  const p = percent === null ? null : { num: percent * 100, den: 10000 }
  return {
    index: over.index ?? index++,
    path: null,
    id: null,
    label: `${percent ?? 'fixed'}%`,
    jurisdiction: 'DE',
    category: null,
    percent: p === null ? null : reduce(p.num, p.den),
    percentNumber: percent,
    amount: null,
    vat: true,
    compound: false,
    ...over,
  }
}

function reduce(n: number, d: number): { num: number; den: number } {
  let a = n
  let b = d
  while (b !== 0) [a, b] = [b, a % b]
  return { num: n / a, den: d / a }
}

/** The policies of `names` over the defaults. */
export function policies(names: PolicyNames = {}): Policies {
  return Object.keys(names).length === 0 ? DEFAULT_POLICIES : resolvePolicies({ fields: names, preset: null }, { fields: {}, preset: null })
}

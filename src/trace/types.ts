/**
 * The trace of an estimate (`estimate(store, request, { trace: true })`): for every amount of the
 * transaction, how the code that computed it computed it — recorded at that moment, so it is the
 * calculation itself, not a second one beside it. Plain JSON (strings, numbers, arrays), so a
 * traced response can be stored, sent, parsed again and still be explained or reconciled.
 *
 * Paths are relative to `transaction` (`products[0].totals.tax`). Intermediate amounts that the
 * transaction does not show (a discount's base, a line's origin net, an instalment plan's T) have
 * keys starting with `$` (`$discounts[0].base`).
 */
import type { AxisName } from '../policies/axes'

/** How an amount was obtained. @example `const op: TraceOp = 'round'` */
export type TraceOp =
  /** Taken from the input (`source` says where), or fixed by a rule (`rule` says which). */
  | 'given'
  /** One exact rational, rounded once: `exact` = Π factors ÷ Π divisors, `rounding` the mode. */
  | 'round'
  /** An exact product of `factors` (`unit_price × quantity`, a fixed amount × units). */
  | 'product'
  /** A sum (or difference) of other amounts: `terms` lists them with their signs. */
  | 'sum'
  /** One part of a split: `allocation` names the split in `Trace.splits` and the part. */
  | 'allocate'

/** A factor of a product or an exact value: a path of another amount, or an exact number (`"19/100"`, `"3"`). */
export type TraceFactor = string

/** Why a given amount has the value it has, when no input holds it. @example `const r: TraceRule = 'free_over'` */
export type TraceRule =
  /** The line is not shipped: no shipping, no shipping tax (0). */
  | 'not_shipped'
  /** Nothing is shipped: no shipping method, cost 0. */
  | 'no_shipping'
  /** The shipping method is free: the shipped lines reach its `free_over` threshold (0). */
  | 'free_over'
  /** A discount was capped at its `max_amount` (the value is the cap, `source` says where). */
  | 'max_amount'
  /** A discount was capped at what it applies to (the value is the sum of its split's weights). */
  | 'capped_at_base'
  /** No tax rate applies to the line in its jurisdiction and category. */
  | 'no_rate'
  /** The customer is tax exempt: no taxes. */
  | 'tax_exempt'
  /** Reverse charge: VAT is not charged. */
  | 'reverse_charge'
  /** Shipping is not taxed (`shipping_tax: "none"`). */
  | 'shipping_untaxed'
  /** The nShift quote's `taxRate` is 0: its shipping is not taxed. */
  | 'nshift_untaxed'
  /** The line is not taxed under OSS: no OSS amounts (0). */
  | 'not_oss'
  /** No subscription line is in a trial period (0). */
  | 'no_trial'
  /** The request gave no quantity (1). */
  | 'default_quantity'
  /** A negative variant delta would take the price below 0: the price is 0. */
  | 'price_floor'
  /** A variant with delta pricing has no delta in this currency: the delta is 0. */
  | 'no_delta'
  /** An inclusive net rounded per unit would pass the gross (or 0): it is held within [0, gross]. */
  | 'clamped'
  /** A fixed per-unit amount is larger than what is left of an inclusive gross: the rest of the gross. */
  | 'fixed_capped'

/** Which split an amount is one part of. @example `const a: TraceAllocation = { split: 'shipping', index: 0 }` */
export interface TraceAllocation {
  /** Its key in `Trace.splits`. */
  readonly split: string
  /** Which part (0-based). */
  readonly index: number
}

/** A split of one amount into parts, kept once in `Trace.splits`. @example `const s: TraceSplit = { of: 'shipping.shipping_method.cost', total: 1312, by: 'base', weights: ['10000', '5000'], parts: [875, 437], rule: 'largest_remainder' }` */
export interface TraceSplit {
  /** The path of the whole that was split. */
  readonly of: string
  readonly total: number
  /**
   * What the weights are: `base` (the lines' current bases), `quantity` / `equal` (the fallbacks
   * when every weight is 0), `net` / `gross` (bases net or gross of tax), `exact tax`, `rate`,
   * `remaining shipping`, `got units`, `instalments`.
   */
  readonly by: string
  /** The weights as exact numbers (`"10000"`, `"1190/119"`). */
  readonly weights: readonly string[]
  /** Every part of the split, in order. */
  readonly parts: readonly number[]
  /** The rule that placed the leftover units: an `allocation` or `instalment_remainder` value. */
  readonly rule: string
  /** The rounding mode of a `carry` split's running shares. */
  readonly rounding?: string
  /** Paths the weights were taken from, in order, when they are amounts of the trace. */
  readonly inputs?: readonly string[]
}

/** How one amount was derived. @example `trace.amounts['products[0].totals.shipping_tax']` */
export interface TraceEntry {
  readonly op: TraceOp
  /** The amount (equal to the transaction's at the same path). */
  readonly value: number
  /** `round`: the exact value before rounding, a reduced fraction (`"6232/25"`). `allocate`: the exact share. */
  readonly exact?: string
  /** `round`: the mode that rounded `exact`. */
  readonly rounding?: string
  /** `round`: exact = Π factors ÷ Π divisors (paths of other amounts, or exact numbers). `product`: value = Π factors. */
  readonly factors?: readonly TraceFactor[]
  readonly divisors?: readonly TraceFactor[]
  /** `round`: value = offset + factor × round(exact) (per-unit taxes: factor = quantity; an inclusive tax: offset = gross, factor −1). */
  readonly affine?: { readonly offset: number; readonly factor: number }
  /** `sum`: value = Σ sign × amount(path). */
  readonly terms?: readonly (readonly [path: string, sign: 1 | -1])[]
  /** `allocate`: the split and the part. */
  readonly allocation?: TraceAllocation
  /** Taxes: the tax rounding level that applied (`line`, `unit`, `total`). */
  readonly level?: string
  /** `given`: where the input is — `store.<path>` or `request.<path>` (a catalog price also names its `currency`). */
  readonly source?: string
  /** `given` from a catalog price list: the currency of the price taken. */
  readonly currency?: string
  /** `given` (and caps): the rule that fixed the value. */
  readonly rule?: TraceRule
  /** Other amounts this one was decided from without being a factor or a term (a threshold reached, the amount before a cap). */
  readonly inputs?: readonly string[]
  /** The policy axes that decided this amount directly (inference follows them through `terms`, `factors`, `inputs` and splits). */
  readonly policies?: readonly AxisName[]
}

/** The effective policies and options of the traced estimate: enough to re-run it with one policy changed. @example `const o: TraceOptions['rounding'] = 'half_up'` */
export interface TraceOptions {
  readonly at: string
  readonly payment_method: string | null
  readonly strict: boolean
  readonly rounding: string
  readonly tax_rounding: string
  readonly shipping_tax: string
  readonly inclusive_rounding: string
  readonly inclusive_cross_border: string
  readonly instalment_rounding: string
  readonly allocation: string
  readonly discount_proration: string
  readonly tax_base: string
  readonly instalment_remainder: string
}

/** The trace of one estimate. @example `const t: Trace = res.trace!` */
export interface Trace {
  readonly version: 2
  readonly currency: string
  readonly options: TraceOptions
  readonly amounts: Readonly<Record<string, TraceEntry>>
  /** The splits amounts were allocated from, each once (its parts' entries point here). */
  readonly splits: Readonly<Record<string, TraceSplit>>
}

/**
 * The derivation trace (`estimate(store, request, { trace: true })`): for every amount of the
 * transaction, how it was derived. Plain JSON data (strings and numbers), so a traced response can
 * be stored, sent, parsed again and still be explained or reconciled.
 */
import type { RoundingModeName } from '../money/rounding'
import type { InclusiveCrossBorder, InclusiveRounding, InstalmentRounding, ShippingTaxPolicy, TaxRoundingLevel } from '../types/input'

/** How an amount was obtained. @example `const op: TraceOp = 'round'` */
export type TraceOp =
  /** Taken as given: a catalog price, a shipping method's cost, a fixed amount. */
  | 'given'
  /** One exact rational, rounded once (`rounding` says how): taxes, percent discounts, conversions, interest. */
  | 'round'
  /** An exact product of integers (`unit_price × quantity`, a fixed amount × units). */
  | 'product'
  /** A sum (or difference) of other amounts: `terms` lists them with their signs. */
  | 'sum'
  /** One part of a split (largest remainder): `allocation` says of what, by which weights. */
  | 'allocate'

/** A split of one amount into parts (SPEC §3: floor the exact shares, leftovers to the largest remainders, ties to the earlier part), kept once in `Trace.splits`. @example `const s: TraceSplit = { of: 'shipping.shipping_method.cost', total: 1312, by: 'base', weights: ['10000', '5000'], parts: [875, 437] }` */
export interface TraceSplit {
  /** The whole that was split: a path of the transaction or a description. */
  readonly of: string
  readonly total: number
  /** What the weights are (`base`, `quantity`, `equal`, `exact tax`, `rate`, `remaining shipping`). */
  readonly by: string
  /** The weights, as exact decimals (they can be fractions: exact taxes). */
  readonly weights: readonly string[]
  /** Every part of the split, in order. */
  readonly parts: readonly number[]
}

/** Which split an amount is one part of: `split` is its key in `Trace.splits`, `index` the part. @example `const a: TraceAllocation = { split: 'shipping', index: 0, of: 'shipping.shipping_method.cost', total: 1312, by: 'base' }` */
export interface TraceAllocation {
  readonly split: string
  readonly index: number
  readonly of: string
  readonly total: number
  readonly by: string
}

/** An option value that would have given another number here (precomputed where cheap). @example `const a: TraceAlternative = { option: 'instalment_rounding', choice: 'exact', value: 17499 }` */
export interface TraceAlternative {
  readonly option: string
  readonly choice: string
  readonly value: number
}

/** How one amount was derived. @example `trace.amounts['products[0].totals.shipping_tax']` */
export interface TraceEntry {
  readonly op: TraceOp
  /** The amount (equal to the one in the transaction). */
  readonly value: number
  /** The derivation as successive forms of one equation: `explain` prints `path = steps… = value`. */
  readonly steps: readonly string[]
  /** The exact unrounded value of the rounded expression, as a reduced fraction (`"6232/25"`). */
  readonly exact?: string
  /** The same as a decimal (`"249.28"`; cut with `…` when it does not terminate). */
  readonly decimal?: string
  /** The rounding applied to `exact` (one of the seven modes; `floor` for `instalments_amount`). */
  readonly rounding?: RoundingModeName
  /** For taxes: the tax rounding level (`line`, `unit`, `total`). */
  readonly level?: TaxRoundingLevel
  /** `value = offset + factor × round(exact)` (unit level: factor = quantity; inclusive: offset = gross, factor −1). */
  readonly affine?: { readonly offset: number; readonly factor: number }
  /** The transaction paths this amount was derived from. */
  readonly inputs?: readonly string[]
  /** For sums: `value = Σ sign × amount(path)`. */
  readonly terms?: readonly (readonly [path: string, sign: 1 | -1])[]
  readonly allocation?: TraceAllocation
  /** Other option values that give a different number here. */
  readonly alternatives?: readonly TraceAlternative[]
  /** A remark for humans (a cap, a threshold, a policy that applied). */
  readonly note?: string
  /** Where a given amount came from in the store or the request. */
  readonly source?: string
  /** Set when the trace's re-derivation did not give the pipeline's number (a bug to report). */
  readonly unverified?: true
}

/** The effective options of the traced estimate: enough to re-run it with one policy changed. @example `const o: TraceOptions['rounding'] = 'half_up'` */
export interface TraceOptions {
  readonly at: string
  readonly payment_method: string | null
  readonly strict: boolean
  readonly rounding: RoundingModeName
  readonly tax_rounding: TaxRoundingLevel
  readonly shipping_tax: ShippingTaxPolicy
  readonly inclusive_rounding: InclusiveRounding
  readonly inclusive_cross_border: InclusiveCrossBorder
  readonly instalment_rounding: InstalmentRounding
}

/** The trace of one estimate. Paths are relative to `transaction` (`products[0].totals.tax`). @example `const t: Trace = res.trace!` */
export interface Trace {
  readonly version: 1
  readonly currency: string
  readonly options: TraceOptions
  readonly amounts: Readonly<Record<string, TraceEntry>>
  /** The splits amounts were allocated from, each once (its parts' entries point here). */
  readonly splits: Readonly<Record<string, TraceSplit>>
}

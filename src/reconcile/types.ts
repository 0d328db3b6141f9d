/**
 * Public types of `reconcile`.
 */
import type { Store } from '../store/createStore'
import type { EstimateOptions, EstimateRequest } from '../types/input'

/**
 * What a hint says explains a difference:
 * - a policy that would give the API's number: `rounding_mode`, `tax_rounding`, `instalment_rounding`,
 *   `shipping_tax`, `inclusive_rounding`, `inclusive_cross_border`;
 * - a store that differs from the API account: `missing_rate`, `rate_differs`, `conversion`,
 *   `price_differs`, `quantity_differs`, `discount_differs`, `shipping_cost_differs`, `plan_differs`,
 *   `moss`, `store_differs` (a label, id or code);
 * - the shape of the numbers: `allocation` (a split done differently), `inconsistent` (the API's number
 *   is not what its own parts give), `follows` (a part of it differs), `missing` / `extra` (an item
 *   only one side has), `status` (one side is a 400), `unreadable` (not a response at all),
 *   `unexplained` (none of the above: the hint shows our derivation).
 *
 * @example
 * ```ts
 * const c: ReconcileHintCode = 'instalment_rounding'
 * ```
 */
export type ReconcileHintCode =
  | 'rounding_mode'
  | 'tax_rounding'
  | 'instalment_rounding'
  | 'shipping_tax'
  | 'inclusive_rounding'
  | 'inclusive_cross_border'
  | 'missing_rate'
  | 'rate_differs'
  | 'conversion'
  | 'price_differs'
  | 'quantity_differs'
  | 'discount_differs'
  | 'shipping_cost_differs'
  | 'plan_differs'
  | 'moss'
  | 'store_differs'
  | 'allocation'
  | 'discount_proration'
  | 'tax_base'
  | 'instalment_remainder'
  | 'inconsistent'
  | 'follows'
  | 'missing'
  | 'extra'
  | 'status'
  | 'unreadable'
  | 'unexplained'

/** Why a difference may exist. `option` names an estimate option that would give the API's number. @example `const h: ReconcileHint = { code: 'instalment_rounding', message: '…', option: { name: 'instalment_rounding', value: 'tamio' } }` */
export interface ReconcileHint {
  readonly code: ReconcileHintCode
  readonly message: string
  readonly option?: { readonly name: string; readonly value: string }
}

/** One field where our estimate and the API differ. `delta = theirs − ours` for numbers, else null. @example `const d: ReconcileDifference = { path: 'instalments[0].total_amount', ours: 17499, theirs: 17498, delta: -1, hint: null }` */
export interface ReconcileDifference {
  /** Relative to the transaction (`products[0].totals.tax`), with the API's array indices; `status` for the envelope. */
  readonly path: string
  readonly ours: unknown
  readonly theirs: unknown
  readonly delta: number | null
  readonly hint: ReconcileHint | null
}

/** The result of {@link reconcile}. @example `if (!r.matches) for (const d of r.differences) console.log(d.path, d.hint?.message)` */
export interface Reconciliation {
  readonly matches: boolean
  /** The shape the API response was read as (`unknown`: not readable as a response; see the one difference). */
  readonly shape: 'estimate' | 'create' | 'unknown'
  /** How many scalar fields of the API response were compared. */
  readonly compared: number
  readonly differences: readonly ReconcileDifference[]
  /** Fields the API returned that we do not compute (server-side ids, merchant, invoice…): not compared. */
  readonly ignored: readonly string[]
}

/**
 * Options of {@link reconcile}.
 *
 * @example
 * ```ts
 * reconcile(ours, apiJson, { store, request, tolerance: 0 })
 * ```
 */
export interface ReconcileOptions {
  /** Numbers (integers) within this many minor units count as equal. Default 0. */
  readonly tolerance?: number
  /**
   * With `store` and `request` (what `ours` was estimated from), hints also re-run the estimate with
   * each other policy (rounding mode, tax rounding level, shipping tax, inclusive rounding, cross-border
   * pricing, instalment rounding) and name the one that gives the API's number without changing
   * anything that already matches.
   */
  readonly store?: Store
  readonly request?: EstimateRequest
  /** The options `ours` was estimated with, when it carries no trace (a trace records them). */
  readonly options?: EstimateOptions
}

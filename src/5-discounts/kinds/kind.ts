/**
 * A discount kind: how one `type` of discount reads its own fields and computes its amount. The
 * discounts stage does everything the kinds share (dates, currencies, payment methods, minimums,
 * combinability, `max_amount`, the split over lines and its trace); a kind answers only what is
 * its own. Kinds live in the registry `./index.ts`.
 */
import type { Line } from '../../3-lines/line'
import type { Obj, Reader } from '../../input/read'
import type { Policies } from '../../policies/axes'
import type { NDiscount } from '../../store/model'
import type { DiscountPaths } from '../../trace/paths'
import type { Recorder } from '../../trace/recorder'

/** What a kind reads from the store config: its own `spec` and the `value` the output shows. */
export interface KindRead<Spec> {
  readonly spec: Spec
  readonly value: number | null
}

/** A per-currency amount of the discount (a `fixed` amount), in the transaction currency. */
export type AmountIn = (map: ReadonlyMap<string, number> | null, key: string) => number | undefined

/** What an item kind sees when it is applied. */
export interface ItemContext {
  readonly lines: readonly Line[]
  /** Each line's current base: its `item_total` less the discounts applied before this one (gross for inclusive lines, net for exclusive ones). */
  readonly current: readonly number[]
  readonly policies: Policies
  /** The discount's own amounts in the transaction currency (converted once if needed, and recorded). */
  readonly amountIn: AmountIn
  readonly rec: Recorder | undefined
  /** The trace paths of this discount (`discounts[1]…`). */
  readonly paths: DiscountPaths
  /** Appends the terms of line k's current base (its item_total less its earlier discounts) to `into`, for the trace. */
  readonly baseTerms: (k: number, into: (readonly [string, 1 | -1])[]) => void
}

/** What an item kind decided: the amount and the lines it is split over — or why it does not apply. */
export type ItemOutcome =
  | { readonly reject: 'coupon_no_eligible_products' | 'coupon_currency' }
  | {
      /** The amount before `max_amount`, recorded at `amountPath`. */
      readonly amount: number
      readonly amountPath: string
      /** The lines (positions) the amount is split over, and the base each may lose at most (with `weights`: each weight rounded up). */
      readonly lines: readonly number[]
      readonly bases: readonly number[]
      /** Whether `discount_proration` re-weighs the bases (percent and fixed). */
      readonly prorate: boolean
      /** Exact weights [numerator, denominator] to split by instead of the bases (buy X get Y: the got units' bases). */
      readonly weights?: readonly (readonly [bigint, bigint])[]
      /** Where the kind recorded Σ of the lines' current bases, when it did (`$discounts[a].base`). */
      readonly basePath?: string
      /** What the weights are, for the trace (`base`, `got units`). */
      readonly by: string
      /** The products the output's `applies_to` lists, when the kind decides it (buy X get Y). */
      readonly appliesTo?: readonly string[]
    }

/** What a shipping kind sees when it is sized (the shipping stage has split the order's shipping). */
export interface ShippingContext {
  readonly policies: Policies
  readonly rec: Recorder | undefined
  readonly paths: DiscountPaths
}

/**
 * One discount kind. `items` kinds take from the lines' prices; `shipping` kinds are accepted with
 * the others and sized by the shipping stage on the shipping still left.
 */
export interface DiscountKind<Spec> {
  /** The `type` it answers to. */
  readonly type: string
  readonly target: 'items' | 'shipping'
  /** The keys of its own, besides the fields every discount has. */
  readonly fields: readonly string[]
  /** Reads its own fields; records problems on `r`; `undefined` when they are unusable. */
  readonly read: (r: Reader, o: Obj, path: string) => KindRead<Spec> | undefined
  /** Item kinds: the amount and its lines. */
  readonly items?: (d: NDiscount<Spec>, ctx: ItemContext) => ItemOutcome
  /** Shipping kinds, when accepted: a fixed amount it will need in this currency (or why it cannot apply). */
  readonly accept?: (d: NDiscount<Spec>, amountIn: AmountIn, paths: DiscountPaths) => { readonly fixed: number | null } | { readonly reject: 'coupon_currency' }
  /** Shipping kinds: the amount off `left` (the shipping still left, recorded at `leftPath`), and where it recorded it. */
  readonly shipping?: (d: NDiscount<Spec>, fixed: number | null, left: number, leftPath: string, ctx: ShippingContext) => { readonly amount: number; readonly amountPath: string }
}

/**
 * The policy axes: one table. Each axis has its values (a registry of value objects the consuming
 * stage calls), its default, and the stage that reads it. An account field and a per-call option
 * of the same name set it; presets bundle values. Adding a value to an axis is one file plus one
 * line in that axis's registry, and its name in the axis's public type in `types/input.ts` (the
 * JSON Schemas are generated from those; a type test holds them equal to the registries); adding an
 * axis is one entry here (and the stage that reads it).
 */
import { CROSS_BORDER } from '../4-jurisdiction/cross-border/index'
import { DISCOUNT_PRORATIONS } from '../5-discounts/proration/index'
import { TAX_BASES } from '../6-taxes/base/index'
import { INCLUSIVE_ROUNDING } from '../6-taxes/inclusive/index'
import { TAX_LEVELS } from '../6-taxes/levels/index'
import { SHIPPING_TAX_RULES } from '../7-shipping/tax-rules/index'
import { INSTALMENT_REMAINDERS } from '../9-instalments/remainder/index'
import { INSTALMENT_ROUNDING } from '../9-instalments/rounding/index'
import { ALLOCATION_RULES } from '../money/allocation/index'
import { ROUNDING_MODES } from '../money/modes/index'

/** One policy axis: its values by name, its default, and who reads it. */
export interface Axis<V extends Readonly<Record<string, { readonly name: string }>>> {
  readonly values: V
  readonly default: keyof V & string
  /** The stage that consumes it (for the docs and the trace). */
  readonly stage: string
}

const axis = <V extends Readonly<Record<string, { readonly name: string }>>>(values: V, def: keyof V & string, stage: string): Axis<V> => ({ values, default: def, stage })

/**
 * Every axis, in the order inference searches them (and reports them). @example `AXES.rounding.default // 'half_up'`
 */
export const AXES = {
  rounding: axis(ROUNDING_MODES, 'half_up', 'every rounding'),
  tax_rounding: axis(TAX_LEVELS, 'line', 'taxes'),
  shipping_tax: axis(SHIPPING_TAX_RULES, 'proportional', 'shipping'),
  inclusive_rounding: axis(INCLUSIVE_ROUNDING, 'net', 'taxes'),
  inclusive_cross_border: axis(CROSS_BORDER, 'keep_gross', 'jurisdiction'),
  instalment_rounding: axis(INSTALMENT_ROUNDING, 'tamio', 'instalments'),
  allocation: axis(ALLOCATION_RULES, 'largest_remainder', 'every split'),
  discount_proration: axis(DISCOUNT_PRORATIONS, 'base', 'discounts'),
  tax_base: axis(TAX_BASES, 'after_discount', 'taxes'),
  instalment_remainder: axis(INSTALMENT_REMAINDERS, 'spread_first', 'instalments'),
} as const

/** The name of a policy axis. @example `const a: AxisName = 'allocation'` */
export type AxisName = keyof typeof AXES

/** The value names of one axis. @example `const v: AxisValueName<'tax_base'> = 'before_discount'` */
export type AxisValueName<A extends AxisName> = keyof (typeof AXES)[A]['values'] & string

/** The axes in their order. @example `AXIS_NAMES[0] // 'rounding'` */
export const AXIS_NAMES = Object.keys(AXES) as AxisName[]

/** The resolved policies of one estimate: each axis's value object (what the stages call). */
export type Policies = { readonly [A in AxisName]: (typeof AXES)[A]['values'][AxisValueName<A>] }

/** A setting of some axes by value name (an account's fields, per-call options, a preset). */
export type PolicyNames = { readonly [A in AxisName]?: AxisValueName<A> }

/** The defaults, resolved. */
export const DEFAULT_POLICIES: Policies = Object.fromEntries(AXIS_NAMES.map((a) => [a, (AXES[a].values as Record<string, unknown>)[AXES[a].default]])) as Policies

/** The value names of resolved policies (for the trace and reconcile). */
export function policyNames(p: Policies): { readonly [A in AxisName]: AxisValueName<A> } {
  const out: Record<string, string> = {}
  for (const a of AXIS_NAMES) out[a] = p[a].name
  return out as { readonly [A in AxisName]: AxisValueName<A> }
}

/**
 * The registry of shipping cost kinds, keyed on `type`. A new kind is one file beside these (a
 * {@link ShippingCostKind} value: its fields, how it reads them, what it costs) plus one line here.
 * (An nShift carrier quote in the request replaces the method altogether: see `../nshift.ts`.)
 */
import { fixed } from './fixed'
import type { ShippingCostKind } from './kind'
import type { AnySpec } from '../../store/model'
import { perItem } from './per-item'
import { weight } from './weight'

export type { Shipment, ShippingCostKind } from './kind'

/** Every shipping cost kind by its `type`. @example `SHIPPING_COST_KINDS.per_item.fields // ['cost', 'additional_item_cost']` */
export const SHIPPING_COST_KINDS = {
  fixed,
  per_item: perItem,
  weight,
} as const satisfies Readonly<Record<string, ShippingCostKind<AnySpec>>>

/** A shipping method `type`. @example `const t: ShippingMethodType = 'weight'` */
export type ShippingMethodType = keyof typeof SHIPPING_COST_KINDS

/**
 * The registry of discount kinds, keyed on `type`. A new kind is one file beside these (a
 * {@link DiscountKind} value: its fields, how it reads them, how it computes its amount) plus one
 * line here; the store reader, the discounts stage and the shipping stage dispatch through it.
 */
import { buyXGetY } from './buy-x-get-y'
import { fixed } from './fixed'
import { freeShipping } from './free-shipping'
import type { DiscountKind } from './kind'
import type { AnySpec } from '../../store/model'
import { percent } from './percent'
import { shipping } from './shipping'

export type { DiscountKind, ItemContext, ItemOutcome, ShippingContext } from './kind'

/** Every discount kind by its `type`. @example `DISCOUNT_KINDS.buy_x_get_y.target // 'items'` */
export const DISCOUNT_KINDS = {
  percent,
  fixed,
  free_shipping: freeShipping,
  shipping,
  buy_x_get_y: buyXGetY,
} as const satisfies Readonly<Record<string, DiscountKind<AnySpec>>>

/** A discount `type`. @example `const t: DiscountType = 'buy_x_get_y'` */
export type DiscountType = keyof typeof DISCOUNT_KINDS

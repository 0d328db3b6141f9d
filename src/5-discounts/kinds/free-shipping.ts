import type { DiscountKind } from './kind'

/**
 * `free_shipping`: the whole shipping still left is taken off (it needs something shipped, and,
 * with `applies_to`, some line in it).
 *
 * @example
 * ```json
 * { "code": "FREESHIP", "label": "Free shipping", "type": "free_shipping" }
 * ```
 */
export const freeShipping: DiscountKind<null> = {
  type: 'free_shipping',
  target: 'shipping',
  fields: [],
  read: () => ({ spec: null, value: null }),
  accept: () => ({ fixed: null }),
  shipping(_d, _fixed, left, leftPath) {
    return { amount: left, amountPath: leftPath }
  },
}

import type { TaxBase } from './base'

/**
 * Before discount: the taxes are charged on the undiscounted `item_total`; the discount reduces
 * the price only (a manufacturer's coupon; a store that applies tax before discount).
 * @example `beforeDiscount.taxed(1000, 100) // 1000`
 */
export const beforeDiscount: TaxBase = { name: 'before_discount', taxed: (itemTotal) => itemTotal }

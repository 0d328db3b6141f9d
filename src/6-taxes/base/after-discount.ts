import type { TaxBase } from './base'

/** After discount (the default): the taxes are charged on `item_total − discount`. @example `afterDiscount.taxed(1000, 100) // 900` */
export const afterDiscount: TaxBase = { name: 'after_discount', taxed: (itemTotal, discount) => itemTotal - discount }

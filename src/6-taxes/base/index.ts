/** The tax bases by policy value: a new one is one file plus one line here. */
import { afterDiscount } from './after-discount'
import type { TaxBase } from './base'
import { beforeDiscount } from './before-discount'

export type { TaxBase } from './base'

/** @example `TAX_BASES.before_discount.taxed(1000, 100) // 1000` */
export const TAX_BASES = { after_discount: afterDiscount, before_discount: beforeDiscount } as const satisfies Readonly<Record<string, TaxBase>>

/**
 * The registry of allocation rules (where the leftover cents of a split go). A new rule is one file
 * beside these (an {@link AllocationRule} value) plus one line here; the `allocation` policy then
 * accepts its name.
 */
import { carry } from './carry'
import { first } from './first'
import { largestRemainder } from './largest-remainder'
import { last } from './last'
import type { AllocationRule } from './rule'

export type { AllocationRule, Shares } from './rule'
export { carry, first, largestRemainder, last }

/** Every allocation rule by its policy name. @example `ALLOCATION_RULES.carry` */
export const ALLOCATION_RULES = {
  largest_remainder: largestRemainder,
  first,
  last,
  carry,
} as const satisfies Readonly<Record<string, AllocationRule>>

/** The name of an allocation rule. @example `const a: AllocationName = 'carry'` */
export type AllocationName = keyof typeof ALLOCATION_RULES

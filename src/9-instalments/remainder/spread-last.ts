import { evenly, type InstalmentRemainder } from './remainder'

/** Spread last: one extra cent each to the last r instalments (16666, 16667, 16667 for 50000 in 3). @example `spreadLast.split(50000, 3) // [16666, 16667, 16667]` */
export const spreadLast: InstalmentRemainder = {
  name: 'spread_last',
  split(rest, n) {
    const { each, r } = evenly(rest, n)
    return Array.from({ length: n }, (_, i) => (i >= n - r ? each + 1 : each))
  },
}

import { evenly, type InstalmentRemainder } from './remainder'

/** Spread first (the default): one extra cent each to the first r instalments (16667, 16667, 16666 for 50000 in 3). @example `spreadFirst.split(50000, 3) // [16667, 16667, 16666]` */
export const spreadFirst: InstalmentRemainder = {
  name: 'spread_first',
  split(rest, n) {
    const { each, r } = evenly(rest, n)
    return Array.from({ length: n }, (_, i) => (i < r ? each + 1 : each))
  },
}

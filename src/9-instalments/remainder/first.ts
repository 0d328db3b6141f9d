import { evenly, type InstalmentRemainder } from './remainder'

/** First: all r leftover cents on the first instalment (16668, 16666, 16666 for 50000 in 3). @example `first.split(50000, 3) // [16668, 16666, 16666]` */
export const first: InstalmentRemainder = {
  name: 'first',
  split(rest, n) {
    const { each, r } = evenly(rest, n)
    return Array.from({ length: n }, (_, i) => (i === 0 ? each + r : each))
  },
}

import { evenly, type InstalmentRemainder } from './remainder'

/** Last: all r leftover cents on the last instalment (16666, 16666, 16668 for 50000 in 3). @example `last.split(50000, 3) // [16666, 16666, 16668]` */
export const last: InstalmentRemainder = {
  name: 'last',
  split(rest, n) {
    const { each, r } = evenly(rest, n)
    return Array.from({ length: n }, (_, i) => (i === n - 1 ? each + r : each))
  },
}

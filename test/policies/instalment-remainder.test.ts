/**
 * The `instalment_remainder` policy: with `instalment_rounding: "exact"` a plan keeps every cent of
 * T = total + interest, and the r = (T − upfront) mod n leftover cents go to the first r
 * instalments (`spread_first`, the default), the last r (`spread_last`), all to the first (`first`)
 * or all to the last (`last`). Under the default `tamio` rounding there is no remainder to place.
 */
import { describe, expect, it } from 'vitest'
import type { InstalmentPlanConfig, InstalmentRemainder } from '../../src/index'
import { est, item, shop } from './kit'

const REMAINDERS: readonly InstalmentRemainder[] = ['spread_first', 'spread_last', 'first', 'last']
const plan = (id: string, instalments: number, upfront: string, interest: string): InstalmentPlanConfig =>
  ({ id, instalments, interval: 1, cycle: 'month', offset: 1, upfront_percent: upfront, interest_percent: interest, min_total: null, max_total: null, currencies: null }) as InstalmentPlanConfig

/** The instalments (the schedule after its upfront entry) of the one plan offered. */
const instalments = (t: ReturnType<typeof est>) => t.instalments[0]!.schedule.slice(1).map((e) => e.amount)

describe('where exact rounding puts the leftover cents', () => {
  const s = shop({ products: [item('big', 50000), item('ten', 10000), item('nine', 9000)], plans: [plan('p3', 3, '0', '0')] })

  it('500.00 in 3: 16666.67 each — two cents left', () => {
    // 50000 = 3 × 16666 + 2
    const x = REMAINDERS.map((instalment_remainder) => est(s, [{ id: 'big' }], { instalment_rounding: 'exact', instalment_remainder }))
    expect(x.map(instalments)).toEqual([
      [16667, 16667, 16666],
      [16666, 16667, 16667],
      [16668, 16666, 16666],
      [16666, 16666, 16668],
    ])
    // the plan keeps T and shows the floored instalment amount either way
    expect(x.map((t) => [t.instalments[0]!.total_amount, t.instalments[0]!.instalments_amount])).toEqual(REMAINDERS.map(() => [50000, 16666]))
  })

  it('with interest and an upfront: 100.00 at 5 % interest, 12.34 % upfront, in 5', () => {
    const s5 = shop({ products: [item('ten', 10000)], plans: [plan('p5', 5, '12.34', '5')] })
    // interest round(10000 × 5 %) = 500 → T 10500; upfront round(10500 × 12.34 % = 1295.7) = 1296
    // rest 9204 = 5 × 1840 + 4 → four cents to place
    const x = REMAINDERS.map((instalment_remainder) => est(s5, [{ id: 'ten' }], { instalment_rounding: 'exact', instalment_remainder }))
    expect(x.map(instalments)).toEqual([
      [1841, 1841, 1841, 1841, 1840],
      [1840, 1841, 1841, 1841, 1841],
      [1844, 1840, 1840, 1840, 1840],
      [1840, 1840, 1840, 1840, 1844],
    ])
    expect(x.map((t) => [t.instalments[0]!.upfront_amount, t.instalments[0]!.schedule[0]!.amount, t.instalments[0]!.total_amount])).toEqual(REMAINDERS.map(() => [1296, 1296, 10500]))
  })

  it('no remainder, nothing to place: 90.00 in 3 is 30.00 under every rule', () => {
    expect(REMAINDERS.map((instalment_remainder) => instalments(est(s, [{ id: 'nine' }], { instalment_rounding: 'exact', instalment_remainder })))).toEqual(REMAINDERS.map(() => [3000, 3000, 3000]))
  })

  it('under the default tamio rounding the rule has nothing to do: 3 × 166.66, two cents dropped', () => {
    const x = REMAINDERS.map((instalment_remainder) => est(s, [{ id: 'big' }], { instalment_remainder }))
    expect(x.map(instalments)).toEqual(REMAINDERS.map(() => [16666, 16666, 16666]))
    expect(x.map((t) => t.instalments[0]!.total_amount)).toEqual(REMAINDERS.map(() => 49998))
  })

  it('the account fields set it for every call', () => {
    const acc = shop({ account: { instalment_rounding: 'exact', instalment_remainder: 'last' }, products: [item('big', 50000)], plans: [plan('p3', 3, '0', '0')] })
    expect(instalments(est(acc, [{ id: 'big' }]))).toEqual([16666, 16666, 16668])
    // a per-call option wins over the account's
    expect(instalments(est(acc, [{ id: 'big' }], { instalment_remainder: 'spread_last' }))).toEqual([16666, 16667, 16667])
  })
})

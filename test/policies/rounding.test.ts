/**
 * The `rounding` policy through the public API, all seven modes: `half_up` (ties away from zero,
 * the default), `half_even`, `half_down` (ties toward zero), `up` (away from zero), `down` (toward
 * zero), `ceil`, `floor`. An estimate rounds only non-negative exact amounts (taxes, percentages of
 * prices, conversions, interest), so `up` agrees with `ceil` and `down` with `floor` here; they
 * differ on negative numbers only (the money core's tests cover those).
 */
import { describe, expect, it } from 'vitest'
import type { RoundingPolicy } from '../../src/index'
import { est, item, percentOff, rate, shop } from './kit'

const MODES: readonly RoundingPolicy[] = ['half_up', 'half_even', 'half_down', 'up', 'down', 'ceil', 'floor']

describe('every rounding mode on taxes and discounts', () => {
  it('19 % of 1.50, 2.50, 1.51, 1.49 (exact 28.5, 47.5, 28.69, 28.31)', () => {
    const s = shop({ rates: [rate('de19', '19')], products: [item('a', 150), item('b', 250), item('c', 151), item('d', 149)] })
    const taxes = (rounding: RoundingPolicy) => est(s, [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }], { rounding }).products.map((p) => p.totals.tax)
    expect(MODES.map(taxes)).toEqual([
      [29, 48, 29, 28], // half_up: ties up
      [28, 48, 29, 28], // half_even: 28.5 → 28, 47.5 → 48 (the even neighbour)
      [28, 47, 29, 28], // half_down: ties down
      [29, 48, 29, 29], // up: any fraction up
      [28, 47, 28, 28], // down: any fraction dropped
      [29, 48, 29, 29], // ceil (= up on positive amounts)
      [28, 47, 28, 28], // floor (= down on positive amounts)
    ])
  })

  it('a percentage discount is rounded once with the mode: 10 % of 19.95 = 199.5, then the tax of what is left', () => {
    const s = shop({ rates: [rate('de19', '19')], products: [item('a', 1995)], coupons: [percentOff('TEN', '10')] })
    const x = MODES.map((rounding) => est(s, [{ id: 'a' }], { rounding }, { coupons: ['TEN'] }).products[0]!.totals)
    // discount 200 (ties up or away) or 199; tax of 1795 = 341.05 or of 1796 = 341.24 in the same mode
    expect(x.map((t) => [t.discount, t.tax])).toEqual([
      [200, 341], // half_up
      [200, 341], // half_even (199.5 → 200, the even neighbour)
      [199, 341], // half_down; 341.24 → 341
      [200, 342], // up: 341.05 → 342
      [199, 341], // down: 341.24 → 341
      [200, 342], // ceil
      [199, 341], // floor
    ])
  })

  it('the account field sets the mode for every call; a per-call option wins', () => {
    const s = shop({ account: { rounding: 'floor' }, rates: [rate('de19', '19')], products: [item('c', 151)] })
    // 28.69: floor 28, half_up 29
    expect([est(s, [{ id: 'c' }]).totals.tax, est(s, [{ id: 'c' }], { rounding: 'half_up' }).totals.tax]).toEqual([28, 29])
  })
})

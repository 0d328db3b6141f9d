/**
 * The `allocation` policy in every split the library makes: an order discount over its lines
 * (percent and fixed), buy-X-get-Y over the got units' lines, the order's shipping over the shipped
 * lines, a shipping discount over the shipping shares, a document-level tax (`tax_rounding: total`)
 * over the lines, and an inclusive tax over several rates (line and unit level).
 *
 * Every split floors the exact shares sᵢ = T·wᵢ/Σw; the rules place the leftover cents:
 *   largest_remainder — one each to the largest fractional parts, ties to the earlier part;
 *   first / last      — one each to the first / last parts with a positive weight;
 *   carry             — part i = R(Cᵢ) − R(Cᵢ₋₁), Cᵢ = s₁ + … + sᵢ, R the rounding mode (half_up here).
 * The expected parts are worked out in the comments; results are listed in the order
 * largest_remainder, first, last, carry.
 */
import { describe, expect, it } from 'vitest'
import { estimate, type EstimateRequest } from '../../src/index'
import { checkTrace } from '../support/trace-check'
import { ALLOCATIONS, AT, CONSUMER, est, fixedOff, goods, gross, item, lineDiscounts, percentOff, rate, rateTaxes, ship, shippingShares, shop, storeConfig } from './kit'

/** One result per allocation rule, in {@link ALLOCATIONS} order. */
const perRule = <T>(f: (allocation: (typeof ALLOCATIONS)[number]) => T): T[] => ALLOCATIONS.map((a) => f(a))

describe('an order discount over its lines', () => {
  it('a fixed 7.05 off 20.00 + 20.00 + 20.00 + 10.00: four rules, four splits (a three-way tie among the first lines)', () => {
    const s = shop({ products: [item('a', 2000), item('b', 2000), item('c', 2000), item('d', 1000)], coupons: [fixedOff('OFF', 705)] })
    const cart = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }]
    // exact 705 × (2, 2, 2, 1) / 7 = 201.4286, 201.4286, 201.4286, 100.7143 → floors 201, 201, 201, 100 = 703, 2 cents left
    //   largest_remainder: .7143 (d), then the tie .4286 to the earlier line (a) → 202, 201, 201, 101
    //   first: a, b → 202, 202, 201, 100;   last: d, c → 201, 201, 202, 101
    //   carry: R(201.43) = 201; R(402.86) = 403 → 202; R(604.29) = 604 → 201; 705 − 604 = 101
    expect(perRule((allocation) => lineDiscounts(est(s, cart, { allocation }, { coupons: ['OFF'] })))).toEqual([
      [202, 201, 201, 101],
      [202, 202, 201, 100],
      [201, 201, 202, 101],
      [201, 202, 201, 101],
    ])
  })

  it('a third off three lines of 10.00: 33.333 % of 3000 = round(999.99) = 1000, split 333.33 each', () => {
    const s = shop({ products: [item('a', 1000), item('b', 1000), item('c', 1000)], coupons: [percentOff('THIRD', '33.333')] })
    const cart = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    // floors 333 × 3 = 999, one cent left; ties go to the earlier line under largest_remainder
    //   carry: R(333.33) = 333; R(666.67) = 667 → 334; 1000 − 667 = 333
    expect(perRule((allocation) => lineDiscounts(est(s, cart, { allocation }, { coupons: ['THIRD'] })))).toEqual([
      [334, 333, 333],
      [334, 333, 333],
      [333, 333, 334],
      [333, 334, 333],
    ])
  })

  it('first and last count only lines with a positive weight: 1.01 off 10.00 + 10.00 + a free line', () => {
    const s = shop({ products: [item('a', 1000), item('b', 1000), item('free', 0)], coupons: [fixedOff('OFF', 101)] })
    const cart = [{ id: 'a' }, { id: 'b' }, { id: 'free' }]
    // exact 50.5, 50.5, 0 → floors 50, 50, 0, one cent left; last skips the zero-weight line and gives it to b
    //   carry: R(50.5) = 51 (half up); 101 − 51 = 50; the free line's running share stays 101 → 0
    expect(perRule((allocation) => lineDiscounts(est(s, cart, { allocation }, { coupons: ['OFF'] })))).toEqual([
      [51, 50, 0],
      [51, 50, 0],
      [50, 51, 0],
      [51, 50, 0],
    ])
  })

  it('carry rounds the running shares with the rounding mode: 10 % of 19.95 + 19.95 = 399 → 199.5 each', () => {
    const s = shop({ products: [item('a', 1995), item('b', 1995)], coupons: [percentOff('TEN', '10')] })
    const cart = [{ id: 'a' }, { id: 'b' }]
    const carry = (rounding: 'half_up' | 'half_down' | 'half_even' | 'floor' | 'ceil') => lineDiscounts(est(s, cart, { allocation: 'carry', rounding }, { coupons: ['TEN'] }))
    // 10 % of 3990 = 399 exactly in every mode; C₁ = 199.5: half_up 200, half_down 199, half_even 200 (even), floor 199, ceil 200
    expect([carry('half_up'), carry('half_down'), carry('half_even'), carry('floor'), carry('ceil')]).toEqual([
      [200, 199],
      [199, 200],
      [200, 199],
      [199, 200],
      [200, 199],
    ])
  })
})

describe('buy X get Y over the got units', () => {
  it('buy one, get one a third off, three lines of 2 × 10.00: the got units are one of each line', () => {
    const offer = { code: 'B1G1', label: 'B1G1', type: 'buy_x_get_y', buy: { quantity: 1 }, get: { quantity: 1, value: '33.333' } } as const
    const s = shop({ products: [item('a', 1000), item('b', 1000), item('c', 1000)], coupons: [offer] })
    const cart = [{ id: 'a', quantity: 2 }, { id: 'b', quantity: 2 }, { id: 'c', quantity: 2 }]
    // every unit is 1000: each application gets the earliest free unit and buys the next one of the same line
    // → one unit got on each line; amount round(3000 × 33.333 %) = round(999.99) = 1000, split by got bases 1000 each
    expect(perRule((allocation) => lineDiscounts(est(s, cart, { allocation }, { coupons: ['B1G1'] })))).toEqual([
      [334, 333, 333],
      [334, 333, 333],
      [333, 333, 334],
      [333, 334, 333],
    ])
  })
})

describe('a buy-X-get-Y share held at its cap', () => {
  it('a got line never loses more than its got units cost, rounded up: 3.00 + 3.33 free, rounded up to 6.34, the first cent to the 3.00 line', () => {
    const offer = { code: 'FREE2', label: 'two free', type: 'buy_x_get_y', buy: { quantity: 1, products: ['Z'] }, get: { quantity: 2, products: ['X', 'Y'] } } as const
    const cfg = { products: [item('Z', 2000), item('X', 300), item('Y', 400)], coupons: [fixedOff('YOFF', 200, { applies_to: { products: ['Y'] } }), offer] }
    const cart = [{ id: 'Z' }, { id: 'X' }, { id: 'Y', quantity: 3 }]
    const request = { products: cart, coupons: ['YOFF', 'FREE2'], ...CONSUMER } as EstimateRequest
    // YOFF: Y 1200 − 200 = 1000, its units 333.33. FREE2 buys Z and gets the two cheapest of X and Y: X (300) and one Y (333.33)
    // amount round_up(633.33) = 634; shares 634 × (300, 333.33) / 633.33 = 300.32, 333.68 → floors 300, 333, one cent left
    //   largest_remainder: to .68 → 300, 334;  first: to X → 301, more than X's 300 → X held at 300, Y takes 634 − 300 = 334
    const free = (allocation: 'largest_remainder' | 'first') => est(shop(cfg), cart, { rounding: 'up', allocation }, { coupons: ['YOFF', 'FREE2'] }).products.map((p) => p.discounts.find((d) => d.code === 'FREE2')?.amount ?? 0)
    expect([free('largest_remainder'), free('first')]).toEqual([
      [0, 300, 334],
      [0, 300, 334],
    ])
    const res = estimate(shop(cfg), request, { at: AT, trace: true, rounding: 'up', allocation: 'first' })
    if (res.status !== 200) throw new Error('expected 200')
    // X is recorded as its got units' base rounded up; the split is Y's share of what was left
    expect(res.trace!.amounts['products[1].discounts[0].amount']).toMatchObject({ op: 'round', value: 300, exact: '300', rounding: 'ceil', rule: 'capped_at_base' })
    expect(res.trace!.splits['discounts[1]']).toMatchObject({ of: '$discounts[1].resplit', total: 334, by: 'got units', parts: [334] })
    expect(checkTrace(res.trace!, res.transaction, storeConfig(cfg), request)).toEqual([])
  })
})

describe("the order's shipping over the shipped lines", () => {
  it('1.00 of shipping over three lines of 10.00: 33.33 each', () => {
    const s = shop({ products: [goods('a', 1000), goods('b', 1000), goods('c', 1000)], shipping: [ship('post', 100)] })
    const cart = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    // floors 33 × 3 = 99; carry: R(33.33) = 33, R(66.67) = 67 → 34, 100 − 67 = 33
    expect(perRule((allocation) => shippingShares(est(s, cart, { allocation })))).toEqual([
      [34, 33, 33],
      [34, 33, 33],
      [33, 33, 34],
      [33, 34, 33],
    ])
  })

  it('a shipped line with a zero base takes no share; last skips it', () => {
    const s = shop({ products: [goods('a', 1000), goods('b', 1000), goods('free', 0)], shipping: [ship('post', 101)] })
    const cart = [{ id: 'a' }, { id: 'b' }, { id: 'free' }]
    // exact 50.5, 50.5, 0 → floors 50, 50, 0; carry: R(50.5) = 51, then 50, then 0
    expect(perRule((allocation) => shippingShares(est(s, cart, { allocation })))).toEqual([
      [51, 50, 0],
      [51, 50, 0],
      [50, 51, 0],
      [51, 50, 0],
    ])
  })

  it('all bases zero: the split falls back to the quantities (1 and 2), and the rules apply to those weights', () => {
    const s = shop({ products: [goods('f1', 0), goods('f2', 0)], shipping: [ship('post', 100)] })
    const cart = [{ id: 'f1' }, { id: 'f2', quantity: 2 }]
    // weights 1, 2 → exact 33.33, 66.67 → floors 33, 66, one cent left:
    //   largest_remainder .67 → f2; first → f1; last → f2; carry: R(33.33) = 33, 100 − 33 = 67
    expect(perRule((allocation) => shippingShares(est(s, cart, { allocation })))).toEqual([
      [33, 67],
      [34, 66],
      [33, 67],
      [33, 67],
    ])
  })

  it('under carry a shipping share depends on the rounding mode too, and its trace says so', () => {
    const s = shop({ products: [goods('a', 1000), goods('b', 1000)], shipping: [ship('post', 101)] })
    const cart = [{ id: 'a' }, { id: 'b' }]
    // exact 50.5, 50.5: carry R(50.5) = 51 under half_up, 50 under half_down
    expect([shippingShares(est(s, cart, { allocation: 'carry' })), shippingShares(est(s, cart, { allocation: 'carry', rounding: 'half_down' }))]).toEqual([
      [51, 50],
      [50, 51],
    ])
    const res = estimate(s, { products: cart, ...CONSUMER } as EstimateRequest, { at: AT, allocation: 'carry', trace: true })
    if (res.status !== 200) throw new Error('expected 200')
    expect(res.trace!.amounts['products[0].totals.shipping_subtotal']!.policies).toEqual(['allocation', 'rounding'])
    expect(res.trace!.splits['shipping']).toMatchObject({ rule: 'carry', rounding: 'half_up', parts: [51, 50] })
  })

  it('a shipping discount is split over the shipping shares by the same rule: half of 1.00 over 10.00 × 3', () => {
    const s = shop({ products: [goods('a', 1000), goods('b', 1000), goods('c', 1000)], shipping: [ship('post', 100)], coupons: [{ code: 'HALF', label: 'half', type: 'shipping', value: '50' }] })
    const cart = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    const shippingDiscounts = (allocation: (typeof ALLOCATIONS)[number]) => est(s, cart, { allocation }, { coupons: ['HALF'] }).products.map((p) => p.totals.shipping_discount)
    // 50 % of 100 = 50, over each rule's own shares (above):
    //   largest_remainder: shares 34, 33, 33 → exact 17, 16.5, 16.5 → 17, 16, 16 + the tie to b → 17, 17, 16
    //   first: shares 34, 33, 33 → 17, 16, 16 + a → 18, 16, 16
    //   last: shares 33, 33, 34 → exact 16.5, 16.5, 17 → 16, 16, 17 + c → 16, 16, 18
    //   carry: shares 33, 34, 33 → exact 16.5, 17, 16.5: R(16.5) = 17; R(33.5) = 34 → 17; 50 − 34 = 16
    expect(perRule(shippingDiscounts)).toEqual([
      [17, 17, 16],
      [18, 16, 16],
      [16, 16, 18],
      [17, 17, 16],
    ])
  })
})

describe('a document-level tax (tax_rounding: total) over the lines', () => {
  it('19 % on three lines of 1.02: round(3 × 19.38 = 58.14) = 58, split back 19.33 each', () => {
    const s = shop({ rates: [rate('de19', '19')], products: [item('a', 102), item('b', 102), item('c', 102)] })
    const cart = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    // exact taxes 19.38 each → shares 58 / 3 = 19.333 → floors 19 × 3 = 57, one cent left
    //   carry: R(19.33) = 19; R(38.67) = 39 → 20; 58 − 39 = 19
    const taxes = perRule((allocation) => est(s, cart, { tax_rounding: 'total', allocation }).products.map((p) => p.totals.tax))
    expect(taxes).toEqual([
      [20, 19, 19],
      [20, 19, 19],
      [19, 19, 20],
      [19, 20, 19],
    ])
    // line level for comparison: round(19.38) = 19 on each line, 57 in all
    expect(est(s, cart).totals.tax).toBe(57)
  })

  it('inclusive lines: 19 % taken out of three gross prices of 10.00 — the nets are what is left', () => {
    const s = shop({ rates: [rate('de19', '19')], products: [gross('a', 1000), gross('b', 1000), gross('c', 1000)] })
    const cart = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    // exact tax 1000 × 19 / 119 = 159.664 each; pool round(478.99) = 479 → shares 159.667 each → floors 159 × 3 = 477, 2 left
    //   largest_remainder (ties to the earlier): 160, 160, 159; first: 160, 160, 159; last: 159, 160, 160
    //   carry: R(159.67) = 160; R(319.33) = 319 → 159; 479 − 319 = 160
    const t = perRule((allocation) => est(s, cart, { tax_rounding: 'total', allocation }))
    expect(t.map((x) => x.products.map((p) => p.totals.tax))).toEqual([
      [160, 160, 159],
      [160, 160, 159],
      [159, 160, 160],
      [160, 159, 160],
    ])
    // net = gross − tax, and it is the taxable amount shown
    expect(t[3]!.products.map((p) => p.taxes.tax_rates[0]!.taxable_amount)).toEqual([840, 841, 840])
    expect(t.map((x) => x.totals.total)).toEqual([3000, 3000, 3000, 3000])
  })

  it("Magento's own fixture (10.00 + 11.00 at 8.25 %, TOTAL): the total tax matches, 1.73; the lines are 0.82 + 0.91 under carry", () => {
    // Magento's dev/tests/integration/testsuite/Magento/Tax/_files/scenarios/excluding_tax_multi_item_total.php expects
    // 0.83 + 0.90: its running rounding carries the delta of the exact taxes (R(82.5) = 83, R(173.25) − 83 = 90).
    // Here the pooled tax round(82.5 + 90.75 = 173.25) = 173 is split back by the exact taxes:
    // shares 173 × 82.5 / 173.25 = 82.381 and 173 × 90.75 / 173.25 = 90.619 →
    //   largest_remainder 82, 91; first 83, 90; last 82, 91; carry R(82.381) = 82, 173 − 82 = 91
    const s = shop({ rates: [rate('tx', '8.25')], products: [item('simple1', 1000), item('simple2', 1100)] })
    const cart = [{ id: 'simple1' }, { id: 'simple2' }]
    const t = perRule((allocation) => est(s, cart, { tax_rounding: 'total', allocation }))
    expect(t.map((x) => x.products.map((p) => p.totals.tax))).toEqual([
      [82, 91],
      [83, 90],
      [82, 91],
      [82, 91],
    ])
    expect(t.map((x) => x.totals.tax)).toEqual([173, 173, 173, 173])
    // the magento preset is total + carry
    expect(est(s, cart, { preset: 'magento' }).products.map((p) => p.totals.tax)).toEqual([82, 91])
  })
})

describe('an inclusive tax over several rates', () => {
  const rates = [rate('r10', '10'), rate('r5a', '5'), rate('r5b', '5')]

  it('line level: 12.12 gross at 10 % + 5 % + 5 %: net 10.10, tax 2.02 split 2 : 1 : 1', () => {
    const s = shop({ rates, products: [gross('g', 1212)] })
    // net round(1212 / 1.2) = 1010, tax 202 → exact 101, 50.5, 50.5 → floors 101, 50, 50, one cent left
    //   largest_remainder: the tie .5 / .5 to the earlier rate → 101, 51, 50; first: 102, 50, 50; last: 101, 50, 51
    //   carry (rates in store order): R(101) = 101; R(151.5) = 152 → 51; 202 − 152 = 50
    expect(perRule((allocation) => rateTaxes(est(s, [{ id: 'g' }], { allocation }))[0])).toEqual([
      [101, 51, 50],
      [102, 50, 50],
      [101, 50, 51],
      [101, 51, 50],
    ])
  })

  it('line level: 12.18 gross: tax 2.03, two cents left, carry differs from the others', () => {
    const s = shop({ rates, products: [gross('g', 1218)] })
    // net round(1218 / 1.2) = 1015, tax 203 → exact 101.5, 50.75, 50.75 → floors 101, 50, 50, two cents left
    //   largest_remainder: .75, .75 → 101, 51, 51; first: 102, 51, 50; last: 101, 51, 51
    //   carry: R(101.5) = 102; R(152.25) = 152 → 50; 203 − 152 = 51
    expect(perRule((allocation) => rateTaxes(est(s, [{ id: 'g' }], { allocation }))[0])).toEqual([
      [101, 51, 51],
      [102, 51, 50],
      [101, 51, 51],
      [102, 50, 51],
    ])
  })

  it('unit level: the tax of 2 × 5.10 at 10 % + 5 % is split over the rates by the rates (2 : 1), not by line-level taxes', () => {
    const s = shop({ rates: [rate('r10', '10'), rate('r5', '5')], products: [gross('g', 510)] })
    // one unit: net round(510 / 1.15 = 443.478) = 443 → net 886, tax 1020 − 886 = 134
    // exact per-rate taxes are 2 : 1 → 89.333, 44.667 → floors 89, 44, one cent left
    //   largest_remainder: .667 → the 5 % rate → 89, 45; first 90, 44; last 89, 45; carry R(89.33) = 89, 134 − 89 = 45
    // (weighing by the line-level taxes 89, 44 instead would give 90, 44 under largest_remainder)
    expect(perRule((allocation) => rateTaxes(est(s, [{ id: 'g', quantity: 2 }], { tax_rounding: 'unit', allocation }))[0])).toEqual([
      [89, 45],
      [90, 44],
      [89, 45],
      [89, 45],
    ])
  })
})

/**
 * The `discount_proration` policy: the weights an order discount (percent or fixed) is split over
 * its lines by — `base` each line's current base as priced (gross for inclusive lines, net for
 * exclusive ones), `net` that base net of the line's percentage rates, `gross` that base with them.
 * A percent discount's amount is unchanged (it is taken of the bases as priced); no line's share
 * passes its current base (it is held there and the rest re-split over the other lines by the same
 * weights). Shipping discounts and buy-X-get-Y are not re-weighed. Numbers worked out beside them.
 */
import { describe, expect, it } from 'vitest'
import { estimate, type EstimateRequest } from '../../src/index'
import { checkTrace } from '../support/trace-check'
import { AT, CONSUMER, est, fixedOff, goods, gross, item, lineDiscounts, percentOff, rate, ship, shop, storeConfig, type Shop } from './kit'

const PRORATIONS = ['base', 'net', 'gross'] as const
const perProration = <T>(f: (p: (typeof PRORATIONS)[number]) => T): T[] => PRORATIONS.map((p) => f(p))

// 19 % on `general` (every product's default category); `exempt` products have no rate at all.
const VAT = rate('de19', '19', { category: 'general' })
const untaxed = (id: string, price: number) => item(id, price, { tax_category: 'exempt' })

describe('the weights of an order discount', () => {
  // A: 10.00 net + 19 %; B: 11.90 gross incl. 19 % (net 10.00); C: 10.00 with no tax
  const s = shop({ rates: [VAT], products: [item('A', 1000), gross('B', 1190), untaxed('C', 1000)], coupons: [fixedOff('OFF3', 300), percentOff('TEN', '10')] })
  const cart = [{ id: 'A' }, { id: 'B' }, { id: 'C' }]

  it('a fixed 3.00: base weighs 1000 / 1190 / 1000, net 1000 / 1000 / 1000, gross 1190 / 1190 / 1000', () => {
    // base: 300 × (1000, 1190, 1000) / 3190 = 94.04, 111.91, 94.04 → 94, 111, 94 + the cent to .91 → 94, 112, 94
    // net: B's 1190 / 1.19 = 1000 → 100 each
    // gross: A's 1000 × 1.19 = 1190, B as priced, C untaxed → 300 × (1190, 1190, 1000) / 3380 = 105.62, 105.62, 88.76
    //        → 105, 105, 88 + two cents: .76 (C), then the tie .62 to the earlier (A) → 106, 105, 89
    expect(perProration((discount_proration) => lineDiscounts(est(s, cart, { discount_proration }, { coupons: ['OFF3'] })))).toEqual([
      [94, 112, 94],
      [100, 100, 100],
      [106, 105, 89],
    ])
  })

  it('the taxes follow each split: A taxed on 1000 − its share, B extracted from 1190 − its share', () => {
    const taxes = perProration((discount_proration) => est(s, cart, { discount_proration }, { coupons: ['OFF3'] }).products.map((p) => p.totals.tax))
    // base: A round(906 × 19 %) = round(172.14) = 172; B 1078 gross → net round(905.88) = 906 → 172
    // net:  A round(900 × 19 %) = 171; B 1090 → net round(915.97) = 916 → 174
    // gross: A round(894 × 19 %) = round(169.86) = 170; B 1085 → net round(911.76) = 912 → 173
    expect(taxes).toEqual([
      [172, 172, 0],
      [171, 174, 0],
      [170, 173, 0],
    ])
  })

  it('a percent discount keeps its amount (10 % of the bases as priced, 3190 → 319) and only its split moves', () => {
    const t = perProration((discount_proration) => est(s, cart, { discount_proration }, { coupons: ['TEN'] }))
    expect(t.map((x) => x.discounts[0]!.amount)).toEqual([319, 319, 319])
    // base: 319 × (1000, 1190, 1000) / 3190 = 100, 119, 100 exactly
    // net: 319 / 3 = 106.33 each → 106 × 3 + the cent to the earliest → 107, 106, 106
    // gross: 319 × (1190, 1190, 1000) / 3380 = 112.31, 112.31, 94.38 → 112, 112, 94 + the cent to .38 (C)
    expect(t.map(lineDiscounts)).toEqual([
      [100, 119, 100],
      [107, 106, 106],
      [112, 112, 95],
    ])
  })

  it('the other allocation rules place the leftover cents of a re-weighed split too', () => {
    // gross, 300 → floors 105, 105, 88, two cents left: first → A, B; last → C, B; carry R(105.62) = 106, R(211.24) = 211 → 105, 300 − 211 = 89
    const split = (allocation: 'first' | 'last' | 'carry') => lineDiscounts(est(s, cart, { discount_proration: 'gross', allocation }, { coupons: ['OFF3'] }))
    expect([split('first'), split('last'), split('carry')]).toEqual([
      [106, 106, 88],
      [105, 106, 89],
      [106, 105, 89],
    ])
  })

  it('the weights are exact fractions: an inclusive 10.00 at 7 % weighs 1000 / 1.07 = 100000/107 under net', () => {
    const shop7: Shop = { rates: [rate('de7', '7')], products: [gross('G', 1000), item('E', 1000)], coupons: [fixedOff('OFF', 100)] }
    const request = { products: [{ id: 'G' }, { id: 'E' }], coupons: ['OFF'], ...CONSUMER } as EstimateRequest
    const res = estimate(shop(shop7), request, { at: AT, trace: true, discount_proration: 'net' })
    if (res.status !== 200) throw new Error('expected 200')
    // 100 × (934.58, 1000) / 1934.58 = 48.31, 51.69 → 48, 51 + the cent to .69 → 48, 52
    expect(res.trace!.splits['discounts[0]']).toMatchObject({ by: 'net', weights: ['100000/107', '1000'], parts: [48, 52] })
    expect(checkTrace(res.trace!, res.transaction, storeConfig(shop7), request)).toEqual([])
  })
})

describe('the rates that count are the ones the line is really charged', () => {
  it('compound rates count as plain ones: a 10.00 line at 5 % + 19 % compound weighs 1000 × 1.24 under gross', () => {
    const s = shop({
      rates: [rate('tob5', '5', { category: 'tobacco', vat_tax: false }), rate('tob19', '19', { category: 'tobacco', compound: true })],
      products: [item('T', 1000, { tax_category: 'tobacco' }), untaxed('U', 1000)],
      coupons: [fixedOff('OFF', 100)],
    })
    // 100 × (1240, 1000) / 2240 = 55.357, 44.643 → 55, 44 + the cent to .643 → 55, 45
    // (compounding exactly, 1000 × 1.05 × 1.19 = 1249.5, would give 55.55, 44.45 → 56, 44)
    expect(lineDiscounts(est(s, [{ id: 'T' }, { id: 'U' }], { discount_proration: 'gross' }, { coupons: ['OFF'] }))).toEqual([55, 45])
  })

  it('a fixed per-unit amount (rate_amount) is not a rate: it does not weigh', () => {
    const s = shop({ rates: [rate('pfand', '0', { category: 'bottles', rate_percent: null, rate_amount: 50, vat_tax: false })], products: [item('F', 1000, { tax_category: 'bottles' }), untaxed('U', 1000)], coupons: [fixedOff('OFF', 101)] })
    // weights 1000, 1000 under every proration → 50.5 each, the tie to the earlier line → 51, 50
    expect(perProration((discount_proration) => lineDiscounts(est(s, [{ id: 'F' }, { id: 'U' }], { discount_proration }, { coupons: ['OFF'] })))).toEqual([
      [51, 50],
      [51, 50],
      [51, 50],
    ])
  })

  it('a tax-exempt customer is charged no rate: every proration weighs the bases (B re-priced to its net 10.00)', () => {
    const s = shop({ rates: [VAT], products: [item('A', 1000), gross('B', 1190), untaxed('C', 1000)], coupons: [fixedOff('OFF3', 300)] })
    const exempt = { new_customer: { name: 'Club', country: 'DE', tax_exempt: true } }
    // B's inclusive price becomes its origin net round(1190 / 1.19) = 1000; no rates → 100 each
    expect(perProration((discount_proration) => lineDiscounts(est(s, [{ id: 'A' }, { id: 'B' }, { id: 'C' }], { discount_proration }, { coupons: ['OFF3'], ...exempt })))).toEqual([
      [100, 100, 100],
      [100, 100, 100],
      [100, 100, 100],
    ])
  })
})

describe('no share passes its line\u2019s base: it is held there and the rest re-split by the same weights', () => {
  it('gross: a 1.00 line at 19 % beside two untaxed 1.00 lines, 2.91 off — the taxed line would take 1.09', () => {
    const cfg: Shop = { rates: [VAT], products: [item('A', 100), untaxed('C1', 100), untaxed('C2', 100)], coupons: [fixedOff('OFF', 291)] }
    const s = shop(cfg)
    const cart = [{ id: 'A' }, { id: 'C1' }, { id: 'C2' }]
    // gross weights 119, 100, 100: A's exact share 291 × 119 / 319 = 108.55 > 100 → A held at 100;
    // 191 left over C1, C2 by 100, 100 → 95.5 each: largest_remainder and first 96, 95; last 95, 96; carry R(95.5) = 96, 95
    const split = (allocation: 'largest_remainder' | 'first' | 'last' | 'carry') => lineDiscounts(est(s, cart, { discount_proration: 'gross', allocation }, { coupons: ['OFF'] }))
    expect([split('largest_remainder'), split('first'), split('last'), split('carry')]).toEqual([
      [100, 96, 95],
      [100, 96, 95],
      [100, 95, 96],
      [100, 96, 95],
    ])
    // base weighs 100 each: 97 each exactly
    expect(lineDiscounts(est(s, cart, {}, { coupons: ['OFF'] }))).toEqual([97, 97, 97])
    // The trace records what was computed: A held at its base, and the split of what was left over the others.
    const request = { products: cart, coupons: ['OFF'], ...CONSUMER } as EstimateRequest
    const res = estimate(s, request, { at: AT, trace: true, discount_proration: 'gross' })
    if (res.status !== 200) throw new Error('expected 200')
    const tr = res.trace!
    expect(tr.amounts['products[0].discounts[0].amount']).toMatchObject({ op: 'sum', value: 100, rule: 'capped_at_base', terms: [['products[0].totals.item_total', 1]] })
    expect(tr.amounts['$discounts[0].resplit']).toMatchObject({ op: 'sum', value: 191, terms: [['discounts[0].amount', 1], ['products[0].discounts[0].amount', -1]] })
    expect(tr.splits['discounts[0]']).toMatchObject({ of: '$discounts[0].resplit', total: 191, by: 'gross', weights: ['100', '100'], parts: [96, 95] })
    expect(tr.amounts['products[2].discounts[0].amount']).toMatchObject({ op: 'allocate', value: 95, allocation: { split: 'discounts[0]', index: 1 } })
    expect(checkTrace(tr, res.transaction, storeConfig(cfg), request)).toEqual([])
  })

  it('a line whose rounded share only reaches its base is not held: it stays in the re-split', () => {
    const s = shop({ rates: [VAT], products: [item('A', 10), untaxed('B', 10), untaxed('C', 1), untaxed('D', 30)], coupons: [fixedOff('OFF', 49)] })
    // gross weights 11.9, 10, 1, 30 (sum 52.9): 49 × w / 52.9 = 11.02, 9.26, 0.93, 27.79 → floors 11, 9, 0, 27 and the two
    // cents left to C (.93) and D (.79): 11, 9, 1, 28. A passes its 10 and is held there; C only reaches its 1.
    // The 39 left are re-split over B, C, D by 10, 1, 30 (sum 41): 9.51, 0.95, 28.54 → 9, 0, 28 and two cents to C (.95)
    // and D (.54): 9, 1, 29 — none passes its base. (Holding C too would have split 38 over B, D: 9.5, 28.5 → 10, 28.)
    expect(lineDiscounts(est(s, [{ id: 'A' }, { id: 'B' }, { id: 'C' }, { id: 'D' }], { discount_proration: 'gross' }, { coupons: ['OFF'] }))).toEqual([10, 9, 1, 29])
  })

  it('net: an untaxed 1.00 line beside an inclusive 1.19, 2.10 off — the untaxed line would take 1.05', () => {
    const s = shop({ rates: [VAT], products: [gross('B', 119), untaxed('C', 100)], coupons: [fixedOff('OFF', 210)] })
    const cart = [{ id: 'B' }, { id: 'C' }]
    // net weights 100, 100 → 105 each; C's base is 100 → C held at 100, the 110 left go to B (base 119)
    // base (and gross, B being priced gross) weigh 119, 100: 114.11, 95.89 → 114, 95 + the cent to .89 → 114, 96
    expect(perProration((discount_proration) => lineDiscounts(est(s, cart, { discount_proration }, { coupons: ['OFF'] })))).toEqual([
      [114, 96],
      [110, 100],
      [114, 96],
    ])
  })
})

describe('what it does not re-weigh', () => {
  it('buy X get Y splits by the got bases: one got unit on each line, 6.67 → 3.34 + 3.33 under every proration', () => {
    const offer = { code: 'B1G1', label: 'B1G1', type: 'buy_x_get_y', buy: { quantity: 1 }, get: { quantity: 1, value: '33.333' } } as const
    const s = shop({ rates: [VAT], products: [item('A', 1000), untaxed('C', 1000)], coupons: [offer] })
    // units A, A, C, C at 1000: got one A and one C; round(2000 × 33.333 %) = round(666.66) = 667 → 333.5 each, the tie to A
    // (gross weights 1190 : 1000 would have given 362, 305)
    expect(perProration((discount_proration) => lineDiscounts(est(s, [{ id: 'A', quantity: 2 }, { id: 'C', quantity: 2 }], { discount_proration }, { coupons: ['B1G1'] })))).toEqual([
      [334, 333],
      [334, 333],
      [334, 333],
    ])
  })

  it('a shipping discount splits by the shipping shares: half of 1.00 over two equal shares is 25 + 25', () => {
    const s = shop({ rates: [VAT], products: [goods('A', 1000), goods('C', 1000, { tax_category: 'exempt' })], shipping: [ship('post', 100)], coupons: [{ code: 'HALF', label: 'half', type: 'shipping', value: '50' }] })
    // shares 50, 50 (bases 1000, 1000); 50 off over 50, 50 → 25, 25 (gross weights would have given 27, 23)
    expect(perProration((discount_proration) => est(s, [{ id: 'A' }, { id: 'C' }], { discount_proration }, { coupons: ['HALF'] }).products.map((p) => p.totals.shipping_discount))).toEqual([
      [25, 25],
      [25, 25],
      [25, 25],
    ])
  })
})

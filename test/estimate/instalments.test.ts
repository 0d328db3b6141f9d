/**
 * Instalments and payments (SPEC §3.7): both rounding modes, offer conditions, the dated schedule
 * (day / week / month with month-end clamping, UTC) and the payment-method filter. No taxes and
 * an invoice item, so the transaction total is exactly the price. Numbers by hand.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addCycles } from '../../src/9-instalments/instalments'
import { ok, run, type Cfg } from '../support/estimate-kit'

const plan = (extra: Record<string, unknown> = {}) => ({ id: 'm3', instalments: 3, interval: 1, cycle: 'month', offset: 1, upfront_percent: '0', interest_percent: '0', ...extra })
const cart = (price: number) => ({ products: [{ name: 'Sofa', price }] })
const est = (plans: unknown[], price: number, options: Record<string, unknown> = {}, over: Cfg = {}) => ok(run({ tax_rates: [], instalment_plans: plans as Cfg['instalment_plans'], ...over }, cart(price), options))

describe('instalments', () => {
  describe('amounts', () => {
    it('tamio (default): instalments_amount = floor, total_amount drops the leftover cents', () => {
      const p = est([plan()], 50000).instalments[0]!
      // 50000 / 3 = 16666.67 → 16666; total_amount = 0 + 3 × 16666 = 49998
      expect([p.upfront_amount, p.interest, p.instalments_amount, p.total_amount]).toEqual([0, 0, 16666, 49998])
      expect(p.schedule.map((s) => s.amount)).toEqual([0, 16666, 16666, 16666])
    })

    it('exact: total_amount = T, the leftover cents go one each to the first instalments', () => {
      const p = est([plan()], 50000, { instalment_rounding: 'exact' }).instalments[0]!
      expect(p.total_amount).toBe(50000)
      expect(p.schedule.map((s) => s.amount)).toEqual([0, 16667, 16667, 16666])
    })

    it('interest and upfront: interest = round(total × i%), upfront = round(T × u%)', () => {
      // total 10000, 5% interest → 500, T = 10500; 10% upfront → 1050; (10500 − 1050) / 4 = 2362.5
      const plans = [plan({ instalments: 4, upfront_percent: '10', interest_percent: '5' })]
      const p = est(plans, 10000).instalments[0]!
      expect([p.interest, p.upfront_amount, p.instalments_amount, p.total_amount, p.upfront]).toEqual([500, 1050, 2362, 1050 + 4 * 2362, 10])
      const x = est(plans, 10000, { instalment_rounding: 'exact' }).instalments[0]!
      expect([x.total_amount, x.schedule.map((s) => s.amount)]).toEqual([10500, [1050, 2363, 2363, 2362, 2362]])
    })

    it('interest and upfront round with the rounding mode: 10004 × 12.5% = 1250.5', () => {
      const plans = [plan({ interest_percent: '12.5' })]
      expect(est(plans, 10004).instalments[0]!.interest).toBe(1251)
      expect(est(plans, 10004, { rounding: 'half_even' }).instalments[0]!.interest).toBe(1250)
    })

    it('the output plan carries the plan settings', () => {
      const p = est([plan({ id: 'w', cycle: 'week', interval: 2, offset: 3, upfront_percent: '12.34' })], 10000).instalments[0]!
      expect([p.id, p.instalments, p.cycle, p.interval, p.offset, p.upfront]).toEqual(['w', 3, 'week', 2, 3, 12.34])
    })
  })

  describe('when a plan is offered', () => {
    it('min_total and max_total are inclusive bounds in the transaction currency', () => {
      const ids = (plans: unknown[]) => est(plans, 50000).instalments.map((p) => p.id)
      expect(ids([plan({ id: 'a', min_total: { EUR: 50000 } }), plan({ id: 'b', min_total: { EUR: 50001 } })])).toEqual(['a'])
      expect(ids([plan({ id: 'a', max_total: { EUR: 49999 } }), plan({ id: 'b', max_total: { EUR: 50000 } })])).toEqual(['b'])
    })

    it('a bound in another currency only does not apply; currencies limits the plan', () => {
      const ids = (plans: unknown[]) => est(plans, 50000).instalments.map((p) => p.id)
      expect(ids([plan({ id: 'a', min_total: { SEK: 9_999_999 } }), plan({ id: 'b', currencies: ['SEK'] }), plan({ id: 'c', currencies: ['eur'] })])).toEqual(['a', 'c'])
    })

    it('payments end with "instalments" only when a plan is offered', () => {
      const over: Cfg = { account: { payment_methods: ['stripe', 'cash'] } }
      expect(est([plan()], 50000, {}, over).payments).toEqual(['stripe', 'cash', 'instalments'])
      expect(est([plan({ min_total: { EUR: 60000 } })], 50000, {}, over).payments).toEqual(['stripe', 'cash'])
      expect(est([], 50000, {}, over).instalments).toEqual([])
    })
  })

  describe('schedule', () => {
    const dues = (p: Record<string, unknown>, at: string) => est([plan(p)], 30000, { at }).instalments[0]!.schedule.map((s) => s.due)

    it('month: the upfront at `at`, then at + (offset + (k−1) × interval) months, month-ends clamped', () => {
      // Jan 31 + 1 month → Feb 28; + 2 → Mar 31; + 3 → Apr 30 (each from `at`, not from the previous due)
      expect(dues({}, '2026-01-31T10:00:00Z')).toEqual(['2026-01-31T10:00:00.000Z', '2026-02-28T10:00:00.000Z', '2026-03-31T10:00:00.000Z', '2026-04-30T10:00:00.000Z'])
    })

    it('month: Jan 31 + 1 month in a leap year → Feb 29', () => {
      expect(dues({ instalments: 1 }, '2028-01-31T00:00:00Z')).toEqual(['2028-01-31T00:00:00.000Z', '2028-02-29T00:00:00.000Z'])
    })

    it('month: across the year end, with interval 2 and offset 0', () => {
      expect(dues({ interval: 2, offset: 0 }, '2026-10-31T23:59:59Z')).toEqual([
        '2026-10-31T23:59:59.000Z',
        '2026-10-31T23:59:59.000Z', // offset 0: the first instalment is due at once
        '2026-12-31T23:59:59.000Z',
        '2027-02-28T23:59:59.000Z',
      ])
    })

    it('month: a year from 1 to 99 stays that year (a Date.UTC year below 100 would be 1900 + year)', () => {
      expect(dues({}, '0001-01-15T00:00:00Z')).toEqual(['0001-01-15T00:00:00.000Z', '0001-02-15T00:00:00.000Z', '0001-03-15T00:00:00.000Z', '0001-04-15T00:00:00.000Z'])
      // Into the year 100, which is no leap year (a century not divisible by 400): Feb 30 → Feb 28.
      expect(dues({}, '0099-11-30T08:00:00Z')).toEqual(['0099-11-30T08:00:00.000Z', '0099-12-30T08:00:00.000Z', '0100-01-30T08:00:00.000Z', '0100-02-28T08:00:00.000Z'])
    })

    it('month: k months after any instant of the years 1–9999 is the civil date k months on, the day clamped, the time kept', () => {
      // An independent calendar: the ISO text's fields, the Gregorian leap rule, no Date arithmetic.
      const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
      const days = (y: number, m: number) => [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m]!
      const lo = new Date(0).setUTCFullYear(1, 0, 1)
      const hi = new Date(0).setUTCFullYear(9974, 11, 31)
      fc.assert(
        fc.property(fc.integer({ min: lo, max: hi }), fc.integer({ min: 0, max: 300 }), (at, k) => {
          const [, y, m, d, time] = /^(\d{4})-(\d{2})-(\d{2})(T.*)$/.exec(new Date(at).toISOString())!
          const months = Number(y) * 12 + Number(m) - 1 + k
          const ty = Math.floor(months / 12)
          const tm = months % 12
          const day = Math.min(Number(d), days(ty, tm))
          const want = `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}${time}`
          expect(new Date(addCycles(at, k, 'month')).toISOString()).toBe(want)
        }),
        { numRuns: 5000 },
      )
    })

    it('week: offset 1, interval 2 → +1, +3, +5 weeks', () => {
      expect(dues({ cycle: 'week', interval: 2 }, '2026-03-02T09:30:00Z')).toEqual(['2026-03-02T09:30:00.000Z', '2026-03-09T09:30:00.000Z', '2026-03-23T09:30:00.000Z', '2026-04-06T09:30:00.000Z'])
    })

    it('day: offset 3, interval 10 → +3, +13, +23 days (UTC, no DST shift)', () => {
      expect(dues({ cycle: 'day', interval: 10, offset: 3 }, '2026-03-20T12:00:00Z')).toEqual(['2026-03-20T12:00:00.000Z', '2026-03-23T12:00:00.000Z', '2026-04-02T12:00:00.000Z', '2026-04-12T12:00:00.000Z'])
    })
  })

  describe('payments', () => {
    it('account order, filtered by currencies, countries (bill-to), min_total and max_total (inclusive)', () => {
      const methods = [
        'stripe',
        { id: 'klarna', currencies: ['SEK'] },
        { id: 'sofort', countries: ['AT'] },
        { id: 'giropay', countries: ['DE'], min_total: { EUR: 50001 } },
        { id: 'cash', max_total: { EUR: 50000 } },
        { id: 'sepa', currencies: ['EUR'], min_total: { EUR: 50000 }, max_total: { SEK: 1 } },
        { id: 'paypal', max_total: { EUR: 49999 } },
      ]
      expect(est([plan()], 50000, {}, { account: { payment_methods: methods } }).payments).toEqual(['stripe', 'cash', 'sepa', 'instalments'])
    })

    it('countries are checked against the bill-to country', () => {
      const over: Cfg = { account: { payment_methods: [{ id: 'sofort', countries: ['AT'] }] } }
      const at = ok(run({ tax_rates: [], ...over }, { customer: { id: 'c-de', billing_information: { country: 'AT' } }, ...cart(100) }))
      expect(at.payments).toEqual(['sofort'])
      const shippedToAt = ok(run({ tax_rates: [], ...over }, { customer: { id: 'c-de', shipping_information: { country: 'AT' } }, ...cart(100) }))
      expect(shippedToAt.payments).toEqual([])
    })
  })
})

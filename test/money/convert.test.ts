import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  Rounding,
  conversionFactor,
  convertAmount,
  crossRate,
  currencyExponent,
  isCurrency,
  parseDecimal,
  type Rational,
  type RoundingMode,
} from '../../src/money/index'
import { B, MAX, MODES, RUNS, TIMEOUT, big, bigRound, check, expectMoneyError, expectRoundedOrOverflow, same } from './oracle'

const rate = (s: string): Rational => parseDecimal(s, { allowZero: false })
const ONE = rate('1')

describe('currencyExponent / isCurrency (ISO 4217 minor units)', () => {
  it.each([
    ['EUR', 2],
    ['USD', 2],
    ['SEK', 2],
    ['GBP', 2],
    ['CHF', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['ISK', 0],
    ['CLP', 0],
    ['KWD', 3],
    ['BHD', 3],
    ['JOD', 3],
    ['OMR', 3],
    ['TND', 3],
  ] as const)('%s has exponent %i', (code, exp) => {
    expect(currencyExponent(code)).toBe(exp)
    expect(isCurrency(code)).toBe(true)
  })
  it.each(['XYZ', 'eur', 'Eur', '', 'EURO', 'EU', ' EUR', 'EUR ', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    '%j is unknown_currency',
    (code) => {
      expectMoneyError(() => currencyExponent(code), 'unknown_currency')
      expect(isCurrency(code)).toBe(false)
    },
  )
  it('isCurrency is false for non-strings', () => {
    for (const v of [42, null, undefined, {}, ['EUR'], { code: 'EUR' }]) expect(isCurrency(v)).toBe(false)
  })
})

describe('conversion: examples (SPEC §3.1: m × rate_B / rate_A × 10^(exp_B − exp_A), rounded once)', () => {
  const EUR = ONE // the base
  const JPY = rate('162.5')
  const KWD = rate('0.33')
  const USD = rate('1.0873')
  const SEK = rate('11.0235')
  const e = (c: string) => currencyExponent(c)

  it('10000 EUR cents at 162.5 JPY/EUR = 100 € × 162.5 = 16250 yen, and back', () => {
    expect(convertAmount(10000, EUR, JPY, e('EUR'), e('JPY'), Rounding.HalfUp)).toBe(16250)
    expect(convertAmount(16250, JPY, EUR, e('JPY'), e('EUR'), Rounding.HalfUp)).toBe(10000)
  })
  it('1000 EUR cents at 0.33 KWD/EUR = 10 € × 0.33 = 3.3 KWD = 3300 fils, and back', () => {
    expect(convertAmount(1000, EUR, KWD, e('EUR'), e('KWD'), Rounding.HalfUp)).toBe(3300)
    expect(convertAmount(3300, KWD, EUR, e('KWD'), e('EUR'), Rounding.HalfUp)).toBe(1000)
  })
  it('KWD → JPY through the base: 1000 fils = 1 KWD = 162.5 / 0.33 = 492.42… yen', () => {
    expect(convertAmount(1000, KWD, JPY, 3, 0, Rounding.HalfUp)).toBe(492)
    expect(convertAmount(1000, KWD, JPY, 3, 0, Rounding.Ceil)).toBe(493)
  })
  it('10000 USD cents → SEK: 10000 × 11.0235 / 1.0873 = 1102350000 / 10873 = 101384.1626… öre', () => {
    // 10873 × 101384 = 1102348232, remainder 1768 → .1626
    expect(convertAmount(10000, USD, SEK, 2, 2, Rounding.HalfUp)).toBe(101384)
    expect(convertAmount(10000, USD, SEK, 2, 2, Rounding.Floor)).toBe(101384)
    expect(convertAmount(10000, USD, SEK, 2, 2, Rounding.Ceil)).toBe(101385)
  })
  it('the mode applies to the one rounding: 1 cent at 150 JPY/EUR = 1.5 yen, 3 cents = 4.5 yen, -1 cent = -1.5 yen', () => {
    const J150 = rate('150')
    const at = (m: number, mode: RoundingMode) => convertAmount(m, EUR, J150, 2, 0, mode)
    expect([at(1, Rounding.HalfUp), at(1, Rounding.HalfEven), at(1, Rounding.HalfDown), at(1, Rounding.Floor), at(1, Rounding.Ceil)]).toEqual([2, 2, 1, 1, 2])
    expect([at(3, Rounding.HalfUp), at(3, Rounding.HalfEven), at(3, Rounding.HalfDown)]).toEqual([5, 4, 4])
    expect([at(-1, Rounding.HalfUp), at(-1, Rounding.HalfEven), at(-1, Rounding.HalfDown), at(-1, Rounding.Floor), at(-1, Rounding.Ceil)]).toEqual([-2, -2, -1, -2, -1])
  })
  it('conversionFactor keeps the exact fraction: EUR→JPY = 162.5 / 100 = 325/200; EUR→KWD = 0.33 × 10 = 330/100', () => {
    expect(conversionFactor(EUR, JPY, 2, 0)).toEqual({ num: 325n, den: 200n })
    expect(conversionFactor(EUR, KWD, 2, 3)).toEqual({ num: 330n, den: 100n })
    expect(conversionFactor(USD, SEK, 2, 2)).toEqual({ num: 22047n * 10000n, den: 2000n * 10873n })
  })
  it('crossRate: SEK per USD = 11.0235 / 1.0873 = 110235/10873 (already reduced: 10873 = 83 × 131)', () => {
    expect(crossRate(USD, SEK)).toEqual({ num: 110235, den: 10873 })
    expect(crossRate(EUR, JPY)).toEqual({ num: 325, den: 2 })
    expect(crossRate(JPY, JPY)).toEqual({ num: 1, den: 1 })
  })
  it('rejects zero or negative rates (invalid_rate), unsafe amounts and results (amount_overflow)', () => {
    expectMoneyError(() => convertAmount(100, { num: 0, den: 1 }, JPY, 2, 0, Rounding.HalfUp), 'invalid_rate')
    expectMoneyError(() => convertAmount(100, EUR, { num: -1, den: 1 }, 2, 0, Rounding.HalfUp), 'invalid_rate')
    expectMoneyError(() => conversionFactor(EUR, { num: 0, den: 1 }, 2, 2), 'invalid_rate')
    expectMoneyError(() => convertAmount(2 ** 53, EUR, EUR, 2, 2, Rounding.HalfUp), 'amount_overflow')
    // MAX cents × 1.625 yen per cent is past 2^53
    expectMoneyError(() => convertAmount(MAX, EUR, JPY, 2, 0, Rounding.HalfUp), 'amount_overflow')
    // …but MAX yen → EUR cents is MAX / 1.625, safe
    expect(convertAmount(MAX, JPY, EUR, 0, 2, Rounding.Floor)).toBe(Number((BigInt(MAX) * 200n) / 325n))
  })
})

// Rates: positive decimals with up to 4 decimals, as exchange_rates spells them.
const digit = fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')
const rateStrArb = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.string({ unit: digit, maxLength: 4 }))
  .map(([i, f]) => (f.length > 0 ? `${i}.${f}` : `${i}`))
  .filter((s) => /[1-9]/.test(s)) // positive
const expArb = fc.constantFrom(0, 2, 3, currencyExponent('JPY'), currencyExponent('EUR'), currencyExponent('KWD'))
const modeArb = fc.constantFrom<RoundingMode>(...MODES.map(([, m]) => m))
const amountArb = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.maxSafeInteger())

/** big.js: amount × rate_B × 10^(exp_B − exp_A) / rate_A — multiplications exact, one truncating division (DP argument in oracle.ts). */
function bigConvert(amount: number, from: string, to: string, eFrom: number, eTo: number) {
  const k = eTo - eFrom
  const scaled = big(amount).times(new B(to)).times(new B(10).pow(Math.max(k, 0)))
  return scaled.div(new B(from).times(new B(10).pow(Math.max(-k, 0))))
}

describe('properties', () => {
  it('conversion equals big.js for every mode (EUR/JPY/KWD exponents), amount_overflow exactly when the result is outside ±(2^53−1)', () => {
    fc.assert(
      fc.property(amountArb, rateStrArb, rateStrArb, expArb, expArb, (amount, from, to, eFrom, eTo) => {
        const exact = bigConvert(amount, from, to, eFrom, eTo)
        const [f, t] = [rate(from), rate(to)]
        for (const [, mode] of MODES) expectRoundedOrOverflow(() => convertAmount(amount, f, t, eFrom, eTo, mode), bigRound(exact, mode))
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('convert of 0 is +0 for any rates, exponents and mode', () => {
    fc.assert(
      fc.property(rateStrArb, rateStrArb, expArb, expArb, modeArb, (from, to, eFrom, eTo, mode) => {
        const got = convertAmount(0, rate(from), rate(to), eFrom, eTo, mode)
        same(got, 0)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('conversion is monotone in the amount for positive rates: a ≤ b ⇒ conv(a) ≤ conv(b)', () => {
    // |amount| ≤ 10^6, rates in [0.01, 10^4], 10^±3 for exponents: |result| ≤ 10^15 < 2^53, so no overflow
    const small = fc.integer({ min: -1_000_000, max: 1_000_000 })
    const rateArb = fc.integer({ min: 1, max: 1_000_000 }).map((cents) => rate(`${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`)) // 0.01 … 10000
    fc.assert(
      fc.property(small, small, rateArb, rateArb, expArb, expArb, modeArb, (x, y, from, to, eFrom, eTo, mode) => {
        const [a, b] = x <= y ? [x, y] : [y, x]
        const conv = (m: number) => convertAmount(m, from, to, eFrom, eTo, mode)
        check(conv(a) <= conv(b), 'monotone')
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('converting to the same rate and exponent is the identity', () => {
    fc.assert(
      fc.property(amountArb, rateStrArb, expArb, modeArb, (amount, r, e, mode) => {
        same(convertAmount(amount, rate(r), rate(r), e, e, mode), amount === 0 ? 0 : amount)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('the result does not depend on the base: rates quoted against another base (both × c) convert the same', () => {
    fc.assert(
      fc.property(amountArb, rateStrArb, rateStrArb, fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 }), expArb, expArb, modeArb, (amount, from, to, cn, cd, eFrom, eTo, mode) => {
        const f = rate(from)
        const t = rate(to)
        const rebased = (r: Rational): Rational => ({ num: r.num * cn, den: r.den * cd })
        const direct = () => convertAmount(amount, f, t, eFrom, eTo, mode)
        const via = () => convertAmount(amount, rebased(f), rebased(t), eFrom, eTo, mode)
        let want: number | 'overflow'
        try {
          want = direct()
        } catch {
          want = 'overflow'
        }
        if (want === 'overflow') expectMoneyError(via, 'amount_overflow')
        else same(via(), want)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('a code that is not three upper-case letters is never a currency; a known code has an exponent in 0…4', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('A', 'E', 'J', 'K', 'P', 'R', 'U', 'W', 'Y', 'D', 'S', 'D'), minLength: 3, maxLength: 3 })), (code) => {
        if (!/^[A-Z]{3}$/.test(code)) {
          same(isCurrency(code), false)
          expectMoneyError(() => currencyExponent(code), 'unknown_currency')
        } else if (isCurrency(code)) {
          check([0, 1, 2, 3, 4].includes(currencyExponent(code)), 'exponent 0…4')
        } else {
          expectMoneyError(() => currencyExponent(code), 'unknown_currency')
        }
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)
})

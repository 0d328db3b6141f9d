/**
 * The money primitives called from JavaScript with arguments their types rule out: every mistake is
 * a `MoneyError` with a code (or the documented `RangeError` of `formatAmount`) — never a TypeError
 * or RangeError of the engine, a hang, an exhausted heap, a −0, or a number computed from garbage.
 */
import { describe, expect, it } from 'vitest'
import {
  addRationals,
  allocate,
  allocateBig,
  carry,
  conversionFactor,
  convertAmount,
  crossRate,
  extractInclusive,
  formatAmount,
  gcdBig,
  lcmBig,
  rational,
  rationalToNumber,
  roundDiv,
  Rounding,
  splitEvenly,
  type MoneyErrorCode,
  type Rational,
  type RoundingMode,
} from '../../src/money/index'
import { expectMoneyError } from './oracle'

const ONE: Rational = { num: 1, den: 1 }
/** A value the types rule out, as a JavaScript caller may pass it. */
const bad = <T>(x: unknown): T => x as T

describe('bad arguments are MoneyErrors with a code', () => {
  const cases: [string, () => unknown, MoneyErrorCode][] = [
    // Conversions: before, a NaN exponent counted as 0 (100 → 100), a zero denominator gave 0 and a
    // negative one −100; an exponent of 10^7 took seconds and one of 2·10^9 threw a RangeError.
    ['convertAmount, exponent NaN', () => convertAmount(100, ONE, ONE, 2, NaN, Rounding.HalfUp), 'invalid_rate'],
    ['convertAmount, exponent 2.5', () => convertAmount(100, ONE, ONE, 2.5, 2, Rounding.HalfUp), 'invalid_rate'],
    ['convertAmount, exponent 10^7', () => convertAmount(5, ONE, ONE, 0, 1e7, Rounding.HalfUp), 'invalid_rate'],
    ['convertAmount, exponent −1', () => convertAmount(5, ONE, ONE, -1, 2, Rounding.HalfUp), 'invalid_rate'],
    ['convertAmount, denominator 0', () => convertAmount(100, { num: 1, den: 0 }, ONE, 2, 2, Rounding.HalfUp), 'invalid_rate'],
    ['convertAmount, denominator −1', () => convertAmount(100, { num: 1, den: -1 }, ONE, 2, 2, Rounding.HalfUp), 'invalid_rate'],
    ['convertAmount, numerator 1.5', () => convertAmount(100, { num: 1.5, den: 1 }, ONE, 2, 2, Rounding.HalfUp), 'invalid_rate'],
    ['conversionFactor, denominator 0', () => conversionFactor({ num: 1, den: 0 }, ONE, 2, 2), 'invalid_rate'],
    ['crossRate, numerator 1.5', () => crossRate({ num: 1.5, den: 1 }, ONE), 'invalid_rate'],
    // Rationals: before, RangeErrors of BigInt().
    ['rational(1.5, 1)', () => rational(1.5, 1), 'invalid_rate'],
    ['rational(NaN, 1)', () => rational(NaN, 1), 'invalid_rate'],
    ['rational(1, Infinity)', () => rational(1, Infinity), 'invalid_rate'],
    ['addRationals, denominator 1.5', () => addRationals([{ num: 1, den: 1.5 }]), 'invalid_rate'],
    ['rationalToNumber, denominator 1.5', () => rationalToNumber({ num: 1, den: 1.5 }), 'invalid_rate'],
    ['rationalToNumber, denominator 0', () => rationalToNumber({ num: 1, den: 0 }), 'invalid_rate'],
    // Rounding: a bigint with a fraction, a mode given by name.
    ['roundDiv(10n, 1.5)', () => roundDiv(10n, 1.5, Rounding.HalfUp), 'invalid_amount'],
    ['roundDiv(10n, NaN)', () => roundDiv(10n, NaN, Rounding.HalfUp), 'invalid_amount'],
    ["roundDiv with 'half_even' (a name, not a mode)", () => roundDiv(1, 3, bad<RoundingMode>('half_even')), 'invalid_mode'],
    ['allocate with {} as the mode', () => allocate(100, [1, 1, 1], undefined, carry, bad<RoundingMode>({})), 'invalid_mode'],
    ['allocate with a string as the rule', () => allocate(100, [1, 1, 1], undefined, bad('carry')), 'invalid_mode'],
    // Splits: number weights for allocateBig; a part count that would exhaust the heap.
    ['allocateBig with number weights', () => allocateBig(100, bad<bigint[]>([1, 2])), 'invalid_weights'],
    ['splitEvenly(1, 2^31)', () => splitEvenly(1, 2 ** 31), 'invalid_weights'],
    ['splitEvenly(1, 2^32)', () => splitEvenly(1, 2 ** 32), 'invalid_weights'],
    // gcd of Numbers looped forever (0 !== 0n).
    ['gcdBig(6, 4) with Numbers', () => gcdBig(bad<bigint>(6), bad<bigint>(4)), 'invalid_amount'],
    // Lists that are no lists: before, TypeErrors of reading `length` of null or iterating a number.
    ['allocate over null', () => allocate(100, bad<number[]>(null)), 'invalid_weights'],
    ['allocate over {}', () => allocate(100, bad<number[]>({})), 'invalid_weights'],
    ['allocate with a string fallback', () => allocate(100, [0, 0], bad<number[]>('11')), 'invalid_weights'],
    ['allocate with a number as the fallback', () => allocate(100, [0, 0], bad<number[]>(5)), 'invalid_weights'],
    ['allocateBig over null', () => allocateBig(100, bad<bigint[]>(null)), 'invalid_weights'],
    ['addRationals(null)', () => addRationals(bad<Rational[]>(null)), 'invalid_rate'],
    ['extractInclusive with no rate list', () => extractInclusive(1190, bad<Rational[]>(undefined), Rounding.HalfUp), 'invalid_rate'],
    ['extractInclusive with one rate, not a list', () => extractInclusive(1190, bad<Rational[]>({ num: 19, den: 100 }), Rounding.HalfUp), 'invalid_rate'],
  ]
  it.each(cases)('%s', (_, f, code) => {
    expectMoneyError(f, code)
  })
})

describe('edge values that are no mistakes', () => {
  it('lcmBig(0n, 0n) is 0n (was a division by zero); lcmBig(4n, 6n) is 12n', () => {
    expect(lcmBig(0n, 0n)).toBe(0n)
    expect(lcmBig(0n, 5n)).toBe(0n)
    expect(lcmBig(4n, 6n)).toBe(12n)
  })

  it('extractInclusive of −0 gives +0 parts, for both targets', () => {
    const r = extractInclusive(-0, [{ num: 19, den: 100 }], Rounding.HalfUp)
    expect([Object.is(r.net, 0), Object.is(r.tax, 0), Object.is(r.taxes[0], 0)]).toEqual([true, true, true])
    const t = extractInclusive(-0, [{ num: 19, den: 100 }, { num: 7, den: 100 }], Rounding.HalfUp, 'tax')
    expect([t.net, t.tax, ...t.taxes].every((x) => Object.is(x, 0))).toBe(true)
  })

  it('formatAmount with a null locale formats as with none (en), not a TypeError', () => {
    expect(formatAmount(1234, 'EUR', bad<string>(null))).toBe(formatAmount(1234, 'EUR'))
    expect(formatAmount(1234, 'EUR')).toBe('€12.34')
  })

  it('allocate with a null fallback splits as with none: 100 over [0, 0] is 50, 50', () => {
    expect(allocate(100, [0, 0], bad<number[]>(null))).toEqual([50, 50])
  })

  it('formatAmount takes a list of tags as Intl does (navigator.languages), and refuses what is neither with its RangeError', () => {
    expect(formatAmount(1234, 'EUR', ['de-DE', 'en'])).toBe(formatAmount(1234, 'EUR', 'de-DE'))
    // An empty list is no locale (Intl would take the host's own, which differs between machines).
    expect(formatAmount(1234, 'EUR', [])).toBe('€12.34')
    for (const locale of [[null], 42, {}]) expect(() => formatAmount(1234, 'EUR', bad<string>(locale))).toThrow(RangeError)
    // A currency that is no string names its type (JSON.stringify of a bigint threw a TypeError).
    expect(() => formatAmount(1234, bad<string>(10n))).toThrow(/unknown currency bigint/)
  })

  it('the exponents ISO 4217 uses (0 to 4) still convert: 10000 EUR cents at 162.5 JPY/EUR = 16250 yen, and back to KWD (3)', () => {
    expect(convertAmount(10000, ONE, { num: 325, den: 2 }, 2, 0, Rounding.HalfUp)).toBe(16250)
    // 16250 yen at 162.5 JPY per EUR and 0.33 KWD per EUR: 16250 / 162.5 × 0.33 KWD = 33 KWD = 33000 fils.
    expect(convertAmount(16250, { num: 325, den: 2 }, { num: 33, den: 100 }, 0, 3, Rounding.HalfUp)).toBe(33000)
  })
})

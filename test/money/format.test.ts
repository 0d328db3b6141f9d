import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatAmount } from '../../src/index'

// The oracle: Intl itself, given the exact decimal as a string (Intl.NumberFormat formats decimal
// strings exactly, without a float in between), built here by string arithmetic.
function oracle(amount: number, currency: string, exp: number, locale: string): string {
  const s = String(Math.abs(amount)).padStart(exp + 1, '0')
  const dec = exp === 0 ? s : `${s.slice(0, -exp)}.${s.slice(-exp)}`
  const nf = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exp, maximumFractionDigits: exp })
  return nf.format((amount < 0 ? `-${dec}` : dec) as unknown as number)
}

describe('formatAmount', () => {
  it('writes minor units as the locale writes money', () => {
    expect(formatAmount(13461, 'EUR', 'de-DE')).toBe('134,61\u00a0€')
    expect(formatAmount(13461, 'EUR', 'en-GB')).toBe('€134.61')
    expect(formatAmount(1500, 'JPY', 'en')).toBe('¥1,500')
    expect(formatAmount(12345, 'KWD', 'en')).toBe('KWD\u00a012.345')
    expect(formatAmount(5, 'EUR', 'en')).toBe('€0.05')
  })

  it('keeps the minus sign of an amount below one unit', () => {
    expect(formatAmount(-5, 'EUR', 'en')).toBe('-€0.05')
    expect(formatAmount(-100, 'EUR', 'de-DE')).toBe('-1,00\u00a0€')
  })

  it('writes minus zero as zero, with no sign inside the fraction', () => {
    // −0 is a safe integer (a merchant's `-x` of a zero amount); 0 % 100 of −0 is −0, which Intl
    // would print as "-00" in the fraction.
    expect(formatAmount(-0, 'EUR', 'en')).toBe('€0.00')
    expect(formatAmount(-0, 'EUR', 'de-DE')).toBe(formatAmount(0, 'EUR', 'de-DE'))
    expect(formatAmount(-0, 'JPY', 'en')).toBe('¥0')
  })

  it('defaults to the en locale', () => {
    expect(formatAmount(199, 'USD')).toBe(formatAmount(199, 'USD', 'en'))
    expect(formatAmount(199, 'USD')).toBe('$1.99')
  })

  it('is exact up to 2^53 − 1 minor units, where a float division would not be', () => {
    expect(formatAmount(Number.MAX_SAFE_INTEGER, 'EUR', 'en')).toBe('€90,071,992,547,409.91')
    expect(formatAmount(-Number.MAX_SAFE_INTEGER, 'EUR', 'en')).toBe('-€90,071,992,547,409.91')
  })

  it('writes the fraction in the locale\'s own digits', () => {
    expect(formatAmount(12345, 'EGP', 'ar-EG')).toBe(oracle(12345, 'EGP', 2, 'ar-EG'))
  })

  it('equals Intl formatting the exact decimal, for any safe amount, currency exponent and locale', () => {
    const currencies = [['EUR', 2], ['JPY', 0], ['KWD', 3], ['SEK', 2], ['CHF', 2]] as const
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.constantFrom(...currencies), fc.constantFrom('en', 'de-DE', 'en-GB', 'fr-FR', 'sv-SE', 'ja-JP', 'de-CH'), (a, [c, e], l) => {
        expect(formatAmount(a, c, l)).toBe(oracle(a, c, e, l))
      }),
      { numRuns: 2000 },
    )
  })

  it('throws a RangeError for an unknown currency or an amount that is not a safe integer', () => {
    expect(() => formatAmount(100, 'XYZ')).toThrow(RangeError)
    expect(() => formatAmount(100, 'eur')).toThrow(RangeError)
    expect(() => formatAmount(1.5, 'EUR')).toThrow(RangeError)
    expect(() => formatAmount(Number.NaN, 'EUR')).toThrow(RangeError)
    expect(() => formatAmount(2 ** 53, 'EUR')).toThrow(RangeError)
  })
})

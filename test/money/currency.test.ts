/**
 * The library's own ISO 4217 table (src/money/currency.ts) against dinero.js 2's currency table, the
 * one the library used to bundle and keeps as the test oracle: the same exponent for every decimal
 * currency dinero.js knows, and no other code known — so replacing the table moved no number.
 */
import * as iso4217 from 'dinero.js/currencies'
import { describe, expect, it } from 'vitest'
import { currencyExponent, isCurrency } from '../../src/money/index'

const dinero = Object.values(iso4217 as Record<string, { code: string; exponent: number; base: number | readonly number[] }>)

describe('ISO 4217 minor units agree with dinero.js', () => {
  const decimal = dinero.filter((c) => c.base === 10)

  it('dinero.js really lists the ISO currencies (the oracle is not empty)', () => {
    expect(decimal.length).toBeGreaterThan(150)
    expect(decimal.map((c) => c.code)).toEqual(expect.arrayContaining(['EUR', 'JPY', 'KWD', 'CLF']))
  })

  it('every decimal currency of dinero.js has the same exponent here', () => {
    const ours = decimal.map((c) => [c.code, isCurrency(c.code) ? currencyExponent(c.code) : 'unknown'])
    expect(ours).toEqual(decimal.map((c) => [c.code, c.exponent]))
  })

  it('currencies whose minor unit is not decimal (MGA, MRU: fifths) are not supported', () => {
    const other = dinero.filter((c) => c.base !== 10).map((c) => c.code)
    expect(other.sort()).toEqual(['MGA', 'MRU'])
    for (const code of other) expect(isCurrency(code)).toBe(false)
  })

  it('no three-letter code is known here that dinero.js does not list as decimal', () => {
    const known = new Set(decimal.map((c) => c.code))
    const A = 'A'.charCodeAt(0)
    const extra: string[] = []
    let count = 0
    for (let i = 0; i < 26 ** 3; i++) {
      const code = String.fromCharCode(A + Math.floor(i / 676), A + (Math.floor(i / 26) % 26), A + (i % 26))
      if (isCurrency(code)) count++
      if (isCurrency(code) !== known.has(code)) extra.push(code)
    }
    expect(extra).toEqual([])
    expect(count).toBe(known.size)
  })
})

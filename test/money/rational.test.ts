import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addRationals, parseDecimal, parsePercent, rational, rationalToNumber, type Rational } from '../../src/money/index'
import { gcdNumber, ratioToNumber, sumPercents } from '../../src/money/rational'
import { B, BMAX, MAX, RUNS, TIMEOUT, babs, big, check, expectMoneyError, same } from './oracle'

const bgcd = (a: bigint, b: bigint): bigint => {
  a = babs(a)
  b = babs(b)
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}

/** The reduced fraction of num/den in BigInt, or null when it does not fit in safe integers. */
function reduced(num: bigint, den: bigint): Rational | null {
  if (den < 0n) {
    num = -num
    den = -den
  }
  const g = num === 0n ? den : bgcd(num, den)
  const n = num / g
  const d = den / g
  if (babs(n) > BMAX || d > BMAX) return null
  return { num: Number(n), den: Number(d) }
}

/** The exact value of a plain decimal string ("-007.250") as a BigInt fraction digits / 10^k. */
function decimalFraction(s: string): { num: bigint; den: bigint } {
  const neg = s.startsWith('-')
  const body = neg ? s.slice(1) : s
  const [int = '', frac = ''] = body.split('.')
  const digits = BigInt((int || '0') + frac)
  return { num: neg ? -digits : digits, den: 10n ** BigInt(frac.length) }
}

function expectRational(got: Rational, want: Rational): void {
  // toEqual would accept -0; the fields must be exactly these numbers
  check(Object.is(got.num, want.num) && Object.is(got.den, want.den), () => `got ${got.num}/${got.den}, want ${want.num}/${want.den}`)
}

describe('parseDecimal / parsePercent: examples', () => {
  it.each([
    ['12.34', 617, 50],
    ['19', 19, 1],
    [19, 19, 1],
    ['7.7', 77, 10],
    [7.7, 77, 10], // a JS number is read through its shortest string, so 7.7 means exactly 7.7
    ['1.0873', 10873, 10000],
    ['11.0235', 22047, 2000], // 110235/10000 reduced by 5
    ['0.000001', 1, 1000000],
    ['1e-3', 1, 1000],
    [' 19 ', 19, 1],
    ['007.50', 15, 2],
    ['-0', 0, 1],
    ['0.00', 0, 1],
    [0, 0, 1],
    [-0, 0, 1],
    ['1e-15', 1, 1e15],
    ['1e15', 1e15, 1],
    ['162.5', 325, 2],
  ] as const)('parseDecimal(%j) = %i/%i', (input, num, den) => {
    expectRational(parseDecimal(input), { num, den })
  })

  it('negatives only with allowNegative', () => {
    expectMoneyError(() => parseDecimal('-1'), 'invalid_rate')
    expectMoneyError(() => parseDecimal(-1), 'invalid_rate')
    expectMoneyError(() => parseDecimal('-0.01'), 'invalid_rate')
    expectRational(parseDecimal('-1', { allowNegative: true }), { num: -1, den: 1 })
    expectRational(parseDecimal('-12.5', { allowNegative: true }), { num: -25, den: 2 })
    expectRational(parsePercent('-5', { allowNegative: true }), { num: -1, den: 20 })
  })

  it('zero unless allowZero: false', () => {
    expectMoneyError(() => parseDecimal('0', { allowZero: false }), 'invalid_rate')
    expectMoneyError(() => parseDecimal('0.000', { allowZero: false }), 'invalid_rate')
    expectMoneyError(() => parseDecimal(0, { allowZero: false }), 'invalid_rate')
    expectRational(parseDecimal('0.001', { allowZero: false }), { num: 1, den: 1000 })
  })

  it.each([
    ['NaN (number)', Number.NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ["'-1'", '-1'],
    ["'1e-40' (needs 10^40)", '1e-40'],
    ["'1e-30' (10^30 does not fit)", '1e-30'],
    ["'1e16' (past 2^53)", '1e16'],
    ["'0.1234567890123456789' (10^19)", '0.1234567890123456789'],
    ["'abc'", 'abc'],
    ["''", ''],
    ["'   '", '   '],
    ["'1,5'", '1,5'],
    ["'0x10'", '0x10'],
    ["'Infinity'", 'Infinity'],
    ["'NaN'", 'NaN'],
    ["'1.2.3'", '1.2.3'],
    ["'--1'", '--1'],
    ["'19%'", '19%'],
    ['a 65-character string', '1'.padEnd(65, '0')],
    ['null', null],
    ['undefined', undefined],
    ['{}', {}],
    ["{ num: 19, den: 100 } (a Rational is not a decimal)", { num: 19, den: 100 }],
    ['[]', []],
    ["['19']", ['19']],
    ['true', true],
    ['19n', 19n],
    ['a function', () => 19],
    ['a big.js instance', big('19')],
  ])('rejects %s with invalid_rate', (_label, input) => {
    expectMoneyError(() => parseDecimal(input), 'invalid_rate')
    expectMoneyError(() => parsePercent(input), 'invalid_rate')
  })

  it.each([
    ['19', 19, 100],
    ['12.34', 617, 5000],
    ['7.7', 77, 1000],
    ['100', 1, 1],
    ['0.5', 1, 200],
    ['30', 3, 10],
    [19, 19, 100],
  ] as const)('parsePercent(%j) = %i/%i', (input, num, den) => {
    expectRational(parsePercent(input), { num, den })
  })
})

describe('rational / addRationals / rationalToNumber / gcdNumber: examples', () => {
  it('rational reduces and normalizes the sign onto the numerator', () => {
    expectRational(rational(1234, 100), { num: 617, den: 50 })
    expectRational(rational(-2, -4), { num: 1, den: 2 })
    expectRational(rational(3, -6), { num: -1, den: 2 })
    expectRational(rational(0, 5), { num: 0, den: 1 })
    expectRational(rational(0, -5), { num: 0, den: 1 })
    expectRational(rational(2n ** 60n, 2n ** 8n), { num: 2 ** 52, den: 1 })
    expectRational(rational(-(2n ** 53n), 2n), { num: -(2 ** 52), den: 1 })
  })
  it('rational rejects a zero denominator and fractions that do not fit', () => {
    expectMoneyError(() => rational(1, 0), 'invalid_rate')
    expectMoneyError(() => rational(1n, 0n), 'invalid_rate')
    expectMoneyError(() => rational(2n ** 60n, 1n), 'invalid_rate')
    expectMoneyError(() => rational(1n, 2n ** 60n), 'invalid_rate')
    expectMoneyError(() => rational(-(2n ** 53n), 1n), 'invalid_rate')
  })
  it('addRationals: 19% + 10% = 29/100; 1/3 + 1/6 = 1/2; empty = 0', () => {
    expectRational(addRationals([{ num: 19, den: 100 }, { num: 1, den: 10 }]), { num: 29, den: 100 })
    expectRational(addRationals([{ num: 1, den: 3 }, { num: 1, den: 6 }]), { num: 1, den: 2 })
    expectRational(addRationals([]), { num: 0, den: 1 })
  })
  it('rationalToNumber gives the decimal as a JSON number', () => {
    expect(rationalToNumber({ num: 617, den: 50 })).toBe(12.34)
    expect(rationalToNumber({ num: 19, den: 1 })).toBe(19)
    expect(rationalToNumber({ num: 77, den: 10 })).toBe(7.7)
    expect(rationalToNumber({ num: -1, den: 8 })).toBe(-0.125)
    expect(rationalToNumber({ num: 10873, den: 10000 })).toBe(1.0873)
  })
  it('sumPercents: 19 + 1/4 = 77/4 over the lcm of the denominators; entries without a percent count 0; empty = 0/1', () => {
    expect(sumPercents([{ percent: { num: 19, den: 1 } }, { percent: { num: 1, den: 4 } }])).toEqual({ k: 77n, l: 4n })
    // 1/6 + 1/4 = 2/12 + 3/12: the lcm 12, not the product 24.
    expect(sumPercents([{ percent: { num: 1, den: 6 } }, { percent: null }, { percent: { num: 1, den: 4 } }])).toEqual({ k: 5n, l: 12n })
    expect(sumPercents([])).toEqual({ k: 0n, l: 1n })
  })
  it('gcdNumber', () => {
    expect(gcdNumber(12, 18)).toBe(6)
    expect(gcdNumber(-12, 18)).toBe(6)
    expect(gcdNumber(0, 7)).toBe(7)
    expect(gcdNumber(17, 5)).toBe(1)
  })
})

// Decimal strings: an integer part of 1–17 digits (so some values pass 2^53) with leading zeros
// allowed, and 0–10 fractional digits; sometimes negative.
const digit = fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')
const decimalArb = fc
  .record({
    int: fc.oneof(fc.string({ unit: digit, minLength: 1, maxLength: 4 }), fc.string({ unit: digit, minLength: 1, maxLength: 17 })),
    frac: fc.string({ unit: digit, minLength: 0, maxLength: 10 }),
    neg: fc.boolean(),
  })
  .map(({ int, frac, neg }) => `${neg ? '-' : ''}${int}${frac.length > 0 ? `.${frac}` : ''}`)

describe('ratioToNumber: a bigint ratio read as a number, past what a safe-integer fraction holds', () => {
  it('gives what rationalToNumber gives wherever the reduced fraction fits, and reads ratios that do not', () => {
    expect(ratioToNumber(617n, 50n)).toBe(12.34)
    expect(ratioToNumber(-1234n, 100n)).toBe(-12.34)
    expect(ratioToNumber(6170n, 500n)).toBe(rationalToNumber(rational(617, 50)))
    // SEK per USD from 1234567.891234567 and 9876543.21987654 per EUR: no safe-integer fraction.
    // The oracle: big.js's quotient truncated after 40 places, read by Number (the nearest double).
    const r = ratioToNumber(1234567891234567n * 10n ** 8n, 987654321987654n * 10n ** 9n)
    expect(r).toBe(Number(B('1234567.891234567').div('9876543.21987654').toFixed(40)))
    expect(() => rational(1234567891234567n * 10n ** 8n, 987654321987654n * 10n ** 9n)).toThrow()
  })

  it('a zero or negative denominator is a MoneyError, not a RangeError', () => {
    expectMoneyError(() => ratioToNumber(1n, 0n), 'invalid_rate')
    expectMoneyError(() => ratioToNumber(1n, -2n), 'invalid_rate')
  })
})

describe('properties', () => {
  it('parseDecimal of a decimal string equals its exact BigInt fraction (reduced) and big.js; invalid_rate exactly when it does not fit in safe integers or is negative without allowNegative', () => {
    fc.assert(
      fc.property(decimalArb, fc.boolean(), (s, allowNegative) => {
        const { num, den } = decimalFraction(s)
        const want = reduced(num, den)
        if (want === null || (num < 0n && !allowNegative)) {
          expectMoneyError(() => parseDecimal(s, { allowNegative }), 'invalid_rate')
          return
        }
        const got = parseDecimal(s, { allowNegative })
        expectRational(got, want)
        // cross-multiplication: num/den = digits/10^k  ⇔  num·10^k = digits·den
        same(BigInt(got.num) * den, num * BigInt(got.den), 'cross-multiplied')
        // and big.js agrees: value × den = num exactly (multiplication is exact in big.js)
        check(new B(s).times(got.den).eq(got.num), 'big.js value')
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('parsePercent(s) is exactly s / 100, reduced (invalid_rate when s or s / 100 does not fit)', () => {
    fc.assert(
      fc.property(decimalArb, (s) => {
        const { num, den } = decimalFraction(s)
        const want = reduced(num, den * 100n)
        // a percentage is read as a decimal first, so it must fit as a decimal too ('12345678901234500' does not)
        if (want === null || reduced(num, den) === null || num < 0n) {
          expectMoneyError(() => parsePercent(s), 'invalid_rate')
          return
        }
        const got = parsePercent(s)
        expectRational(got, want)
        check(new B(s).times(got.den).eq(new B(got.num).times(100)), 'big.js value / 100')
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('a finite JS number parses to exactly the decimal of its shortest string (never its binary value), or invalid_rate when that does not fit', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.integer().map((i) => i / 100), fc.double({ noNaN: true, noDefaultInfinity: true })),
        (x) => {
          // big.js reads String(x) exactly; toFixed() writes it out without exponent
          const { num, den } = decimalFraction(new B(String(x)).toFixed())
          const want = reduced(num, den)
          if (want === null) {
            expectMoneyError(() => parseDecimal(x, { allowNegative: true }), 'invalid_rate')
            return
          }
          expectRational(parseDecimal(x, { allowNegative: true }), want)
        },
      ),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('any string is either parsed to exactly its big.js value or rejected with invalid_rate, never another error', () => {
    const junkUnit = fc.constantFrom('0', '1', '5', '9', '.', '-', '+', 'e', 'E', ' ', 'x', '_', ',')
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: junkUnit, maxLength: 12 })), (s) => {
        let value: InstanceType<typeof B> | null = null
        try {
          value = new B(s.trim())
        } catch {
          value = null
        }
        if (value === null) {
          expectMoneyError(() => parseDecimal(s, { allowNegative: true }), 'invalid_rate')
          return
        }
        let got: Rational
        try {
          got = parseDecimal(s, { allowNegative: true })
        } catch (e) {
          expectMoneyError(() => {
            throw e
          }, 'invalid_rate')
          return
        }
        check(got.den > 0 && Number.isSafeInteger(got.num) && Number.isSafeInteger(got.den), 'a safe fraction with den > 0')
        check(value.times(got.den).eq(got.num), 'big.js value')
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('anything that is neither a string nor a number is rejected with invalid_rate', () => {
    fc.assert(
      fc.property(
        fc.anything().filter((v) => typeof v !== 'string' && typeof v !== 'number'),
        (v) => expectMoneyError(() => parseDecimal(v, { allowNegative: true }), 'invalid_rate'),
      ),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('rationalToNumber(parseDecimal(s)) === Number(s): the JSON number of a parsed rate is the rate', () => {
    fc.assert(
      fc.property(decimalArb, (s) => {
        let r: Rational
        try {
          r = parseDecimal(s, { allowNegative: true })
        } catch {
          return // too precise for a safe-integer fraction; covered above
        }
        same(rationalToNumber(r), Number(s) === 0 ? 0 : Number(s))
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('rational(n, d) is the BigInt-reduced fraction with d > 0, or invalid_rate exactly when that does not fit', () => {
    const n = fc.oneof(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.bigInt({ min: -1000n, max: 1000n }))
    const d = fc.oneof(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.bigInt({ min: -1000n, max: 1000n })).filter((x) => x !== 0n)
    fc.assert(
      fc.property(n, d, fc.integer({ min: 1, max: 2 ** 20 }), (n, d, scale) => {
        // scaling both sides by a common factor must not change the result
        const want = reduced(n, d)
        if (want === null) {
          expectMoneyError(() => rational(n, d), 'invalid_rate')
          expectMoneyError(() => rational(n * BigInt(scale), d * BigInt(scale)), 'invalid_rate')
          return
        }
        expectRational(rational(n, d), want)
        expectRational(rational(n * BigInt(scale), d * BigInt(scale)), want)
        if (babs(n) <= BMAX && babs(d) <= BMAX) expectRational(rational(Number(n), Number(d)), want)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('addRationals equals the BigInt sum of the fractions', () => {
    const r = fc.record({ num: fc.integer({ min: -1_000_000, max: 1_000_000 }), den: fc.integer({ min: 1, max: 10_000 }) })
    fc.assert(
      fc.property(fc.array(r, { maxLength: 4 }), (list) => {
        let num = 0n
        let den = 1n
        for (const x of list) {
          num = num * BigInt(x.den) + BigInt(x.num) * den
          den *= BigInt(x.den)
        }
        const want = reduced(num, den)
        if (want === null) expectMoneyError(() => addRationals(list), 'invalid_rate')
        else expectRational(addRationals(list), want)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('sumPercents(list) is k / l with l the lcm of the denominators and k / l the exact BigInt sum', () => {
    const r = fc.option(fc.record({ num: fc.integer({ min: 0, max: 1_000_000 }), den: fc.integer({ min: 1, max: 10_000 }) }), { nil: null })
    fc.assert(
      fc.property(fc.array(r, { maxLength: 5 }), (list) => {
        const { k, l } = sumPercents(list.map((percent) => ({ percent })))
        let lcm = 1n
        let num = 0n
        let den = 1n
        for (const x of list) {
          if (x === null) continue
          lcm = (lcm / bgcd(lcm, BigInt(x.den))) * BigInt(x.den)
          num = num * BigInt(x.den) + BigInt(x.num) * den
          den *= BigInt(x.den)
        }
        same(l, lcm)
        same(k * den, num * l)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('gcdNumber equals the BigInt gcd', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), fc.integer({ min: -MAX, max: MAX }), (a, b) => {
        same(gcdNumber(a, b), Number(bgcd(BigInt(a), BigInt(b))))
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)
})

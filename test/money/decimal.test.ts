/**
 * The hand-written decimal parser and rationalToNumber against what they replaced: the 0.1 code, which
 * read decimals through big.js (kept here verbatim as the oracle, on a private big.js constructor with
 * the settings the library used). Same Rational or the same MoneyError message for every input —
 * decimal strings in every form JSON and big.js write (signs, leading and trailing zeros, `5.`, `.5`,
 * exponents), JS numbers (whose String() may be exponential), and junk — so no store parses
 * differently and no error message moved.
 */
import Big from 'big.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MoneyError, parseDecimal, rational, rationalToNumber, type ParseDecimalOptions, type Rational } from '../../src/money/index'
import { RUNS, TIMEOUT } from './oracle'

const Big01 = Big()
Big01.DP = 40
Big01.RM = Big01.roundDown
Big01.NE = -1e6
Big01.PE = 1e6

/** tamio-pricing 0.1's parseDecimal, through big.js. */
function parseDecimal01(input: unknown, options: ParseDecimalOptions = {}): Rational {
  let text: string
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new MoneyError('invalid_rate', `not a finite number: ${String(input)}`)
    text = String(input)
  } else if (typeof input === 'string') {
    text = input.trim()
    if (text.length === 0 || text.length > 64) throw new MoneyError('invalid_rate', `not a decimal: ${JSON.stringify(input.slice(0, 80))}`)
  } else {
    throw new MoneyError('invalid_rate', `a rate must be a decimal string or a number, got ${input === null ? 'null' : typeof input}`)
  }
  let b: InstanceType<typeof Big01>
  try {
    b = new Big01(text)
  } catch {
    throw new MoneyError('invalid_rate', `not a decimal: ${JSON.stringify(text)}`)
  }
  const negative = b.s < 0 && !b.eq(0)
  if (negative && options.allowNegative !== true) throw new MoneyError('invalid_rate', `must not be negative: ${text}`)
  if (b.eq(0)) {
    if (options.allowZero === false) throw new MoneyError('invalid_rate', `must not be zero: ${text}`)
    return { num: 0, den: 1 }
  }
  const digits = b.c.join('')
  const scale = digits.length - 1 - b.e
  if (scale > 30 || scale < -30) throw new MoneyError('invalid_rate', `decimal out of range: ${text}`)
  let num = BigInt(digits)
  let den = 1n
  if (scale > 0) den = 10n ** BigInt(scale)
  else num *= 10n ** BigInt(-scale)
  return rational(negative ? -num : num, den)
}

/** tamio-pricing 0.1's rationalToNumber, through big.js. */
const rationalToNumber01 = (r: Rational): number => (r.den === 1 ? r.num : Number(new Big01(r.num).div(r.den).toString()))

/** The outcome of a parse: the fraction, or the error's class, code and message. */
function outcome(parse: (input: unknown, o?: ParseDecimalOptions) => Rational, input: unknown, options: ParseDecimalOptions): unknown {
  try {
    return parse(input, options)
  } catch (e) {
    return e instanceof MoneyError ? { code: e.code, message: e.message } : { unexpected: String(e) }
  }
}

const optionsArb = fc.record({ allowNegative: fc.boolean(), allowZero: fc.boolean() })
const digits = (max: number) => fc.string({ unit: fc.constantFrom('0', '0', '0', '1', '2', '5', '9'), maxLength: max })

/** Decimal-looking strings: most are valid, the rest fail on one detail. */
const decimalText = fc
  .record({
    pad: fc.constantFrom('', ' ', '\t', '\n '),
    sign: fc.constantFrom('', '', '-', '+', '--'),
    int: digits(20),
    dot: fc.constantFrom('', '.', '.', ','),
    frac: digits(20),
    e: fc.constantFrom('', '', 'e', 'E', 'e+', 'e-', 'E-', 'e--'),
    exp: fc.oneof(digits(3), fc.constantFrom('30', '31', '999999999999999999999', '0000000000000000000000007')),
  })
  .map((p) => `${p.pad}${p.sign}${p.int}${p.dot}${p.frac}${p.e}${p.e === '' ? '' : p.exp}${p.pad}`)

const junk = fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('0', '1', '.', '-', '+', 'e', 'E', ' ', 'x', '_', 'I', 'n', 'f'), maxLength: 14 }))
const numbers = fc.oneof(
  fc.double(),
  fc.double({ min: -1e-6, max: 1e-6 }),
  fc.integer().map((i) => i / 1000),
  fc.constantFrom(1e21, 1.5e-7, -0, 0, 5e-324, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, 0.1 + 0.2),
)

describe('parseDecimal equals the big.js parser it replaced', () => {
  it.each([
    ['19'], ['7.7'], ['12.34'], ['1.0873'], ['0.000001'], ['1e-3'], ['1E-7'], ['1.5e+21'], ['-0'], ['-0.0'], ['5.'], ['.5'],
    ['-.5'], ['00012.3400'], ['0e999999'], ['1e30'], ['1e31'], ['1e-31'], ['123456789012345678'], ['.'], ['-'], ['e5'], ['1e'],
    ['+5'], ['1_000'], ['0x10'], ['Infinity'], [' 19 '], [''], ['1'.padEnd(65, '0')],
  ])('%j', (text) => {
    for (const options of [{}, { allowNegative: true }, { allowZero: false }]) {
      expect(outcome(parseDecimal, text, options)).toEqual(outcome(parseDecimal01, text, options))
    }
  })

  it('for decimal-looking strings, JS numbers and junk: the same fraction or the same error message', () => {
    let parsed = 0
    fc.assert(
      fc.property(fc.oneof(decimalText, decimalText, junk, numbers), optionsArb, (input, options) => {
        const want = outcome(parseDecimal01, input, options)
        expect(outcome(parseDecimal, input, options)).toEqual(want)
        if (typeof (want as Rational).num === 'number') parsed++
      }),
      { numRuns: RUNS },
    )
    expect(parsed).toBeGreaterThan(RUNS / 10) // not vacuous: many inputs really parse
  }, TIMEOUT)
})

describe('rationalToNumber equals big.js division', () => {
  it('for every reduced fraction of safe integers, terminating or not', () => {
    const safe = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.maxSafeInteger(), fc.maxSafeNat())
    fc.assert(
      fc.property(safe, fc.oneof(fc.integer({ min: 1, max: 10_000 }), fc.maxSafeNat().filter((d) => d > 0), fc.constantFrom(3, 7, 1024, 10 ** 15)), (n, d) => {
        const r = rational(n, d)
        expect(Object.is(rationalToNumber(r), rationalToNumber01(r))).toBe(true)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)
})

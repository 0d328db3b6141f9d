import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addAmounts, multiplyAmount, toAmount } from '../../src/money/index'
import { smallInt } from '../../src/money/small-int'
import { BMAX, MAX, RUNS, TIMEOUT, expectMoneyError, same } from './oracle'

const NOT_INTEGERS = [0.5, 19.5, -0.1, 1e-7, 1.0000001, Number.NaN, Infinity, -Infinity]

describe('toAmount / addAmounts / multiplyAmount: examples', () => {
  it('toAmount brands safe integers and turns -0 into +0', () => {
    expect(toAmount(1900)).toBe(1900)
    expect(toAmount(-1900)).toBe(-1900)
    expect(toAmount(MAX)).toBe(MAX)
    expect(toAmount(-MAX)).toBe(-MAX)
    expect(Object.is(toAmount(-0), 0)).toBe(true)
  })
  it('toAmount: fractions, NaN and ±Infinity are invalid_amount; |n| ≥ 2^53 is amount_overflow', () => {
    for (const x of NOT_INTEGERS) expectMoneyError(() => toAmount(x), 'invalid_amount')
    expectMoneyError(() => toAmount(2 ** 53), 'amount_overflow')
    expectMoneyError(() => toAmount(-(2 ** 53)), 'amount_overflow')
    expectMoneyError(() => toAmount(1e300), 'amount_overflow')
    // non-numbers at runtime (from untyped JSON)
    expectMoneyError(() => toAmount('1900' as unknown as number), 'invalid_amount')
    expectMoneyError(() => toAmount(null as unknown as number), 'invalid_amount')
    expectMoneyError(() => toAmount(1900n as unknown as number), 'invalid_amount')
  })
  it('addAmounts: 10000 + 1900 = 11900; MAX + 1 overflows; -0 + -0 is +0', () => {
    expect(addAmounts(10000, 1900)).toBe(11900)
    expect(addAmounts(MAX, -MAX)).toBe(0)
    expect(addAmounts(MAX - 1, 1)).toBe(MAX)
    expectMoneyError(() => addAmounts(MAX, 1), 'amount_overflow')
    expectMoneyError(() => addAmounts(-MAX, -1), 'amount_overflow')
    expect(Object.is(addAmounts(-0, -0), 0)).toBe(true)
  })
  it('addAmounts: non-integers are invalid_amount even when they sum to an integer (0.5 + 0.5)', () => {
    for (const x of NOT_INTEGERS) {
      expectMoneyError(() => addAmounts(x, 1), 'invalid_amount')
      expectMoneyError(() => addAmounts(1, x), 'invalid_amount')
    }
    expectMoneyError(() => addAmounts(0.5, 0.5), 'invalid_amount')
    expectMoneyError(() => addAmounts(0.1, 0.2), 'invalid_amount')
  })
  it('addAmounts: unsafe operands are amount_overflow even when the float sum looks safe', () => {
    // 2^60 + (−2^60 + 4): the second operand rounds to −2^60, so the float sum is 0, not 4
    expectMoneyError(() => addAmounts(2 ** 60, -(2 ** 60) + 4), 'amount_overflow')
  })
  it('multiplyAmount: 2500 × 2 = 5000; 2^52 × 2 overflows; 0 × -3 is +0', () => {
    expect(multiplyAmount(2500, 2)).toBe(5000)
    expect(multiplyAmount(-2500, 3)).toBe(-7500)
    expect(multiplyAmount(2 ** 52, 1)).toBe(2 ** 52)
    expectMoneyError(() => multiplyAmount(2 ** 52, 2), 'amount_overflow')
    expectMoneyError(() => multiplyAmount(MAX, -2), 'amount_overflow')
    expect(Object.is(multiplyAmount(0, -3), 0)).toBe(true)
    expect(Object.is(multiplyAmount(-5, 0), 0)).toBe(true)
  })
  it('multiplyAmount: a fractional amount or factor is invalid_amount even when the product is an integer (2.5 × 2)', () => {
    for (const x of NOT_INTEGERS) {
      expectMoneyError(() => multiplyAmount(x, 2), 'invalid_amount')
      expectMoneyError(() => multiplyAmount(2, x), 'invalid_amount')
    }
    expectMoneyError(() => multiplyAmount(2.5, 2), 'invalid_amount')
    expectMoneyError(() => multiplyAmount(2, 0.5), 'invalid_amount')
  })
})

const safeArb = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger(), fc.integer({ min: 2 ** 50, max: MAX }))
const anyNumberArb = fc.oneof(safeArb, fc.double(), fc.integer({ min: 2 ** 52, max: MAX }).map((x) => x * 4))

/** What toAmount must do with x: its value, or the error code. */
function expected(x: number): number | 'invalid_amount' | 'amount_overflow' {
  if (!Number.isFinite(x) || Math.floor(x) !== x) return 'invalid_amount'
  if (Math.abs(x) > MAX) return 'amount_overflow'
  return x === 0 ? 0 : x
}

/** A bad operand's own error: when both operands are bad (in different ways), either one's code. */
function expectOneOf(f: () => unknown, outcomes: ReadonlyArray<number | 'invalid_amount' | 'amount_overflow'>): void {
  const codes = outcomes.filter((o): o is 'invalid_amount' | 'amount_overflow' => typeof o === 'string')
  if (codes.length === 1 || codes[0] === codes[1]) return expectMoneyError(f, codes[0]!)
  try {
    expectMoneyError(f, codes[0]!)
  } catch {
    expectMoneyError(f, codes[1]!)
  }
}

describe('properties', () => {
  it('toAmount accepts exactly the safe integers (as +0 for zero): fractions/NaN/±Infinity are invalid_amount, larger integers amount_overflow', () => {
    fc.assert(
      fc.property(anyNumberArb, (x) => {
        const want = expected(x)
        if (typeof want === 'string') expectMoneyError(() => toAmount(x), want)
        else same(toAmount(x), want)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('addAmounts equals the BigInt sum, amount_overflow exactly when it leaves ±(2^53−1); non-integers invalid_amount', () => {
    fc.assert(
      fc.property(anyNumberArb, anyNumberArb, (a, b) => {
        const ea = expected(a)
        const eb = expected(b)
        if (typeof ea === 'string' || typeof eb === 'string') return expectOneOf(() => addAmounts(a, b), [ea, eb])
        const s = BigInt(a) + BigInt(b)
        if (s > BMAX || s < -BMAX) return expectMoneyError(() => addAmounts(a, b), 'amount_overflow')
        same(addAmounts(a, b), Number(s))
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('multiplyAmount equals the BigInt product, amount_overflow exactly when it leaves ±(2^53−1); non-integers invalid_amount', () => {
    const factorArb = fc.oneof(fc.integer({ min: -1000, max: 1000 }), safeArb, fc.double())
    fc.assert(
      fc.property(anyNumberArb, factorArb, (a, f) => {
        const ea = expected(a)
        const ef = expected(f)
        if (typeof ea === 'string' || typeof ef === 'string') return expectOneOf(() => multiplyAmount(a, f), [ea, ef])
        const p = BigInt(a) * BigInt(f)
        if (p > BMAX || p < -BMAX) return expectMoneyError(() => multiplyAmount(a, f), 'amount_overflow')
        same(multiplyAmount(a, f), Number(p))
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)
})

describe('smallInt: the same integer, held as a small integer where it fits 32 bits', () => {
  it('returns every safe integer unchanged, −0 as 0', () => {
    // Around the 32-bit edges, where `| 0` would wrap if it were applied past them.
    for (const n of [0, 1, -1, 2011, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, -(2 ** 31) - 1, 2 ** 32, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) expect(smallInt(n)).toBe(n)
    expect(Object.is(smallInt(-0), 0)).toBe(true)
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => smallInt(n) === n))
  })
})

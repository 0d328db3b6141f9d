import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ROUNDING_NAMES,
  Rounding,
  mulDivRound,
  parseRoundingMode,
  roundDiv,
  type RoundingMode,
  type RoundingModeName,
} from '../../src/money/index'
import { BMAX, MAX, MODES, RUNS, TIMEOUT, babs, check, same, bigRound, expectMoneyError, expectRoundedOrOverflow, quotient } from './oracle'

// Expected results per mode, in this column order (hand-computed from the definitions in SPEC §3.8).
const COLS: readonly RoundingModeName[] = ['half_up', 'half_even', 'half_down', 'up', 'down', 'ceil', 'floor']
type Row = readonly [label: string, n: number, d: number, expected: readonly [number, number, number, number, number, number, number]]

const HALF = 4503599627370495 // (MAX − 1) / 2, so MAX / 2 = HALF + 0.5

const TABLE: readonly Row[] = [
  //  value          n          d        half_up half_even half_down  up  down ceil floor
  ['2.5', 5, 2, [3, 2, 2, 3, 2, 3, 2]],
  ['-2.5', -5, 2, [-3, -2, -2, -3, -2, -2, -3]],
  ['1.5', 3, 2, [2, 2, 1, 2, 1, 2, 1]],
  ['-1.5', -3, 2, [-2, -2, -1, -2, -1, -1, -2]],
  ['3.5 (odd below: even is up)', 7, 2, [4, 4, 3, 4, 3, 4, 3]],
  ['-3.5', -7, 2, [-4, -4, -3, -4, -3, -3, -4]],
  ['0.5', 1, 2, [1, 0, 0, 1, 0, 1, 0]],
  ['-0.5 (zeros must be +0)', -1, 2, [-1, 0, 0, -1, 0, 0, -1]],
  ['2.4', 12, 5, [2, 2, 2, 3, 2, 3, 2]],
  ['-2.4', -12, 5, [-2, -2, -2, -3, -2, -2, -3]],
  ['2.6', 13, 5, [3, 3, 3, 3, 2, 3, 2]],
  ['-2.6', -13, 5, [-3, -3, -3, -3, -2, -2, -3]],
  ['2.500001 (just above a tie)', 2500001, 1000000, [3, 3, 3, 3, 2, 3, 2]],
  ['2.499999 (just below a tie)', 2499999, 1000000, [2, 2, 2, 3, 2, 3, 2]],
  ['-2.500001', -2500001, 1000000, [-3, -3, -3, -3, -2, -2, -3]],
  ['-2.499999', -2499999, 1000000, [-2, -2, -2, -3, -2, -2, -3]],
  ['0.1', 1, 10, [0, 0, 0, 1, 0, 1, 0]],
  ['-0.1', -1, 10, [0, 0, 0, -1, 0, 0, -1]],
  ['-1/3', -1, 3, [0, 0, 0, -1, 0, 0, -1]],
  ['2/3', 2, 3, [1, 1, 1, 1, 0, 1, 0]],
  ['-2/3', -2, 3, [-1, -1, -1, -1, 0, 0, -1]],
  ['3 (exact)', 3, 1, [3, 3, 3, 3, 3, 3, 3]],
  ['-3 (exact, -6/2)', -6, 2, [-3, -3, -3, -3, -3, -3, -3]],
  ['0', 0, 7, [0, 0, 0, 0, 0, 0, 0]],
  ['0 over a negative divisor', 0, -5, [0, 0, 0, 0, 0, 0, 0]],
  ['5/-2 = -2.5 (negative divisor)', 5, -2, [-3, -2, -2, -3, -2, -2, -3]],
  ['-5/-2 = 2.5', -5, -2, [3, 2, 2, 3, 2, 3, 2]],
  ['249.28 (SPEC §5 shipping tax)', 24928, 100, [249, 249, 249, 250, 249, 250, 249]],
  ['-249.28', -24928, 100, [-249, -249, -249, -250, -249, -249, -250]],
  ['(2^53-1)/2 = ...495.5', MAX, 2, [HALF + 1, HALF + 1, HALF, HALF + 1, HALF, HALF + 1, HALF]],
  ['-(2^53-1)/2', -MAX, 2, [-HALF - 1, -HALF - 1, -HALF, -HALF - 1, -HALF, -HALF, -HALF - 1]],
]

function expectSame(got: number, expected: number): void {
  // Object.is: distinguishes -0 from +0, so "zero never becomes -0" is part of every row.
  expect(Object.is(got, expected), `got ${Object.is(got, -0) ? '-0' : got}, expected ${expected}`).toBe(true)
}

describe('rounding: example tables (SPEC §3.8)', () => {
  for (const [label, n, d, expected] of TABLE) {
    describe(label, () => {
      COLS.forEach((name, col) => {
        const mode = parseRoundingMode(name)!
        const want = expected[col]!
        it(`${name} → ${want}`, () => {
          expectSame(roundDiv(n, d, mode), want)
          expectSame(roundDiv(BigInt(n), BigInt(d), mode), want)
          expectSame(mulDivRound(n, 1, d, mode), want)
          // the oracle agrees with the hand table too (this checks the oracle, not the library)
          expect(bigRound(quotient(n, d), mode)).toBe(BigInt(want))
        })
      })
    })
  }

  it('SPEC worked examples: 10000 × 19% = 1900, 1312 × 19% = 249, interest 13461 × 30% = 4038, upfront 17499 × 12.34% = 2159', () => {
    expect(mulDivRound(10000, 19, 100, Rounding.HalfUp)).toBe(1900)
    expect(mulDivRound(1312, 19, 100, Rounding.HalfUp)).toBe(249) // 249.28
    expect(mulDivRound(13461, 30, 100, Rounding.HalfUp)).toBe(4038) // 4038.3
    expect(mulDivRound(17499, 1234, 10000, Rounding.HalfUp)).toBe(2159) // 2159.3766
    expect(mulDivRound(17499, 617, 5000, Rounding.HalfUp)).toBe(2159) // same rate, reduced
  })

  describe('products past 2^53 go through BigInt and stay exact', () => {
    // MAX × 3 / 6 = MAX / 2 = 4503599627370495.5, but the product 27021597764222973 is not a safe integer.
    const cases: ReadonlyArray<readonly [string, number, number, number, readonly number[]]> = [
      ['MAX×3/6', MAX, 3, 6, [HALF + 1, HALF + 1, HALF, HALF + 1, HALF, HALF + 1, HALF]],
      ['-MAX×3/6', -MAX, 3, 6, [-HALF - 1, -HALF - 1, -HALF, -HALF - 1, -HALF, -HALF, -HALF - 1]],
      ['MAX×3/-6', MAX, 3, -6, [-HALF - 1, -HALF - 1, -HALF, -HALF - 1, -HALF, -HALF, -HALF - 1]],
      // (2^52 + 1) × 5 / 10 = 2251799813685248.5; 2251799813685248 is even
      ['(2^52+1)×5/10', 2 ** 52 + 1, 5, 10, [2251799813685249, 2251799813685248, 2251799813685248, 2251799813685249, 2251799813685248, 2251799813685249, 2251799813685248]],
      ['-(2^52+1)×5/10', -(2 ** 52 + 1), 5, 10, [-2251799813685249, -2251799813685248, -2251799813685248, -2251799813685249, -2251799813685248, -2251799813685248, -2251799813685249]],
      // 2^72 / (2^20 + 1) = 2^52 − 2^32 + 2^12 − 2^12/(2^20 + 1) = 4503595332407296 − 0.0039062…
      ['2^52×2^20/(2^20+1)', 2 ** 52, 2 ** 20, 2 ** 20 + 1, [4503595332407296, 4503595332407296, 4503595332407296, 4503595332407296, 4503595332407295, 4503595332407296, 4503595332407295]],
    ]
    for (const [label, a, b, d, expected] of cases) {
      it(label, () => {
        expect(Math.abs(a * b) > MAX).toBe(true)
        COLS.forEach((name, col) => expectSame(mulDivRound(a, b, d, parseRoundingMode(name)!), expected[col]!))
      })
    }
  })

  describe('overflow is a typed error at the exact boundary', () => {
    // 6004799503160661 × 3 = 2^54 − 1, so ×3/2 = MAX + 0.5: modes that round it down give MAX (safe),
    // modes that round it up give 2^53 (not safe).
    const a = 6004799503160661
    it('MAX + 0.5: down, floor, half_down give MAX', () => {
      expect(BigInt(a) * 3n).toBe(2n ** 54n - 1n)
      for (const m of [Rounding.Down, Rounding.Floor, Rounding.HalfDown]) expect(mulDivRound(a, 3, 2, m)).toBe(MAX)
    })
    it('MAX + 0.5: up, ceil, half_up, half_even (MAX is odd) throw amount_overflow', () => {
      for (const m of [Rounding.Up, Rounding.Ceil, Rounding.HalfUp, Rounding.HalfEven]) expectMoneyError(() => mulDivRound(a, 3, 2, m), 'amount_overflow')
    })
    it('-(MAX + 0.5): symmetric by magnitude; ceil gives -MAX, floor overflows', () => {
      expect(mulDivRound(-a, 3, 2, Rounding.Ceil)).toBe(-MAX)
      expect(mulDivRound(-a, 3, 2, Rounding.HalfDown)).toBe(-MAX)
      expectMoneyError(() => mulDivRound(-a, 3, 2, Rounding.Floor), 'amount_overflow')
      expectMoneyError(() => mulDivRound(-a, 3, 2, Rounding.HalfUp), 'amount_overflow')
    })
    it('MAX × 1 / 1 = MAX; MAX × 2 / 2 = MAX through BigInt; MAX × 2 / 1 overflows', () => {
      expect(mulDivRound(MAX, 1, 1, Rounding.HalfUp)).toBe(MAX)
      expect(mulDivRound(MAX, 2, 2, Rounding.HalfUp)).toBe(MAX)
      expect(mulDivRound(-MAX, 2, 2, Rounding.Floor)).toBe(-MAX)
      expectMoneyError(() => mulDivRound(MAX, 2, 1, Rounding.Down), 'amount_overflow')
      expectMoneyError(() => mulDivRound(MAX, -2, 1, Rounding.Down), 'amount_overflow')
    })
    it('roundDiv on bigints: 2^53 overflows, 2^53 − 1 does not', () => {
      expect(roundDiv(2n ** 53n - 1n, 1n, Rounding.HalfUp)).toBe(MAX)
      expectMoneyError(() => roundDiv(2n ** 53n, 1n, Rounding.HalfUp), 'amount_overflow')
      expectMoneyError(() => roundDiv(-(2n ** 53n), 1n, Rounding.HalfUp), 'amount_overflow')
      // -(2^60 + 1) / 2^60 = -1 − 2^-60
      expect(roundDiv(-(2n ** 60n) - 1n, 2n ** 60n, Rounding.HalfUp)).toBe(-1)
      expect(roundDiv(-(2n ** 60n) - 1n, 2n ** 60n, Rounding.Floor)).toBe(-2)
      expect(roundDiv(-(2n ** 60n) - 1n, 2n ** 60n, Rounding.Ceil)).toBe(-1)
    })
  })

  describe('bad input is a MoneyError, never a RangeError or NaN', () => {
    it('division by zero is invalid_rate on the Number path, the BigInt path and for bigints', () => {
      expectMoneyError(() => roundDiv(5, 0, Rounding.HalfUp), 'invalid_rate')
      expectMoneyError(() => mulDivRound(5, 2, 0, Rounding.HalfUp), 'invalid_rate')
      expectMoneyError(() => mulDivRound(MAX, 2, 0, Rounding.HalfUp), 'invalid_rate') // product past 2^53
      expectMoneyError(() => roundDiv(5n, 0n, Rounding.HalfUp), 'invalid_rate')
    })
    it('NaN, ±Infinity and fractions are invalid_amount', () => {
      for (const bad of [Number.NaN, Infinity, -Infinity, 0.5, 2.5]) {
        expectMoneyError(() => mulDivRound(bad, 3, 1, Rounding.HalfUp), 'invalid_amount')
        expectMoneyError(() => mulDivRound(3, bad, 1, Rounding.HalfUp), 'invalid_amount')
        expectMoneyError(() => mulDivRound(3, 1, bad, Rounding.HalfUp), 'invalid_amount')
        expectMoneyError(() => mulDivRound(bad, 2 ** 60, 1, Rounding.HalfUp), 'invalid_amount')
        expectMoneyError(() => roundDiv(bad, 3, Rounding.HalfUp), 'invalid_amount')
        expectMoneyError(() => roundDiv(3, bad, Rounding.HalfUp), 'invalid_amount')
      }
    })
    it('integer Numbers past 2^53 are divided exactly: (2^54 + 4) / 3 = 6004799503160662.67 → 6004799503160663', () => {
      // 2^54 + 4 = 18014398509481988 is exactly representable; 18014398509481988 / 3 = 6004799503160662.666…
      expect(roundDiv(2 ** 54 + 4, 3, Rounding.HalfUp)).toBe(6004799503160663)
      expect(roundDiv(2 ** 54 + 4, 3, Rounding.Floor)).toBe(6004799503160662)
      expectMoneyError(() => roundDiv(2 ** 54, 1, Rounding.HalfUp), 'amount_overflow')
    })
  })
})

describe('parseRoundingMode / ROUNDING_NAMES', () => {
  it('maps the seven API names to distinct modes and ROUNDING_NAMES back', () => {
    const seen = new Set<RoundingMode>()
    for (const [name, mode] of MODES) {
      expect(parseRoundingMode(name)).toBe(mode)
      expect(mode.name).toBe(name)
      seen.add(mode)
    }
    expect(seen.size).toBe(7)
    expect(ROUNDING_NAMES).toHaveLength(7)
  })
  it('rejects anything else, including prototype keys and other cases', () => {
    for (const bad of ['bankers', 'HALF_UP', 'half-up', '', 'toString', '__proto__', 'constructor', 'hasOwnProperty', 0, null, undefined, {}])
      expect(parseRoundingMode(bad)).toBeUndefined()
  })
})

// ---------------------------------------------------------------------------------------------
// Arbitraries. Amounts mix small values, the whole safe range and values near ±2^53, so that products
// regularly pass 2^53 (the BigInt path) and results regularly leave the safe range (overflow).
const sign = <T extends number | bigint>(arb: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.tuple(arb, fc.boolean()).map(([x, neg]) => (neg ? (-x as T) : x))
const smallInt = fc.integer({ min: -1_000_000, max: 1_000_000 })
const safeInt = fc.maxSafeInteger()
const nearMax = sign(fc.integer({ min: 2 ** 40, max: MAX }))
const amountArb = fc.oneof(smallInt, safeInt, nearMax)
const divisorArb = sign(fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: MAX })))
const randomTriple = fc.tuple(amountArb, amountArb, divisorArb)
// Exact ties and their neighbours: a·b / d = (q + ½) ± 1/(2k), with a·b often past 2^53.
const tieTriple = fc
  .record({
    q: fc.integer({ min: 0, max: 2 ** 26 }),
    k: fc.integer({ min: 1, max: 2 ** 20 }),
    m: fc.integer({ min: 1, max: 2 ** 20 }),
    off: fc.constantFrom(-1, 0, 0, 1),
    negA: fc.boolean(),
    negD: fc.boolean(),
  })
  .map(({ q, k, m, off, negA, negD }): [number, number, number] => {
    const a = (2 * q + 1) * k + off
    return [negA ? -a : a, m, negD ? -2 * k * m : 2 * k * m]
  })
const tripleArb = fc.oneof(randomTriple, tieTriple)

describe('properties', () => {
  it('mulDivRound equals big.js for every mode, and throws amount_overflow exactly when the big.js result is outside ±(2^53−1)', () => {
    const stats = { big: 0, overflow: 0, ties: 0 }
    fc.assert(
      fc.property(tripleArb, ([a, b, d]) => {
        const p = BigInt(a) * BigInt(b)
        if (babs(p) > BMAX) stats.big++
        if (2n * babs(p % BigInt(d)) === babs(BigInt(d))) stats.ties++
        const exact = quotient(p, d)
        for (const [, mode] of MODES) {
          const oracle = bigRound(exact, mode)
          if (oracle > BMAX || oracle < -BMAX) stats.overflow++
          expectRoundedOrOverflow(() => mulDivRound(a, b, d, mode), oracle)
        }
      }),
      { numRuns: RUNS },
    )
    // the generators really reach the BigInt path, overflows and exact ties
    if (RUNS >= 1000) {
      expect(stats.big).toBeGreaterThan(RUNS / 10)
      expect(stats.overflow).toBeGreaterThan(RUNS / 20)
      expect(stats.ties).toBeGreaterThan(RUNS / 20)
    }
  }, TIMEOUT)

  it('roundDiv on bigints of any size equals big.js for every mode, overflow exactly outside ±(2^53−1)', () => {
    const n = fc.oneof(fc.bigInt({ min: -(2n ** 100n), max: 2n ** 100n }), fc.bigInt({ min: -(2n ** 60n), max: 2n ** 60n }), fc.bigInt({ min: -1000n, max: 1000n }))
    const d = fc
      .oneof(fc.bigInt({ min: 1n, max: 1000n }), fc.bigInt({ min: 1n, max: 2n ** 50n }), fc.bigInt({ min: 1n, max: 2n ** 80n }))
      .chain((x) => fc.constantFrom(x, -x))
    fc.assert(
      fc.property(n, d, (n, d) => {
        const exact = quotient(n, d)
        for (const [, mode] of MODES) expectRoundedOrOverflow(() => roundDiv(n, d, mode), bigRound(exact, mode))
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('roundDiv on safe-integer Numbers equals big.js for every mode', () => {
    fc.assert(
      fc.property(amountArb, divisorArb, (n, d) => {
        const exact = quotient(n, d)
        for (const [, mode] of MODES) expectRoundedOrOverflow(() => roundDiv(n, d, mode), bigRound(exact, mode))
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('a zero result is +0, never -0, in every mode (values in (-1, 1))', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }), fc.integer({ min: 0, max: MAX - 1 }), fc.boolean(), fc.boolean(), (d, r, negN, negD) => {
        const n0 = r % d
        const n = negN ? -n0 : n0
        const dd = negD ? -d : d
        for (const [, mode] of MODES) {
          const x = roundDiv(n, dd, mode)
          const y = mulDivRound(n, 1, dd, mode)
          check(Math.abs(x) <= 1, 'within 1')
          check(!Object.is(x, -0), () => `roundDiv(${n}, ${dd}) is -0`)
          check(!Object.is(y, -0), () => `mulDivRound(${n}, 1, ${dd}) is -0`)
          same(y, x, 'mulDivRound = roundDiv')
        }
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('the modes relate as defined: floor ≤ x ≤ ceil differ by at most 1, down = toward zero, up = away, half modes within ½, symmetric modes are odd functions, ceil(-x) = -floor(x)', () => {
    const small = fc.integer({ min: -10_000_000, max: 10_000_000 })
    const dArb = fc.integer({ min: 1, max: 10_000 })
    fc.assert(
      fc.property(small, dArb, (n, d) => {
        const r = (m: RoundingMode) => roundDiv(n, d, m)
        const neg = (m: RoundingMode) => roundDiv(-n, d, m)
        const floor = r(Rounding.Floor)
        const ceil = r(Rounding.Ceil)
        // floor·d ≤ n ≤ ceil·d, with equality iff d | n
        check(floor * d <= n, 'floor·d ≤ n')
        check(ceil * d >= n, 'ceil·d ≥ n')
        same(ceil - floor, n % d === 0 ? 0 : 1, 'ceil − floor')
        same(r(Rounding.Down), n >= 0 ? floor : ceil, 'down')
        same(r(Rounding.Up), n >= 0 ? ceil : floor, 'up')
        for (const m of [Rounding.HalfUp, Rounding.HalfEven, Rounding.HalfDown]) {
          // |r·d − n| ≤ d/2
          check(2 * Math.abs(r(m) * d - n) <= d, () => `mode ${m} is more than ½ away`)
        }
        for (const m of [Rounding.HalfUp, Rounding.HalfEven, Rounding.HalfDown, Rounding.Up, Rounding.Down]) same(neg(m) + r(m), 0, `mode ${m} is odd`)
        same(neg(Rounding.Ceil) + floor, 0, 'ceil(−x) = −floor(x)')
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)

  it('parseRoundingMode accepts exactly the seven names', () => {
    const names = new Set<string>(COLS)
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...COLS)), (s) => {
        const m = parseRoundingMode(s)
        if (names.has(s)) same(m!.name, s)
        else same(m, undefined)
      }),
      { numRuns: RUNS },
    )
  }, TIMEOUT)
})

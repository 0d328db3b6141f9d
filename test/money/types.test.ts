/**
 * Type-level tests. `expectTypeOf` and the `@ts-expect-error` lines are checked by
 * `tsc --noEmit -p .` (an unused `@ts-expect-error` is itself a compile error, so each one fails
 * the typecheck if the type ever starts accepting the call); the same calls also run, and must throw
 * the typed runtime error, for callers without TypeScript.
 */
import { describe, expect, expectTypeOf, it } from 'vitest'
import {
  Rounding,
  addAmounts,
  allocate,
  convertAmount,
  extractInclusive,
  mulDivRound,
  parsePercent,
  roundDiv,
  splitEvenly,
  toAmount,
  type Amount,
  type InclusiveParts,
  type Rational,
  type RoundingMode,
  type RoundingModeName,
} from '../../src/money/index'
import { expectMoneyError } from './oracle'

describe('types', () => {
  it('the primitives return Amount', () => {
    expectTypeOf(mulDivRound(1312, 19, 100, Rounding.HalfUp)).toEqualTypeOf<Amount>()
    expectTypeOf(roundDiv(24928, 100, Rounding.HalfUp)).toEqualTypeOf<Amount>()
    expectTypeOf(roundDiv(24928n, 100n, Rounding.HalfUp)).toEqualTypeOf<Amount>()
    expectTypeOf(toAmount(1900)).toEqualTypeOf<Amount>()
    expectTypeOf(addAmounts(1, 2)).toEqualTypeOf<Amount>()
    expectTypeOf(allocate(100, [1, 1, 1])).toEqualTypeOf<Amount[]>()
    expectTypeOf(splitEvenly(100, 3)).toEqualTypeOf<Amount[]>()
    expectTypeOf(extractInclusive(11900, [parsePercent('19')], Rounding.HalfUp)).toEqualTypeOf<InclusiveParts>()
    expectTypeOf<InclusiveParts['net']>().toEqualTypeOf<Amount>()
    expectTypeOf(convertAmount(1, { num: 1, den: 1 }, { num: 1, den: 1 }, 2, 2, Rounding.HalfUp)).toEqualTypeOf<Amount>()
    expect(mulDivRound(1312, 19, 100, Rounding.HalfUp)).toBe(249)
  })

  it('an Amount is a number, but a number is not an Amount', () => {
    expectTypeOf<Amount>().toExtend<number>()
    expectTypeOf<number>().not.toExtend<Amount>()
    const a: Amount = toAmount(1900)
    const n: number = a // widening is fine
    // @ts-expect-error a plain number (a float, say) is not an Amount without toAmount
    const b: Amount = 19.5
    expect(n + b).toBe(1919.5)
  })

  it('a Rational cannot be passed where an Amount or a number is expected', () => {
    const r: Rational = parsePercent('19')
    expectTypeOf<Rational>().not.toExtend<number>()
    expectTypeOf<Rational>().not.toExtend<Amount>()
    const takesAmount = (a: Amount): Amount => a
    // @ts-expect-error a Rational is not an Amount
    expect(() => takesAmount(r)).not.toThrow() // the type system is the only guard for a bare function
    // @ts-expect-error a Rational is not an amount for toAmount…
    expectMoneyError(() => toAmount(r), 'invalid_amount')
    // @ts-expect-error …nor for mulDivRound (pass r.num and r.den)
    expectMoneyError(() => mulDivRound(r, 100, 1, Rounding.HalfUp), 'invalid_amount')
    // @ts-expect-error …nor for addAmounts
    expectMoneyError(() => addAmounts(r, 1), 'invalid_amount')
    // the right way
    expect(mulDivRound(10000, r.num, r.den, Rounding.HalfUp)).toBe(1900)
  })

  it('a rounding mode is a value (Rounding.HalfUp), not its name (parse names with parseRoundingMode)', () => {
    expectTypeOf<typeof Rounding.HalfUp>().toExtend<RoundingMode>()
    expectTypeOf<RoundingModeName>().not.toExtend<RoundingMode>()
    expectTypeOf<7>().not.toExtend<RoundingMode>()
    // @ts-expect-error 'half_up' is a RoundingModeName
    const m: RoundingMode = 'half_up'
    expect(typeof m).toBe('string')
  })

  it('Rational fields are read-only, and every parse returns a fresh object', () => {
    const r: Rational = parsePercent('19')
    const mutate = (x: Rational): void => {
      // @ts-expect-error num is readonly
      x.num = 20
    }
    mutate(r)
    expect(parsePercent('19')).toEqual({ num: 19, den: 100 }) // no shared, cached instance was changed
  })
})

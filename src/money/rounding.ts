import type { Amount } from './amount'
import { checkMode, integerBig, MoneyError } from './errors'
import { smallInt } from './small-int'

import { ceil, down, floor, halfDown, halfEven, halfUp, ROUNDING_MODES, up, type RoundingMode, type RoundingModeName } from './modes/index'

export type { RoundingMode, RoundingModeName } from './modes/index'
export { ROUNDING_MODES } from './modes/index'

/**
 * The seven rounding modes under friendly names; each is a {@link RoundingMode} value you pass to
 * `roundDiv`, `mulDivRound` and the other primitives.
 *
 * - `HalfUp`: ties away from zero (the default) · `HalfEven`: ties to the even neighbour ·
 *   `HalfDown`: ties toward zero · `Up`: away from zero · `Down`: toward zero ·
 *   `Ceil`: toward +∞ · `Floor`: toward −∞.
 *
 * @example
 * ```ts
 * roundDiv(5, 2, Rounding.HalfEven) // 2
 * ```
 */
export const Rounding = {
  HalfUp: halfUp,
  HalfEven: halfEven,
  HalfDown: halfDown,
  Up: up,
  Down: down,
  Ceil: ceil,
  Floor: floor,
} as const

/** Every mode's name, in registry order. @example `ROUNDING_NAMES.includes('floor') // true` */
export const ROUNDING_NAMES: readonly RoundingModeName[] = /* @__PURE__ */ Object.keys(ROUNDING_MODES) as RoundingModeName[]

/**
 * The rounding mode with this API name; `undefined` when there is none.
 *
 * @example
 * ```ts
 * parseRoundingMode('half_up') // Rounding.HalfUp
 * parseRoundingMode('bankers') // undefined
 * ```
 */
export function parseRoundingMode(name: unknown): RoundingMode | undefined {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(ROUNDING_MODES, name)
    ? ROUNDING_MODES[name as RoundingModeName]
    : undefined
}

const MAX = Number.MAX_SAFE_INTEGER

function checkedResult(v: number): Amount {
  if (!Number.isSafeInteger(v)) throw new MoneyError('amount_overflow', `rounded result outside the safe-integer range: ${v}`)
  // (−0 becomes 0 too)
  return smallInt(v) as Amount
}

/** NaN, ±Infinity and fractions are not amounts (and would make BigInt() throw a RangeError). */
function notInteger(...xs: number[]): MoneyError {
  return new MoneyError('invalid_amount', `not an integer: ${xs.map(String).join(', ')}`)
}

function roundDivBig(n: bigint, d: bigint, mode: RoundingMode): Amount {
  if (mode !== halfUp) checkMode(mode, 'away')
  if (d === 0n) throw new MoneyError('invalid_rate', 'division by zero')
  if (d < 0n) {
    n = -n
    d = -d
  }
  const neg = n < 0n
  const a = neg ? -n : n
  let q = a / d
  const r = a - q * d
  if (r !== 0n) {
    const twice = 2n * r
    if (mode.away(neg, (q & 1n) === 1n, twice < d ? -1 : twice === d ? 0 : 1)) q += 1n
  }
  if (q > BigInt(MAX)) throw new MoneyError('amount_overflow', `rounded result outside the safe-integer range: ${neg ? '-' : ''}${q}`)
  return checkedResult(neg ? -Number(q) : Number(q))
}

/**
 * Rounds the exact rational `n / d` to an integer with `mode`. Exact for any integers (Numbers or
 * bigints of any size); throws `amount_overflow` when the result is not a safe integer,
 * `invalid_rate` when `d` is 0 and `invalid_amount` for NaN, ±Infinity or fractions.
 *
 * @example
 * ```ts
 * roundDiv(24928, 100, Rounding.HalfUp) // 249  (249.28)
 * roundDiv(-5, 2, Rounding.HalfUp)      // -3   (ties away from zero)
 * ```
 */
export function roundDiv(n: number | bigint, d: number | bigint, mode: RoundingMode): Amount {
  if (typeof n === 'bigint' || typeof d === 'bigint') return roundDivBig(integerBig(n, 'invalid_amount'), integerBig(d, 'invalid_amount'), mode)
  if (mode !== halfUp) checkMode(mode, 'away')
  if (d === 0) throw new MoneyError('invalid_rate', 'division by zero')
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) {
    // Integers past 2^53 are divided exactly in BigInt (the Number path would round a − r).
    if (!Number.isInteger(n) || !Number.isInteger(d)) throw notInteger(n, d)
    return roundDivBig(BigInt(n), BigInt(d), mode)
  }
  if (d < 0) {
    n = -n
    d = -d
  }
  const neg = n < 0
  const a = neg ? -n : n
  // `%` on doubles is exact for integers, and (a − r) is an exact multiple of d, so q is exact.
  // Both below 2^31 (most taxes): the same remainder through int32 arithmetic, which is faster.
  const r = a <= 0x7fffffff && d <= 0x7fffffff ? ((a | 0) % (d | 0)) : a % d
  let q = (a - r) / d
  if (r !== 0) {
    const twice = 2 * r
    // The default mode without a call (the commonest rounding of all); every other mode decides through its value.
    if (mode === halfUp ? twice >= d : mode.away(neg, q % 2 === 1, twice < d ? -1 : twice === d ? 0 : 1)) q += 1
  }
  return checkedResult(neg ? -q : q)
}

/**
 * Rounds `a × b / d` exactly: on Numbers while `a × b` stays a safe integer, on BigInt beyond.
 * This is the multiply-and-round of the whole library (a tax is `mulDivRound(base, 19, 100, m)`).
 * Non-integer inputs throw `invalid_amount`; errors are otherwise those of {@link roundDiv}.
 *
 * @example
 * ```ts
 * mulDivRound(1312, 19, 100, Rounding.HalfUp) // 249
 * mulDivRound(2 ** 52, 3, 7, Rounding.Floor)   // exact, through BigInt
 * ```
 */
export function mulDivRound(a: number, b: number, d: number, mode: RoundingMode): Amount {
  if (!Number.isInteger(a) || !Number.isInteger(b) || !Number.isInteger(d)) throw notInteger(a, b, d)
  const p = a * b
  if (p <= MAX && p >= -MAX) return roundDiv(p, d, mode)
  return roundDivBig(BigInt(a) * BigInt(b), BigInt(d), mode)
}

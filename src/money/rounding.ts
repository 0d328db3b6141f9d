import type { Amount } from './amount'
import { MoneyError } from './errors'

/**
 * The seven rounding modes of SPEC §3.8, as the API spells them.
 *
 * - `half_up`: ties away from zero (the default) · `half_even`: ties to the even neighbour ·
 *   `half_down`: ties toward zero · `up`: away from zero · `down`: toward zero ·
 *   `ceil`: toward +∞ · `floor`: toward −∞.
 *
 * @example
 * ```ts
 * const m: RoundingModeName = 'half_even'
 * ```
 */
export type RoundingModeName = 'half_up' | 'half_even' | 'half_down' | 'up' | 'down' | 'ceil' | 'floor'

/**
 * Rounding modes as small integers: the form every internal stage uses after normalization.
 *
 * @example
 * ```ts
 * roundDiv(5, 2, Rounding.HalfEven) // 2
 * ```
 */
export const Rounding = {
  HalfUp: 0,
  HalfEven: 1,
  HalfDown: 2,
  Up: 3,
  Down: 4,
  Ceil: 5,
  Floor: 6,
} as const

/** A rounding mode in its internal numeric form. @example `const m: RoundingMode = Rounding.HalfUp` */
export type RoundingMode = (typeof Rounding)[keyof typeof Rounding]

const BY_NAME: Readonly<Record<RoundingModeName, RoundingMode>> = {
  half_up: Rounding.HalfUp,
  half_even: Rounding.HalfEven,
  half_down: Rounding.HalfDown,
  up: Rounding.Up,
  down: Rounding.Down,
  ceil: Rounding.Ceil,
  floor: Rounding.Floor,
}

/** The names in the order of their numeric codes. @example `ROUNDING_NAMES[Rounding.Floor] // 'floor'` */
export const ROUNDING_NAMES: readonly RoundingModeName[] = [
  'half_up',
  'half_even',
  'half_down',
  'up',
  'down',
  'ceil',
  'floor',
]

/**
 * Parses a rounding mode name; `undefined` when it is not one of the seven.
 *
 * @example
 * ```ts
 * parseRoundingMode('half_up') // Rounding.HalfUp
 * parseRoundingMode('bankers') // undefined
 * ```
 */
export function parseRoundingMode(name: unknown): RoundingMode | undefined {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(BY_NAME, name)
    ? BY_NAME[name as RoundingModeName]
    : undefined
}

const MAX = Number.MAX_SAFE_INTEGER

/**
 * Whether to step the truncated quotient `q` (≥ 0) of a value with sign `neg` away from zero,
 * given the remainder `r` (0 < r < d). This one function is where every mode's rule lives.
 */
function stepsAway(neg: boolean, q: number | bigint, twiceR: number | bigint, d: number | bigint, mode: RoundingMode): boolean {
  switch (mode) {
    case Rounding.HalfUp:
      return twiceR >= d
    case Rounding.HalfDown:
      return twiceR > d
    case Rounding.HalfEven:
      // eslint-disable-next-line eqeqeq
      return twiceR > d || (twiceR == d && (typeof q === 'bigint' ? q % 2n === 1n : q % 2 === 1))
    case Rounding.Up:
      return true
    case Rounding.Down:
      return false
    case Rounding.Ceil:
      return !neg
    default:
      return neg
  }
}

function checkedResult(v: number): Amount {
  if (!Number.isSafeInteger(v)) throw new MoneyError('amount_overflow', `rounded result outside the safe-integer range: ${v}`)
  return (v === 0 ? 0 : v) as Amount
}

/** NaN, ±Infinity and fractions are not amounts (and would make BigInt() throw a RangeError). */
function notInteger(...xs: number[]): MoneyError {
  return new MoneyError('invalid_amount', `not an integer: ${xs.map(String).join(', ')}`)
}

function roundDivBig(n: bigint, d: bigint, mode: RoundingMode): Amount {
  if (d === 0n) throw new MoneyError('invalid_rate', 'division by zero')
  if (d < 0n) {
    n = -n
    d = -d
  }
  const neg = n < 0n
  const a = neg ? -n : n
  let q = a / d
  const r = a - q * d
  if (r !== 0n && stepsAway(neg, q, 2n * r, d, mode)) q += 1n
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
  if (typeof n === 'bigint' || typeof d === 'bigint') return roundDivBig(BigInt(n), BigInt(d), mode)
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
  if (r !== 0 && stepsAway(neg, q, 2 * r, d, mode)) q += 1
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

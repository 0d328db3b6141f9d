import { smallInt } from './small-int'
import { checkList, checkRational, integerBig, MoneyError } from './errors'

/**
 * An exact non-integer quantity (a rate, a percentage as a fraction, an exchange rate) held as a
 * reduced fraction of two safe integers, `den > 0`. Parsed once; hot paths only read `num`/`den`.
 *
 * @example
 * ```ts
 * const nineteenPercent: Rational = { num: 19, den: 100 }
 * ```
 */
export interface Rational {
  readonly num: number
  readonly den: number
}

/** Options for {@link parseDecimal}. @example `parseDecimal('-5', { allowNegative: true })` */
export interface ParseDecimalOptions {
  /** Accept values below 0 (a delta, a negative price adjustment). Default false. */
  readonly allowNegative?: boolean
  /** Accept 0. Default true (an exchange rate passes false). */
  readonly allowZero?: boolean
}

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b
    a = b
    b = t
  }
  return a
}

/**
 * Builds a reduced {@link Rational} from two integers (safe integers or bigints); throws
 * `invalid_rate` when the reduced fraction does not fit in safe integers.
 *
 * @example
 * ```ts
 * rational(1234, 100) // { num: 617, den: 50 }
 * ```
 */
export function rational(num: number | bigint, den: number | bigint): Rational {
  let n = integerBig(num, 'invalid_rate')
  let d = integerBig(den, 'invalid_rate')
  if (d === 0n) throw new MoneyError('invalid_rate', 'a rational needs a non-zero denominator')
  if (d < 0n) {
    n = -n
    d = -d
  }
  let a = n < 0n ? -n : n
  let b = d
  while (b !== 0n) {
    const t = a % b
    a = b
    b = t
  }
  const g = a === 0n ? d : a
  n /= g
  d /= g
  const max = BigInt(Number.MAX_SAFE_INTEGER)
  if (n > max || n < -max || d > max) {
    throw new MoneyError('invalid_rate', `rate needs more precision than a safe-integer fraction holds: ${num}/${den}`)
  }
  return { num: smallInt(Number(n)), den: smallInt(Number(d)) }
}

/**
 * A decimal as JSON and big.js write it: optional minus, digits with an optional fraction (`5`, `5.`,
 * `.5`, `5.25`), an optional exponent (`1e-7`, `1.5E+21`). Groups: sign, integer digits, fraction
 * digits, exponent.
 */
const DECIMAL = /^(-?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i

/**
 * Parses an exact decimal (`"19"`, `19`, `"7.7"`, `"12.34"`, `"1.0873"`, `"0.000001"`, `"1e-3"`) into
 * a reduced {@link Rational}, digit by digit into BigInt so no binary float is ever involved (a JS
 * number is read through its shortest round-trip string, so `7.7` means 7.7). Rejects NaN, ±Infinity,
 * non-numeric strings, negatives (unless allowed), and values whose fraction would not fit in safe
 * integers (`"1e-30"`), all as `MoneyError('invalid_rate')`.
 *
 * @example
 * ```ts
 * parseDecimal('12.34')   // { num: 617, den: 50 }
 * parseDecimal(19)        // { num: 19, den: 1 }
 * parseDecimal('-1')      // throws MoneyError invalid_rate
 * ```
 */
export function parseDecimal(input: unknown, options: ParseDecimalOptions = {}): Rational {
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
  const m = DECIMAL.exec(text)
  const int = m?.[2] ?? ''
  const frac = m?.[3] ?? ''
  if (m === null || int.length + frac.length === 0) throw new MoneyError('invalid_rate', `not a decimal: ${JSON.stringify(text)}`)
  // value = digits × 10^exp, with the digits' leading and trailing zeros dropped.
  let digits = int + frac
  let first = 0
  while (first < digits.length && digits.charCodeAt(first) === 48) first++
  let last = digits.length
  while (last > first && digits.charCodeAt(last - 1) === 48) last--
  const exp = Number(m[4] ?? 0) - frac.length + (digits.length - last)
  digits = digits.slice(first, last)
  const negative = m[1] === '-' && digits.length > 0
  if (negative && options.allowNegative !== true) throw new MoneyError('invalid_rate', `must not be negative: ${text}`)
  if (digits.length === 0) {
    if (options.allowZero === false) throw new MoneyError('invalid_rate', `must not be zero: ${text}`)
    return { num: 0, den: 1 }
  }
  const scale = -exp // number of decimal places
  if (scale > 30 || scale < -30) throw new MoneyError('invalid_rate', `decimal out of range: ${text}`)
  let num = BigInt(digits)
  let den = 1n
  if (scale > 0) den = 10n ** BigInt(scale)
  else num *= 10n ** BigInt(-scale)
  return rational(negative ? -num : num, den)
}

/**
 * Parses a percentage (`"19"` → 19/100, `"12.34"` → 617/5000) into the fraction it multiplies by.
 *
 * @example
 * ```ts
 * parsePercent('19') // { num: 19, den: 100 }
 * ```
 */
export function parsePercent(input: unknown, options: ParseDecimalOptions = {}): Rational {
  const r = parseDecimal(input, options)
  return rational(r.num, BigInt(r.den) * 100n)
}

/**
 * The exact sum of rationals (used for `1 + Σ rates`).
 *
 * @example
 * ```ts
 * addRationals([{ num: 19, den: 100 }, { num: 1, den: 10 }]) // { num: 29, den: 100 }
 * ```
 */
export function addRationals(list: readonly Rational[]): Rational {
  checkList(list, 'invalid_rate')
  let n = 0n
  let d = 1n
  for (const r of list) {
    checkRational(r)
    n = n * BigInt(r.den) + BigInt(r.num) * d
    d *= BigInt(r.den)
  }
  return rational(n, d)
}

/**
 * A rational as a JSON number for output (`rate_percent: 19`, `upfront: 12.34`). Exact when the
 * decimal expansion terminates within 15 significant digits, which is every rate we parse.
 *
 * @example
 * ```ts
 * rationalToNumber({ num: 617, den: 50 }) // 12.34
 * ```
 */
export function rationalToNumber(r: Rational): number {
  checkRational(r)
  if (r.den === 1) return r.num
  return ratioToNumber(BigInt(r.num), BigInt(r.den))
}

/**
 * `num / den` (bigints, `den > 0`) as the nearest JSON number by way of its decimal expansion
 * truncated to 40 places (exact for every terminating decimal): a ratio of two exact rates, say,
 * whose reduced form need not fit in safe integers.
 *
 * @example
 * ```ts
 * ratioToNumber(617n, 50n) // 12.34
 * ```
 */
export function ratioToNumber(num: bigint, den: bigint): number {
  if (den <= 0n) throw new MoneyError('invalid_rate', 'a ratio needs a positive denominator')
  const neg = num < 0n
  const places = (((neg ? -num : num) * 10n ** 40n) / den).toString().padStart(41, '0')
  return Number(`${neg ? '-' : ''}${places.slice(0, -40)}.${places.slice(-40)}`)
}

/** Greatest common divisor of two non-negative safe integers. @example `gcdNumber(12, 18) // 6` */
export function gcdNumber(a: number, b: number): number {
  return gcd(Math.abs(a), Math.abs(b))
}

/**
 * Greatest common divisor and least common multiple of bigints (≥ 0): the one implementation the
 * money core, the tax engine and the trace share for common denominators.
 *
 * @example
 * ```ts
 * lcmBig(100n, 1000n) // 1000n
 * ```
 */
export function gcdBig(a: bigint, b: bigint): bigint {
  if (typeof a !== 'bigint' || typeof b !== 'bigint') throw new MoneyError('invalid_amount', 'gcdBig takes two bigints')
  while (b !== 0n) {
    const t = a % b
    a = b
    b = t
  }
  return a
}

/** Least common multiple of two bigints ≥ 0 (0 when either is 0). @example `lcmBig(4n, 6n) // 12n` */
export function lcmBig(a: bigint, b: bigint): bigint {
  const g = gcdBig(a, b)
  return g === 0n ? 0n : (a / g) * b
}

/**
 * The sum of the `percent` rationals of a list (entries without one count as 0), exactly, as
 * `k / l` with `l` the least common multiple of their denominators.
 *
 * @example `sumPercents([{ percent: { num: 19, den: 1 } }, { percent: { num: 1, den: 4 } }]) // { k: 77n, l: 4n }`
 */
export function sumPercents(items: readonly { readonly percent: Rational | null }[]): { k: bigint; l: bigint } {
  let l = 1n
  for (const r of items) if (r.percent !== null) l = lcmBig(l, BigInt(r.percent.den))
  let k = 0n
  for (const r of items) if (r.percent !== null) k += (BigInt(r.percent.num) * l) / BigInt(r.percent.den)
  return { k, l }
}

/**
 * Typed errors of the money core. Every failure of an arithmetic primitive is one of these codes,
 * never a TypeError or a NaN.
 */
export type MoneyErrorCode =
  | 'invalid_rate'
  | 'invalid_amount'
  | 'amount_overflow'
  | 'unknown_currency'
  | 'invalid_weights'
  | 'invalid_mode'

/**
 * An integer argument (a safe-or-not integer Number, or a bigint) as a bigint; anything else (a
 * fraction, NaN, ±Infinity, a string) is a `MoneyError` with `code`, not the `RangeError` or
 * `TypeError` that `BigInt()` would throw.
 *
 * @example `integerBig(12, 'invalid_amount') // 12n`
 */
export function integerBig(x: unknown, code: MoneyErrorCode): bigint {
  if (typeof x === 'bigint') return x
  if (typeof x === 'number' && Number.isInteger(x)) return BigInt(x)
  throw new MoneyError(code, `not an integer: ${typeof x === 'number' ? String(x) : typeof x}`)
}

/**
 * A list argument (weights, rates) given by a caller: an array, else a `MoneyError` with `code`
 * (not the `TypeError` of reading `length` of null).
 *
 * @example `checkList([1, 2], 'invalid_weights') // passes`
 */
export function checkList(x: unknown, code: MoneyErrorCode): void {
  if (!Array.isArray(x)) throw new MoneyError(code, `expected a list, got ${x === null ? 'null' : typeof x}`)
}

/**
 * A rational given by hand (`{ num, den }`): both safe integers, `den` above 0, else `invalid_rate`.
 *
 * @example `checkRational({ num: 19, den: 100 }) // returns it`
 */
export function checkRational<R extends { readonly num: number; readonly den: number }>(r: R): R {
  if (typeof r !== 'object' || r === null) throw new MoneyError('invalid_rate', `a rate must be a fraction of safe integers, got ${r === null ? 'null' : typeof r}`)
  if (!Number.isSafeInteger(r.num) || !Number.isSafeInteger(r.den) || r.den <= 0)
    throw new MoneyError('invalid_rate', `a rate must be a fraction of safe integers with a positive denominator, got ${r.num}/${r.den}`)
  return r
}

/**
 * A rounding mode or an allocation rule given by a caller: the value objects the library exports
 * (`Rounding.HalfUp`, `ALLOCATION_RULES.carry`), else `invalid_mode` (a name string is not a mode:
 * `parseRoundingMode('half_even')` makes one).
 *
 * @example `checkMode(Rounding.HalfEven, 'away') // passes`
 */
export function checkMode(m: unknown, method: 'away' | 'split'): void {
  // (An object or a function: a string has a `split` of its own.)
  if ((typeof m !== 'object' && typeof m !== 'function') || m === null || typeof (m as Record<string, unknown>)[method] !== 'function') throw new MoneyError('invalid_mode', `not a rounding mode or allocation rule: ${typeof m}`)
}

/**
 * The error thrown by the money primitives.
 *
 * @example
 * ```ts
 * try { parseDecimal('abc') } catch (e) { if (e instanceof MoneyError) console.log(e.code) } // 'invalid_rate'
 * ```
 */
export class MoneyError extends Error {
  readonly code: MoneyErrorCode
  constructor(code: MoneyErrorCode, message: string) {
    super(message)
    this.name = 'MoneyError'
    this.code = code
  }
}

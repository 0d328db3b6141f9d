import { MoneyError } from './errors'

declare const amountBrand: unique symbol

/**
 * An integer amount in minor units of some currency (cents for EUR, yen for JPY, fils for KWD).
 * The brand keeps a rate or a float from being passed where cents are expected; plain integer
 * literals are accepted by every primitive, which returns `Amount`.
 *
 * @example
 * ```ts
 * const a: Amount = toAmount(1312)
 * ```
 */
export type Amount = number & { readonly [amountBrand]: true }

/**
 * Checks that `n` is a safe integer and brands it as an {@link Amount}.
 * Throws `MoneyError('invalid_amount')` for floats, NaN and ±Infinity and
 * `MoneyError('amount_overflow')` past ±(2^53 − 1).
 *
 * @example
 * ```ts
 * toAmount(1900) // 1900
 * toAmount(19.5) // throws MoneyError invalid_amount
 * ```
 */
export function toAmount(n: number): Amount {
  if (typeof n !== 'number' || !Number.isInteger(n)) {
    if (typeof n === 'number' && Number.isFinite(n)) throw new MoneyError('invalid_amount', `not an integer amount: ${n}`)
    throw new MoneyError('invalid_amount', `not a finite amount: ${String(n)}`)
  }
  if (!Number.isSafeInteger(n)) throw new MoneyError('amount_overflow', `amount outside the safe-integer range: ${n}`)
  return (n === 0 ? 0 : n) as Amount
}

/**
 * Adds safe integers and fails with `amount_overflow` instead of losing precision.
 *
 * @example
 * ```ts
 * addAmounts(10000, 1900) // 11900
 * ```
 */
export function addAmounts(a: number, b: number): Amount {
  toAmount(a)
  toAmount(b)
  const s = a + b
  if (!Number.isSafeInteger(s)) throw new MoneyError('amount_overflow', `sum outside the safe-integer range: ${a} + ${b}`)
  return (s === 0 ? 0 : s) as Amount
}

/**
 * Multiplies a safe integer by an integer factor (a quantity), failing with `amount_overflow`
 * rather than rounding.
 *
 * @example
 * ```ts
 * multiplyAmount(2500, 2) // 5000
 * ```
 */
export function multiplyAmount(a: number, factor: number): Amount {
  toAmount(a)
  toAmount(factor)
  const p = a * factor
  if (!Number.isSafeInteger(p)) throw new MoneyError('amount_overflow', `product outside the safe-integer range: ${a} × ${factor}`)
  return (p === 0 ? 0 : p) as Amount
}

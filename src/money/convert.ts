import type { Amount } from './amount'
import { checkRational, MoneyError } from './errors'
import { rational, type Rational } from './rational'
import { roundDiv, type RoundingMode } from './rounding'

/** The largest currency exponent a conversion takes (ISO 4217's largest is 4). */
const MAX_EXPONENT = 18

function checkExponent(e: number): void {
  if (!Number.isSafeInteger(e) || e < 0 || e > MAX_EXPONENT) throw new MoneyError('invalid_rate', `a currency exponent is an integer from 0 to ${MAX_EXPONENT}, not ${String(e)}`)
}

/**
 * The exact factor that turns a minor-unit amount in currency A into minor units of B, given
 * both currencies' rates against a common base (`rates[X]` = units of X per one base unit) and
 * their exponents: `rate_B / rate_A × 10^(exp_B − exp_A)`. Kept as a fraction of bigints so that
 * no precision is lost before the one rounding.
 *
 * @example
 * ```ts
 * conversionFactor({ num: 1, den: 1 }, { num: 110235, den: 10000 }, 2, 2) // SEK per EUR: 110235/10000
 * ```
 */
export function conversionFactor(
  fromRate: Rational,
  toRate: Rational,
  fromExponent: number,
  toExponent: number,
): { readonly num: bigint; readonly den: bigint } {
  checkRational(fromRate)
  checkRational(toRate)
  if (fromRate.num <= 0 || toRate.num <= 0) throw new MoneyError('invalid_rate', 'exchange rates must be positive')
  checkExponent(fromExponent)
  checkExponent(toExponent)
  const k = toExponent - fromExponent
  let num = BigInt(toRate.num) * BigInt(fromRate.den)
  let den = BigInt(toRate.den) * BigInt(fromRate.num)
  if (k > 0) num *= 10n ** BigInt(k)
  else if (k < 0) den *= 10n ** BigInt(-k)
  return { num, den }
}

/**
 * Converts a minor-unit amount from currency A to currency B at an exact rate, rounding once.
 *
 * @example
 * ```ts
 * // 10000 EUR cents to JPY (exp 0) at EUR→JPY 162.5: 10000 × 162.5 / 100 = 16250 yen
 * convertAmount(10000, { num: 1, den: 1 }, { num: 325, den: 2 }, 2, 0, Rounding.HalfUp) // 16250
 * ```
 */
export function convertAmount(
  amount: number,
  fromRate: Rational,
  toRate: Rational,
  fromExponent: number,
  toExponent: number,
  mode: RoundingMode,
): Amount {
  if (!Number.isSafeInteger(amount)) throw new MoneyError('amount_overflow', `cannot convert ${amount}`)
  const f = conversionFactor(fromRate, toRate, fromExponent, toExponent)
  return roundDiv(BigInt(amount) * f.num, f.den, mode)
}

/**
 * The exchange rate from A to B as a reduced {@link Rational} of major units (units of B per unit
 * of A). Throws `invalid_rate` if it does not fit in safe integers — two precise rates can have such
 * a ratio; `ratioToNumber` of the unreduced bigint ratio reads it as a number without that limit
 * (the estimate's `exchange_rate` is made that way).
 *
 * @example
 * ```ts
 * crossRate({ num: 10873, den: 10000 }, { num: 110235, den: 10000 }) // SEK per USD
 * ```
 */
export function crossRate(fromRate: Rational, toRate: Rational): Rational {
  checkRational(fromRate)
  checkRational(toRate)
  return rational(BigInt(toRate.num) * BigInt(fromRate.den), BigInt(toRate.den) * BigInt(fromRate.num))
}

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

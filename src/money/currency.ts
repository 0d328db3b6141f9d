import * as iso4217 from 'dinero.js/currencies'
import { MoneyError } from './errors'

const EXPONENTS: ReadonlyMap<string, number> = new Map(
  Object.values(iso4217 as Record<string, { code: string; exponent: number; base: unknown }>)
    .filter((c) => typeof c === 'object' && c !== null && typeof c.code === 'string' && c.base === 10)
    .map((c) => [c.code, c.exponent] as const),
)

/**
 * Whether `code` is an ISO 4217 currency we know (from dinero.js's currency table).
 *
 * @example
 * ```ts
 * isCurrency('EUR') // true
 * isCurrency('XYZ') // false
 * ```
 */
export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && EXPONENTS.has(code)
}

/**
 * The ISO 4217 minor-unit exponent of a currency: 2 for EUR, 0 for JPY, 3 for KWD. Codes are
 * upper-case three-letter; anything else throws `MoneyError('unknown_currency')`.
 *
 * @example
 * ```ts
 * currencyExponent('JPY') // 0
 * ```
 */
export function currencyExponent(code: string): number {
  const e = EXPONENTS.get(code)
  if (e === undefined) throw new MoneyError('unknown_currency', `unknown currency: ${JSON.stringify(code)}`)
  return e
}

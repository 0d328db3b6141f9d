import { MoneyError } from './errors'

/**
 * The ISO 4217 minor units of every decimal currency in the current ISO list (the table dinero.js 2
 * ships; a test checks that the two agree for every code), one group per exponent: the exponent's
 * digit, then the three-letter codes in alphabetical order. A string constant, so a bundle that never
 * asks for an exponent drops it, and nothing runs when the module is loaded; the lookup map is built
 * on first use. MGA and MRU, whose minor units are fifths, are not decimal and not supported.
 */
const ISO_4217 =
  '0BIFCLPDJFGNFISKJPYKMFKRWPYGRWFUGXUYIVNDVUVXAFXOFXPF ' +
  '2AEDAFNALLAMDAOAARSAUDAWGAZNBAMBBDBDTBGNBMDBNDBOBBOVBRLBSDBTNBWPBYNBZDCADCDFCHECHFCHWCNYCOPCOUCRCCUPCVE' +
  'CZKDKKDOPDZDEGPERNETBEURFJDFKPGBPGELGHSGIPGMDGTQGYDHKDHNLHTGHUFIDRILSINRIRRJMDKESKGSKHRKPWKYDKZTLAKLBP' +
  'LKRLRDLSLMADMDLMKDMMKMNTMOPMURMVRMWKMXNMXVMYRMZNNADNGNNIONOKNPRNZDPABPENPGKPHPPKRPLNQARRONRSDRUBSARSBD' +
  'SCRSDGSEKSGDSHPSLESOSSRDSSPSTNSVCSYPSZLTHBTJSTMTTOPTRYTTDTWDTZSUAHUSDUSNUYUUZSVEDVESWSTXADXCDXCGYERZAR' +
  'ZMWZWG ' +
  '3BHDIQDJODKWDLYDOMRTND ' +
  '4CLFUYW'

let exponents: Map<string, number> | undefined

function table(): Map<string, number> {
  if (exponents === undefined) {
    const m = new Map<string, number>()
    for (const group of ISO_4217.split(' ')) {
      const e = Number(group[0])
      for (let i = 1; i < group.length; i += 3) m.set(group.slice(i, i + 3), e)
    }
    exponents = m
  }
  return exponents
}

/**
 * Whether `code` is an ISO 4217 currency we know (an upper-case code of the current ISO list whose
 * minor unit is decimal).
 *
 * @example
 * ```ts
 * isCurrency('EUR') // true
 * isCurrency('XYZ') // false
 * ```
 */
export function isCurrency(code: unknown): code is string {
  return typeof code === 'string' && table().has(code)
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
  const e = table().get(code)
  if (e === undefined) throw new MoneyError('unknown_currency', `unknown currency: ${typeof code === 'string' ? JSON.stringify(code) : typeof code}`)
  return e
}

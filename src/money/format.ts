import { currencyExponent } from './currency'
import { MoneyError } from './errors'

/**
 * Formats an amount in minor units for people, with `Intl.NumberFormat` and the currency's ISO 4217
 * exponent: `formatAmount(13461, 'EUR', 'de-DE')` → `"134,61 €"`. The decimal is built exactly
 * from the integer (never by dividing a float): the whole units are formatted by Intl, and the
 * minor digits are put in its fraction part, written in the locale's own digits. `locale` is a
 * language tag or a list of them, the first one the runtime knows winning (`navigator.languages`);
 * it defaults to `en` (and so does an empty list). An unknown currency throws a `RangeError`, as
 * Intl does; a non-integer amount and a locale that is no tag too.
 *
 * @example
 * ```ts
 * formatAmount(13461, 'EUR', 'de-DE') // '134,61 €'
 * formatAmount(13461, 'EUR', 'en-GB') // '€134.61'
 * formatAmount(1500, 'JPY', 'ja-JP')  // '￥1,500'
 * formatAmount(-5, 'EUR', 'en')       // '-€0.05'
 * ```
 */
export function formatAmount(amount: number, currency: string, locale: string | readonly string[] | undefined = 'en'): string {
  // (null from JavaScript or JSON reads as "not given", as undefined does; so does an empty list,
  // which Intl would read as the host's own locale.)
  if ((locale as unknown) === null || (Array.isArray(locale) && locale.length === 0)) locale = 'en'
  // (A list of tags, as `navigator.languages`, is what Intl takes too.)
  const tags: unknown = locale
  if (typeof tags !== 'string' && !(Array.isArray(tags) && tags.every((l) => typeof l === 'string')))
    throw new RangeError(`formatAmount: a locale is a language tag ("de-DE") or a list of them, got ${typeof tags}`)
  if (!Number.isSafeInteger(amount)) throw new RangeError(`formatAmount: ${String(amount)} is not a safe integer amount in minor units`)
  let exp: number
  try {
    exp = currencyExponent(currency)
  } catch (e) {
    if (e instanceof MoneyError) throw new RangeError(`formatAmount: unknown currency ${typeof currency === 'string' ? JSON.stringify(currency) : typeof currency}`)
    throw e
  }
  const scale = 10 ** exp
  const neg = amount < 0
  // `+ 0` turns −0 into 0, whose remainder would otherwise print as "-00".
  const abs = neg ? -amount : amount + 0
  const minor = abs % scale
  const major = (abs - minor) / scale
  const nf = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exp, maximumFractionDigits: exp })
  // −0 keeps the minus sign of −0.05; Intl prints whole numbers exactly (major ≤ 2^53).
  const parts = nf.formatToParts(neg ? -major : major)
  if (exp === 0) return parts.map((p) => p.value).join('')
  const digits = new Intl.NumberFormat(nf.resolvedOptions().locale, {
    numberingSystem: nf.resolvedOptions().numberingSystem,
    minimumIntegerDigits: exp,
    useGrouping: false,
  }).format(minor)
  return parts.map((p) => (p.type === 'fraction' ? digits : p.value)).join('')
}

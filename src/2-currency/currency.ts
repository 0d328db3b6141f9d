/**
 * Stage 2 — the transaction currency, and the converter every later stage converts amounts with.
 */
import { conversionFactor, convertAmount } from '../money/convert'
import { currencyExponent } from '../money/currency'
import { ratioToNumber } from '../money/rational'
import type { RoundingMode } from '../money/rounding'
import { atPath } from '../issues/issues'
import { lineCurrencies } from './catalog'
import type { NRequest } from '../0-estimate/request'
import type { PreparedStore } from '../store/model'

/**
 * Picks the transaction currency: `request.currency`; else, with `convert_prices`, the currency
 * every catalog line is priced in (of several, the base currency when it is one of them, else the
 * first of `account.currencies` among them; when none is enabled, the first, which is then rejected
 * as `currency_not_enabled`), else — no common currency — the base currency.
 */
export function selectCurrency(store: PreparedStore, req: NRequest): string {
  if (req.currency !== null) return req.currency
  const base = store.account.baseCurrency
  if (!req.convert) return base
  let common: Set<string> | null = null
  for (const l of req.lines) {
    if (l.product === null) continue
    const own = new Set(atPath(l.path, () => lineCurrencies(l)))
    common = common === null ? new Set(own) : new Set([...(common as Set<string>)].filter((c: string) => own.has(c)))
  }
  if (common === null || common.size === 0) return base
  if (common.has(base)) return base
  for (const c of store.account.currencies) if (common.has(c)) return c
  // Currencies every line is priced in, none of them enabled: the first, which the estimate then
  // rejects (currency_not_enabled) rather than converting the cart silently.
  return common.values().next().value!
}

export interface Converter {
  /** Converts a minor-unit amount from `from` into the transaction currency, rounding once; undefined when no rate. */
  convert(amount: number, from: string): number | undefined
  /** The major-unit exchange rate from `from` to the transaction currency, as a JSON number. */
  rate(from: string): number | undefined
  /** The exact factor a minor-unit amount in `from` is multiplied by (for the trace); undefined when no rate. */
  factor(from: string): { readonly num: bigint; readonly den: bigint } | undefined
}

/**
 * A converter into `target` at the store's exchange rates (`rates[X]` = units of X per base unit),
 * exact cross rates, one rounding with the account mode. Rates are looked up per call and cached
 * per source currency.
 */
export function converterTo(store: PreparedStore, target: string, mode: RoundingMode): Converter {
  const table = store.exchange.rates
  const cache = new Map<string, number>()
  return {
    convert(amount, from) {
      if (from === target) return amount
      const a = table.get(from)
      const b = table.get(target)
      if (a === undefined || b === undefined) return undefined
      return convertAmount(amount, a, b, currencyExponent(from), currencyExponent(target), mode)
    },
    factor(from) {
      const a = table.get(from)
      const b = table.get(target)
      if (a === undefined || b === undefined) return undefined
      return conversionFactor(a, b, currencyExponent(from), currencyExponent(target))
    },
    rate(from) {
      if (from === target) return 1
      const hit = cache.get(from)
      if (hit !== undefined) return hit
      const a = table.get(from)
      const b = table.get(target)
      if (a === undefined || b === undefined) return undefined
      // Units of the target per unit of `from` (the factor between equal exponents), read from the
      // exact ratio: two rates that each fit in safe integers can have a ratio whose reduced
      // fraction does not, and it is still a rate.
      const f = conversionFactor(a, b, 0, 0)
      const r = ratioToNumber(f.num, f.den)
      cache.set(from, r)
      return r
    },
  }
}

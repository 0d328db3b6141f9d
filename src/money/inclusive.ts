import type { Amount } from './amount'
import { allocate } from './allocate'
import { largestRemainder, type AllocationRule } from './allocation/index'
import { checkList, checkRational, MoneyError } from './errors'
import { lcmBig, type Rational } from './rational'
import { mulDivRound, type RoundingMode } from './rounding'

/** What an inclusive amount rounds first: the net (default) or the tax. @example `const t: InclusiveTarget = 'tax'` */
export type InclusiveTarget = 'net' | 'tax'

/** The parts of a tax-inclusive amount. @example `extractInclusive(11900, [{num:19,den:100}], Rounding.HalfUp)` */
export interface InclusiveParts {
  readonly net: Amount
  readonly tax: Amount
  /** `tax` split over the rates in their order (largest remainder of each rate's exact tax). */
  readonly taxes: readonly Amount[]
}

const NO_WEIGHTS: readonly number[] = []
const NEGATIVE = 'an inclusive rate cannot be negative'
const TOO_PRECISE = 'rates too precise to combine'

/**
 * Σ rates as K / L (L the lcm of their denominators) and each rate's kᵢ = rᵢ × L, as
 * [L, K, kᵢ…], with L + K a safe integer (else `invalid_rate`). One rate is its own K / L, in
 * Number (no weights: nothing to split); several are combined exactly in BigInt (once per taxable,
 * a few rates at most).
 */
function combined(rates: readonly Rational[]): readonly [number, number, readonly number[]] {
  // A rational made by hand may be anything: whole parts and a positive denominator, or no answer.
  for (const r of rates) checkRational(r)
  if (rates.length === 1) {
    const r = rates[0]!
    if (r.num < 0) throw new MoneyError('invalid_rate', NEGATIVE)
    if (r.den + r.num > Number.MAX_SAFE_INTEGER) throw new MoneyError('invalid_rate', TOO_PRECISE)
    return [r.den, r.num, NO_WEIGHTS]
  }
  let L = 1n
  for (const r of rates) L = lcmBig(L, BigInt(r.den))
  const ks = rates.map((r) => (BigInt(r.num) * L) / BigInt(r.den))
  let K = 0n
  for (const x of ks) {
    if (x < 0n) throw new MoneyError('invalid_rate', NEGATIVE)
    K += x
  }
  // Past 2^53 the Number of L + K is inexact, and so would be every rounding by it.
  if (L + K > BigInt(Number.MAX_SAFE_INTEGER)) throw new MoneyError('invalid_rate', TOO_PRECISE)
  return [Number(L), Number(K), ks.map((x) => Number(x))]
}

/**
 * Takes the tax out of a gross (tax-inclusive) amount at the summed `rates` (fractions, 19% is
 * 19/100): `net = round(gross / (1 + Σ rates))`, `tax = gross − net` (target `net`, the default),
 * or `tax = round(gross × Σr / (1 + Σr))`, `net = gross − tax` (target `tax`, as UK retailers do).
 * The tax is split over the rates in proportion to each rate (the exact per-rate taxes are
 * proportional to the rates), the leftover cents placed by `rule` (largest remainder by default).
 * Always `net + tax = gross`.
 *
 * @example
 * ```ts
 * extractInclusive(11900, [{ num: 19, den: 100 }], Rounding.HalfUp) // { net: 10000, tax: 1900, taxes: [1900] }
 * extractInclusive(1000, [{ num: 19, den: 100 }], Rounding.HalfUp)  // net 840 (840.336…), tax 160
 * ```
 */
export function extractInclusive(
  gross: number,
  rates: readonly Rational[],
  mode: RoundingMode,
  target: InclusiveTarget = 'net',
  rule: AllocationRule = largestRemainder,
): InclusiveParts {
  if (!Number.isSafeInteger(gross)) throw new MoneyError('amount_overflow', `cannot extract tax from ${gross}`)
  checkList(rates, 'invalid_rate')
  // (−0 is taken as 0: no part is ever −0.)
  if (gross === 0) gross = 0
  if (rates.length === 0) return { net: gross as Amount, tax: 0 as Amount, taxes: [] }
  // Common denominator L: rate i = kᵢ / L, Σ rates = K / L, gross / (1 + K/L) = gross × L / (L + K).
  const [l, k, weights] = combined(rates)
  let net: Amount
  let tax: number
  if (target === 'net') {
    net = mulDivRound(gross, l, l + k, mode)
    tax = gross - net
  } else {
    tax = mulDivRound(gross, k, l + k, mode)
    net = (gross - tax) as Amount
  }
  const taxes = rates.length === 1 ? [tax as Amount] : allocate(tax, weights, undefined, rule, mode)
  return { net, tax: tax as Amount, taxes }
}

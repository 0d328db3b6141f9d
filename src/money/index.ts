/**
 * The exact money core: integer minor units, exact decimal rates, explicit rounding. It knows
 * nothing of carts, taxes or shipping; every pipeline stage is built on these primitives.
 */
export { MoneyError, type MoneyErrorCode } from './errors'
export { type Amount, toAmount, addAmounts, multiplyAmount } from './amount'
export {
  Rounding,
  type RoundingMode,
  type RoundingModeName,
  ROUNDING_NAMES,
  ROUNDING_MODES,
  parseRoundingMode,
  roundDiv,
  mulDivRound,
} from './rounding'
export { type Rational, type ParseDecimalOptions, rational, parseDecimal, parsePercent, addRationals, rationalToNumber, gcdBig, lcmBig } from './rational'
export { allocate, allocateBig, splitEvenly } from './allocate'
export { extractInclusive, type InclusiveParts, type InclusiveTarget } from './inclusive'
export { isCurrency, currencyExponent } from './currency'
export { conversionFactor, convertAmount, crossRate } from './convert'
export { formatAmount } from './format'
export { ALLOCATION_RULES, carry, first, largestRemainder, last, type AllocationName, type AllocationRule, type Shares } from './allocation/index'

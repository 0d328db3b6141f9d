/**
 * Shared helpers for the money-core tests: the run count, the big.js oracle, a BigInt
 * largest-remainder reference and a typed-error assertion. Not a test file (vitest only collects
 * `*.test.ts`), and browser-safe: no `node:` imports, no `process` (the run count is read through
 * `globalThis` so the same file runs in Chromium, where `process` does not exist).
 */
import Big from 'big.js'
import { MoneyError, Rounding, type MoneyErrorCode, type RoundingMode, type RoundingModeName } from '../../src/money/index'

type MaybeProcess = { process?: { env?: Record<string, string | undefined> } }

/** fast-check runs per property: `FC_RUNS` when the host has an environment, else 10,000. */
export const RUNS: number = Number((globalThis as MaybeProcess).process?.env?.['FC_RUNS'] ?? 10000)

/** Per-property timeout: generous, because CI runs the node and the browser project side by side on 2 cores. */
export const TIMEOUT = 120_000

export const MAX = Number.MAX_SAFE_INTEGER
export const BMAX = BigInt(MAX)

/** The seven modes with their names, written out here rather than read from the implementation. */
export const MODES: ReadonlyArray<readonly [RoundingModeName, RoundingMode]> = [
  ['half_up', Rounding.HalfUp],
  ['half_even', Rounding.HalfEven],
  ['half_down', Rounding.HalfDown],
  ['up', Rounding.Up],
  ['down', Rounding.Down],
  ['ceil', Rounding.Ceil],
  ['floor', Rounding.Floor],
]

/**
 * THE ORACLE. A private big.js constructor: `Big()` called without `new` returns an independent
 * constructor with its own DP/RM, so a host's global `Big.RM` is neither touched nor can interfere.
 * (The library itself no longer uses big.js: its decimal parser is checked against the one it
 * replaced in decimal.test.ts.)
 *
 * - `DP = 40`, `RM = roundDown`: `div` truncates the exact quotient after 40 decimal places.
 *   That is enough for every quotient in these tests (denominators below 10^25): for `n / d`,
 *   a non-zero fractional part is at least 1/|d| and differs from 1/2 by at least 1/(2|d|), both far
 *   above the 10^-40 truncation error, so truncation never turns a non-integer into an integer or a
 *   non-tie into a tie; and an exact tie (x.5) terminates after one decimal, so it is represented
 *   exactly. Rounding the truncated value to 0 places therefore gives the same answer as rounding
 *   the exact rational.
 * - big.js has four modes (by magnitude, i.e. symmetric about zero): roundDown 0 (toward zero),
 *   roundHalfUp 1 (ties away from zero), roundHalfEven 2, roundUp 3 (away from zero). The other
 *   three are derived by sign: ceil = x ≥ 0 ? roundUp : roundDown; floor = x ≥ 0 ? roundDown :
 *   roundUp; half_down (ties toward zero) = truncate, then step away from zero only when the
 *   fractional part's magnitude is strictly greater than 0.5.
 */
export const B = Big()
B.DP = 40
B.RM = B.roundDown

export type BigNum = InstanceType<typeof B>

export function big(x: number | bigint | string): BigNum {
  return new B(typeof x === 'string' ? x : x.toString())
}

/** Rounds a big.js value to an integer (as a bigint) with one of the seven modes, per the rules above. */
export function bigRound(x: BigNum, mode: RoundingMode): bigint {
  const nonNegative = x.gte(0)
  let r: BigNum
  switch (mode) {
    case Rounding.HalfUp:
      r = x.round(0, B.roundHalfUp)
      break
    case Rounding.HalfEven:
      r = x.round(0, B.roundHalfEven)
      break
    case Rounding.Up:
      r = x.round(0, B.roundUp)
      break
    case Rounding.Down:
      r = x.round(0, B.roundDown)
      break
    case Rounding.Ceil:
      r = x.round(0, nonNegative ? B.roundUp : B.roundDown)
      break
    case Rounding.Floor:
      r = x.round(0, nonNegative ? B.roundDown : B.roundUp)
      break
    case Rounding.HalfDown: {
      const truncated = x.round(0, B.roundDown)
      r = x.minus(truncated).abs().gt('0.5') ? x.round(0, B.roundUp) : truncated
      break
    }
    default:
      throw new Error(`unknown mode ${String(mode)}`)
  }
  return BigInt(r.toFixed(0))
}

/** The exact quotient n / d as big.js (see the DP argument above). */
export function quotient(n: number | bigint | string, d: number | bigint | string): BigNum {
  return big(n).div(big(d))
}

/**
 * Asserts that `f` throws a MoneyError with `code`. (Plain checks instead of `expect` because these
 * run tens of thousands of times inside properties; a mismatch throws, which fails the property.)
 */
export function expectMoneyError(f: () => unknown, code: MoneyErrorCode): void {
  let result: unknown
  try {
    result = f()
  } catch (e) {
    if (e instanceof MoneyError && e.code === code) return
    throw new Error(`expected MoneyError ${code}, got ${e instanceof MoneyError ? `MoneyError ${e.code}` : String(e)}`)
  }
  throw new Error(`expected MoneyError ${code}, got the value ${String(result)}`)
}

/** Either the safe-integer value of the oracle (never -0), or a MoneyError amount_overflow. */
export function expectRoundedOrOverflow(f: () => number, oracle: bigint): void {
  if (oracle > BMAX || oracle < -BMAX) {
    expectMoneyError(f, 'amount_overflow')
    return
  }
  const got = f()
  if (got !== Number(oracle) || Object.is(got, -0)) {
    throw new Error(`got ${Object.is(got, -0) ? '-0' : String(got)}, the oracle says ${oracle}`)
  }
}

export const babs = (x: bigint): bigint => (x < 0n ? -x : x)

/**
 * Reference largest remainder in BigInt, written from SPEC §3 and independently of
 * src/money/allocate.ts: zero weights fall back to `fallback` (same length, non-zero sum), then to
 * equal weights; the magnitude |total| is split — floor each exact share |t|·wᵢ/Σw, hand the
 * leftover units one each to the largest remainders, ties to the lower index — and the sign is put
 * back on every part.
 */
export function refAllocate(total: bigint, weights: readonly bigint[], fallback?: readonly bigint[]): bigint[] {
  const n = weights.length
  const sum = (ws: readonly bigint[]): bigint => ws.reduce((s, x) => s + x, 0n)
  let w: readonly bigint[] = weights
  if (sum(w) === 0n && fallback !== undefined && fallback.length === n && sum(fallback) > 0n) w = fallback
  if (sum(w) === 0n) w = weights.map(() => 1n)
  const s = sum(w)
  const t = babs(total)
  const floors = w.map((x) => (t * x) / s)
  const rems = w.map((x) => (t * x) % s)
  let leftover = t - sum(floors)
  const order = rems.map((_, i) => i)
  order.sort((i, j) => {
    const ri = rems[i]!
    const rj = rems[j]!
    return ri > rj ? -1 : ri < rj ? 1 : i - j
  })
  const parts = [...floors]
  for (const i of order) {
    if (leftover === 0n) break
    parts[i] = parts[i]! + 1n
    leftover -= 1n
  }
  return total < 0n ? parts.map((p) => -p) : parts
}

/** Asserts an array of numbers has no -0 (Object.is). */
export function expectNoNegativeZero(xs: readonly number[]): void {
  for (const x of xs) if (Object.is(x, -0)) throw new Error(`-0 in ${JSON.stringify(xs)}`)
}

/**
 * Cheap assertions for the inside of properties (`expect` costs ~7 µs a call, which adds up to
 * seconds over 10,000 runs × several checks). A failed check throws, fast-check shrinks and reports
 * the counterexample, and vitest fails the test.
 */
export function check(ok: boolean, what: string | (() => string)): asserts ok {
  if (!ok) throw new Error(typeof what === 'string' ? what : what())
}

const show = (x: unknown): string => (Object.is(x, -0) ? '-0' : typeof x === 'bigint' ? `${x}n` : JSON.stringify(x) ?? String(x))

/** `got` is exactly `want` (Object.is: -0 is not 0). */
export function same(got: unknown, want: unknown, what = 'value'): void {
  if (!Object.is(got, want)) throw new Error(`${what}: got ${show(got)}, want ${show(want)}`)
}

/** Element-wise Object.is of numbers against numbers or bigints (bigints compared by value as Numbers). */
export function sameList(got: readonly number[], want: readonly (number | bigint)[], what = 'parts'): void {
  const w = want.map((x) => (typeof x === 'bigint' ? Number(x) : x))
  const ok = got.length === w.length && got.every((x, i) => Object.is(x, w[i]))
  if (!ok) throw new Error(`${what}: got [${got.map(show).join(', ')}], want [${w.map(show).join(', ')}]`)
}

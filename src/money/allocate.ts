import type { Amount } from './amount'
import { largestRemainder, type AllocationRule, type Shares } from './allocation/index'
import { checkList, checkMode, MoneyError } from './errors'
import { halfUp } from './modes/half-up'
import type { RoundingMode } from './modes/mode'
import { roundDiv } from './rounding'
import { smallInt } from './small-int'

const MAX = Number.MAX_SAFE_INTEGER
const MAX_BIG = 9007199254740991n

function checkWeights(weights: readonly number[]): number {
  checkList(weights, 'invalid_weights')
  let sum = 0
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!
    if (!Number.isSafeInteger(w) || w < 0) throw new MoneyError('invalid_weights', `weight ${i} must be a non-negative safe integer, got ${w}`)
    sum += w
  }
  if (!Number.isSafeInteger(sum)) throw new MoneyError('amount_overflow', 'the weights sum past the safe-integer range')
  return sum
}

/**
 * Splits `total` over `weights`: each part's exact share is `total × wᵢ / Σw`; the `rule` decides
 * where the units left after flooring go — by default to the largest remainders, ties to the
 * earlier part (see `ALLOCATION_RULES` for the others; `carry` rounds running shares with `mode`).
 * When every weight is zero, `fallback` weights are used (the caller passes quantities), and when
 * those are zero too, the split is equal. A negative total is split symmetrically (the parts of −t
 * are the negated parts of t). Parts always sum exactly to `total`.
 *
 * Exact on Numbers while `|total| × Σw` is a safe integer, on BigInt beyond.
 *
 * @example
 * ```ts
 * allocate(100, [1, 1, 1])     // [34, 33, 33]
 * allocate(1312, [10000])      // [1312]
 * allocate(5, [0, 0], [1, 3])  // [1, 4]  — zero weights fall back to quantities
 * allocate(-100, [1, 1, 1])    // [-34, -33, -33]
 * allocate(100, [1, 1, 1], undefined, ALLOCATION_RULES.last) // [33, 33, 34]
 * ```
 */
export function allocate(
  total: number,
  weights: readonly number[],
  fallback?: readonly number[],
  rule: AllocationRule = largestRemainder,
  mode: RoundingMode = halfUp,
): Amount[] {
  checkList(weights, 'invalid_weights')
  if (fallback != null) checkList(fallback, 'invalid_weights')
  const n = weights.length
  if (!Number.isSafeInteger(total)) throw new MoneyError('amount_overflow', `cannot allocate ${total}`)
  if (rule !== largestRemainder) checkMode(rule, 'split')
  if (mode !== halfUp) checkMode(mode, 'away')
  if (n === 0) {
    if (total !== 0) throw new MoneyError('invalid_weights', `cannot allocate ${total} over no parts`)
    return []
  }
  let sum = checkWeights(weights)
  let w = weights
  // (null from JavaScript reads as no fallback, as undefined does.)
  if (sum === 0 && fallback != null && fallback.length === n) {
    sum = checkWeights(fallback)
    w = fallback
  }
  if (sum === 0) {
    w = new Array<number>(n).fill(1)
    sum = n
  }
  const neg = total < 0
  // (−0 is split as +0: no part of any rule is ever −0.)
  const t = neg ? -total : total + 0
  if (rule !== largestRemainder) return signed(rule.split(t * sum <= MAX ? numberShares(t, w, sum) : bigShares(BigInt(t), w.map(BigInt), BigInt(sum)), mode), neg)
  const parts = new Array<number>(n)
  const rems = new Array<number>(n)
  let given = 0
  if (t * sum <= MAX) {
    for (let i = 0; i < n; i++) {
      const p = t * w[i]!
      const r = p % sum
      parts[i] = smallInt((p - r) / sum)
      rems[i] = r
      given += parts[i]!
    }
  } else {
    const bt = BigInt(t)
    const bs = BigInt(sum)
    // Remainders are compared as BigInt-exact but stored scaled into Numbers only for ordering;
    // to stay exact we keep them as bigint in a parallel array.
    const brems = new Array<bigint>(n)
    for (let i = 0; i < n; i++) {
      const p = bt * BigInt(w[i]!)
      const r = p % bs
      parts[i] = smallInt(Number((p - r) / bs))
      brems[i] = r
      given += parts[i]!
    }
    return finish(parts, neg, t - given, (a, b) => (brems[a]! > brems[b]! ? -1 : brems[a]! < brems[b]! ? 1 : a - b))
  }
  return finishNumber(parts, neg, t - given, rems)
}

/**
 * {@link finish} for Number remainders, the common path: gives the leftover units to the largest
 * remainders, ties to the earlier index.
 */
function finishNumber(parts: number[], neg: boolean, leftover: number, rems: readonly number[]): Amount[] {
  if (leftover > 16) {
    // Many leftover units: the `leftover`-th largest remainder T from a numeric sort of a copy
    // (the engine's own sort, no comparator called per pair), then a unit to every remainder above
    // T and to the earliest ones equal to T — the same parts as sorting the indices by remainder,
    // ties to the earlier index. (Remainders are safe integers: exact as float64.)
    const sorted = Float64Array.from(rems).sort()
    const t = sorted[rems.length - leftover]!
    let ties = leftover
    for (let i = 0; i < rems.length; i++)
      if (rems[i]! > t) {
        parts[i]! += 1
        ties--
      }
    for (let i = 0; i < rems.length && ties > 0; i++)
      if (rems[i]! === t) {
        parts[i]! += 1
        ties--
      }
  } else if (leftover > 0) {
    // A few: keep the best `leftover` by insertion (O(n × leftover), no sort, no closure).
    const idx: number[] = []
    for (let i = 0; i < rems.length; i++) {
      const r = rems[i]!
      if (r === 0) continue
      let j = idx.length
      idx.push(i)
      // Stable: an equal remainder stays after the earlier index.
      while (j > 0 && rems[idx[j - 1]!]! < r) {
        idx[j] = idx[j - 1]!
        j--
      }
      idx[j] = i
      if (idx.length > leftover) idx.pop() // keep only the `leftover` best
    }
    for (let k = 0; k < leftover; k++) parts[idx[k]!]! += 1
  }
  if (neg) for (let i = 0; i < parts.length; i++) parts[i] = parts[i] === 0 ? 0 : -parts[i]!
  return parts as Amount[]
}

function finish(parts: number[], neg: boolean, leftover: number, order: (a: number, b: number) => number): Amount[] {
  if (leftover > 0 && leftover <= 4) {
    // A few leftover units (the usual case: fewer than the parts that share a remainder): pick
    // each next-best index by a scan, without sorting or allocating. `order(a, b) < 0` means a first.
    const given = new Array<boolean>(parts.length).fill(false)
    for (let k = 0; k < leftover; k++) {
      let best = -1
      for (let i = 0; i < parts.length; i++) if (!given[i] && (best === -1 || order(i, best) < 0)) best = i
      given[best] = true
      parts[best]! += 1
    }
  } else if (leftover > 0) {
    const idx = parts.map((_, i) => i).sort(order)
    for (let k = 0; k < leftover; k++) parts[idx[k]!]! += 1
  }
  if (neg) for (let i = 0; i < parts.length; i++) parts[i] = parts[i] === 0 ? 0 : -parts[i]!
  return parts as Amount[]
}

/** The most parts {@link splitEvenly} makes (it builds the list: a caller's typo must not exhaust the memory). */
const MAX_EVEN_PARTS = 10_000_000

/**
 * Splits `total` into `n` parts that differ by at most one, the leftover units going to the first
 * parts (instalment schedules: 50000 in 3 → 16667, 16667, 16666).
 *
 * @example
 * ```ts
 * splitEvenly(50000, 3) // [16667, 16667, 16666]
 * ```
 */
export function splitEvenly(total: number, n: number): Amount[] {
  if (!Number.isSafeInteger(n) || n <= 0 || n > MAX_EVEN_PARTS) throw new MoneyError('invalid_weights', `cannot split into ${n} parts (1 to ${MAX_EVEN_PARTS})`)
  if (!Number.isSafeInteger(total)) throw new MoneyError('amount_overflow', `cannot split ${total}`)
  const neg = total < 0
  const t = neg ? -total : total
  const r = t % n
  const base = (t - r) / n
  const out = new Array<number>(n)
  for (let i = 0; i < n; i++) {
    const v = i < r ? base + 1 : base
    out[i] = neg && v !== 0 ? -v : v
  }
  return out as Amount[]
}

/**
 * {@link allocate} over bigint weights (exact rational shares brought to a common denominator),
 * for splitting a document-level rounded tax back over lines by their exact tax. Same rules:
 * by default floors, leftover to the largest remainders, ties to the earlier index; all-zero
 * weights split equally; negative totals symmetric.
 *
 * @example
 * ```ts
 * allocateBig(249, [124n, 125n]) // [124, 125]
 * ```
 */
export function allocateBig(total: number, weights: readonly bigint[], rule: AllocationRule = largestRemainder, mode: RoundingMode = halfUp): Amount[] {
  checkList(weights, 'invalid_weights')
  const n = weights.length
  if (!Number.isSafeInteger(total)) throw new MoneyError('amount_overflow', `cannot allocate ${total}`)
  if (n === 0) {
    if (total !== 0) throw new MoneyError('invalid_weights', `cannot allocate ${total} over no parts`)
    return []
  }
  let sum = 0n
  for (const w of weights) {
    if (typeof w !== 'bigint') throw new MoneyError('invalid_weights', 'allocateBig takes bigint weights (allocate takes numbers)')
    if (w < 0n) throw new MoneyError('invalid_weights', 'weights must not be negative')
    sum += w
  }
  // Weights that fit Numbers (their sum a safe integer) split the same on Numbers, without a
  // BigInt product per part.
  if (sum <= MAX_BIG) return allocate(total, weights.map((x) => Number(x)), undefined, rule, mode)
  const neg = total < 0
  const t = BigInt(neg ? -total : total)
  if (rule !== largestRemainder) return signed(rule.split(bigShares(t, weights, sum), mode), neg)
  const parts = new Array<number>(n)
  const rems = new Array<bigint>(n)
  let given = 0
  for (let i = 0; i < n; i++) {
    const p = t * weights[i]!
    const r = p % sum
    parts[i] = smallInt(Number((p - r) / sum))
    rems[i] = r
    given += parts[i]!
  }
  return finish(parts, neg, Number(t) - given, (a, b) => (rems[a]! > rems[b]! ? -1 : rems[a]! < rems[b]! ? 1 : a - b))
}

function signed(parts: number[], neg: boolean): Amount[] {
  if (neg) for (let i = 0; i < parts.length; i++) parts[i] = parts[i] === 0 ? 0 : -parts[i]!
  return parts as Amount[]
}

/** The shares of t over w (Σ = sum > 0) on Numbers: t × sum is a safe integer. */
function numberShares(t: number, w: readonly number[], sum: number): Shares {
  const n = w.length
  const floors = new Array<number>(n)
  const rems = new Array<number>(n)
  let given = 0
  let prefix: number[] | undefined
  for (let i = 0; i < n; i++) {
    const p = t * w[i]!
    const r = p % sum
    floors[i] = smallInt((p - r) / sum)
    rems[i] = r
    given += floors[i]!
  }
  return {
    length: n,
    total: t,
    floors,
    leftover: t - given,
    positive: (i) => w[i]! > 0,
    compare: (i, j) => rems[i]! - rems[j]!,
    cumulative(i, mode) {
      prefix ??= runningSums(w, 0)
      return roundDiv(t * prefix[i]!, sum, mode)
    },
  }
}

/** The shares of t over w (Σ = sum > 0) on BigInt. */
function bigShares(t: bigint, w: readonly bigint[], sum: bigint): Shares {
  const n = w.length
  const floors = new Array<number>(n)
  const rems = new Array<bigint>(n)
  let given = 0n
  let prefix: bigint[] | undefined
  for (let i = 0; i < n; i++) {
    const p = t * w[i]!
    const r = p % sum
    const f = (p - r) / sum
    floors[i] = smallInt(Number(f))
    rems[i] = r
    given += f
  }
  return {
    length: n,
    total: Number(t),
    floors,
    leftover: Number(t - given),
    positive: (i) => w[i]! > 0n,
    compare: (i, j) => (rems[i]! > rems[j]! ? 1 : rems[i]! < rems[j]! ? -1 : 0),
    cumulative(i, mode) {
      prefix ??= runningSums(w, 0n)
      return roundDiv(t * prefix[i]!, sum, mode)
    },
  }
}

/** w₀, w₀ + w₁, …: the running sums of the weights. */
function runningSums<T extends number | bigint>(w: readonly T[], zero: T): T[] {
  const out = new Array<T>(w.length)
  let c = zero
  for (let i = 0; i < w.length; i++) out[i] = c = ((c as number) + (w[i]! as number)) as T
  return out
}

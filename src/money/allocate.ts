import type { Amount } from './amount'
import { MoneyError } from './errors'

const MAX = Number.MAX_SAFE_INTEGER

function checkWeights(weights: readonly number[]): number {
  let sum = 0
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!
    if (!Number.isSafeInteger(w) || w < 0) throw new MoneyError('invalid_weights', `weight ${i} must be a non-negative safe integer, got ${w}`)
    sum += w
  }
  if (!Number.isSafeInteger(sum)) throw new MoneyError('invalid_weights', 'the weights sum past the safe-integer range')
  return sum
}

/**
 * Splits `total` over `weights` by largest remainder — the one split rule of SPEC §3: floor each
 * exact share `total × wᵢ / Σw`, then give the leftover units one each to the largest remainders,
 * ties to the earlier index. When every weight is zero, `fallback` weights are used (the caller
 * passes quantities), and when those are zero too, the split is equal. A negative total is split
 * symmetrically (the parts of −t are the negated parts of t). Parts always sum exactly to `total`,
 * and each part is within 1 of its exact share.
 *
 * Exact on Numbers while `|total| × Σw` is a safe integer, on BigInt beyond.
 *
 * @example
 * ```ts
 * allocate(100, [1, 1, 1])     // [34, 33, 33]
 * allocate(1312, [10000])      // [1312]
 * allocate(5, [0, 0], [1, 3])  // [1, 4]  — zero weights fall back to quantities
 * allocate(-100, [1, 1, 1])    // [-34, -33, -33]
 * ```
 */
export function allocate(total: number, weights: readonly number[], fallback?: readonly number[]): Amount[] {
  const n = weights.length
  if (!Number.isSafeInteger(total)) throw new MoneyError('amount_overflow', `cannot allocate ${total}`)
  if (n === 0) {
    if (total !== 0) throw new MoneyError('invalid_weights', `cannot allocate ${total} over no parts`)
    return []
  }
  let sum = checkWeights(weights)
  let w = weights
  if (sum === 0 && fallback !== undefined && fallback.length === n) {
    sum = checkWeights(fallback)
    w = fallback
  }
  if (sum === 0) {
    w = new Array<number>(n).fill(1)
    sum = n
  }
  const neg = total < 0
  const t = neg ? -total : total
  const parts = new Array<number>(n)
  const rems = new Array<number>(n)
  let given = 0
  if (t * sum <= MAX) {
    for (let i = 0; i < n; i++) {
      const p = t * w[i]!
      const r = p % sum
      parts[i] = (p - r) / sum
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
      parts[i] = Number((p - r) / bs)
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
    // Many leftover units: one sort of the indices with a remainder (O(n log n)).
    const idx: number[] = []
    for (let i = 0; i < rems.length; i++) if (rems[i]! !== 0) idx.push(i)
    idx.sort((a, b) => rems[b]! - rems[a]! || a - b)
    for (let k = 0; k < leftover; k++) parts[idx[k]!]! += 1
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
  if (!Number.isSafeInteger(n) || n <= 0) throw new MoneyError('invalid_weights', `cannot split into ${n} parts`)
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
 * for splitting a document-level rounded tax back over lines by their exact tax. Same rule:
 * floors, leftover to the largest remainders, ties to the earlier index; all-zero weights split
 * equally; negative totals symmetric.
 *
 * @example
 * ```ts
 * allocateBig(249, [124n, 125n]) // [124, 125]
 * ```
 */
export function allocateBig(total: number, weights: readonly bigint[]): Amount[] {
  const n = weights.length
  if (!Number.isSafeInteger(total)) throw new MoneyError('amount_overflow', `cannot allocate ${total}`)
  if (n === 0) {
    if (total !== 0) throw new MoneyError('invalid_weights', `cannot allocate ${total} over no parts`)
    return []
  }
  let sum = 0n
  for (const w of weights) {
    if (w < 0n) throw new MoneyError('invalid_weights', 'weights must not be negative')
    sum += w
  }
  const w = sum === 0n ? weights.map(() => 1n) : weights
  if (sum === 0n) sum = BigInt(n)
  const neg = total < 0
  const t = BigInt(neg ? -total : total)
  const parts = new Array<number>(n)
  const rems = new Array<bigint>(n)
  let given = 0
  for (let i = 0; i < n; i++) {
    const p = t * w[i]!
    const r = p % sum
    parts[i] = Number((p - r) / sum)
    rems[i] = r
    given += parts[i]!
  }
  return finish(parts, neg, Number(t) - given, (a, b) => (rems[a]! > rems[b]! ? -1 : rems[a]! < rems[b]! ? 1 : a - b))
}

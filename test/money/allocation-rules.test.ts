/**
 * The four allocation rules: where the cents left after flooring the exact shares go. Hand-computed
 * splits where the rules disagree (ties, zero weights, whole shares), then the laws every rule
 * keeps over random splits, checked against a BigInt reference written here.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ALLOCATION_RULES, allocate, allocateBig, Rounding, type AllocationRule } from '../../src/index'

const { largest_remainder: lr, first, last, carry } = ALLOCATION_RULES
import { RUNS } from './oracle'

describe('hand-computed splits', () => {
  it('100 over three equal weights: the extra cent goes first, first, last, or to the middle under carry', () => {
    // exact shares 33.33…; floors 33, 33, 33; one cent left over
    expect(allocate(100, [1, 1, 1], undefined, lr)).toEqual([34, 33, 33]) // tie → earlier part
    expect(allocate(100, [1, 1, 1], undefined, first)).toEqual([34, 33, 33])
    expect(allocate(100, [1, 1, 1], undefined, last)).toEqual([33, 33, 34])
    // carry: C = 33.33, 66.67, 100 → round 33, 67, 100 → parts 33, 34, 33
    expect(allocate(100, [1, 1, 1], undefined, carry, Rounding.HalfUp)).toEqual([33, 34, 33])
  })

  it('largest remainder follows the remainders; first and last follow position', () => {
    // 10 over [1, 3, 6]: shares 1, 3, 6 exactly → nothing left over, every rule agrees
    for (const r of [lr, first, last, carry]) expect(allocate(10, [1, 3, 6], undefined, r)).toEqual([1, 3, 6])
    // 7 over [1, 2, 4]: shares 1, 2, 4 exactly
    // 5 over [3, 3, 4]: shares 1.5, 1.5, 2 → floors 1, 1, 2, one left; remainders .5, .5, 0
    expect(allocate(5, [3, 3, 4], undefined, lr)).toEqual([2, 1, 2])
    expect(allocate(5, [3, 3, 4], undefined, first)).toEqual([2, 1, 2])
    expect(allocate(5, [3, 3, 4], undefined, last)).toEqual([1, 1, 3]) // the whole share 2 takes it
    // carry, half up: C = 1.5 → 2, 3 → 3, 5 → parts 2, 1, 2
    expect(allocate(5, [3, 3, 4], undefined, carry, Rounding.HalfUp)).toEqual([2, 1, 2])
    // carry, floor: C = 1.5 → 1, 3 → 3 → parts 1, 2, 2
    expect(allocate(5, [3, 3, 4], undefined, carry, Rounding.Floor)).toEqual([1, 2, 2])
  })

  it('first and last skip parts with zero weight, whole shares included', () => {
    // 10 over [0, 2, 1, 1, 0]: shares 0, 5, 2.5, 2.5, 0 → floors 0, 5, 2, 2, 0, one left
    expect(allocate(10, [0, 2, 1, 1, 0], undefined, first)).toEqual([0, 6, 2, 2, 0])
    expect(allocate(10, [0, 2, 1, 1, 0], undefined, last)).toEqual([0, 5, 2, 3, 0])
    expect(allocate(10, [0, 2, 1, 1, 0], undefined, lr)).toEqual([0, 5, 3, 2, 0])
  })

  it('all-zero weights fall back to the given weights, then to equal parts, under every rule', () => {
    // fallback quantities [1, 3]: 5 → 1.25, 3.75 → floors 1, 3, one left
    expect(allocate(5, [0, 0], [1, 3], lr)).toEqual([1, 4])
    expect(allocate(5, [0, 0], [1, 3], first)).toEqual([2, 3])
    expect(allocate(5, [0, 0], [1, 3], last)).toEqual([1, 4])
    // equal: 5 over 3 → 1.67 each; floors 1, 1, 1, two left
    expect(allocate(5, [0, 0, 0], undefined, first)).toEqual([2, 2, 1])
    expect(allocate(5, [0, 0, 0], undefined, last)).toEqual([1, 2, 2])
    // carry half up: 1.67 → 2, 3.33 → 3, 5 → 2, 1, 2
    expect(allocate(5, [0, 0, 0], undefined, carry, Rounding.HalfUp)).toEqual([2, 1, 2])
  })

  it('a negative total is the mirror image of the positive one', () => {
    expect(allocate(-100, [1, 1, 1], undefined, last)).toEqual([-33, -33, -34])
    expect(allocate(-100, [1, 1, 1], undefined, carry, Rounding.HalfUp)).toEqual([-33, -34, -33])
  })

  it('bigint weights split the same way as Number weights', () => {
    expect(allocateBig(100, [1n, 1n, 1n], last)).toEqual([33, 33, 34])
    expect(allocateBig(100, [1n, 1n, 1n], carry, Rounding.HalfUp)).toEqual([33, 34, 33])
  })

  it('past 2^53 the split is still exact (BigInt shares)', () => {
    const t = Number.MAX_SAFE_INTEGER
    // shares t/3 each: t = 3 × 3002399751580330 + 1 → floors 3002399751580330, one left
    const f = 3002399751580330
    expect(allocate(t, [1, 1, 1], undefined, last)).toEqual([f, f, f + 1])
    expect(allocate(t, [1, 1, 1], undefined, first)).toEqual([f + 1, f, f])
  })
})

/** An independent reference: every rule written again on BigInt from its definition. */
function reference(rule: string, t: bigint, w: readonly bigint[]): bigint[] {
  let sum = w.reduce((a, b) => a + b, 0n)
  const ws = sum === 0n ? w.map(() => 1n) : w
  if (sum === 0n) sum = BigInt(w.length)
  const floors = ws.map((x) => (t * x) / sum)
  let left = t - floors.reduce((a, b) => a + b, 0n)
  const out = floors.slice()
  if (rule === 'carry') {
    // half up on non-negative values: ⌊(2n + d) / 2d⌋
    let c = 0n
    let before = 0n
    return ws.map((x) => {
      c += x
      const upTo = (2n * t * c + sum) / (2n * sum)
      const part = upTo - before
      before = upTo
      return part
    })
  }
  const order = ws.map((_, i) => i)
  if (rule === 'largest_remainder') order.sort((a, b) => { const ra = (t * ws[a]!) % sum, rb = (t * ws[b]!) % sum; return ra > rb ? -1 : ra < rb ? 1 : a - b })
  if (rule === 'last') order.reverse()
  for (const i of order) {
    if (left === 0n) break
    if (rule !== 'largest_remainder' && ws[i]! === 0n) continue
    out[i]! += 1n
    left -= 1n
  }
  return out
}

describe('every rule keeps the laws of a split', () => {
  const rules = Object.entries(ALLOCATION_RULES) as [string, AllocationRule][]
  it.each(rules)('%s: parts sum to the total, none is negative, and each equals the BigInt reference', (name, rule) => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 50_000 })), { minLength: 1, maxLength: 12 }), (t, w) => {
        const parts = allocate(t, w, undefined, rule, Rounding.HalfUp)
        expect(parts.reduce((a, b) => a + b, 0)).toBe(t)
        for (const p of parts) expect(p).toBeGreaterThanOrEqual(0)
        expect(parts.map(BigInt)).toEqual(reference(name, BigInt(t), w.map(BigInt)))
      }),
      { numRuns: RUNS },
    )
  })
})

/**
 * The search: the setting that matches the most orders, exactly as if every setting had been
 * tried, while estimating only where the traces leave the answer open.
 *
 * For one order, `solve` partitions a set of settings into regions with one answer each: it
 * estimates the order at one setting, and the trace gives the region around it with the same
 * answer (a match cell, or a mismatch region from the cone of a differing amount); the rest of the
 * set is split into sub-cubes that differ from that setting on one of the region's axes, and each
 * is solved the same way. Only settings still `live` (able to be the answer) are looked at.
 *
 * Across orders:
 * 1. Phase 1 assumes one setting explains every order: the live set starts as every setting and,
 *    order by order, keeps only the settings that match it (an intersection). An order that
 *    matches none of them is set aside. If none is set aside, every live setting matches every
 *    order: the answer is the best-ranked of them.
 * 2. Otherwise the orders set aside may be explained by settings phase 1 dropped. Phase 2 counts
 *    exactly: every order (the ones set aside first) is solved over the live set, each setting
 *    keeps an upper bound (orders not yet shown to mismatch it) and a lower bound (orders shown to
 *    match it), and a setting whose upper bound falls below the best lower bound is dropped. When
 *    every order is done, each live setting's count is exact and every dropped one had fewer.
 */
import type { Order } from './order'
import { canonical, type Cube, digit, eachInCube, fixedMask, inCube, ranksBefore, rootCube, type Space } from './space'

/** Below this many live settings they are also kept as a list (scanned instead of cubes walked). */
const LIST_MAX = 4096

/** The settings that can still be the answer. */
export class Live {
  private readonly flags: Uint8Array
  count: number
  private list: number[] | null

  private constructor(
    private readonly sp: Space,
    flags: Uint8Array,
    count: number,
    list: number[] | null,
  ) {
    this.flags = flags
    this.count = count
    this.list = list
  }

  static all(sp: Space): Live {
    return new Live(sp, new Uint8Array(sp.size).fill(1), sp.size, sp.size <= LIST_MAX ? Array.from({ length: sp.size }, (_, i) => i) : null)
  }

  /** The live settings among `keep` (sorted ascending). */
  static of(sp: Space, keep: readonly number[]): Live {
    const flags = new Uint8Array(sp.size)
    for (const s of keep) flags[s] = 1
    return new Live(sp, flags, keep.length, keep.length <= LIST_MAX ? [...keep] : null)
  }

  has(s: number): boolean {
    return this.flags[s] === 1
  }

  /** Drops every live setting for which `drop` says so. */
  filter(keep: (s: number) => boolean): void {
    const out: number[] = []
    this.each((s) => {
      if (keep(s)) out.push(s)
      else this.flags[s] = 0
    })
    this.count = out.length
    this.list = out.length <= LIST_MAX ? out : null
  }

  /** Every live setting, ascending. */
  each(f: (s: number) => void): void {
    if (this.list !== null) {
      for (const s of this.list) f(s)
      return
    }
    for (let s = 0; s < this.flags.length; s++) if (this.flags[s] === 1) f(s)
  }

  /** A live setting of the cube (its canonical point when that is live), or -1. */
  pick(c: Cube): number {
    const sp = this.sp
    const s0 = canonical(sp, c)
    if (this.flags[s0] === 1) return s0
    if (this.list !== null) {
      for (const s of this.list) if (inCube(sp, c, s)) return s
      return -1
    }
    let found = -1
    eachInCube(sp, c, (s) => {
      if (found < 0 && this.flags[s] === 1) found = s
    })
    return found
  }

  /** Calls `f` with every live setting of the cube. */
  eachIn(c: Cube, f: (s: number) => void): void {
    const sp = this.sp
    if (this.list !== null) {
      for (const s of this.list) if (inCube(sp, c, s)) f(s)
      return
    }
    eachInCube(sp, c, (s) => {
      if (this.flags[s] === 1) f(s)
    })
  }
}

/**
 * Calls `match` with every live setting of cube `c` under which order `o` matches its response.
 */
export function solve(sp: Space, o: Order, c: Cube, live: Live, match: (s: number) => void): void {
  const fixed = fixedMask(c)
  const p = live.pick(c)
  if (p < 0 || o.excludes(p, fixed)) return
  const k = o.known(p, fixed)
  const free = k.mask & ~fixed
  const sub = Int8Array.from(c)
  if (k.match) {
    // The region around p with the same answer, within the cube.
    for (let i = 0, m = free; m !== 0; i++, m >>>= 1) if ((m & 1) !== 0) sub[i] = digit(sp, p, i)
    live.eachIn(sub, match)
    sub.set(c)
  }
  // The rest of the cube: the settings that differ from p on one of the region's free axes, the
  // first such axis in order deciding which sub-cube holds them.
  for (let i = 0, m = free; m !== 0; i++, m >>>= 1) {
    if ((m & 1) === 0) continue
    const pi = digit(sp, p, i)
    for (let v = 0; v < sp.values[i]!.length; v++) {
      if (v === pi) continue
      sub[i] = v
      solve(sp, o, Int8Array.from(sub), live, match)
    }
    sub[i] = pi
  }
}

/** The answer of a search. */
export interface Found {
  /** The best setting. */
  readonly best: number
  /** How many orders it matches. */
  readonly count: number
  /** Other settings with as many matches and as many non-default axes, best-ranked first (at most `limit`). */
  readonly alternatives: readonly number[]
}

/** Searches `orders` (in the order given: put the cheapest to solve first) for the best setting. */
export function search(sp: Space, orders: readonly Order[], limit: number): Found {
  const n = orders.length
  // Phase 1: the intersection. Taken greedily, one order at a time, it can follow orders that
  // another setting explains and set aside the ones the best setting explains: it is run again
  // with the orders it set aside first while that sets aside fewer.
  let run = intersect(sp, orders)
  for (let round = 0; round < 3 && run.aside.length > 0; round++) {
    const again = intersect(sp, [...run.aside, ...orders.filter((o) => !run.aside.includes(o))])
    if (again.aside.length >= run.aside.length) break
    run = again
  }
  let live = run.live
  const aside = run.aside
  if (aside.length === 0) return answer(sp, live, () => n, limit)

  // Phase 2: exact counts with bounds. What phase 1 learned already bounds every setting: an order
  // with a mismatch region holding it cannot count for it.
  const upper = new Int32Array(sp.size).fill(n)
  const lower = new Int32Array(sp.size)
  const known = new Map<Order, number>()
  const mark = new Uint8Array(sp.size)
  for (const o of orders) {
    known.set(o, o.clauses.length)
    for (const c of o.clauses) eachInRegion(sp, c.mask, c.proj, (s) => (mark[s] = 1))
    for (let s = 0; s < sp.size; s++)
      if (mark[s] === 1) {
        upper[s]!--
        mark[s] = 0
      }
  }
  // Phase 1's settings match every order but the ones set aside: the best matches at least as many.
  let bound = n - aside.length
  live = Live.all(sp)
  live.filter((s) => upper[s]! >= bound)
  const matched = mark
  const rest = orders.filter((o) => !aside.includes(o))
  for (const o of [...aside, ...rest]) {
    const hits: number[] = []
    solve(sp, o, rootCube(sp), live, (s) => {
      matched[s] = 1
      hits.push(s)
    })
    const before = known.get(o)!
    live.each((s) => {
      if (matched[s] === 1) lower[s]!++
      else if (!o.excludedBy(s, before)) upper[s]!--
    })
    for (const s of hits) matched[s] = 0
    live.each((s) => {
      if (lower[s]! > bound) bound = lower[s]!
    })
    live.filter((s) => upper[s]! >= bound)
  }
  return answer(sp, live, (s) => lower[s]!, limit)
}

/** Keeps, order by order, the live settings that match it; an order that matches none is set aside. */
function intersect(sp: Space, orders: readonly Order[]): { live: Live; aside: Order[] } {
  let live = Live.all(sp)
  const aside: Order[] = []
  for (const o of orders) {
    const hits: number[] = []
    solve(sp, o, rootCube(sp), live, (s) => hits.push(s))
    if (hits.length === 0) {
      aside.push(o)
      continue
    }
    hits.sort((a, b) => a - b)
    live = Live.of(sp, hits)
  }
  return { live, aside }
}

/** Calls `f` with every setting s with project(s, mask) === proj. */
function eachInRegion(sp: Space, mask: number, proj: number, f: (s: number) => void): void {
  const c = rootCube(sp)
  for (let i = 0; i < c.length; i++) if ((mask & (1 << i)) !== 0) c[i] = digit(sp, proj, i)
  eachInCube(sp, c, f)
}

/** The best live setting by count then rank, and the alternatives tied with it. */
function answer(sp: Space, live: Live, count: (s: number) => number, limit: number): Found {
  let best = -1
  let bestCount = -1
  live.each((s) => {
    const c = count(s)
    if (c > bestCount || (c === bestCount && ranksBefore(sp, s, best))) {
      best = s
      bestCount = c
    }
  })
  const alternatives: number[] = []
  const k = nonDefaultsOf(sp, best)
  live.each((s) => {
    if (s !== best && count(s) === bestCount && nonDefaultsOf(sp, s) === k && alternatives.length < limit) alternatives.push(s)
  })
  return { best, count: bestCount, alternatives }
}

function nonDefaultsOf(sp: Space, s: number): number {
  let k = 0
  for (let i = 0; i < sp.axes.length; i++) if (digit(sp, s, i) !== sp.defaults[i]) k++
  return k
}

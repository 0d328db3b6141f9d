/**
 * The pieces behind `--jobs` and the progress display, in process:
 *  - cutting the input into chunks loses, adds and moves no byte, and cuts only at line ends,
 *    however the stream delivers it;
 *  - checking chunks and merging their results in order gives exactly the summary of checking the
 *    whole input at once, wherever the cuts fall (this is why any --jobs gives the same summary);
 *  - the progress figures (share, rate, ETA) by hand, and the "did you mean" distance.
 */
import { Readable } from 'node:stream'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkChunk } from '../../src/cli/batch/check'
import { chunks } from '../../src/cli/batch/run'
import { addTypos, emptySummary, MAX_TYPOS, merge } from '../../src/cli/batch/summary'
import { duration, Progress } from '../../src/cli/progress'
import { closest } from '../../src/cli/suggest'
import { distance } from '../../src/input/known'
import { createStore, estimate, summarize, type EstimateRequest } from '../../src/index'
import { AT, BATCH_STORE } from './orders'

const store = createStore(BATCH_STORE)
const ctx = { store, options: { at: AT }, tolerance: 0 }

/** Order lines of every kind: matching, one cent off (estimate or create shape), unreadable, blank. */
function line(kind: number, quantity: number): string {
  const request: EstimateRequest = { products: [{ id: kind % 2 === 0 ? 'mug' : 'book', quantity }], new_customer: { country: 'DE' } }
  const ours = estimate(store, request, { at: AT })
  switch (kind) {
    case 0:
      return JSON.stringify({ request, response: ours })
    case 1: {
      const off = JSON.parse(JSON.stringify(ours)) as { transaction: { totals: { total: number } } }
      off.transaction.totals.total += 1
      return JSON.stringify({ request, response: off })
    }
    case 2: {
      const created = JSON.parse(JSON.stringify(summarize(ours))) as { transaction: { totals: { tax: number } } }
      created.transaction.totals.tax -= 1
      return JSON.stringify({ request, response: created })
    }
    case 3:
      return '{"request": broken'
    case 4:
      return '  '
    default:
      return JSON.stringify({ request, response: 'not a response' })
  }
}

const arbLines = fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 4 })), { minLength: 0, maxLength: 60 }).map((xs) => xs.map(([k, q]) => line(k, q)))

/** The stream delivers `text` in pieces cut at `cuts` (byte offsets), as a file or a pipe might. */
function streamOf(bytes: Buffer, cuts: readonly number[]): Readable {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  const pieces: Buffer[] = []
  let from = 0
  for (const c of [...at, bytes.length]) {
    if (c > from) pieces.push(bytes.subarray(from, c))
    from = Math.max(from, c)
  }
  return Readable.from(pieces)
}

async function collect(input: Readable): Promise<Uint8Array[]> {
  const out: Uint8Array[] = []
  for await (const c of chunks(input)) out.push(c)
  return out
}

describe('chunks()', () => {
  it('cuts only after a newline and gives back every byte in order, for any delivery (including multi-byte characters)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), async (texts, cuts, trailing) => {
        const bytes = Buffer.from(texts.join('\n') + (trailing ? '\n' : ''), 'utf8')
        const got = await collect(streamOf(bytes, cuts))
        expect(Buffer.concat(got).equals(bytes)).toBe(true)
        for (const c of got.slice(0, -1)) expect(c[c.length - 1]).toBe(10)
        for (const c of got) expect(c.length).toBeGreaterThan(0)
      }),
      { numRuns: 200 },
    )
  })

  it('a large input is cut into chunks of about 128 KB of whole lines', async () => {
    const oneLine = `${'x'.repeat(999)}\n` // 1,000 bytes
    const bytes = Buffer.from(oneLine.repeat(1000)) // 1,000,000 bytes
    const got = await collect(streamOf(bytes, [65536, 131072, 300000]))
    // 128 KB = 131,072 bytes: each chunk ends at the first line end at or past it → 132 lines, 132,000 bytes.
    expect(got.slice(0, -1).map((c) => c.length)).toEqual(Array(7).fill(132_000))
    expect(got.at(-1)!.length).toBe(1_000_000 - 7 * 132_000)
  })
})

describe('checkChunk + merge in order = one pass', () => {
  it('for any lines and any cut points, the merged summary is the whole input\'s, JSON byte for byte', () => {
    fc.assert(
      fc.property(arbLines, fc.array(fc.nat(), { maxLength: 8 }), (lines, cuts) => {
        const whole = emptySummary()
        const all = Buffer.from(lines.join('\n'))
        merge(whole, checkChunk(ctx, all), 0)
        // Cut between lines at the chosen line indices.
        const at = [...new Set(cuts.map((c) => c % (lines.length + 1)))].sort((a, b) => a - b)
        const merged = emptySummary()
        let offset = 0
        let from = 0
        for (const c of [...at, lines.length]) {
          if (c <= from && !(c === lines.length && from === 0 && lines.length === 0)) continue
          const part = lines.slice(from, c)
          const r = checkChunk(ctx, Buffer.from(part.join('\n') + (c < lines.length ? '\n' : '')))
          merge(merged, r, offset)
          offset += r.physical
          from = c
        }
        expect(JSON.stringify(merged)).toBe(JSON.stringify(whole))
      }),
      { numRuns: 60 },
    )
  })

  it('counts what the lines are, by construction', () => {
    const lines = [line(0, 1), line(1, 2), line(2, 1), line(3, 1), line(4, 1), line(5, 1), line(0, 3)]
    const s = emptySummary()
    merge(s, checkChunk(ctx, Buffer.from(lines.join('\n'))), 0)
    // 7 lines, one blank: 6 orders — 2 matching, 2 one cent off, 2 unreadable (lines 4 and 6).
    expect({ lines: s.lines, matched: s.matched, mismatched: s.mismatched, invalid: s.invalid }).toEqual({ lines: 6, matched: 2, mismatched: 2, invalid: 2 })
    expect(s.invalid_lines.map((l) => l.line)).toEqual([4, 6])
    expect(s.mismatches.map((m) => m.line)).toEqual([2, 3])
    expect(Object.keys(s.by_field)).toEqual(['totals.total', 'totals.tax'])
  })
})

describe('progress figures', () => {
  it('a quarter of the bytes in 10 s: 25.0%, the rate, and 30 s to go', () => {
    let t = 1_000_000
    const out: string[] = []
    const p = new Progress({ write: (s) => void out.push(s), isTTY: false }, 'lines', 4000, 1000, () => t)
    t += 10_000
    expect(p.figures(1000, 500)).toEqual({ frac: 0.25, rate: 50, elapsed: 10, eta: 30 })
    p.update(1000, 500)
    expect(out).toEqual(['progress:  25.0%  500 orders  50/s  elapsed 10s  ETA 30s\n'])
    p.finish(4000, 2000)
    expect(out.at(-1)).toBe('progress: done, 100.0%  2,000 orders  200/s  elapsed 10s\n')
  })

  it('an unknown size (standard input): no share and no ETA; nothing printed before the interval', () => {
    let t = 0
    const out: string[] = []
    const p = new Progress({ write: (s) => void out.push(s), isTTY: false }, 'lines', undefined, 5000, () => t)
    t = 4999
    p.update(100, 10)
    expect(out).toEqual([])
    t = 5000
    p.update(200, 20)
    expect(out).toEqual(['progress: 20 orders  4/s  elapsed 5s\n'])
  })

  it('durations: 7s, 3m05s, 1h02m', () => {
    expect([duration(7), duration(185), duration(3720), duration(0.4)]).toEqual(['7s', '3m05s', '1h02m', '0s'])
  })
})

describe('"did you mean" distance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours as one edit each', () => {
    expect(distance('store', 'store', Infinity)).toBe(0)
    expect(distance('stor', 'store', Infinity)).toBe(1) // deletion
    expect(distance('sotre', 'store', Infinity)).toBe(1) // swap
    expect(distance('formt', 'format', Infinity)).toBe(1)
    expect(distance('frmat', 'format', Infinity)).toBe(1)
    expect(distance('fromat', 'format', Infinity)).toBe(1)
    expect(distance('kitten', 'sitting', Infinity)).toBe(3)
    expect(distance('', 'abc', Infinity)).toBe(3)
  })

  it('suggests the closest name within 2 edits, case-insensitively, or nothing', () => {
    expect(closest('Stoer', ['store', 'at', 'format'])).toBe('store')
    expect(closest('jbos', ['jobs', 'stats'])).toBe('jobs')
    expect(closest('completely', ['store', 'at'])).toBeUndefined()
    expect(closest('at', ['at', 'a'])).toBe('at')
  })
})

describe('the typos table of a batch summary', () => {
  const chunk = (typos: [string, number][]) => ({ physical: 1, lines: 1, matched: 1, mismatched: 0, invalid: 0, by_field: [], by_hint: [], typos, invalid_lines: [], mismatches: [] })

  it(`keeps at most ${MAX_TYPOS} typos; later ones are counted in typos_other, and chunk merging equals one pass`, () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 80 }), fc.integer({ min: 1, max: 5 })), { maxLength: 40 }), { maxLength: 6 }), (parts) => {
        // one chunk per part, its typos deduplicated in order of first appearance, as checkChunk gives them
        const per = parts.map((p) => {
          const m = new Map<string, number>()
          for (const [k, v] of p) m.set(`t${k}`, (m.get(`t${k}`) ?? 0) + v)
          return [...m]
        })
        const merged = emptySummary()
        for (const c of per) merge(merged, chunk(c), 0)
        // one pass: the whole input as a single chunk (every typo's total, in order of first appearance)
        const all = new Map<string, number>()
        for (const c of per) for (const [k, v] of c) all.set(k, (all.get(k) ?? 0) + v)
        const one: Record<string, number> = {}
        const other = addTypos(one, all)
        expect(Object.keys(merged.typos).length).toBeLessThanOrEqual(MAX_TYPOS)
        expect({ ...merged.typos }).toEqual(one)
        expect(merged.typos_other).toBe(other)
        // nothing is lost: listed + other = every count
        const total = per.flat().reduce((s, [, v]) => s + v, 0)
        expect(Object.values(merged.typos).reduce((s, v) => s + v, 0) + merged.typos_other).toBe(total)
      }),
    )
  })
})

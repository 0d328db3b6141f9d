/**
 * The batch summary: counts, mismatches by field and by hint, the first samples. Work is done in
 * chunks of consecutive lines (on this thread or on workers); each chunk gives a `ChunkResult`, and
 * merging the results in chunk order gives exactly the summary one pass over the lines would:
 * counts add up, the by-field and by-hint maps take new keys in order of first appearance, and the
 * samples are the first ones by line number.
 */

export interface Sample {
  readonly line: number
  readonly differences: { path: string; ours: unknown; theirs: unknown; hint: string | null }[]
}

export interface BatchSummary {
  lines: number
  matched: number
  mismatched: number
  invalid: number
  /** Mismatched orders by field (array indices folded: `products[].totals.tax`). */
  readonly by_field: Record<string, number>
  /** Differences by hint code. */
  readonly by_hint: Record<string, number>
  /** Orders whose estimate reports a typo (an unknown key or value of the request or options), by typo: the first {@link MAX_TYPOS} typos. */
  readonly typos: Record<string, number>
  /** Orders-with-typo counts of the typos past the first {@link MAX_TYPOS} (memory stays bounded). */
  typos_other: number
  /** The first unreadable lines (line number and reason). */
  readonly invalid_lines: { line: number; reason: string }[]
  /** The first mismatched orders (line number and their first differences). */
  readonly mismatches: Sample[]
}

/** What one chunk of lines gives: plain data, so it crosses from a worker thread unchanged. */
export interface ChunkResult {
  /** Lines in the chunk, blank ones included (line numbers of the next chunk start after them). */
  readonly physical: number
  /** Orders (non-blank lines). */
  readonly lines: number
  readonly matched: number
  readonly mismatched: number
  readonly invalid: number
  /** [key, count] in order of first appearance within the chunk. */
  readonly by_field: readonly (readonly [string, number])[]
  readonly by_hint: readonly (readonly [string, number])[]
  readonly typos: readonly (readonly [string, number])[]
  /** Samples with line numbers counted from 1 at the chunk's first line. */
  readonly invalid_lines: readonly { line: number; reason: string }[]
  readonly mismatches: readonly Sample[]
}

/** Samples kept (unreadable lines, mismatched orders). */
export const SAMPLES = 10

/** Distinct typos a summary lists; the counts of later ones are added up in `typos_other`. */
export const MAX_TYPOS = 50

/**
 * Adds `[typo, orders]` counts into a bounded table: a typo already listed, or one that still has
 * room, is counted under its name, any other in the returned overflow. Merging chunks in order
 * gives the table one pass over the lines would.
 */
export function addTypos(into: Record<string, number>, counts: Iterable<readonly [string, number]>): number {
  let other = 0
  for (const [k, v] of counts) {
    if (into[k] !== undefined) into[k] += v
    else if (Object.keys(into).length < MAX_TYPOS) into[k] = v
    else other += v
  }
  return other
}

export function emptySummary(): BatchSummary {
  // Prototype-less maps: a field named "__proto__" in an API response is just a key.
  return { lines: 0, matched: 0, mismatched: 0, invalid: 0, by_field: Object.create(null) as Record<string, number>, by_hint: Object.create(null) as Record<string, number>, typos: Object.create(null) as Record<string, number>, typos_other: 0, invalid_lines: [], mismatches: [] }
}

/**
 * Adds one chunk's result; chunks must be merged in the order of their lines. `offset`: the lines
 * before the chunk (its samples' line numbers are shifted by it).
 */
export function merge(into: BatchSummary, r: ChunkResult, offset: number): void {
  into.lines += r.lines
  into.matched += r.matched
  into.mismatched += r.mismatched
  into.invalid += r.invalid
  for (const [k, v] of r.by_field) into.by_field[k] = (into.by_field[k] ?? 0) + v
  for (const [k, v] of r.by_hint) into.by_hint[k] = (into.by_hint[k] ?? 0) + v
  into.typos_other += addTypos(into.typos, r.typos)
  for (const s of r.invalid_lines) if (into.invalid_lines.length < SAMPLES) into.invalid_lines.push({ ...s, line: s.line + offset })
  for (const s of r.mismatches) if (into.mismatches.length < SAMPLES) into.mismatches.push({ ...s, line: s.line + offset })
}

export interface BatchStats {
  readonly seconds: number
  readonly linesPerSecond: number
  readonly jobs: number
  /** Peak resident set size, sampled as chunks complete (bytes). */
  readonly peakRssSampled: number
  /** The OS's peak resident set size of the process (bytes). */
  readonly maxRss: number
  readonly peakHeapUsed: number
}

const top = (m: Readonly<Record<string, number>>, n: number) =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)

const count = (x: number) => x.toLocaleString('en-US')

/** The typos section of a report (no lines when there is none): the most frequent first. */
export function typosText(typos: Readonly<Record<string, number>>, other = 0): string[] {
  const t = top(typos, 25)
  if (t.length === 0) return []
  const more = Object.keys(typos).length - t.length
  return [
    '',
    'Typos in the orders (unknown keys change nothing; orders with each):',
    ...t.map(([k, v]) => `  ${String(v).padStart(9)}  ${k}`),
    ...(more > 0 || other > 0 ? [`  … ${more > 0 ? `${count(more)} more typos listed in --format json` : ''}${more > 0 && other > 0 ? '; ' : ''}${other > 0 ? `${count(other)} orders with still other typos` : ''}`] : []),
  ]
}

/** The summary as text. */
export function summaryText(s: BatchSummary): string {
  const out = [`${count(s.lines)} orders: ${count(s.matched)} matched, ${count(s.mismatched)} mismatched${s.invalid > 0 ? `, ${count(s.invalid)} unreadable` : ''}`]
  if (s.mismatched > 0) {
    out.push('', 'Mismatched orders by field:')
    for (const [k, v] of top(s.by_field, 25)) out.push(`  ${String(v).padStart(9)}  ${k}`)
    out.push('', 'Differences by hint:')
    for (const [k, v] of top(s.by_hint, 25)) out.push(`  ${String(v).padStart(9)}  ${k}`)
    out.push('', 'First mismatches:')
    for (const m of s.mismatches) for (const d of m.differences) out.push(`  line ${m.line}: ${d.path}: ours ${JSON.stringify(d.ours)}, API ${JSON.stringify(d.theirs)}${d.hint !== null ? ` — ${d.hint}` : ''}`)
  }
  out.push(...typosText(s.typos, s.typos_other))
  if (s.invalid > 0) {
    out.push('', 'Unreadable lines:')
    for (const l of s.invalid_lines) out.push(`  line ${l.line}: ${l.reason}`)
  }
  return out.join('\n')
}

export function statsText(s: BatchStats): string {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`
  return `stats: ${s.seconds.toFixed(1)} s, ${count(s.linesPerSecond)} lines/s on ${s.jobs} thread${s.jobs === 1 ? '' : 's'}, peak RSS ${mb(s.maxRss)} (sampled ${mb(s.peakRssSampled)}), peak heap ${mb(s.peakHeapUsed)}`
}

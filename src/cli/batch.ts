/**
 * `reconcile --batch`: one `{ request, response }` JSON object per line, streamed with readline so
 * memory stays flat whatever the file's size; a progress bar on a TTY; a summary at the end.
 */
import { createReadStream, statSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { estimate, reconcile, type EstimateOptions, type EstimateRequest, type Store } from '../index'
import { fileError } from './files'

export interface BatchSummary {
  lines: number
  matched: number
  mismatched: number
  invalid: number
  /** Mismatched orders by field (array indices folded: `products[].totals.tax`). */
  readonly by_field: Record<string, number>
  /** Differences by hint code. */
  readonly by_hint: Record<string, number>
  /** The first unreadable lines (line number and reason). */
  readonly invalid_lines: { line: number; reason: string }[]
  /** The first mismatched orders (line number and their first differences). */
  readonly mismatches: { line: number; differences: { path: string; ours: unknown; theirs: unknown; hint: string | null }[] }[]
}

export interface BatchStats {
  readonly seconds: number
  readonly linesPerSecond: number
  /** Peak resident set size, sampled every 1,000 lines (bytes). */
  readonly peakRssSampled: number
  /** The OS's peak resident set size of the process (bytes). */
  readonly maxRss: number
  readonly peakHeapUsed: number
}

const SAMPLES = 10

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Folds array indices: `products[3].taxes.tax_rates[0].tax` → `products[].taxes.tax_rates[].tax`. */
export function fieldOf(path: string): string {
  return path === '' ? '(response)' : path.replace(/\[\d+\]/g, '[]')
}

function bump(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1
}

function progressBar(done: number, total: number, lines: number, started: number): string {
  const width = 30
  const frac = total > 0 ? Math.min(1, done / total) : 0
  const full = Math.round(frac * width)
  const rate = lines / Math.max((Date.now() - started) / 1000, 0.001)
  return `\r[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${(frac * 100).toFixed(1).padStart(5)}%  ${lines.toLocaleString('en-US')} lines  ${Math.round(rate).toLocaleString('en-US')}/s `
}

export async function runBatch(
  file: string,
  store: Store,
  base: EstimateOptions,
  tolerance: number,
  progress: boolean,
): Promise<{ summary: BatchSummary; stats: BatchStats }> {
  let size: number
  try {
    const st = statSync(file)
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
    size = st.size
  } catch (e) {
    throw fileError(file, e)
  }
  const summary: BatchSummary = { lines: 0, matched: 0, mismatched: 0, invalid: 0, by_field: {}, by_hint: {}, invalid_lines: [], mismatches: [] }
  const started = Date.now()
  let peakRss = process.memoryUsage.rss()
  let peakHeap = process.memoryUsage().heapUsed
  const input = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 })
  let streamError: unknown
  input.on('error', (e) => {
    streamError = e
  })
  const rl = createInterface({ input, crlfDelay: Infinity })
  let lastDraw = 0
  let lineNo = 0
  const invalid = (reason: string) => {
    summary.invalid++
    if (summary.invalid_lines.length < SAMPLES) summary.invalid_lines.push({ line: lineNo, reason })
  }
  try {
    for await (const raw of rl) {
      lineNo++
      if (lineNo % 1000 === 0) {
        const rss = process.memoryUsage.rss()
        if (rss > peakRss) peakRss = rss
        const heap = process.memoryUsage().heapUsed
        if (heap > peakHeap) peakHeap = heap
      }
      if (progress && (lineNo & 255) === 0 && Date.now() - lastDraw > 200) {
        lastDraw = Date.now()
        process.stderr.write(progressBar(input.bytesRead, size, lineNo, started))
      }
      const text = raw.trim()
      if (text === '') continue
      summary.lines++
      let order: unknown
      try {
        order = JSON.parse(text)
      } catch (e) {
        invalid(`invalid JSON: ${e instanceof Error ? e.message : String(e)}`)
        continue
      }
      if (!isRecord(order) || !isRecord(order.request) || order.response === undefined) {
        invalid('expected an object {"request": {…}, "response": {…}}')
        continue
      }
      const options: EstimateOptions = {
        ...base,
        ...(isRecord(order.options) ? (order.options as EstimateOptions) : {}),
        ...(typeof order.at === 'string' ? { at: order.at } : {}),
      }
      const request = order.request as unknown as EstimateRequest
      try {
        const ours = estimate(store, request, options)
        const r = reconcile(ours, order.response, { store, request, options, tolerance })
        if (r.shape === 'unknown') {
          invalid(`response: ${(r.differences[0]?.hint?.message ?? 'unreadable').replace(/^the API response cannot be read: /, '')}`)
          continue
        }
        if (r.matches) {
          summary.matched++
          continue
        }
        summary.mismatched++
        const fields = new Set<string>()
        for (const d of r.differences) {
          fields.add(fieldOf(d.path))
          bump(summary.by_hint, d.hint?.code ?? 'none')
        }
        for (const f of fields) bump(summary.by_field, f)
        if (summary.mismatches.length < SAMPLES)
          summary.mismatches.push({
            line: lineNo,
            differences: r.differences.slice(0, 3).map((d) => ({ path: d.path, ours: d.ours, theirs: d.theirs, hint: d.hint?.message ?? null })),
          })
      } catch (e) {
        invalid(`could not be estimated: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
  } catch (e) {
    throw fileError(file, e)
  } finally {
    if (progress) process.stderr.write(`${progressBar(size, size, lineNo, started)}\n`)
  }
  if (streamError !== undefined) throw fileError(file, streamError)
  const rss = process.memoryUsage.rss()
  if (rss > peakRss) peakRss = rss
  const seconds = (Date.now() - started) / 1000
  return {
    summary,
    stats: {
      seconds,
      linesPerSecond: Math.round(lineNo / Math.max(seconds, 0.001)),
      peakRssSampled: peakRss,
      maxRss: process.resourceUsage().maxRSS * 1024,
      peakHeapUsed: peakHeap,
    },
  }
}

const top = (m: Record<string, number>, n: number) =>
  Object.entries(m)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)

/** The summary as text. */
export function summaryText(s: BatchSummary): string {
  const out = [
    `${s.lines.toLocaleString('en-US')} orders: ${s.matched.toLocaleString('en-US')} matched, ${s.mismatched.toLocaleString('en-US')} mismatched${s.invalid > 0 ? `, ${s.invalid.toLocaleString('en-US')} unreadable` : ''}`,
  ]
  if (s.mismatched > 0) {
    out.push('', 'Mismatched orders by field:')
    for (const [k, v] of top(s.by_field, 25)) out.push(`  ${String(v).padStart(9)}  ${k}`)
    out.push('', 'Differences by hint:')
    for (const [k, v] of top(s.by_hint, 25)) out.push(`  ${String(v).padStart(9)}  ${k}`)
    out.push('', 'First mismatches:')
    for (const m of s.mismatches) for (const d of m.differences) out.push(`  line ${m.line}: ${d.path}: ours ${JSON.stringify(d.ours)}, API ${JSON.stringify(d.theirs)}${d.hint !== null ? ` — ${d.hint}` : ''}`)
  }
  if (s.invalid > 0) {
    out.push('', 'Unreadable lines:')
    for (const l of s.invalid_lines) out.push(`  line ${l.line}: ${l.reason}`)
  }
  return out.join('\n')
}

export function statsText(s: BatchStats): string {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`
  return `stats: ${s.seconds.toFixed(1)} s, ${s.linesPerSecond.toLocaleString('en-US')} lines/s, peak RSS ${mb(s.maxRss)} (sampled ${mb(s.peakRssSampled)}), peak heap ${mb(s.peakHeapUsed)}`
}


/**
 * Reconciling one chunk of batch lines: each non-blank line is one `{ request, response, at?,
 * options? }` JSON object, estimated against the store and compared with its response. The same
 * function runs on the main thread (`--jobs 1`) and in each worker, so both give the same results.
 */
import { estimate, reconcile, type EstimateOptions, type EstimateRequest, type Store } from '../../index'
import { type ChunkResult, SAMPLES, type Sample } from './summary'

export interface CheckContext {
  readonly store: Store
  readonly options: EstimateOptions
  readonly tolerance: number
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Folds array indices: `products[3].taxes.tax_rates[0].tax` → `products[].taxes.tax_rates[].tax`. */
export function fieldOf(path: string): string {
  return path === '' ? '(response)' : path.replace(/\[\d+\]/g, '[]')
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1)
}

/**
 * Checks a chunk of whole lines (UTF-8 bytes, `\n` or `\r\n` line ends; the input's last line may
 * have none). Line numbers in the result count from 1 at the chunk's first line.
 */
export function checkChunk(ctx: CheckContext, bytes: Uint8Array): ChunkResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const lines: string[] = []
  for (let start = 0; start < buf.length; ) {
    let nl = buf.indexOf(10, start)
    if (nl < 0) nl = buf.length
    lines.push(buf.toString('utf8', start, nl))
    start = nl + 1
  }
  let count = 0
  let matched = 0
  let mismatched = 0
  let invalidCount = 0
  const byField = new Map<string, number>()
  const byHint = new Map<string, number>()
  const invalidLines: { line: number; reason: string }[] = []
  const mismatches: Sample[] = []
  const { store, tolerance } = ctx
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1
    const text = lines[i]!.trim()
    if (text === '') continue
    count++
    const invalid = (reason: string) => {
      invalidCount++
      if (invalidLines.length < SAMPLES) invalidLines.push({ line, reason })
    }
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
      ...ctx.options,
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
        matched++
        continue
      }
      mismatched++
      const fields = new Set<string>()
      for (const d of r.differences) {
        fields.add(fieldOf(d.path))
        bump(byHint, d.hint?.code ?? 'none')
      }
      for (const f of fields) bump(byField, f)
      if (mismatches.length < SAMPLES)
        mismatches.push({ line, differences: r.differences.slice(0, 3).map((d) => ({ path: d.path, ours: d.ours, theirs: d.theirs, hint: d.hint?.message ?? null })) })
    } catch (e) {
      invalid(`could not be estimated: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  return { physical: lines.length, lines: count, matched, mismatched, invalid: invalidCount, by_field: [...byField], by_hint: [...byHint], invalid_lines: invalidLines, mismatches }
}

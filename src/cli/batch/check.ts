/**
 * Reconciling one chunk of batch lines: each non-blank line is one `{ request, response, at?,
 * options? }` JSON object, estimated against the store and compared with its response. The same
 * function runs on the main thread (`--jobs 1`) and in each worker, so both give the same results.
 */
import { estimate, reconcile, type EstimateOptions, type EstimateRequest, type EstimateResponse, type Issue, type Store } from '../../index'
import { isObject } from '../../input/read'
import { closest } from '../suggest'
import { type ChunkResult, SAMPLES, type Sample } from './summary'

export interface CheckContext {
  readonly store: Store
  readonly options: EstimateOptions
  readonly tolerance: number
}

/** The keys a batch line may have. */
const LINE_KEYS = ['request', 'response', 'at', 'options'] as const

/** One line's order: its request and the API's response, with the options it is estimated under. */
export interface BatchOrder {
  readonly request: EstimateRequest
  readonly response: unknown
  readonly options: EstimateOptions
}

/**
 * Reads a parsed batch line into its order: the command's `options`, then the line's `options`,
 * then its `at`. A line that is not such an object, has a key a batch line does not know (a typo
 * such as `option` would otherwise be ignored), or an `at` / `options` of the wrong type gives the
 * reason it cannot be used.
 */
export function readOrder(v: unknown, options: EstimateOptions): BatchOrder | string {
  if (!isObject(v) || !isObject(v.request) || v.response === undefined) return 'expected an object {"request": {…}, "response": {…}}'
  for (const k of Object.keys(v)) {
    if ((LINE_KEYS as readonly string[]).includes(k)) continue
    const near = closest(k, LINE_KEYS)
    return `unknown key ${JSON.stringify(k)}${near !== undefined ? ` (did you mean ${JSON.stringify(near)}?)` : ''}; a line holds ${LINE_KEYS.join(', ')}`
  }
  if (v.options !== undefined && !isObject(v.options)) return '"options" must be an object'
  if (v.at !== undefined && typeof v.at !== 'string') return '"at" must be an ISO 8601 string'
  return {
    request: v.request as unknown as EstimateRequest,
    response: v.response,
    options: { ...options, ...(isObject(v.options) ? (v.options as EstimateOptions) : {}), ...(typeof v.at === 'string' ? { at: v.at } : {}) },
  }
}

/**
 * The typos an estimate reports (unknown keys and values of the request and the options, which
 * change nothing and so are easy to miss in a batch), as summary keys: code, folded path, message.
 */
export function typosOf(res: EstimateResponse): string[] {
  // Each typo once per order (the same misspelt key on three lines is one order with it).
  return [...new Set(res.warnings.filter(isTypo).map((w) => `${w.code} at ${fieldOf(w.path)}: ${w.message}`))]
}

/** Whether a warning is a typo: an unknown key or value, which changes no number. */
export function isTypo(w: Issue): boolean {
  return w.code === 'unknown_field' || w.code === 'unknown_value'
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
  const typos = new Map<string, number>()
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
    const o = readOrder(order, ctx.options)
    if (typeof o === 'string') {
      invalid(o)
      continue
    }
    const { request, options } = o
    try {
      const ours = estimate(store, request, options)
      for (const t of typosOf(ours)) bump(typos, t)
      const r = reconcile(ours, o.response, { store, request, options, tolerance })
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
  return { physical: lines.length, lines: count, matched, mismatched, invalid: invalidCount, by_field: [...byField], by_hint: [...byHint], typos: [...typos], invalid_lines: invalidLines, mismatches }
}

/**
 * The regression corpus: what the library answered for every input of `cases.ts`, recorded so that
 * a refactor can prove no number moved. One gzipped NDJSON file: store configs once each, then one
 * line per case with its inputs and the recorded `estimate` and `summarize` JSON. Messages are left
 * out (they are English for humans and may be reworded); codes and paths are kept.
 *
 *   npx tsx test/regression/corpus.ts write    # record the current build (after an intended change)
 *   npx tsx test/regression/corpus.ts diff     # what the current build changes, grouped by path
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { gunzipSync, gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'
import { createStore, estimate, StoreConfigError, summarize } from '../../src/index'
import type { EstimateRequest, EstimateResponse, StoreConfig } from '../../src/index'
import { corpusInputs, type CorpusInput } from './cases'

export const CORPUS_FILE = fileURLToPath(new URL('./corpus.ndjson.gz', import.meta.url))

type Json = Record<string, unknown>

/** A recorded case. */
export interface CorpusCase {
  readonly name: string
  readonly store: number
  readonly request: unknown
  readonly options: Json
  readonly summarize?: Json
  readonly out: unknown
}

/** Drops every `message` of issues (recursively), keeps everything else. */
export function stripMessages(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripMessages)
  if (v !== null && typeof v === 'object') {
    const o: Json = {}
    for (const [k, x] of Object.entries(v as Json)) {
      if (k === 'message' && typeof x === 'string') continue
      o[k] = stripMessages(x)
    }
    return o
  }
  return v
}

/** What the library answers for one case today: the recorded form. */
export function answer(store: unknown, c: { request: unknown; options: Json; summarize?: Json | undefined }): unknown {
  let s
  try {
    s = createStore(store as StoreConfig)
  } catch (e) {
    if (e instanceof StoreConfigError) return { store_error: e.issues.map((i) => ({ code: i.code, path: i.path })) }
    return { thrown: String(e) }
  }
  let res: EstimateResponse
  try {
    res = estimate(s, c.request as EstimateRequest, c.options)
  } catch (e) {
    return { thrown: String(e) }
  }
  // The trace is not part of the recorded numbers (its format may change); the transaction is.
  const { trace: _trace, ...envelope } = res as EstimateResponse & { trace?: unknown }
  const out: Json = { estimate: stripMessages(envelope) }
  if (c.summarize !== undefined) out.summarize = stripMessages(summarize(res, c.summarize))
  return out
}

/** Reads the corpus file: the stores and the cases. */
export function readCorpus(file = CORPUS_FILE): { stores: unknown[]; cases: CorpusCase[] } {
  const text = gunzipSync(readFileSync(file)).toString('utf8')
  const stores: unknown[] = []
  const cases: CorpusCase[] = []
  for (const line of text.split('\n')) {
    if (line === '') continue
    const o = JSON.parse(line) as Json
    if ('config' in o) stores[o.store as number] = o.config
    else if ('name' in o) cases.push(o as unknown as CorpusCase)
  }
  return { stores, cases }
}

function build(inputs: readonly CorpusInput[]): { stores: unknown[]; cases: CorpusCase[] } {
  const storeIndex = new Map<string, number>()
  const stores: unknown[] = []
  const cases: CorpusCase[] = []
  for (const c of inputs) {
    const key = JSON.stringify(c.store)
    let i = storeIndex.get(key)
    if (i === undefined) {
      i = stores.length
      storeIndex.set(key, i)
      stores.push(JSON.parse(key))
    }
    const rec: CorpusCase = { name: c.name, store: i, request: c.request, options: c.options, ...(c.summarize !== undefined ? { summarize: c.summarize } : {}), out: answer(c.store, c) }
    cases.push(rec)
  }
  return { stores, cases }
}

/** How many cases reach each feature (printed when the corpus is written; a test asserts minimums). */
export function coverage(cases: readonly CorpusCase[]): Record<string, number> {
  const n: Record<string, number> = {}
  const bump = (k: string) => (n[k] = (n[k] ?? 0) + 1)
  for (const c of cases) {
    const out = c.out as Json
    if ('store_error' in out) {
      bump('store_error')
      continue
    }
    const est = out.estimate as Json
    if (est.status === 400) {
      bump('status_400')
      for (const e of est.errors as Json[]) if (e.code === 'amount_overflow') bump('amount_overflow')
      continue
    }
    bump('status_200')
    const tx = est.transaction as Json
    for (const w of est.warnings as Json[]) bump(`warning:${String(w.code)}`)
    for (const p of tx.products as Json[]) {
      const t = p.totals as Json
      if (p.type === 'invoice_item') bump('line:invoice_item')
      if (p.is_variant === true) bump('line:variant')
      if (p.pack !== null) bump('line:pack')
      if (t.price_conversion === true) bump('line:converted')
      if ((p.taxes as Json).inclusive === true) bump('line:inclusive')
      if ((t.moss_tax_total as number) > 0) bump('line:moss')
      if ((t.discount as number) > 0) bump('line:discounted')
      if ((t.shipping_discount as number) > 0) bump('line:shipping_discounted')
    }
    for (const d of tx.discounts as Json[]) bump(`discount:${String(d.type)}`)
    const method = (tx.shipping as Json).shipping_method as Json | null
    if (method !== null) bump(`shipping:${String(method.type)}`)
    if ((tx.instalments as unknown[]).length > 0) bump('instalments')
    const o = c.options
    for (const k of ['rounding', 'tax_rounding', 'shipping_tax', 'inclusive_rounding', 'inclusive_cross_border', 'instalment_rounding'])
      if (typeof o[k] === 'string') bump(`option:${k}=${String(o[k])}`)
  }
  return Object.fromEntries(Object.entries(n).sort(([a], [b]) => (a < b ? -1 : 1)))
}

function write(file = CORPUS_FILE): void {
  const { stores, cases } = build(corpusInputs())
  const lines = [
    ...stores.map((config, store) => JSON.stringify({ store, config })),
    ...cases.map((c) => JSON.stringify(c)),
  ]
  const gz = gzipSync(lines.join('\n') + '\n', { level: 9 })
  writeFileSync(file, gz)
  console.log(`${cases.length} cases, ${stores.length} stores, ${gz.length} bytes gzipped`)
  console.log(JSON.stringify(coverage(cases), null, 1))
}

/** Paths (with indexes collapsed) where two recorded outputs differ. */
export function diffPaths(a: unknown, b: unknown, path = '', out: string[] = []): string[] {
  if (a === b) return out
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) out.push(`${path}.length`)
    for (let i = 0; i < Math.min(a.length, b.length); i++) diffPaths(a[i], b[i], `${path}[${i}]`, out)
    return out
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a as Json), ...Object.keys(b as Json)])
    for (const k of keys) diffPaths((a as Json)[k], (b as Json)[k], path === '' ? k : `${path}.${k}`, out)
    return out
  }
  out.push(path)
  return out
}

function diff(): void {
  const { stores, cases } = readCorpus()
  const groups = new Map<string, { count: number; example: string }>()
  let changed = 0
  for (const c of cases) {
    const now = answer(stores[c.store], c)
    const paths = diffPaths(c.out, now)
    if (paths.length === 0) continue
    changed++
    for (const p of new Set(paths.map((x) => x.replace(/\[\d+\]/g, '[]')))) {
      const g = groups.get(p) ?? { count: 0, example: c.name }
      g.count++
      groups.set(p, g)
    }
  }
  console.log(`${changed} of ${cases.length} cases changed`)
  for (const [p, g] of [...groups].sort((x, y) => y[1].count - x[1].count)) console.log(`${String(g.count).padStart(6)}  ${p}   (e.g. ${g.example})`)
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const cmd = process.argv[2]
  if (cmd === 'write') write()
  else if (cmd === 'diff') diff()
  else {
    console.error('usage: tsx test/regression/corpus.ts write|diff')
    process.exit(2)
  }
}

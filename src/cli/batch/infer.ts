/**
 * `reconcile --batch … --infer`: the orders file read whole (inference needs every order at once),
 * each line's order built as the batch builds it (`--options` and `--at` under the line's own
 * `options` and `at`), then one `inferPolicies` call on this thread.
 */
import type { Readable } from 'node:stream'
import { estimate, type EstimateOptions, type Inference, inferPolicies, InferenceError, type InferOrder, type Store } from '../../index'
import { readOrder, typosOf } from './check'
import { addTypos, SAMPLES, typosText } from './summary'

/** What `--infer` prints: the inference, with line numbers for its orders. */
export interface InferReport {
  readonly inference: Inference
  /** The input line (from 1) of each order given to the inference, by its index. */
  readonly lines: readonly number[]
  /** Lines that could not be used (invalid JSON, no request or response, an invalid option…), the first SAMPLES. */
  readonly invalid: readonly { line: number; reason: string }[]
  readonly invalidCount: number
  /** Orders whose estimate reports a typo (unknown key or value), by typo, as the batch counts them. */
  readonly typos: Readonly<Record<string, number>>
  /** Orders-with-typo counts of typos past the first ones listed. */
  readonly typosOther: number
  readonly seconds: number
}

/** Reads every non-blank line of the input. */
async function readLines(input: Readable): Promise<{ line: number; text: string }[]> {
  const out: { line: number; text: string }[] = []
  let rest = ''
  let n = 0
  const take = (text: string) => {
    n++
    if (text.trim() !== '') out.push({ line: n, text })
  }
  // One decoder for the whole stream: a character split across two chunks is decoded whole.
  const decoder = new TextDecoder('utf-8')
  for await (const chunk of input) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true })
    let nl: number
    while ((nl = rest.indexOf('\n')) >= 0) {
      take(rest.slice(0, nl))
      rest = rest.slice(nl + 1)
    }
  }
  rest += decoder.decode()
  if (rest !== '') take(rest)
  return out
}

export async function inferBatch(input: Readable, store: Store, options: EstimateOptions, tolerance: number): Promise<InferReport> {
  const started = Date.now()
  const invalid: { line: number; reason: string }[] = []
  let invalidCount = 0
  const bad = (line: number, reason: string) => {
    invalidCount++
    if (invalid.length < SAMPLES) invalid.push({ line, reason })
  }
  let orders: { line: number; order: InferOrder }[] = []
  for (const { line, text } of await readLines(input)) {
    let v: unknown
    try {
      v = JSON.parse(text)
    } catch (e) {
      bad(line, `invalid JSON: ${e instanceof Error ? e.message : String(e)}`)
      continue
    }
    // As the batch does: the command's options, then the line's, then the line's instant.
    const o = readOrder(v, options)
    if (typeof o === 'string') {
      bad(line, o)
      continue
    }
    orders.push({ line, order: o })
  }
  // The typos each order's estimate reports (the inference itself does not print warnings).
  const typos: Record<string, number> = Object.create(null) as Record<string, number>
  let typosOther = 0
  for (const { order } of orders) {
    try {
      typosOther += addTypos(typos, typosOf(estimate(store, order.request, order.options)).map((t) => [t, 1] as const))
    } catch {
      // the inference reports what cannot be estimated
    }
  }
  let inference: Inference | undefined
  // An order the inference cannot use (its path names it) is an unreadable line; the rest go on.
  for (let attempt = 0; inference === undefined; attempt++) {
    try {
      inference = inferPolicies(
        store,
        orders.map((o) => o.order),
        { tolerance },
      )
    } catch (e) {
      if (!(e instanceof InferenceError) || attempt > 0) throw e
      const dropped = new Set<number>()
      for (const i of e.issues) {
        const m = /^orders\[(\d+)\](.*)$/.exec(i.path)
        if (m === null) throw e
        const k = Number(m[1])
        if (!dropped.has(k)) bad(orders[k]!.line, `${m[2]!.replace(/^\./, '') || 'order'}: ${i.message} [${i.code}]`)
        dropped.add(k)
      }
      orders = orders.filter((_, k) => !dropped.has(k))
    }
  }
  invalid.sort((a, b) => a.line - b.line)
  return { inference, lines: orders.map((o) => o.line), invalid, invalidCount, typos, typosOther, seconds: (Date.now() - started) / 1000 }
}

const count = (x: number) => x.toLocaleString('en-US')

/** The report as JSON: the Inference, each unexplained order with its line too. */
export function inferJson(r: InferReport, stats: boolean): unknown {
  const inf = r.inference
  return {
    ...inf,
    unexplained: inf.unexplained.map((u) => ({ index: u.index, line: r.lines[u.index], differences: u.differences })),
    ...(r.invalidCount > 0 ? { invalid: r.invalidCount, invalid_lines: r.invalid } : {}),
    ...(Object.keys(r.typos).length > 0 ? { typos: r.typos, typos_other: r.typosOther } : {}),
    ...(stats ? { stats: { seconds: r.seconds, estimates: inf.estimates } } : {}),
  }
}

/** The report as text. */
export function inferText(r: InferReport): string {
  const inf = r.inference
  const out = [`${count(inf.total)} orders: ${count(inf.matched)} reproduced by the inferred settings, ${count(inf.unexplained.length)} unexplained${r.invalidCount > 0 ? `, ${count(r.invalidCount)} unreadable` : ''}`]
  const changed = Object.entries(inf.policies)
  out.push('', changed.length === 0 ? 'Changes to the store: none (the store as given reproduces them best)' : `Changes to the store: ${changed.map(([a, v]) => `${a} "${String(v)}"`).join(', ')}`)
  out.push('', 'Policy fields for the store\'s "account" (in place of its policy fields and preset):', JSON.stringify(inf.account, null, 2))
  out.push('', `Alternatives (as many orders, as many changes): ${inf.alternatives.length}`)
  for (const a of inf.alternatives.slice(0, 5)) out.push(`  ${JSON.stringify(a)}`)
  if (inf.alternatives.length > 5) out.push(`  … ${inf.alternatives.length - 5} more (--format json lists them)`)
  if (inf.unexplained.length > 0) {
    out.push('', 'Unexplained orders:')
    for (const u of inf.unexplained.slice(0, SAMPLES)) {
      const [d, ...more] = u.differences
      const what = d === undefined ? 'differs' : `${d.path === '' ? '(response)' : d.path}: ours ${JSON.stringify(d.ours)}, API ${JSON.stringify(d.theirs)}${d.hint !== null ? ` — ${d.hint.message}` : ''}`
      out.push(`  line ${r.lines[u.index]}: ${what}${more.length > 0 ? ` (+${more.length} more)` : ''}`)
    }
    if (inf.unexplained.length > SAMPLES) out.push(`  … ${inf.unexplained.length - SAMPLES} more (--format json lists them)`)
  }
  out.push(...typosText(r.typos, r.typosOther))
  if (r.invalidCount > 0) {
    out.push('', 'Unreadable lines:')
    for (const l of r.invalid) out.push(`  line ${l.line}: ${l.reason}`)
  }
  out.push('', `(${count(inf.estimates)} estimates)`)
  return out.join('\n')
}

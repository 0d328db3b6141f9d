/**
 * `tamio-pricing estimate <request.json|-> --store <store.json>`: the estimate the API would answer,
 * as a table or as the API's JSON envelope; `--explain <path>` adds how an amount was derived (as
 * text after the table, or under `"explain"` in the JSON — never text mixed into JSON).
 */
import { estimate, explain, type EstimateRequest, type EstimateResponse, type EstimateSuccess } from '../index'
import { type Args, CliError, type CommandSpec } from './args'
import { estimateTable } from './format'
import { type CliIO, Inputs } from './io'
import { AT, estimateOptions, FORMAT, format, OPTIONS, QUIET, STORE } from './options'
import { loadStore, printStoreWarnings } from './store'
import { closest } from './suggest'

export const ESTIMATE: CommandSpec = {
  name: 'estimate',
  summary: 'estimate a request against a store, as the API would answer it',
  usage: ['<request.json|-> --store <store.json> [options]'],
  options: {
    store: STORE,
    at: AT,
    format: FORMAT,
    options: OPTIONS,
    trace: { type: 'boolean', help: 'include the derivation trace of every amount (with --format json)' },
    explain: { type: 'string', multiple: true, value: '<path>', help: 'explain how an amount was derived, e.g. products[0].totals.tax' },
    locale: { type: 'string', value: '<locale>', help: 'how the table writes amounts, e.g. de-DE (default: en)' },
    quiet: QUIET,
  },
  notes: [
    'Exit codes: 0 the API would answer 200 · 1 it would answer 400 (the errors are printed) · 2 a usage or input problem (including an --explain path that is not an amount)',
    '',
    'Example:',
    '  tamio-pricing estimate request.json -s store.json --at 2026-11-25T12:00:00Z --explain totals.total',
  ],
}

/** Checks each `--explain` path against the trace; an unknown one is a usage error with the closest path. */
function checkExplainPaths(res: EstimateSuccess, paths: readonly string[]): void {
  const amounts = res.trace?.amounts ?? {}
  for (const raw of paths) {
    const p = raw.trim().replace(/^transaction\./, '')
    if (Object.prototype.hasOwnProperty.call(amounts, p)) continue
    const guess = closest(p, Object.keys(amounts))
    throw new CliError(`--explain ${JSON.stringify(raw)} is not an amount of this estimate${guess !== undefined ? ` — did you mean ${guess}?` : ' (amounts are like products[0].totals.tax, totals.total, instalments[0].total_amount)'}`)
  }
}

function rejectedText(res: Extract<EstimateResponse, { status: 400 }>): string {
  return [
    'The request is rejected (400):',
    ...res.errors.map((e) => `  ${e.code} at ${e.path || '(request)'}: ${e.message}`),
    ...res.warnings.map((w) => `  warning ${w.code} at ${w.path || '(request)'}: ${w.message}`),
  ].join('\n')
}

export async function estimateCommand(args: Args, io: CliIO): Promise<number> {
  const [requestFile, extra] = args.positionals
  if (requestFile === undefined || extra !== undefined) throw new CliError('usage: tamio-pricing estimate <request.json|-> --store <store.json> (see tamio-pricing estimate --help)')
  const fmt = format(args)
  const locale = args.string('locale')
  if (locale !== undefined) {
    try {
      Intl.NumberFormat.supportedLocalesOf(locale)
    } catch {
      throw new CliError(`--locale ${JSON.stringify(locale)} is not a locale (e.g. en, de-DE, ja-JP)`)
    }
  }
  const inputs = new Inputs(io)
  const loaded = await loadStore(args, inputs, io)
  printStoreWarnings(io, loaded, args.has('quiet'))
  const options = await estimateOptions(args, inputs, loaded.store, true)
  const request = (await inputs.object(requestFile, 'an estimate request')) as unknown as EstimateRequest
  const paths = args.strings('explain')
  const res = estimate(loaded.store, request, { ...options, trace: args.has('trace') || paths.length > 0 })
  if (res.status === 200) checkExplainPaths(res, paths)
  else if (paths.length > 0) io.stderr.write('tamio-pricing: nothing to explain: the request is rejected (400)\n')
  const explained = res.status === 200 ? paths.map((p) => [p, explain(res, p)] as const) : []
  if (fmt === 'json') {
    let body: unknown = res
    if (res.status === 200 && paths.length > 0) {
      // The trace was recorded for the explanations: shown only when asked for.
      const { trace, ...rest } = res
      body = { ...(args.has('trace') ? res : rest), explain: Object.fromEntries(explained) }
      void trace
    }
    io.stdout.write(`${JSON.stringify(body, null, 2)}\n`)
  } else {
    const text = res.status === 200 ? estimateTable(res, locale) : rejectedText(res)
    io.stdout.write(`${[text, ...explained.map(([, lines]) => ['', ...lines].join('\n'))].join('\n')}\n`)
  }
  return res.status === 200 ? 0 : 1
}

/**
 * `tamio-pricing reconcile`: one request against one API response, or `--batch` a stream of orders.
 * The command's options are one table; each mode is its own function below, chosen in
 * `reconcileCommand` — a further mode (another flag) is one more entry and one more branch.
 */
import { createReadStream } from 'node:fs'
import * as os from 'node:os'
import { estimate, reconcile, type EstimateRequest } from '../index'
import { type Args, CliError, type CommandSpec } from './args'
import { isTypo } from './batch/check'
import { inferBatch, inferJson, inferText } from './batch/infer'
import { runBatch } from './batch/run'
import { statsText, summaryText } from './batch/summary'
import { reconcileText } from './format'
import { type CliIO, Inputs, shown, whileReading } from './io'
import { AT, estimateOptions, FORMAT, format, OPTIONS, QUIET, STORE, wholeNumber } from './options'
import { Progress, type ProgressMode } from './progress'
import { issueLine, loadStore, printStoreWarnings } from './store'

export const RECONCILE: CommandSpec = {
  name: 'reconcile',
  summary: 'compare estimates with API responses: one order, or a batch of them',
  usage: [
    '<request.json> <api-response.json|-> --store <store.json> [options]',
    '--batch <orders.ndjson|-> --store <store.json> [--jobs N] [options]',
    '--batch <orders.ndjson|-> --store <store.json> --infer [options]',
  ],
  options: {
    store: STORE,
    at: AT,
    format: FORMAT,
    options: OPTIONS,
    tolerance: { type: 'string', value: '<N>', help: 'integers within N minor units count as equal (default 0)' },
    batch: { type: 'string', short: 'b', value: '<orders.ndjson|->', help: 'one {"request": …, "response": …} object per line (optional "at" and "options" per line)' },
    jobs: { type: 'string', short: 'j', value: '<N>', help: 'worker threads for --batch (default: the number of cores); the summary is the same for any N' },
    infer: { type: 'boolean', help: 'with --batch: find the policy settings that reproduce the most orders; prints them as account fields, and the counts' },
    stats: { type: 'boolean', help: 'after a batch, print time, lines/s and peak memory on stderr (and under "stats" in JSON)' },
    'no-progress': { type: 'boolean', help: 'no progress display for --batch' },
    quiet: QUIET,
  },
  notes: [
    'Exit codes: 0 every order matches · 1 a difference · 2 a usage or input problem (a batch with unreadable lines included)',
    'With --infer: 0 the inferred settings reproduce every order · 1 some order stays unexplained · 2 as above. Inference runs on one thread (no --jobs).',
    '',
    'Progress (--batch): a bar with elapsed time and ETA on a terminal; a line every 5 s otherwise (CI logs); none with --quiet.',
    '',
    'Examples:',
    '  tamio-pricing reconcile request.json response.json -s store.json --at 2026-11-25T12:00:00Z',
    '  tamio-pricing reconcile --batch orders.ndjson -s store.json -j 2 -f json',
    '  tamio-pricing reconcile --batch orders.ndjson -s store.json --infer',
  ],
}

const tolerance = (args: Args): number => wholeNumber(args, 'tolerance', 0, 0, Number.MAX_SAFE_INTEGER, 'a non-negative integer (minor units)')

export function defaultJobs(): number {
  // availableParallelism is Node >= 18.14; a namespace import keeps older Node 18 loading the CLI.
  const available = (os as { availableParallelism?: () => number }).availableParallelism
  return Math.max(1, typeof available === 'function' ? available() : os.cpus().length)
}

const jobs = (args: Args): number => wholeNumber(args, 'jobs', defaultJobs(), 1, 256, 'a whole number from 1 to 256')

/**
 * What every form of the command reads once its flags are checked: the store (its warnings printed
 * unless --quiet), then the estimate options.
 */
async function loadInputs(args: Args, io: CliIO) {
  const inputs = new Inputs(io)
  const loaded = await loadStore(args, inputs, io)
  printStoreWarnings(io, loaded, args.has('quiet'))
  const options = await estimateOptions(args, inputs, loaded.store, true)
  return { inputs, loaded, options }
}

async function singleCommand(args: Args, io: CliIO): Promise<number> {
  const [requestFile, responseFile, extra] = args.positionals
  if (requestFile === undefined || responseFile === undefined || extra !== undefined)
    throw new CliError('usage: tamio-pricing reconcile <request.json> <api-response.json> --store <store.json> (see tamio-pricing reconcile --help)')
  for (const flag of ['jobs', 'stats', 'no-progress', 'infer'] as const) if (args.has(flag)) throw new CliError(`--${flag} goes with --batch`)
  const fmt = format(args)
  const tol = tolerance(args)
  const { inputs, loaded, options } = await loadInputs(args, io)
  const request = (await inputs.object(requestFile, 'an estimate request')) as unknown as EstimateRequest
  const { value: theirs } = await inputs.json(responseFile, 'an API response')
  const ours = estimate(loaded.store, request, { ...options, trace: true })
  // Typos in the request or the options change nothing, so a match would hide them: name them.
  if (!args.has('quiet'))
    for (const w of ours.warnings.filter(isTypo)) io.stderr.write(`tamio-pricing: warning: ${shown(requestFile)}: ${issueLine(w)}\n`)
  const r = reconcile(ours, theirs, { store: loaded.store, request, options, tolerance: tol })
  if (r.shape === 'unknown') throw new CliError(`${shown(responseFile)} is not an API response: ${(r.differences[0]?.hint?.message ?? 'unreadable').replace(/^the API response cannot be read: /, '')}`)
  io.stdout.write(`${fmt === 'json' ? JSON.stringify(r, null, 2) : reconcileText(r)}\n`)
  return r.matches ? 0 : 1
}

async function inferCommand(args: Args, io: CliIO): Promise<number> {
  const file = args.string('batch')!
  if (args.positionals.length > 0) throw new CliError('--batch takes the orders file; no other files are expected')
  if (args.has('jobs')) throw new CliError('--infer runs on one thread: --jobs does not go with it')
  const fmt = format(args)
  const tol = tolerance(args)
  const { inputs, loaded, options } = await loadInputs(args, io)
  const input = file === '-' ? inputs.claimStdin('orders') : createReadStream(file)
  const report = await whileReading(file, () => inferBatch(input, loaded.store, options, tol))
  io.stdout.write(`${fmt === 'json' ? JSON.stringify(inferJson(report, args.has('stats')), null, 2) : inferText(report)}\n`)
  if (args.has('stats')) io.stderr.write(`stats: ${report.seconds.toFixed(1)} s, ${report.inference.estimates.toLocaleString('en-US')} estimates, ${report.inference.total.toLocaleString('en-US')} orders on 1 thread\n`)
  if (report.invalidCount > 0) return 2
  return report.inference.unexplained.length > 0 ? 1 : 0
}

async function batchCommand(args: Args, io: CliIO): Promise<number> {
  const file = args.string('batch')!
  if (args.positionals.length > 0) throw new CliError('--batch takes the orders file; no other files are expected')
  const fmt = format(args)
  const tol = tolerance(args)
  const threads = jobs(args)
  const quiet = args.has('quiet')
  const { inputs, loaded, options } = await loadInputs(args, io)
  const size = file === '-' ? undefined : await inputs.size(file)
  const mode: ProgressMode = quiet || args.has('no-progress') ? 'off' : io.stderr.isTTY ? 'bar' : 'lines'
  const interval = Number(io.env.TAMIO_PROGRESS_INTERVAL_MS ?? '')
  const progress = new Progress(io.stderr, mode, size, Number.isFinite(interval) && interval > 0 ? interval : undefined)
  const input = file === '-' ? inputs.claimStdin('orders') : createReadStream(file, { highWaterMark: 256 * 1024 })
  const { summary, stats } = await whileReading(file, () => runBatch(input, { store: loaded.store, storeText: loaded.text, options, tolerance: tol }, threads, io.workerUrl, progress))
  io.stdout.write(`${fmt === 'json' ? JSON.stringify(args.has('stats') ? { ...summary, stats } : summary, null, 2) : summaryText(summary)}\n`)
  if (args.has('stats')) io.stderr.write(`${statsText(stats)}\n`)
  if (summary.invalid > 0) return 2
  return summary.mismatched > 0 ? 1 : 0
}

export function reconcileCommand(args: Args, io: CliIO): Promise<number> {
  if (args.has('batch')) return args.has('infer') ? inferCommand(args, io) : batchCommand(args, io)
  return singleCommand(args, io)
}

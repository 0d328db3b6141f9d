#!/usr/bin/env node
/**
 * The `tamio-pricing` command (Node only): estimate a request against a store, reconcile one API
 * response, or reconcile a stream of orders. Errors in files are one line on stderr and exit 2.
 */
import {
  createStore,
  estimate,
  explain,
  reconcile,
  StoreConfigError,
  type EstimateOptions,
  type EstimateRequest,
  type Store,
} from '../index'
import { type Args, CliError, parseArgs, stringOption, USAGE } from './args'
import { runBatch, statsText, summaryText } from './batch'
import { readJson, readObject } from './files'
import { estimateTable, reconcileText } from './format'

function out(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`)
}

function loadStore(args: Args): Store {
  const file = stringOption(args, 'store')
  if (file === undefined) throw new CliError('--store <store.json> is required')
  const config = readObject(file, 'a store configuration')
  try {
    return createStore(config as never)
  } catch (e) {
    if (e instanceof StoreConfigError) {
      const first = e.issues[0]
      const more = e.issues.length > 1 ? ` (and ${e.issues.length - 1} more)` : ''
      throw new CliError(`${file} is not a valid store: ${first !== undefined ? `${first.path || '(root)'}: ${first.message}` : e.message}${more}`)
    }
    throw e
  }
}

function format(args: Args): 'table' | 'json' {
  const f = stringOption(args, 'format') ?? 'table'
  if (f !== 'table' && f !== 'json') throw new CliError(`--format must be table or json, not ${JSON.stringify(f)}`)
  return f
}

function estimateOptions(args: Args): EstimateOptions {
  const file = stringOption(args, 'options')
  const base = file === undefined ? {} : (readObject(file, 'estimate options') as EstimateOptions)
  const at = stringOption(args, 'at')
  if (at !== undefined && !Number.isFinite(Date.parse(at))) throw new CliError(`--at ${JSON.stringify(at)} is not an ISO 8601 instant`)
  return { ...base, at: at ?? (typeof base.at === 'string' ? base.at : new Date().toISOString()) }
}

function tolerance(args: Args): number {
  const t = stringOption(args, 'tolerance')
  if (t === undefined) return 0
  const n = Number(t)
  if (!Number.isInteger(n) || n < 0) throw new CliError(`--tolerance must be a non-negative integer (minor units), not ${JSON.stringify(t)}`)
  return n
}

function estimateCommand(args: Args): number {
  const [requestFile, extra] = args.positionals
  if (requestFile === undefined || extra !== undefined) throw new CliError('usage: tamio-pricing estimate <request.json> --store <store.json>')
  const fmt = format(args)
  const store = loadStore(args)
  const request = readObject(requestFile, 'an estimate request') as unknown as EstimateRequest
  const explainPath = stringOption(args, 'explain')
  const res = estimate(store, request, { ...estimateOptions(args), trace: args.options.has('trace') || explainPath !== undefined })
  if (fmt === 'json') out(JSON.stringify(res, null, 2))
  else if (res.status === 200) out(estimateTable(res))
  else out([`The request is rejected (400):`, ...res.errors.map((e) => `  ${e.code} at ${e.path || '(request)'}: ${e.message}`), ...res.warnings.map((w) => `  warning ${w.code} at ${w.path}: ${w.message}`)].join('\n'))
  if (explainPath !== undefined && res.status === 200) out(['', ...explain(res, explainPath)].join('\n'))
  return res.status === 200 ? 0 : 1
}

function reconcileCommand(args: Args): number {
  const [requestFile, responseFile, extra] = args.positionals
  if (requestFile === undefined || responseFile === undefined || extra !== undefined)
    throw new CliError('usage: tamio-pricing reconcile <request.json> <api-response.json> --store <store.json>')
  const fmt = format(args)
  const tol = tolerance(args)
  const store = loadStore(args)
  const request = readObject(requestFile, 'an estimate request') as unknown as EstimateRequest
  const theirs = readJson(responseFile, 'an API response')
  const options = estimateOptions(args)
  const ours = estimate(store, request, { ...options, trace: true })
  const r = reconcile(ours, theirs, { store, request, options, tolerance: tol })
  if (r.shape === 'unknown') throw new CliError(`${responseFile} is not an API response: ${(r.differences[0]?.hint?.message ?? 'unreadable').replace(/^the API response cannot be read: /, '')}`)
  out(fmt === 'json' ? JSON.stringify(r, null, 2) : reconcileText(r))
  return r.matches ? 0 : 1
}

async function batchCommand(args: Args): Promise<number> {
  const file = stringOption(args, 'batch')!
  if (args.positionals.length > 0) throw new CliError('--batch takes the orders file; no other files are expected')
  const fmt = format(args)
  const tol = tolerance(args)
  const store = loadStore(args)
  const options = estimateOptions(args)
  const progress = process.stderr.isTTY === true && !args.options.has('no-progress') && !args.options.has('quiet')
  const { summary, stats } = await runBatch(file, store, options, tol, progress)
  out(fmt === 'json' ? JSON.stringify(args.options.has('stats') ? { ...summary, stats } : summary, null, 2) : summaryText(summary))
  if (args.options.has('stats')) process.stderr.write(`${statsText(stats)}\n`)
  if (summary.invalid > 0) return 2
  return summary.mismatched > 0 ? 1 : 0
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv)
  if (args.options.has('help') || args.command === 'help') {
    out(USAGE)
    return 0
  }
  switch (args.command) {
    case 'estimate':
      return estimateCommand(args)
    case 'reconcile':
      return args.options.has('batch') ? batchCommand(args) : reconcileCommand(args)
    case undefined:
      throw new CliError(`a command is required\n${USAGE}`)
    default:
      throw new CliError(`unknown command ${JSON.stringify(args.command)} (estimate or reconcile; see --help)`)
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    if (e instanceof CliError) {
      process.stderr.write(`tamio-pricing: ${e.message}\n`)
      process.exitCode = e.exitCode
    } else {
      process.stderr.write(`tamio-pricing: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
      if (process.env.TAMIO_DEBUG && e instanceof Error) process.stderr.write(`${e.stack ?? ''}\n`)
      process.exitCode = 2
    }
  },
)

/**
 * Options several commands share: their specs (one wording everywhere) and their readers. Estimate
 * options from `--options <file>` and `--at` are checked by `estimate` itself before any work, so an
 * invalid one is a usage error (exit 2) naming its path, not a 400 on every order.
 */
import { estimate, type EstimateOptions, type EstimateRequest, type Store } from '../index'
import { parseInstant } from '../input/read'
import { type Args, CliError, type OptionSpec } from './args'
import { type Inputs, shown } from './io'

export const STORE: OptionSpec = { type: 'string', short: 's', value: '<store.json>', help: 'the store configuration (catalog, tax rates, shipping, coupons, plans); required' }
export const AT: OptionSpec = { type: 'string', value: '<ISO>', help: 'the instant for date rules and instalment due dates (default: now)' }
export const FORMAT: OptionSpec = { type: 'string', short: 'f', value: '<table|json>', help: 'output format (default: table); json prints JSON only' }
export const OPTIONS: OptionSpec = { type: 'string', short: 'o', value: '<options.json>', help: 'estimate options as JSON (policies, payment_method, strict); --at wins over its "at"' }
export const QUIET: OptionSpec = { type: 'boolean', short: 'q', help: 'no progress, no log lines, no store warnings on stderr (errors still print)' }

export function format(args: Args): 'table' | 'json' {
  const f = args.string('format') ?? 'table'
  if (f !== 'table' && f !== 'json') throw new CliError(`--format must be table or json, not ${JSON.stringify(f)}`)
  return f
}

/**
 * A whole-number option within [min, max], or `dflt` when absent; anything else is a usage error
 * saying what was expected (`what`, e.g. "a whole number from 1 to 256").
 */
export function wholeNumber(args: Args, name: string, dflt: number, min: number, max: number, what: string): number {
  const v = args.string(name)
  if (v === undefined) return dflt
  const n = Number(v)
  if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) throw new CliError(`--${name} must be ${what}, not ${JSON.stringify(v)}`)
  return n
}

/** The instant of `--at`, checked. */
export function atOption(args: Args): string | undefined {
  const at = args.string('at')
  if (at !== undefined && parseInstant(at) === undefined) throw new CliError(`--at ${JSON.stringify(at)} is not an ISO 8601 instant`)
  return at
}

/**
 * The problems `estimate` finds in a set of options (paths `options` / `options.…`), found by
 * estimating an empty request: its own request errors are dropped, only the options' kept.
 */
export function optionProblems(store: Store, options: unknown): string[] {
  const res = estimate(store, {} as EstimateRequest, options as EstimateOptions)
  if (res.status === 200) return []
  return res.errors.filter((e) => e.path === 'options' || e.path.startsWith('options.')).map((e) => `${e.path}: ${e.message} [${e.code}]`)
}

/**
 * `--options <file>` then `--at`, checked against the store. `defaultNow`: without an `at`
 * anywhere, fix it to the current instant (so a whole batch runs at one instant).
 */
export async function estimateOptions(args: Args, inputs: Inputs, store: Store, defaultNow: boolean): Promise<EstimateOptions> {
  const file = args.string('options')
  const base = file === undefined ? {} : ((await inputs.object(file, 'estimate options')) as EstimateOptions)
  const at = atOption(args) ?? (typeof base.at === 'string' ? base.at : defaultNow ? new Date().toISOString() : undefined)
  const options: EstimateOptions = at === undefined ? base : { ...base, at }
  const problems = optionProblems(store, options)
  if (problems.length > 0) {
    const where = file !== undefined ? `${shown(file)} holds` : 'the options hold'
    throw new CliError(problems.length === 1 ? `${where} an invalid option: ${problems[0]!}` : [`${where} ${problems.length} invalid options:`, ...problems.map((p) => `  ${p}`)].join('\n'))
  }
  return options
}

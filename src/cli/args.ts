/**
 * Command-line arguments: positionals and `--name value` / `--name=value` / `--flag` options.
 */

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message)
  }
}

export interface Args {
  readonly command: string | undefined
  readonly positionals: readonly string[]
  readonly options: ReadonlyMap<string, string | true>
}

/** Flags that take no value. */
const BOOLEAN = new Set(['stats', 'help', 'trace', 'quiet', 'no-progress'])
/** Options that take a value. */
const VALUED = new Set(['store', 'at', 'format', 'batch', 'tolerance', 'explain', 'options'])

export function parseArgs(argv: readonly string[]): Args {
  const positionals: string[] = []
  const options = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (a === '-h') {
      options.set('help', true)
      continue
    }
    if (!a.startsWith('--')) {
      positionals.push(a)
      continue
    }
    const eq = a.indexOf('=')
    const name = eq >= 0 ? a.slice(2, eq) : a.slice(2)
    if (BOOLEAN.has(name)) {
      if (eq >= 0) throw new CliError(`--${name} takes no value`)
      options.set(name, true)
    } else if (VALUED.has(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : argv[++i]
      if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new CliError(`--${name} needs a value`)
      options.set(name, value)
    } else throw new CliError(`unknown option --${name} (see tamio-pricing --help)`)
  }
  const [command, ...rest] = positionals
  return { command, positionals: rest, options }
}

export function stringOption(args: Args, name: string): string | undefined {
  const v = args.options.get(name)
  return typeof v === 'string' ? v : undefined
}

export const USAGE = `Usage:
  tamio-pricing estimate <request.json> --store <store.json> [--at ISO] [--format table|json] [--trace] [--explain <path>]
  tamio-pricing reconcile <request.json> <api-response.json> --store <store.json> [--at ISO] [--tolerance N] [--format table|json]
  tamio-pricing reconcile --batch <orders.ndjson> --store <store.json> [--at ISO] [--tolerance N] [--format table|json] [--stats]

  --at          the instant for date rules and instalment due dates (ISO 8601; default: now)
  --options     a JSON file of estimate options (policy overrides, payment_method); --at wins over its "at"
  --tolerance   integers within N minor units count as equal when reconciling (default 0)
  --batch       one {"request": …, "response": …} JSON object per line (optional "at" and "options" per line)
  --stats       print lines/s and peak memory (RSS) to stderr after a batch

Exit codes: 0 ok / everything matches · 1 a difference (or the estimate answered 400) · 2 a file or usage error`

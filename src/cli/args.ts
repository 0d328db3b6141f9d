/**
 * Command-line arguments, read by `node:util`'s parseArgs from a per-command option table: long
 * names, short aliases (`-s f.json`, `-sf.json`, `-qs f.json`), `--name=value`, `--` to end options,
 * a lone `-` as a positional (standard input). parseArgs runs non-strict so this module can answer
 * every mistake itself: an unknown option with a "did you mean", a missing value, a value given to a
 * flag — each a usage error (exit 2).
 */
import { parseArgs as nodeParseArgs } from 'node:util'
import { closest } from './suggest'

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message)
  }
}

export interface OptionSpec {
  readonly type: 'string' | 'boolean'
  readonly short?: string
  /** May be given several times (all values kept, in order); otherwise the last one wins. */
  readonly multiple?: boolean
  /** The value's placeholder in the help: `--store <file>`. */
  readonly value?: string
  readonly help: string
}

export interface CommandSpec {
  readonly name: string
  readonly summary: string
  readonly usage: readonly string[]
  readonly options: Readonly<Record<string, OptionSpec>>
  /** Extra paragraphs after the option list (exit codes, notes, examples). */
  readonly notes?: readonly string[]
}

/** Options every command takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  help: { type: 'boolean', short: 'h', help: 'show this help' },
  version: { type: 'boolean', short: 'V', help: 'print the version' },
}

export class Args {
  constructor(
    readonly command: CommandSpec,
    readonly positionals: readonly string[],
    private readonly values: ReadonlyMap<string, string | true | readonly string[]>,
  ) {}

  has(name: string): boolean {
    return this.values.has(name)
  }

  string(name: string): string | undefined {
    const v = this.values.get(name)
    return typeof v === 'string' ? v : undefined
  }

  strings(name: string): readonly string[] {
    const v = this.values.get(name)
    return Array.isArray(v) ? (v as readonly string[]) : []
  }
}

const see = (spec: CommandSpec) => `see tamio-pricing ${spec.name} --help`

/**
 * Parses a command's arguments (everything after the command name). `others` are the other
 * commands' specs, to say where a misplaced option belongs.
 */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[], others: readonly CommandSpec[] = []): Args {
  const options = { ...COMMON_OPTIONS, ...spec.options }
  const config: Record<string, { type: 'string' | 'boolean'; short?: string }> = {}
  for (const [name, o] of Object.entries(options)) config[name] = o.short !== undefined ? { type: o.type, short: o.short } : { type: o.type }
  // `-store x.json` would read as `-s tore`: a long name after one dash is a typo, said so.
  for (const a of argv) {
    if (a === '--') break
    if (/^-[a-z][a-z-]+$/.test(a) && Object.prototype.hasOwnProperty.call(options, a.slice(1))) throw new CliError(`unknown option ${a} — did you mean -${a}?`)
  }
  const { tokens } = nodeParseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true })
  const positionals: string[] = []
  const values = new Map<string, string | true | string[]>()
  for (const t of tokens) {
    if (t.kind === 'positional') {
      positionals.push(t.value)
      continue
    }
    if (t.kind === 'option-terminator') continue
    const o = Object.prototype.hasOwnProperty.call(options, t.name) ? options[t.name] : undefined
    if (o === undefined) throw unknownOption(spec, t.rawName, Object.keys(options), others)
    const label = `--${t.name}`
    if (o.type === 'boolean') {
      if (t.value !== undefined) throw new CliError(`${label} takes no value (${see(spec)})`)
      values.set(t.name, true)
      continue
    }
    // parseArgs takes the next argument as the value whatever it is; `--store --at x` is a
    // forgotten value, not a file named "--at". A lone "-" (standard input) is a value.
    const v = t.value
    if (v === undefined || (!t.inlineValue && v.length > 1 && v.startsWith('-') && !/^-\d/.test(v)))
      throw new CliError(`${label} needs a value${o.value !== undefined ? ` (${label} ${o.value})` : ''}`)
    if (o.multiple === true) {
      const list = values.get(t.name)
      if (Array.isArray(list)) list.push(v)
      else values.set(t.name, [v])
    } else values.set(t.name, v)
  }
  return new Args(spec, positionals, values)
}

function unknownOption(spec: CommandSpec, raw: string, names: readonly string[], others: readonly CommandSpec[]): CliError {
  const bare = raw.replace(/^--?/, '')
  if (!raw.startsWith('--')) return new CliError(`unknown option ${raw} for ${spec.name} (${see(spec)})`)
  const guess = closest(bare, names)
  if (guess !== undefined) return new CliError(`unknown option ${raw} for ${spec.name} — did you mean --${guess}?`)
  const owner = others.find((c) => Object.prototype.hasOwnProperty.call(c.options, bare))
  if (owner !== undefined) return new CliError(`${raw} is an option of ${owner.name}, not of ${spec.name} (${see(spec)})`)
  return new CliError(`unknown option ${raw} for ${spec.name} (${see(spec)})`)
}

/** One command's help: usage lines, the options (with short aliases and placeholders), notes. */
export function commandHelp(spec: CommandSpec): string {
  const options = { ...spec.options, ...COMMON_OPTIONS }
  const rows = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short !== undefined ? `-${o.short}, ` : '    '}--${name}${o.value !== undefined ? ` ${o.value}` : ''}`
    return [flag, `${o.help}${o.multiple === true ? ' (repeatable)' : ''}`] as const
  })
  const w = Math.max(...rows.map((r) => r[0].length)) + 2
  return [
    `tamio-pricing ${spec.name} — ${spec.summary}`,
    '',
    'Usage:',
    ...spec.usage.map((u) => `  tamio-pricing ${spec.name} ${u}`),
    '',
    'Options:',
    ...rows.map(([f, h]) => `  ${f.padEnd(w)}${h}`),
    ...(spec.notes !== undefined ? ['', ...spec.notes] : []),
  ].join('\n')
}

/** The overall help: the commands and where to find each one's options. */
export function globalHelp(commands: readonly CommandSpec[]): string {
  const w = Math.max(...commands.map((c) => c.name.length)) + 2
  return [
    'tamio-pricing — Tamio transaction estimates, offline and to the cent',
    '',
    'Usage: tamio-pricing <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(w)}${c.summary}`),
    `  ${'help'.padEnd(w)}show the help of a command (tamio-pricing help <command>)`,
    '',
    'Options:',
    '  -h, --help     show help (after a command: that command\'s help)',
    '  -V, --version  print the version',
    '',
    'A file argument of "-" reads standard input.',
    'Exit codes: 0 success or match · 1 a difference, or the API would answer 400 · 2 a usage or input problem',
  ].join('\n')
}

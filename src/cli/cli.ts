/**
 * The command line as a function: `runCli(argv, io)` resolves with the exit code. Usage and input
 * problems throw `CliError` inside and come out as one `tamio-pricing: …` message on stderr with
 * exit 2 (never a stack trace; TAMIO_DEBUG=1 adds one for internal errors).
 */
import { type CommandSpec, CliError, commandHelp, globalHelp, parseCommandArgs, type Args } from './args'
import { ESTIMATE, estimateCommand } from './estimate'
import type { CliIO } from './io'
import { RECONCILE, reconcileCommand } from './reconcile'
import { SERVE, serveCommand } from './serve/command'
import { closest } from './suggest'

interface Command {
  readonly spec: CommandSpec
  readonly run: (args: Args, io: CliIO) => Promise<number>
}

const COMMANDS: readonly Command[] = [
  { spec: ESTIMATE, run: estimateCommand },
  { spec: RECONCILE, run: reconcileCommand },
  { spec: SERVE, run: serveCommand },
]

const SPECS = COMMANDS.map((c) => c.spec)

function find(name: string): Command | undefined {
  return COMMANDS.find((c) => c.spec.name === name)
}

function unknownCommand(name: string): CliError {
  const guess = closest(name, [...SPECS.map((s) => s.name), 'help'])
  return new CliError(`unknown command ${JSON.stringify(name)}${guess !== undefined ? ` — did you mean ${guess}?` : ` (commands: ${SPECS.map((s) => s.name).join(', ')}; see tamio-pricing --help)`}`)
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv
  const print = (s: string) => {
    io.stdout.write(`${s}\n`)
    return 0
  }
  if (first === undefined) throw new CliError(`a command is required\n${globalHelp(SPECS)}`)
  if (first === '--help' || first === '-h') return print(globalHelp(SPECS))
  if (first === '--version' || first === '-V') return print(io.version)
  if (first === 'help') {
    const [topic, extra] = rest
    if (topic === undefined) return print(globalHelp(SPECS))
    const c = find(topic)
    if (c === undefined || extra !== undefined) throw c === undefined ? unknownCommand(topic) : new CliError('usage: tamio-pricing help <command>')
    return print(commandHelp(c.spec))
  }
  if (first.startsWith('-')) {
    const guess = closest(first.replace(/^--?/, ''), ['help', 'version'])
    throw new CliError(`a command comes first (estimate, reconcile or serve), then its options; ${first} is not one${guess !== undefined ? ` — did you mean --${guess}?` : ''}`)
  }
  const command = find(first)
  if (command === undefined) throw unknownCommand(first)
  const args = parseCommandArgs(command.spec, rest, SPECS.filter((s) => s !== command.spec))
  if (args.has('help')) return print(commandHelp(command.spec))
  if (args.has('version')) return print(io.version)
  const fromStdin = [...args.positionals, args.string('store'), args.string('options'), args.string('batch')].filter((f) => f === '-').length
  if (fromStdin > 1) throw new CliError('standard input ("-") can be read once: give all but one of these inputs as files')
  return command.run(args, io)
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io)
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr.write(`tamio-pricing: ${e.message}\n`)
      return e.exitCode
    }
    io.stderr.write(`tamio-pricing: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
    if (io.env.TAMIO_DEBUG && e instanceof Error) io.stderr.write(`${e.stack ?? ''}\n`)
    return 2
  }
}

/**
 * The command-line conventions, on the built binary: help per command, --version, "did you mean"
 * for commands and options (edit distance ≤ 2), missing and superfluous values, and the exit code
 * of each kind of usage problem.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from '../support/pkg'
import { binary, expectOneLineError, FIXTURES, runBinary } from './run'

const STORE = join(FIXTURES, 'api-estimate-de', 'store.json')
const REQUEST = join(FIXTURES, 'api-estimate-de', 'request.json')
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version

let CLI = ''
const cli = (...args: string[]) => runBinary(CLI, args)

beforeAll(() => {
  CLI = binary()
})

describe.concurrent('--version and --help', () => {
  it('--version and -V print package.json\'s version, alone or after a command', async () => {
    for (const args of [['--version'], ['-V'], ['estimate', '-V'], ['serve', '--version']]) {
      const r = await cli(...args)
      expect(r.status, args.join(' ')).toBe(0)
      expect(r.stdout).toBe(`${VERSION}\n`)
    }
  })

  it('the overall help lists every command; -h and help say the same', async () => {
    const r = await cli('--help')
    expect(r.status).toBe(0)
    for (const c of ['estimate', 'reconcile', 'serve']) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\s+\\S`, 'm'))
    expect((await cli('-h')).stdout).toBe(r.stdout)
    expect((await cli('help')).stdout).toBe(r.stdout)
  })

  it('each command has its own help, with its options and their short aliases', async () => {
    const expected: Record<string, string[]> = {
      estimate: ['-s, --store <store.json>', '-f, --format <table|json>', '-o, --options <options.json>', '--explain <path>', '-q, --quiet'],
      reconcile: ['-s, --store <store.json>', '--batch <orders.ndjson|->', '-j, --jobs <N>', '--no-progress', '-q, --quiet', '--tolerance <N>'],
      serve: ['-s, --store <store.json>', '-p, --port <port>', '--host <host>', '-k, --key <key>', '--cors <origin>', '-w, --watch', '-q, --quiet'],
    }
    for (const [command, flags] of Object.entries(expected)) {
      const r = await cli(command, '--help')
      expect(r.status).toBe(0)
      expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^tamio-pricing ${command} — `))
      for (const f of flags) expect(r.stdout, `${command}: ${f}`).toContain(f)
      expect((await cli(command, '-h')).stdout).toBe(r.stdout)
      expect((await cli('help', command)).stdout).toBe(r.stdout)
    }
    // One command's help does not list another's options.
    expect((await cli('estimate', '--help')).stdout).not.toContain('--jobs')
    expect((await cli('serve', '--help')).stdout).not.toContain('--explain')
  })
})

describe.concurrent('"did you mean" (edit distance ≤ 2)', () => {
  it('for a mistyped command', async () => {
    await expectOneLineError(cli('estimat', REQUEST), /unknown command "estimat" — did you mean estimate\?/)
    await expectOneLineError(cli('reconsile'), /did you mean reconcile\?/)
    await expectOneLineError(cli('srve'), /did you mean serve\?/)
    await expectOneLineError(cli('hlep'), /did you mean help\?/)
    // Too far from every command: the list instead of a guess.
    await expectOneLineError(cli('frobnicate'), /unknown command "frobnicate" \(commands: estimate, reconcile, serve/)
    await expectOneLineError(cli('help', 'estimte'), /did you mean estimate\?/)
  })

  it('for a mistyped option, among that command\'s options', async () => {
    await expectOneLineError(cli('estimate', REQUEST, '--stor', STORE), /unknown option --stor for estimate — did you mean --store\?/)
    await expectOneLineError(cli('estimate', REQUEST, '-s', STORE, '--formt', 'json'), /did you mean --format\?/)
    await expectOneLineError(cli('reconcile', '--batch', 'x', '-s', STORE, '--job', '2'), /did you mean --jobs\?/)
    await expectOneLineError(cli('serve', '-s', STORE, '--wacth'), /did you mean --watch\?/)
    await expectOneLineError(cli('--verison'), /did you mean --version\?/)
    // A long name after a single dash.
    await expectOneLineError(cli('estimate', REQUEST, '-store', STORE), /unknown option -store — did you mean --store\?/)
  })

  it('an option of another command says where it belongs; one like nothing says see --help', async () => {
    await expectOneLineError(cli('estimate', REQUEST, '-s', STORE, '--batch', 'x'), /--batch is an option of reconcile, not of estimate/)
    await expectOneLineError(cli('estimate', REQUEST, '-s', STORE, '--completely-unknown'), /unknown option --completely-unknown for estimate \(see tamio-pricing estimate --help\)/)
    await expectOneLineError(cli('estimate', REQUEST, '-s', STORE, '-Z'), /unknown option -Z for estimate/)
  })
})

describe.concurrent('values and usage', () => {
  it('a missing value, a value given to a flag, a value that is an option', async () => {
    await expectOneLineError(cli('estimate', REQUEST, '--store'), /--store needs a value \(--store <store\.json>\)/)
    await expectOneLineError(cli('estimate', REQUEST, '--store', '--at', 'x'), /--store needs a value/)
    await expectOneLineError(cli('estimate', REQUEST, '-s', STORE, '--trace=yes'), /--trace takes no value/)
  })

  it('usage problems exit 2: no command, no --store, a bad --format or --at, extra files, --jobs without --batch', async () => {
    const none = await cli()
    expect(none.status).toBe(2)
    expect(none.stderr).toMatch(/^tamio-pricing: a command is required/)
    await expectOneLineError(cli('estimate', REQUEST), /--store <store\.json> is required/)
    await expectOneLineError(cli('estimate', REQUEST, '--store', STORE, '--format', 'xml'), /--format must be table or json/)
    await expectOneLineError(cli('estimate', REQUEST, '--store', STORE, '--at', 'yesterday'), /--at "yesterday" is not an ISO 8601 instant/)
    await expectOneLineError(cli('estimate', REQUEST, '--store', STORE, '--at', '2026-02-30'), /--at "2026-02-30" is not an ISO 8601 instant/)
    await expectOneLineError(cli('estimate', REQUEST, REQUEST, '--store', STORE), /usage: tamio-pricing estimate/)
    await expectOneLineError(cli('reconcile', REQUEST, REQUEST, '--store', STORE, '--jobs', '2'), /--jobs goes with --batch/)
    await expectOneLineError(cli('--format', 'json', 'estimate'), /a command comes first/)
  })

  it('"--" ends the options: a file named like an option can still be given', async () => {
    await expectOneLineError(cli('estimate', '-s', STORE, '--', '--not-an-option.json'), /cannot read --not-an-option\.json: no such file/)
  })
})

describe.concurrent('serve: usage and start-up problems exit 2 before listening', () => {
  it('a bad --port or --threads, a file argument, an empty --key or --cors, an invalid --options file, an invalid store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tamio-serve-usage-'))
    try {
      await expectOneLineError(cli('serve', '-s', STORE, '--port', '70000'), /--port must be a whole number from 0 to 65535, not "70000"/)
      await expectOneLineError(cli('serve', '-s', STORE, '-p', 'http'), /--port must be a whole number/)
      await expectOneLineError(cli('serve', '-s', STORE, '--threads', '-1'), /--threads must be a whole number from 0 to 64, not "-1"/)
      await expectOneLineError(cli('serve', '-s', STORE, '--threads', '2.5'), /--threads must be a whole number from 0 to 64/)
      await expectOneLineError(cli('serve', STORE), /serve takes no file arguments \(the store is --store\)/)
      await expectOneLineError(cli('serve', '-s', STORE, '--key', ''), /--key must be a non-empty key without spaces/)
      await expectOneLineError(cli('serve', '-s', STORE, '--cors', ' '), /--cors needs an origin/)
      const opts = join(dir, 'opts.json')
      writeFileSync(opts, JSON.stringify({ shipping_tax: 'sometimes' }))
      await expectOneLineError(cli('serve', '-s', STORE, '-o', opts), /opts\.json holds an invalid option: options\.shipping_tax: /)
      const noAccount = join(dir, 'no-account.json')
      writeFileSync(noAccount, '{"products":[]}')
      await expectOneLineError(cli('serve', '-s', noAccount), /no-account\.json is not a valid store: account: is required/)
      await expectOneLineError(cli('serve'), /--store <store\.json> is required/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a port already in use', async () => {
    const blocker = createServer()
    blocker.listen(0, '127.0.0.1')
    await once(blocker, 'listening')
    const port = (blocker.address() as { port: number }).port
    try {
      await expectOneLineError(cli('serve', '-s', STORE, '--port', String(port)), new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: the address is in use`))
    } finally {
      blocker.close()
    }
  })
})

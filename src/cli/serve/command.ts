/**
 * `tamio-pricing serve`: the emulator on a port, with the store file reloaded on change (`--watch`),
 * one log line per request on stderr, and a graceful stop on SIGINT/SIGTERM (in-flight requests are
 * answered, then exit 0; a second signal cuts the connections and exits 1).
 */
import { readFile } from 'node:fs/promises'
import { type Args, CliError, type CommandSpec } from '../args'
import { type CliIO, Inputs, shown } from '../io'
import { AT, estimateOptions, OPTIONS, QUIET, STORE, wholeNumber } from '../options'
import { type LoadedStore, loadStore, storeFromText, storeWarnings, warningLines } from '../store'
import { BODY_TIMEOUT_MS, createEmulator } from './emulator'
import { EstimatePool } from './pool'
import { watchFile } from './watch'

export const SERVE: CommandSpec = {
  name: 'serve',
  summary: 'run a local HTTP emulator of the Transactions API that computes real numbers',
  usage: ['--store <store.json> [--port 4010] [--host 127.0.0.1] [--key KEY]… [--cors ORIGIN] [--watch] [--threads 1]'],
  options: {
    store: STORE,
    port: { type: 'string', short: 'p', value: '<port>', help: 'the port to listen on (default 4010; 0 picks a free one, printed at start)' },
    host: { type: 'string', value: '<host>', help: 'the address to listen on (default 127.0.0.1)' },
    key: { type: 'string', short: 'k', multiple: true, value: '<key>', help: 'accept only this bearer key (default: any non-empty key)' },
    cors: { type: 'string', value: '<origin>', help: 'Access-Control-Allow-Origin for browsers (default *)' },
    watch: { type: 'boolean', short: 'w', help: 'reload the store file when it changes (an invalid new store keeps the old one)' },
    threads: { type: 'string', value: '<n>', help: 'threads that compute estimate answers beside the one that speaks HTTP (default 1; 0: all on one thread)' },
    at: { ...AT, help: 'the instant every request is estimated at, unless X-Tamio-Options gives one (default: the time of each request)' },
    options: { ...OPTIONS, help: 'default estimate options for every request (X-Tamio-Options overrides them)' },
    quiet: { ...QUIET, help: 'no request log and no store warnings on stderr (errors still print)' },
  },
  notes: [
    'Endpoints: POST /v2/transactions/estimate, POST /v2/transactions/create,',
    '           GET /_emulator/transactions, POST /_emulator/reset, GET /_emulator/health',
    'Every request needs Authorization: Bearer <key> (CORS preflights excepted); per-request options go in an',
    'X-Tamio-Options header holding JSON, e.g. {"at": "2026-11-25T12:00:00Z", "payment_method": "klarna"}.',
    '',
    'Example:',
    '  tamio-pricing serve -s store.json --port 4010 --watch',
    '  curl -s localhost:4010/v2/transactions/estimate -H "Authorization: Bearer test" -d @request.json',
  ],
}

const port = (args: Args): number => wholeNumber(args, 'port', 4010, 0, 65535, 'a whole number from 0 to 65535')
const threadCount = (args: Args): number => wholeNumber(args, 'threads', 1, 0, 64, 'a whole number from 0 to 64')

function listen(server: import('node:http').Server, portNumber: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => {
      const why = e.code === 'EADDRINUSE' ? 'the address is in use' : e.code === 'EADDRNOTAVAIL' ? 'no such local address' : e.code === 'EACCES' ? 'permission denied' : e.message
      reject(new CliError(`cannot listen on ${host}:${portNumber}: ${why}`))
    }
    server.once('error', onError)
    server.listen(portNumber, host, () => {
      server.off('error', onError)
      resolve()
    })
  })
}

export async function serveCommand(args: Args, io: CliIO): Promise<number> {
  if (args.positionals.length > 0) throw new CliError(`serve takes no file arguments (the store is --store); got ${JSON.stringify(args.positionals[0])}`)
  const portNumber = port(args)
  const threads = threadCount(args)
  const host = args.string('host') ?? '127.0.0.1'
  const keys = args.strings('key')
  if (keys.some((k) => k.trim() === '' || /\s/.test(k))) throw new CliError('--key must be a non-empty key without spaces')
  const cors = args.string('cors') ?? '*'
  if (cors.trim() === '') throw new CliError('--cors needs an origin (e.g. http://localhost:5173) or *')
  const watching = args.has('watch')
  const quiet = args.has('quiet')
  const inputs = new Inputs(io)
  if (watching && args.string('store') === '-') throw new CliError('--watch needs a store file, not standard input')
  let current: LoadedStore = await loadStore(args, inputs, io)
  const defaults = await estimateOptions(args, inputs, current.store, false)
  const note = (line: string) => io.stderr.write(`${line}\n`)
  const warn = (loaded: LoadedStore) => {
    if (!quiet) for (const line of warningLines(loaded)) note(`tamio-pricing: ${line}`)
  }
  warn(current)
  const info = (l: LoadedStore) => ({ file: shown(l.file), products: l.products, warnings: storeWarnings(l.store).length })
  const envTimeout = Number(io.env.TAMIO_EMULATOR_BODY_TIMEOUT_MS ?? '')
  // Threads run the CLI's own file (it starts as an estimate thread when told so); none without it.
  const pool =
    threads > 0 && io.workerUrl !== undefined
      ? new EstimatePool(io.workerUrl, threads, current.text, defaults, (e) => note(`tamio-pricing serve: an estimate thread failed (${e.message}); answering on the main thread from now on`))
      : undefined
  const emulator = createEmulator({
    ...(pool !== undefined ? { threads: pool } : {}),
    store: current.store,
    info: info(current),
    keys,
    cors,
    defaults,
    ...(quiet ? {} : { log: note }),
    bodyTimeoutMs: Number.isFinite(envTimeout) && envTimeout > 0 ? envTimeout : BODY_TIMEOUT_MS,
  })
  try {
    await listen(emulator.server, portNumber, host)
  } catch (e) {
    await pool?.close()
    throw e
  }
  const address = emulator.server.address()
  const actual = typeof address === 'object' && address !== null ? address.port : portNumber
  const shownHost = host.includes(':') ? `[${host}]` : host
  io.stdout.write(`Tamio emulator listening on http://${shownHost}:${actual}\n`)
  const products = (l: LoadedStore) => `${l.products} product${l.products === 1 ? '' : 's'}`
  note(`tamio-pricing serve: ${shown(current.file)} (${products(current)})${keys.length > 0 ? `, ${keys.length} key${keys.length === 1 ? '' : 's'}` : ', any bearer key'}${watching ? ', watching for changes' : ''}; Ctrl-C stops`)

  let reloading = Promise.resolve()
  const reload = async () => {
    let text: string
    try {
      text = await readFile(current.file, 'utf8')
    } catch (e) {
      note(`tamio-pricing serve: store not reloaded (cannot read ${current.file}: ${e instanceof Error ? e.message : String(e)}); still serving the previous one`)
      return
    }
    if (text === current.text) return
    try {
      const next = storeFromText(current.file, text, io.createStore)
      current = next
      emulator.setStore(next.store, info(next))
      pool?.setStore(next.text)
      note(`tamio-pricing serve: store reloaded from ${next.file} (${products(next)})`)
      warn(next)
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e)
      note(`tamio-pricing serve: store not reloaded, still serving the previous one: ${why}`)
    }
  }
  const watcher = watching ? watchFile(current.file, () => (reloading = reloading.then(reload))) : undefined

  const signals = io.signals ?? process
  return new Promise<number>((resolve) => {
    let stopping = false
    const onSignal = (signal: 'SIGINT' | 'SIGTERM') => () => {
      if (stopping) {
        note(`tamio-pricing serve: ${signal} again: closing every connection now`)
        emulator.closeNow()
        finish(1)
        return
      }
      stopping = true
      const n = emulator.inFlight()
      note(`tamio-pricing serve: ${signal}: finishing ${n} in-flight request${n === 1 ? '' : 's'}, then stopping`)
      watcher?.close()
      void emulator.close().then(() => {
        note('tamio-pricing serve: stopped')
        finish(0)
      })
    }
    const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') }
    let done = false
    const finish = (code: number) => {
      if (done) return
      done = true
      watcher?.close()
      void pool?.close()
      signals.off('SIGINT', handlers.SIGINT)
      signals.off('SIGTERM', handlers.SIGTERM)
      resolve(code)
    }
    signals.on('SIGINT', handlers.SIGINT)
    signals.on('SIGTERM', handlers.SIGTERM)
  })
}

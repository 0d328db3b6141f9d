/**
 * Load on the emulator, loopback only: the built `tamio-pricing serve` as a child process on
 * 127.0.0.1 with a free port, autocannon (a dev dependency) driving it for a bounded time with the
 * bench's 20-line cart, every response body checked against `estimate()` in process (autocannon's
 * `expectBody`: a body that differs in one byte counts as a mismatch), and the server's memory
 * sampled from `GET /_emulator/health`. Used by `npm run load` (bench/load/run.ts) and by the CI
 * load test (test/serve/load.node.test.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { createStore, estimate, type EstimateRequest, type StoreConfig } from '../../src/index'
import { AT, makeRequest, makeStore } from '../data'

export const LOAD_AT = AT
export const KEY = 'load-test-key'

/** The bench's store (200 products) and one 20-line cart, with the answer the emulator must give. */
export function loadCart(lines = 20): { store: StoreConfig; request: EstimateRequest; body: string; expected: string } {
  const store = makeStore({ products: 200 }) as unknown as StoreConfig
  const request = makeRequest(lines, 200) as unknown as EstimateRequest
  const res = estimate(createStore(store), request, { at: AT })
  if (res.status !== 200) throw new Error(`the load cart does not estimate: ${JSON.stringify(res)}`)
  if (res.transaction.products.length !== lines) throw new Error(`the load cart has ${res.transaction.products.length} lines, not ${lines}`)
  return { store, request, body: JSON.stringify(request), expected: JSON.stringify(res) }
}

export interface Emulator {
  readonly url: string
  readonly port: number
  readonly proc: ChildProcess
  /** Lines written on stderr so far (the request log, one per request). */
  readonly logLines: () => number
  readonly stderr: () => string
  readonly exited: Promise<number | string | null>
  stop(): Promise<number | string | null>
}

/** Starts `node <cli> serve --port 0 …args` and waits for its URL. */
export async function startEmulator(cli: string, args: readonly string[], opts: { cwd?: string; env?: Record<string, string>; keepStderr?: boolean } = {}): Promise<Emulator> {
  const proc = spawn(process.execPath, [cli, 'serve', '--port', '0', ...args], { cwd: opts.cwd, env: { ...process.env, NO_COLOR: '1', ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  let lines = 0
  const keep = opts.keepStderr ?? true
  proc.stdout.setEncoding('utf8').on('data', (s: string) => (out += s))
  // Always drained (a full pipe would block the server's log writes); kept only when asked.
  proc.stderr.setEncoding('utf8').on('data', (s: string) => {
    for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) lines++
    if (keep) err += s
  })
  const exited = new Promise<number | string | null>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal)))
  const deadline = Date.now() + 30_000
  let m: RegExpExecArray | null
  while ((m = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(out)) === null) {
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`serve did not start (exit ${proc.exitCode}):\n${out}\n${err}`)
    await new Promise((r) => setTimeout(r, 25))
  }
  return {
    url: m[1]!,
    port: Number(m[2]),
    proc,
    logLines: () => lines,
    stderr: () => err,
    exited,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM')
      return exited
    },
  }
}

/** Writes the load store to `file` and starts the emulator on it, clock fixed at LOAD_AT. */
export async function startLoadEmulator(cli: string, storeFile: string, store: StoreConfig, extra: readonly string[] = []): Promise<Emulator> {
  writeFileSync(storeFile, JSON.stringify(store))
  return startEmulator(cli, ['-s', storeFile, '--at', LOAD_AT, '--key', KEY, ...extra], { keepStderr: false })
}

export interface LoadResult {
  readonly seconds: number
  readonly connections: number
  readonly requests: number
  readonly rps: number
  readonly p50: number
  readonly p99: number
  readonly max: number
  readonly errors: number
  readonly timeouts: number
  readonly non2xx: number
  readonly mismatches: number
}

/** `connections` keep-alive connections POSTing the cart for `seconds`; every body compared. */
export async function hammer(url: string, cart: { body: string; expected: string }, connections: number, seconds: number): Promise<LoadResult> {
  const r = await autocannon({
    url: `${url}/v2/transactions/estimate`,
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body: cart.body,
    expectBody: cart.expected,
    connections,
    duration: seconds,
    timeout: 10,
  })
  return {
    seconds,
    connections,
    requests: r.requests.total,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    mismatches: r.mismatches,
  }
}

export interface Memory {
  readonly at: number
  readonly rss: number
  readonly heapUsed: number
}

/** The emulator's own memory, from its health endpoint. */
export async function memory(url: string, t0: number): Promise<Memory> {
  const res = await fetch(`${url}/_emulator/health`, { headers: { authorization: `Bearer ${KEY}` } })
  const h = (await res.json()) as { memory: { rss: number; heap_used: number } }
  return { at: (Date.now() - t0) / 1000, rss: h.memory.rss, heapUsed: h.memory.heap_used }
}

export const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(1)} MB`

export function resultLine(r: LoadResult): string {
  return `${r.connections} connections × ${r.seconds} s: ${r.requests.toLocaleString('en-US')} requests, ${Math.round(r.rps).toLocaleString('en-US')} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms; errors ${r.errors}, timeouts ${r.timeouts}, non-2xx ${r.non2xx}, body mismatches ${r.mismatches}`
}

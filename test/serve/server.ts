/**
 * The emulator as a real child process for tests (Node-only helper): `tamio-pricing serve --port 0`
 * from the built binary, its URL read from the line it prints on stdout, its stderr (the request
 * log) collected, and helpers for HTTP on 127.0.0.1 with raw control when a test needs it.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { request as httpRequest } from 'node:http'
import { ROOT } from '../support/pkg'
import { binary } from '../cli/run'

export interface Served {
  readonly url: string
  readonly port: number
  readonly proc: ChildProcess
  readonly stderr: () => string
  /** Resolves when stderr matches (polling), rejects after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>
  /** SIGTERM and the exit code (or signal). */
  stop(): Promise<number | string | null>
  readonly exited: Promise<number | string | null>
}

/** `tamio-pricing serve --port 0 …args` from the built binary. */
export async function serve(args: readonly string[], env: Record<string, string> = {}): Promise<Served> {
  const proc = spawn(process.execPath, [binary(), 'serve', '--port', '0', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  proc.stdout.setEncoding('utf8').on('data', (s: string) => (out += s))
  proc.stderr.setEncoding('utf8').on('data', (s: string) => (err += s))
  const exited = new Promise<number | string | null>((resolve) => proc.once('exit', (code, signal) => resolve(code ?? signal)))
  const deadline = Date.now() + 30_000
  let m: RegExpMatchArray | null = null
  while ((m = /listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(out)) === null) {
    if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`serve did not start (exit ${proc.exitCode}):\n${out}\n${err}`)
    await new Promise((r) => setTimeout(r, 25))
  }
  const waitFor = async (pattern: RegExp, ms = 15_000) => {
    const end = Date.now() + ms
    for (;;) {
      const hit = pattern.exec(err)
      if (hit !== null) return hit
      if (Date.now() > end) throw new Error(`timed out waiting for ${pattern}; stderr:\n${err}`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  return {
    url: m[1]!,
    port: Number(m[2]),
    proc,
    stderr: () => err,
    waitFor,
    exited,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM')
      return exited
    },
  }
}

export interface Reply {
  readonly status: number
  readonly headers: Record<string, string | string[] | undefined>
  readonly text: string
  readonly json: unknown
}

/** One request with node:http (no connection reuse), the body as text and, when it parses, JSON. */
export function call(url: string, method: string, path: string, opts: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, headers: { connection: 'close', ...opts.headers }, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: unknown
        try {
          json = JSON.parse(text)
        } catch {
          json = undefined
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json })
      })
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

export const AUTH = { authorization: 'Bearer test-key' }

/** The first `n` bytes the server sends on a raw socket, and whether (and when) it closed. */
export async function rawExchange(port: number, send: (write: (s: string | Buffer) => void) => Promise<void> | void, ms = 30_000): Promise<{ text: string; closedAfterMs: number | null }> {
  const { connect } = await import('node:net')
  const socket = connect(port, '127.0.0.1')
  await once(socket, 'connect')
  const started = Date.now()
  let text = ''
  socket.setEncoding('utf8').on('data', (s: string) => (text += s))
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - started)))
  socket.on('error', () => undefined)
  await send((s) => void socket.write(s))
  const timer = new Promise<null>((resolve) => setTimeout(() => resolve(null), ms))
  const closedAfterMs = await Promise.race([closed, timer])
  socket.destroy()
  return { text, closedAfterMs }
}

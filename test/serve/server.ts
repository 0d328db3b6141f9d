/**
 * The emulator as a real child process for tests (Node-only helper): `tamio-pricing serve --port 0`
 * from the built binary, its URL read from the line it prints on stdout, its stderr (the request
 * log) collected, and helpers for HTTP on 127.0.0.1 with raw control when a test needs it.
 */
import { once } from 'node:events'
import { request as httpRequest } from 'node:http'
import { ROOT } from '../support/pkg'
import { type Emulator, startEmulator } from '../../bench/load/load'
import { binary } from '../cli/run'

export interface Served extends Emulator {
  /** Resolves when stderr matches (polling), rejects after `ms`. */
  waitFor(pattern: RegExp, ms?: number): Promise<RegExpMatchArray>
}

/** `tamio-pricing serve --port 0 …args` from the built binary. */
export async function serve(args: readonly string[], env: Record<string, string> = {}): Promise<Served> {
  const e = await startEmulator(binary(), args, { cwd: ROOT, env })
  const waitFor = async (pattern: RegExp, ms = 15_000) => {
    const end = Date.now() + ms
    for (;;) {
      const hit = pattern.exec(e.stderr())
      if (hit !== null) return hit
      if (Date.now() > end) throw new Error(`timed out waiting for ${pattern}; stderr:\n${e.stderr()}`)
      await new Promise((r) => setTimeout(r, 20))
    }
  }
  return { ...e, waitFor }
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

/**
 * The local Tamio emulator: an HTTP server (node:http) that answers the Transactions API's estimate
 * and create endpoints with numbers computed by the library, keeps created transactions in memory,
 * and answers every bad request with the API's JSON error envelope.
 *
 *   POST /v2/transactions/estimate   the estimate envelope; HTTP status = the envelope's status
 *   POST /v2/transactions/create     { status: 200, warnings, transaction: { id, object, order_id, … } }
 *   GET  /_emulator/transactions     { transactions: [...] } created so far, oldest first
 *   POST /_emulator/reset            forgets them and restarts order ids at 1
 *   GET  /_emulator/health           uptime, counts, store, memory
 *
 * Every route needs `Authorization: Bearer <key>`; OPTIONS (CORS preflight) needs none. Options come
 * from the server's defaults and, per request, from an `X-Tamio-Options` JSON header.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse, STATUS_CODES } from 'node:http'
import type { Socket } from 'node:net'
import { estimate, summarize, type EstimateOptions, type EstimateRequest, type Issue, type Store } from '../../index'
import { parseObject, readBody } from './body'
import { type ComputedAnswer, computeAnswer, requestOptions } from './worker'

export const BODY_LIMIT = 1024 * 1024
export const BODY_TIMEOUT_MS = 10_000

export interface StoreInfo {
  readonly file: string
  readonly products: number
  readonly warnings: number
}

export interface EmulatorConfig {
  readonly store: Store
  readonly info: StoreInfo
  /** Accepted bearer keys; empty: any non-empty key. */
  readonly keys: readonly string[]
  /** `Access-Control-Allow-Origin` (default `*`). */
  readonly cors?: string
  /** Options every request starts from (`--options`, `--at`); `X-Tamio-Options` overrides them. */
  readonly defaults?: EstimateOptions
  /** One line per request; none when absent. */
  readonly log?: (line: string) => void
  readonly bodyLimit?: number
  readonly bodyTimeoutMs?: number
  /**
   * Threads that compute estimate answers (`serve --threads`), so that the main thread only speaks
   * HTTP. Absent, or once they have failed: answers are computed on the main thread.
   */
  readonly threads?: EstimateThreads
}

/** Where estimate answers can be computed off the main thread (an `EstimatePool`). */
export interface EstimateThreads {
  /** How many threads compute. */
  readonly size: number
  readonly failed: boolean
  /** The answer to a request's body and `X-Tamio-Options` texts, both JSON objects; rejects when it cannot. */
  estimate(body: string, header: string | undefined): Promise<ComputedAnswer>
}

export interface Emulator {
  readonly server: Server
  /** Serves `store` from the next request on (a `--watch` reload). */
  setStore(store: Store, info: StoreInfo): void
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  close(): Promise<void>
  /** Cuts every connection now (a second Ctrl-C). */
  closeNow(): void
  readonly inFlight: () => number
}

interface Answer {
  readonly status: number
  readonly body: unknown
  readonly headers?: Readonly<Record<string, string>>
  /** For the log line: the error code or what was created. */
  readonly note?: string
  /** Close the connection after this answer. */
  readonly close?: boolean
  /** The body already serialized (then `body` is not). */
  readonly json?: string
}

type Handler = (req: IncomingMessage, body: Record<string, unknown> | undefined, text: string) => Answer | Promise<Answer>

interface Route {
  readonly methods: Readonly<Record<string, Handler>>
  readonly body: boolean
}

const ALLOWED_HEADERS = 'Authorization, Content-Type, X-Tamio-Options'

/** Codes the emulator answers with before a request reaches the library. */
export type HttpErrorCode = 'unauthorized' | 'not_found' | 'method_not_allowed' | 'payload_too_large' | 'request_timeout' | 'invalid_json' | 'headers_too_large' | 'bad_request' | 'internal_error'

/** The API's error envelope for one error. */
export function errorAnswer(status: number, code: HttpErrorCode | Issue['code'], message: string, path = '', extra: Partial<Answer> = {}): Answer {
  // The HTTP-level codes are the emulator's own (the library never emits them), so they are not
  // part of the library's IssueCode union.
  const errors: readonly { code: string; path: string; message: string }[] = [{ code, path, message }]
  return { status, body: { status, errors, warnings: [] }, note: code, ...extra }
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization
  const m = typeof h === 'string' ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(h) : null
  return m?.[1]
}

/** The `X-Tamio-Options` header's text, if any. */
function optionsHeader(req: IncomingMessage): string | undefined {
  const raw = req.headers['x-tamio-options']
  return raw === undefined ? undefined : Array.isArray(raw) ? raw.join(',') : raw
}

/** `X-Tamio-Options`: absent → {}, a JSON object → it, anything else → an issue. */
function headerOptions(req: IncomingMessage): { ok: true; value: EstimateOptions } | { ok: false; issue: Issue } {
  const text = optionsHeader(req)
  if (text === undefined) return { ok: true, value: {} }
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch (e) {
    return { ok: false, issue: { code: 'invalid_option', path: 'options', message: `the X-Tamio-Options header is not valid JSON: ${e instanceof Error ? e.message : String(e)}` } }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v))
    return { ok: false, issue: { code: 'invalid_option', path: 'options', message: `the X-Tamio-Options header must hold a JSON object of estimate options, not ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}` } }
  return { ok: true, value: v as EstimateOptions }
}

export function createEmulator(config: EmulatorConfig): Emulator {
  let store = config.store
  let info = config.info
  const keys = new Set(config.keys)
  const cors = config.cors ?? '*'
  const defaults = config.defaults ?? {}
  const limit = config.bodyLimit ?? BODY_LIMIT
  const timeoutMs = config.bodyTimeoutMs ?? BODY_TIMEOUT_MS
  const log = config.log
  const started = Date.now()
  let created: Record<string, unknown>[] = []
  let nextOrder = 1
  let requests = 0
  let active = 0
  let closing = false
  let loadedAt = new Date().toISOString()

  /** The request and its options (the server's defaults under X-Tamio-Options), or the header's 400. */
  const prepare = (req: IncomingMessage, body: Record<string, unknown> | undefined): { request: EstimateRequest; options: EstimateOptions } | Answer => {
    const opts = headerOptions(req)
    if (!opts.ok) return { status: 400, body: { status: 400, errors: [opts.issue], warnings: [] }, note: 'invalid_option' }
    return { request: (body ?? {}) as unknown as EstimateRequest, options: requestOptions(defaults, opts.value) }
  }

  const answer = (a: ComputedAnswer): Answer => ({ status: a.status, body: undefined, json: a.json, ...(a.note !== undefined ? { note: a.note } : {}) })
  const threads = config.threads
  const estimateRoute: Handler = (req, body, text) => {
    const p = prepare(req, body)
    if ('status' in p) return p
    const here = () => answer(computeAnswer(store, p.request, p.options))
    if (threads === undefined || threads.failed) return here()
    // A thread that fails leaves its requests to the main thread: the answer is the same.
    return threads.estimate(text, optionsHeader(req)).then(answer, here)
  }

  const createRoute: Handler = (req, body) => {
    const p = prepare(req, body)
    if ('status' in p) return p
    const res = estimate(store, p.request, p.options)
    const pm = p.options.payment_method
    const s = summarize(res, typeof pm === 'string' ? { payment_method: pm } : {})
    if (s.status !== 200) return { status: s.status, body: s, note: s.errors[0]?.code ?? 'rejected' }
    const orderId = nextOrder++
    // The API's key order: id, object, order_id, then the rest.
    const { object, ...rest } = s.transaction
    const transaction = { id: randomUUID(), object, order_id: orderId, ...rest }
    created.push(transaction)
    return { status: 200, body: { ...s, transaction }, note: `order ${orderId}` }
  }

  const routes: Readonly<Record<string, Route>> = {
    '/v2/transactions/estimate': { methods: { POST: estimateRoute }, body: true },
    '/v2/transactions/create': { methods: { POST: createRoute }, body: true },
    '/_emulator/transactions': { methods: { GET: () => ({ status: 200, body: { transactions: created } }) }, body: false },
    '/_emulator/reset': {
      methods: {
        POST: () => {
          const cleared = created.length
          created = []
          nextOrder = 1
          return { status: 200, body: { status: 200, cleared }, note: `cleared ${cleared}` }
        },
      },
      body: false,
    },
    '/_emulator/health': {
      methods: {
        GET: () => {
          const m = process.memoryUsage()
          return {
            status: 200,
            body: {
              status: 200,
              uptime_s: Math.round((Date.now() - started) / 1000),
              requests,
              in_flight: active - 1,
              transactions: created.length,
              // Threads computing estimate answers: 0 when the main thread does (--threads 0, or after a failure).
              threads: threads === undefined || threads.failed ? 0 : threads.size,
              store: { file: info.file, products: info.products, warnings: info.warnings, loaded_at: loadedAt },
              memory: { rss: m.rss, heap_used: m.heapUsed },
            },
          }
        },
      },
      body: false,
    },
  }

  const corsHeaders = (): Record<string, string> => (cors === '*' ? { 'Access-Control-Allow-Origin': '*' } : { 'Access-Control-Allow-Origin': cors, Vary: 'Origin' })

  const send = (req: IncomingMessage, res: ServerResponse, a: Answer, t0: bigint): void => {
    if (res.headersSent || res.destroyed) return
    const body = a.status === 204 ? '' : (a.json ?? JSON.stringify(a.body))
    // Its UTF-8 length is the Content-Length. A body as long in bytes as in characters is ASCII,
    // whose UTF-8 bytes are its Latin-1 bytes: written as Latin-1, a copy instead of an encoding
    // (most answers: the API's amounts, codes and ids; a name with an accent takes the UTF-8 path).
    const length = Buffer.byteLength(body, 'utf8')
    const headers: Record<string, string | number> = { ...corsHeaders(), ...a.headers }
    if (a.status !== 204) {
      headers['Content-Type'] = 'application/json; charset=utf-8'
      headers['Content-Length'] = length
    }
    if (a.close === true || closing) headers.Connection = 'close'
    res.writeHead(a.status, headers)
    // Any other body goes out as a Buffer: written as a string, the head would go out in its
    // encoding too, and a header with a character past 0x7f (an accented --cors origin) would
    // change bytes with the body.
    if (length === body.length) res.end(body, 'latin1')
    else res.end(Buffer.from(body, 'utf8'))
    if (log !== undefined) {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6
      log(`${new Date().toISOString()} ${req.method ?? '-'} ${req.url ?? '-'} ${a.status} ${ms.toFixed(1)}ms${a.note !== undefined ? ` ${a.note}` : ''}`)
    }
  }

  /**
   * An answer given without reading the body (OPTIONS, 401, 404, 405, the GET routes): the body is
   * read and dropped first, under the same time limit, so a client still sending is never reset
   * before it reads the answer.
   */
  const early = async (req: IncomingMessage, res: ServerResponse, a: Answer, t0: bigint): Promise<void> => {
    const r = await readBody(req, 0, timeoutMs)
    if (r.kind === 'aborted') return
    const cut = r.kind === 'timeout' || (r.kind === 'too_large' && !r.complete)
    if (cut) res.once('finish', () => req.socket.destroy())
    send(req, res, cut ? { ...a, close: true } : a, t0)
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const t0 = process.hrtime.bigint()
    requests++
    const url = req.url ?? '/'
    const q = url.indexOf('?')
    const path = q >= 0 ? url.slice(0, q) : url
    const route = Object.prototype.hasOwnProperty.call(routes, path) ? routes[path] : undefined
    const method = req.method ?? 'GET'
    const allow = route === undefined ? '' : [...Object.keys(route.methods), 'OPTIONS'].join(', ')
    if (method === 'OPTIONS') {
      if (route === undefined) return early(req, res, errorAnswer(404, 'not_found', `no route ${path} (the emulator serves POST /v2/transactions/estimate and /v2/transactions/create)`), t0)
      const requested = req.headers['access-control-request-headers']
      return early(
        req,
        res,
        {
          status: 204,
          body: null,
          note: 'preflight',
          headers: {
            Allow: allow,
            'Access-Control-Allow-Methods': allow,
            'Access-Control-Allow-Headers': typeof requested === 'string' && requested.trim() !== '' ? requested : ALLOWED_HEADERS,
            'Access-Control-Max-Age': '600',
          },
        },
        t0,
      )
    }
    const key = bearer(req)
    if (key === undefined || (keys.size > 0 && !keys.has(key)))
      return early(
        req,
        res,
        errorAnswer(401, 'unauthorized', key === undefined ? 'an Authorization: Bearer <key> header is required' : 'this key is not accepted by the emulator (see its --key options)', 'headers.authorization', {
          headers: { 'WWW-Authenticate': 'Bearer realm="tamio-emulator"' },
        }),
        t0,
      )
    if (route === undefined) return early(req, res, errorAnswer(404, 'not_found', `no route ${path} (the emulator serves POST /v2/transactions/estimate and /v2/transactions/create)`), t0)
    const handler = Object.prototype.hasOwnProperty.call(route.methods, method) ? route.methods[method] : undefined
    if (handler === undefined) return early(req, res, errorAnswer(405, 'method_not_allowed', `${method} is not allowed on ${path} (allowed: ${allow})`, '', { headers: { Allow: allow } }), t0)
    if (!route.body) return early(req, res, await handler(req, undefined, ''), t0)
    const r = await readBody(req, limit, timeoutMs)
    if (r.kind === 'aborted') return
    // Cut at the time limit (a stalled body, or an oversized one still arriving): answer, then close.
    const cut = r.kind === 'timeout' || (r.kind === 'too_large' && !r.complete)
    if (cut) res.once('finish', () => req.socket.destroy())
    if (r.kind === 'too_large') return send(req, res, errorAnswer(413, 'payload_too_large', `the body is larger than ${limit.toLocaleString('en-US')} bytes`, '', { close: cut }), t0)
    if (r.kind === 'timeout') return send(req, res, errorAnswer(408, 'request_timeout', `the body was not received within ${timeoutMs / 1000} s`, '', { close: true }), t0)
    const parsed = parseObject(r.bytes)
    if (!parsed.ok) return send(req, res, errorAnswer(400, 'invalid_json', parsed.message), t0)
    return send(req, res, await handler(req, parsed.value, parsed.text), t0)
  }

  // Requests in progress per connection: on close, connections with none (idle keep-alive ones, and
  // ones that never sent a request) are cut; the others close after their answer (Connection: close).
  const sockets = new Map<Socket, number>()
  const server = createServer((req, res) => {
    active++
    const socket = req.socket
    sockets.set(socket, (sockets.get(socket) ?? 0) + 1)
    res.once('close', () => {
      active--
      const left = (sockets.get(socket) ?? 1) - 1
      if (sockets.has(socket)) sockets.set(socket, left)
      if (closing && left === 0) socket.destroySoon()
    })
    handle(req, res).catch((e: unknown) => {
      send(req, res, errorAnswer(500, 'internal_error', `the emulator failed: ${e instanceof Error ? e.message : String(e)}`), process.hrtime.bigint())
    })
  })
  server.on('connection', (socket: Socket) => {
    sockets.set(socket, 0)
    socket.once('close', () => sockets.delete(socket))
  })
  // Malformed HTTP gets the same JSON envelope, written on the raw socket.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy()
      return
    }
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
    const code = status === 431 ? 'headers_too_large' : status === 408 ? 'request_timeout' : 'bad_request'
    const message = status === 431 ? 'the request headers are larger than the server accepts' : status === 408 ? 'the request headers were not received in time' : `malformed HTTP request (${err.code ?? err.message})`
    const body = JSON.stringify({ status, errors: [{ code, path: '', message }], warnings: [] })
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`)
    log?.(`${new Date().toISOString()} - - ${status} ${code} (${err.code ?? err.message})`)
  })

  return {
    server,
    setStore(s, i) {
      store = s
      info = i
      loadedAt = new Date().toISOString()
    },
    close() {
      closing = true
      return new Promise<void>((resolve) => {
        server.close(() => resolve())
        for (const [socket, n] of sockets) if (n === 0) socket.destroy()
      })
    },
    closeNow() {
      closing = true
      server.closeAllConnections()
    },
    inFlight: () => active,
  }
}

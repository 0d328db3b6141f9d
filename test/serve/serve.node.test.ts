/**
 * `tamio-pricing serve` as a real process on 127.0.0.1 (port 0), spoken to with real HTTP: the
 * fixtures through the emulator equal `estimate()` / `summarize()` in process, created transactions
 * get UUIDs and order ids from 1, and every bad request — no or wrong key, unknown route, wrong
 * method, a body over 1 MiB, invalid JSON, a bad X-Tamio-Options header, malformed HTTP, a body that
 * stalls — is answered with the API's JSON envelope while the server keeps serving.
 */
import { readFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStore, estimate, summarize, type EstimateOptions, type EstimateRequest, type StoreConfig } from '../../src/index'
import { FIXTURE_AT, FIXTURES } from '../cli/run'
import { AUTH, call, rawExchange, type Reply, serve, type Served } from './server'

const read = (fixture: string, file: string): unknown => JSON.parse(readFileSync(join(FIXTURES, fixture, file), 'utf8'))
const storeOf = (fixture: string) => createStore(read(fixture, 'store.json') as StoreConfig)
const AT_HEADER = { 'x-tamio-options': JSON.stringify({ at: FIXTURE_AT }) }
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
/** The in-process answer as it goes over the wire. */
const wire = (x: unknown): unknown => JSON.parse(JSON.stringify(x))

let est: Served
let cre: Served
let open: Served
let oneThread: Served

beforeAll(async () => {
  ;[est, cre, open] = await Promise.all([
    serve(['-s', join(FIXTURES, 'api-estimate-de', 'store.json'), '--key', 'test-key', '--key', 'second-key'], { TAMIO_EMULATOR_BODY_TIMEOUT_MS: '600' }),
    serve(['-s', join(FIXTURES, 'api-create-de', 'store.json'), '-k', 'test-key']),
    serve(['-s', join(FIXTURES, 'api-estimate-de', 'store.json'), '--cors', 'http://localhost:5173', '--quiet']),
  ])
  // Every answer computed on the thread that speaks HTTP (the others compute on a thread of their own).
  oneThread = await serve(['-s', join(FIXTURES, 'api-estimate-de', 'store.json'), '--key', 'test-key', '--threads', '0', '--quiet'])
})
afterAll(async () => {
  await Promise.all([est, cre, open, oneThread].filter(Boolean).map((s) => s.stop()))
})

const post = (s: Served, path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(s.url, 'POST', path, { headers: { ...AUTH, 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) })

/** An estimate answer as bytes, with its Content-Length. */
const raw = (body: unknown, server: Served = est, headers: Record<string, string> = AT_HEADER) =>
  new Promise<{ length: number; bytes: Buffer }>((resolve, reject) => {
    const req = httpRequest(`${server.url}/v2/transactions/estimate`, { method: 'POST', headers: { ...AUTH, ...headers, connection: 'close' }, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ length: Number(res.headers['content-length']), bytes: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end(typeof body === 'string' ? body : JSON.stringify(body))
  })

/** A non-200 answer: the API's envelope, as JSON, its status equal to the HTTP status. */
function expectEnvelope(r: Reply, status: number, code: string, path?: string): void {
  expect(r.status, r.text).toBe(status)
  expect(r.headers['content-type']).toBe('application/json; charset=utf-8')
  expect(r.json).toMatchObject({ status, warnings: [] })
  const errors = (r.json as { errors: { code: string; path: string; message: string }[] }).errors
  expect(errors[0]).toMatchObject({ code, ...(path !== undefined ? { path } : {}) })
  expect(typeof errors[0]!.message).toBe('string')
  expect(errors[0]!.message.length).toBeGreaterThan(0)
}

describe('POST /v2/transactions/estimate', () => {
  it('each fixture through the emulator equals estimate() in process; the HTTP status is the envelope\'s', async () => {
    for (const [server, fixture] of [[est, 'api-estimate-de'], [cre, 'api-create-de']] as const) {
      const request = read(fixture, 'request.json') as EstimateRequest
      const r = await post(server, '/v2/transactions/estimate', request, AT_HEADER)
      expect(r.status).toBe(200)
      expect(r.json).toEqual(wire(estimate(storeOf(fixture), request, { at: FIXTURE_AT })))
    }
    const r = await post(est, '/v2/transactions/estimate', read('api-estimate-de', 'request.json'), AT_HEADER)
    expect((r.json as { transaction: { totals: { total: number } } }).transaction.totals.total).toBe(10000 + 1900 + 1312 + 249)
  })

  it('a request the API rejects answers 400 with the same envelope as estimate()', async () => {
    const request = { products: [{ id: 'nope' }], customer: { id: '9c91c6eb-9146-4bf5-82da-dc73aba59a46' } } as EstimateRequest
    const r = await post(est, '/v2/transactions/estimate', request, AT_HEADER)
    expect(r.status).toBe(400)
    expect(r.json).toEqual(wire(estimate(storeOf('api-estimate-de'), request, { at: FIXTURE_AT })))
  })

  it('X-Tamio-Options: its options apply; an invalid value is estimate()\'s own 400; a header that is not a JSON object is invalid_option', async () => {
    const request = read('api-estimate-de', 'request.json') as EstimateRequest
    const options: EstimateOptions = { at: FIXTURE_AT, instalment_rounding: 'exact', rounding: 'half_even' }
    const r = await post(est, '/v2/transactions/estimate', request, { 'x-tamio-options': JSON.stringify(options) })
    expect(r.json).toEqual(wire(estimate(storeOf('api-estimate-de'), request, options)))
    expect((r.json as { transaction: { instalments: { total_amount: number }[] } }).transaction.instalments[0]!.total_amount).toBe(17499) // exact keeps the cent
    const bad = { at: FIXTURE_AT, rounding: 'sideways' } as unknown as EstimateOptions
    const rb = await post(est, '/v2/transactions/estimate', request, { 'x-tamio-options': JSON.stringify(bad) })
    expect(rb.status).toBe(400)
    expect(rb.json).toEqual(wire(estimate(storeOf('api-estimate-de'), request, bad)))
    expectEnvelope(rb, 400, 'invalid_option', 'options.rounding')
    expectEnvelope(await post(est, '/v2/transactions/estimate', request, { 'x-tamio-options': '{"at": ' }), 400, 'invalid_option', 'options')
    expectEnvelope(await post(est, '/v2/transactions/estimate', request, { 'x-tamio-options': '["half_up"]' }), 400, 'invalid_option', 'options')
  })
})


describe('the bytes on the wire', () => {
  // An ASCII answer goes out as Latin-1 (its UTF-8 bytes are the same bytes), any other as UTF-8:
  // either way the body is byte for byte the UTF-8 of estimate()'s JSON, and Content-Length counts
  // bytes, not characters.
  it('an ASCII answer and one with accents, a euro sign and an astral character are the UTF-8 of estimate(), with their byte length', async () => {
    const base = read('api-estimate-de', 'request.json') as EstimateRequest
    const plain = { ...base, products: [...base.products, { name: 'Gift wrap', price: 250 }] } as EstimateRequest
    const accented = { ...base, products: [...base.products, { name: 'Geschenkpapier für Grüße – 5 € ☕ 😀', price: 250 }] } as EstimateRequest
    for (const request of [plain, accented]) {
      const expected = Buffer.from(JSON.stringify(estimate(storeOf('api-estimate-de'), request, { at: FIXTURE_AT })), 'utf8')
      const got = await raw(request)
      expect(got.bytes.equals(expected), got.bytes.toString('utf8').slice(0, 300)).toBe(true)
      expect(got.length).toBe(expected.length)
    }
    // The accented answer really is longer in bytes than in characters (so both paths ran).
    const text = JSON.stringify(estimate(storeOf('api-estimate-de'), accented, { at: FIXTURE_AT }))
    expect(Buffer.byteLength(text)).toBeGreaterThan(text.length)
    expect(text).toContain('Grüße – 5 € ☕ 😀')
  })

  it('the head is the same bytes whatever the body: a --cors origin with a character past 0x7f goes out as Latin-1 beside an ASCII and a UTF-8 body', async () => {
    const origin = 'http://bücher.example'
    const s = await serve(['-s', join(FIXTURES, 'api-estimate-de', 'store.json'), '--key', 'test-key', '--cors', origin, '--quiet'])
    try {
      const base = read('api-estimate-de', 'request.json') as EstimateRequest
      for (const name of ['Gift wrap', 'Grüße']) {
        const r = await post(s, '/v2/transactions/estimate', { ...base, products: [...base.products, { name, price: 250 }] }, AT_HEADER)
        expect(r.status).toBe(200)
        // node:http reads header bytes as Latin-1: one byte 0xfc is 'ü', UTF-8's 0xc3 0xbc would be 'Ã¼'.
        expect(r.headers['access-control-allow-origin'], name).toBe(origin)
        expect(r.text).toContain(name)
      }
    } finally {
      await s.stop()
    }
  })
})
describe('POST /v2/transactions/create and the transactions list', () => {
  it('creates: summarize(estimate()) plus a fresh UUID and order ids 1, 2, 3; listed oldest first; reset clears and restarts at 1', async () => {
    const request = read('api-create-de', 'request.json') as EstimateRequest
    const expected = summarize(estimate(storeOf('api-create-de'), request, { at: FIXTURE_AT }))
    expect(expected.status).toBe(200)
    if (expected.status !== 200) return
    expect((await call(cre.url, 'POST', '/_emulator/reset', { headers: AUTH })).status).toBe(200)
    const made: { id: string; order_id: number }[] = []
    for (let i = 0; i < 3; i++) {
      const r = await post(cre, '/v2/transactions/create', request, AT_HEADER)
      expect(r.status).toBe(200)
      const body = r.json as { status: number; transaction: { id: string; order_id: number; object: string } }
      const { id, order_id, ...rest } = body.transaction
      expect(id).toMatch(UUID)
      expect(order_id).toBe(i + 1)
      expect(rest).toEqual(wire(expected.transaction))
      expect(Object.keys(body.transaction).slice(0, 3)).toEqual(['id', 'object', 'order_id']) // the API's order
      expect(body.status).toBe(200)
      made.push({ id, order_id })
    }
    expect(new Set(made.map((m) => m.id)).size).toBe(3)
    // A 400 passes through and stores nothing.
    const bad = { products: [{ id: 'nope' }], customer: { id: 'c1d2e3f4-a5b6-7890-abcd-ef1234567890' } } as EstimateRequest
    const rejected = await post(cre, '/v2/transactions/create', bad, AT_HEADER)
    expect(rejected.status).toBe(400)
    expect(rejected.json).toEqual(wire(estimate(storeOf('api-create-de'), bad, { at: FIXTURE_AT })))
    const list = await call(cre.url, 'GET', '/_emulator/transactions', { headers: AUTH })
    expect(list.status).toBe(200)
    const listed = (list.json as { transactions: { id: string; order_id: number }[] }).transactions
    expect(listed.map((t) => ({ id: t.id, order_id: t.order_id }))).toEqual(made)
    // The next order id follows the last created one (the rejected request took none).
    const fourth = await post(cre, '/v2/transactions/create', request, AT_HEADER)
    expect((fourth.json as { transaction: { order_id: number } }).transaction.order_id).toBe(4)
    const reset = await call(cre.url, 'POST', '/_emulator/reset', { headers: AUTH })
    expect(reset.json).toEqual({ status: 200, cleared: 4 })
    expect((await call(cre.url, 'GET', '/_emulator/transactions', { headers: AUTH })).json).toEqual({ transactions: [] })
    const again = await post(cre, '/v2/transactions/create', request, AT_HEADER)
    expect((again.json as { transaction: { order_id: number } }).transaction.order_id).toBe(1)
  })

  it('payment_method from X-Tamio-Options is the selected payment, as summarize() selects it', async () => {
    const request = read('api-create-de', 'request.json') as EstimateRequest
    const r = await post(cre, '/v2/transactions/create', request, { 'x-tamio-options': JSON.stringify({ at: FIXTURE_AT, payment_method: 'mollie' }) })
    const expected = summarize(estimate(storeOf('api-create-de'), request, { at: FIXTURE_AT, payment_method: 'mollie' }), { payment_method: 'mollie' })
    expect(expected.status === 200 && expected.transaction.payments.selected).toBe('mollie')
    expect((r.json as { transaction: { payments: unknown } }).transaction.payments).toEqual(expected.status === 200 ? wire(expected.transaction.payments) : null)
  })
})

describe('keys', () => {
  const request = read('api-estimate-de', 'request.json')
  it('401 unauthorized without a bearer, with an empty one, another scheme, or a key not given with --key', async () => {
    for (const headers of [{}, { authorization: 'Bearer ' }, { authorization: 'Basic dGVzdDp0ZXN0' }, { authorization: 'Bearer wrong-key' }, { authorization: 'test-key' }]) {
      const r = await call(est.url, 'POST', '/v2/transactions/estimate', { headers, body: JSON.stringify(request) })
      expectEnvelope(r, 401, 'unauthorized', 'headers.authorization')
      expect(r.headers['www-authenticate']).toMatch(/^Bearer /)
    }
  })

  it('a client without a key still sending a large body (and asking to close) reads its 401, not a reset', async () => {
    const body = JSON.stringify({ products: [{ id: 'x', note: 'y'.repeat(900_000) }] })
    const r = await rawExchange(est.port, (write) => {
      write(`POST /v2/transactions/estimate HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`)
      for (let i = 0; i < body.length; i += 64 * 1024) write(body.slice(i, i + 64 * 1024))
    }, 15_000)
    expect(r.text).toMatch(/^HTTP\/1\.1 401 /)
    expect(r.text).toContain('"code":"unauthorized"')
  })

  it('each --key passes (the scheme in any case); without --key any non-empty bearer does', async () => {
    for (const authorization of ['Bearer test-key', 'bearer second-key', 'BEARER  test-key ']) expect((await post(est, '/v2/transactions/estimate', request, { authorization })).status).toBe(200)
    expect((await post(open, '/v2/transactions/estimate', request, { authorization: 'Bearer anything-at-all' })).status).toBe(200)
    expectEnvelope(await call(open.url, 'POST', '/v2/transactions/estimate', { body: JSON.stringify(request) }), 401, 'unauthorized')
  })
})

describe('bad requests: JSON envelopes, and the server keeps serving', () => {
  it('404 not_found for an unknown route; 405 method_not_allowed with Allow for a wrong method', async () => {
    expectEnvelope(await call(est.url, 'GET', '/v2/transactions', { headers: AUTH }), 404, 'not_found')
    expectEnvelope(await call(est.url, 'POST', '/v2/transactions/estimate/', { headers: AUTH, body: '{}' }), 404, 'not_found')
    const r = await call(est.url, 'GET', '/v2/transactions/estimate', { headers: AUTH })
    expectEnvelope(r, 405, 'method_not_allowed')
    expect(r.headers.allow).toBe('POST, OPTIONS')
    const list = await call(est.url, 'DELETE', '/_emulator/transactions', { headers: AUTH })
    expectEnvelope(list, 405, 'method_not_allowed')
    expect(list.headers.allow).toBe('GET, OPTIONS')
  })

  it('400 invalid_json: invalid JSON, an empty body, an array, null, a string, invalid UTF-8', async () => {
    for (const body of ['{"products": [', '', '[]', 'null', '"text"', Buffer.from([0x7b, 0xff, 0xfe, 0x7d])]) {
      expectEnvelope(await call(est.url, 'POST', '/v2/transactions/estimate', { headers: AUTH, body }), 400, 'invalid_json', '')
      expectEnvelope(await call(cre.url, 'POST', '/v2/transactions/create', { headers: AUTH, body }), 400, 'invalid_json', '')
    }
  })

  it('413 payload_too_large over 1 MiB (declared or streamed); exactly 1 MiB is read', async () => {
    const request = JSON.stringify(read('api-estimate-de', 'request.json'))
    const exact = request + ' '.repeat(1024 * 1024 - Buffer.byteLength(request))
    expect(Buffer.byteLength(exact)).toBe(1024 * 1024)
    expect((await post(est, '/v2/transactions/estimate', exact, AT_HEADER)).status).toBe(200)
    expectEnvelope(await post(est, '/v2/transactions/estimate', `${exact} `, AT_HEADER), 413, 'payload_too_large')
    // Streamed without a length (chunked): cut at the limit all the same.
    const streamed = await rawExchange(est.port, async (write) => {
      write(`POST /v2/transactions/estimate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer test-key\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`)
      const piece = 'x'.repeat(64 * 1024)
      for (let i = 0; i < 20; i++) write(`${piece.length.toString(16)}\r\n${piece}\r\n`)
      write('0\r\n\r\n')
    }, 10_000)
    expect(streamed.text).toMatch(/^HTTP\/1\.1 413 /)
    expect(streamed.text).toContain('"code":"payload_too_large"')
    // Over the limit and then stalled: the 413 comes at the body time limit (0.6 s here), and the
    // connection is cut.
    const stalled = await rawExchange(est.port, (write) => {
      write(`POST /v2/transactions/estimate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer test-key\r\nContent-Length: ${2 * 1024 * 1024}\r\n\r\n`)
      write('x'.repeat(1024 * 1024 + 10))
    }, 15_000)
    expect(stalled.text).toMatch(/^HTTP\/1\.1 413 [^]*\r\nConnection: close\r\n/)
    expect(stalled.closedAfterMs).not.toBeNull()
    expect(stalled.closedAfterMs!).toBeGreaterThanOrEqual(500)
  })

  it('malformed HTTP gets a JSON 400 bad_request', async () => {
    const r = await rawExchange(est.port, (write) => write('THIS IS NOT HTTP\r\n\r\n'), 10_000)
    expect(r.text).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/)
    const body = JSON.parse(r.text.slice(r.text.indexOf('\r\n\r\n') + 4)) as { status: number; errors: { code: string }[] }
    expect(body).toMatchObject({ status: 400, errors: [{ code: 'bad_request' }], warnings: [] })
  })

  it('a body that stalls is cut with 408 request_timeout after the body timeout (here 0.6 s), and the connection closed', async () => {
    const r = await rawExchange(est.port, (write) => {
      write('POST /v2/transactions/estimate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer test-key\r\nContent-Length: 100\r\n\r\n{"products"')
    }, 15_000)
    expect(r.closedAfterMs).not.toBeNull()
    expect(r.closedAfterMs!).toBeGreaterThanOrEqual(500)
    expect(r.text).toMatch(/^HTTP\/1\.1 408 /)
    expect(r.text).toContain('"code":"request_timeout"')
  })

  it('after all of that the server still answers, and logged one line per request on stderr', async () => {
    const request = read('api-estimate-de', 'request.json')
    const before = est.stderr().split('\n').length
    expect((await post(est, '/v2/transactions/estimate', request, AT_HEADER)).status).toBe(200)
    await call(est.url, 'GET', '/nope', { headers: AUTH })
    await est.waitFor(/GET \/nope 404 [\d.]+ms not_found\n/)
    const lines = est.stderr().split('\n').slice(before - 1).filter(Boolean)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z POST \/v2\/transactions\/estimate 200 [\d.]+ms$/)
    // --quiet: no request log at all.
    expect(open.stderr()).not.toMatch(/ POST \/v2\/transactions\/estimate /)
  })
})

describe('CORS', () => {
  it('a preflight is answered without a key: 204 with the allowed methods and headers', async () => {
    const r = await call(est.url, 'OPTIONS', '/v2/transactions/estimate', { headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, x-tamio-options' } })
    expect(r.status).toBe(204)
    expect(r.headers['access-control-allow-origin']).toBe('*')
    expect(r.headers['access-control-allow-methods']).toBe('POST, OPTIONS')
    expect(String(r.headers['access-control-allow-headers']).toLowerCase()).toContain('x-tamio-options')
    expect(r.text).toBe('')
    // Answers carry the header too, errors included, so a browser can read them.
    const ok = await post(est, '/v2/transactions/estimate', read('api-estimate-de', 'request.json'), AT_HEADER)
    expect(ok.headers['access-control-allow-origin']).toBe('*')
    expect((await call(est.url, 'POST', '/v2/transactions/estimate', { body: '{}' })).headers['access-control-allow-origin']).toBe('*')
  })

  it('--cors ORIGIN names that origin (and says Vary: Origin)', async () => {
    const r = await call(open.url, 'OPTIONS', '/v2/transactions/create', { headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' } })
    expect(r.status).toBe(204)
    expect(r.headers['access-control-allow-origin']).toBe('http://localhost:5173')
    expect(r.headers.vary).toBe('Origin')
    expect(String(r.headers['access-control-allow-headers'])).toBe('Authorization, Content-Type, X-Tamio-Options')
  })
})

describe('GET /_emulator/health', () => {
  it('reports the store and counts', async () => {
    const r = await call(est.url, 'GET', '/_emulator/health', { headers: AUTH })
    expect(r.status).toBe(200)
    const h = r.json as { status: number; store: { products: number; warnings: number }; memory: { rss: number }; requests: number }
    expect(h.store.products).toBe((read('api-estimate-de', 'store.json') as { products: unknown[] }).products.length)
    expect(h.store.warnings).toBe(0)
    expect(h.memory.rss).toBeGreaterThan(0)
    expect(h.requests).toBeGreaterThan(0)
    // One thread computes estimates by default; --threads 0 leaves them to the HTTP thread.
    expect((r.json as { threads: number }).threads).toBe(1)
    expect(((await call(oneThread.url, 'GET', '/_emulator/health', { headers: AUTH })).json as { threads: number }).threads).toBe(0)
  })
})

describe('answers computed on a thread of their own', () => {
  it('are byte for byte those computed on the HTTP thread (--threads 0) and in process: hostile keys, options, rejections, a byte order mark', async () => {
    const base = read('api-estimate-de', 'request.json') as EstimateRequest
    const store = storeOf('api-estimate-de')
    // Bodies as texts: JSON.parse makes "__proto__" an own key, as the emulator's own parse does.
    const cases: { body: string; options: EstimateOptions }[] = [
      { body: JSON.stringify(base), options: { at: FIXTURE_AT } },
      { body: '{"__proto__": {"strict": true}, "products": [{"id": "bb7d96d5-6b43-4b01-9f8c-089b3d37d951", "__proto__": 1}], "customer": {"id": "9c91c6eb-9146-4bf5-82da-dc73aba59a46"}}', options: { at: FIXTURE_AT } },
      { body: JSON.stringify({ ...base, coupons: ['NOPE'] }), options: { at: FIXTURE_AT, strict: true, rounding: 'half_even' } },
      { body: JSON.stringify({ products: [] }), options: { at: FIXTURE_AT } },
      { body: `\ufeff${JSON.stringify(base)}`, options: { at: FIXTURE_AT, tax_rounding: 'unit' } },
    ]
    for (const c of cases) {
      const text = c.body.charCodeAt(0) === 0xfeff ? c.body.slice(1) : c.body
      const expected = Buffer.from(JSON.stringify(estimate(store, JSON.parse(text) as EstimateRequest, c.options)), 'utf8')
      const headers = { 'x-tamio-options': JSON.stringify(c.options) }
      for (const server of [est, oneThread]) {
        const got = await raw(c.body, server, headers)
        expect(got.bytes.toString('utf8'), c.body.slice(0, 60)).toBe(expected.toString('utf8'))
        expect(got.length).toBe(expected.length)
      }
    }
    // Still computed on its thread (a failed thread would have left them to the HTTP thread, unseen).
    expect(((await call(est.url, 'GET', '/_emulator/health', { headers: AUTH })).json as { threads: number }).threads).toBe(1)
    expect(est.stderr()).not.toMatch(/estimate thread failed/)
    // The cases are not all the same answer: a 200, a 400 and a warning among them.
    const statuses = cases.map((c) => estimate(store, JSON.parse(c.body.replace(/^\ufeff/, '')) as EstimateRequest, c.options).status)
    expect(new Set(statuses)).toEqual(new Set([200, 400]))
  })
})

/**
 * The emulator's life as a process: `--watch` reloads a changed store (and keeps the old one when
 * the new file is half-written or invalid), SIGTERM and SIGINT finish the request in flight and exit
 * 0. (The real 10 s default of the stalled-body cut is tested next to the load test, concurrently.)
 */
import { once } from 'node:events'
import { closeSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateRequest, type StoreConfig } from '../../src/index'
import { FIXTURE_AT, FIXTURES } from '../cli/run'
import { AUTH, call, serve, type Served } from './server'

const FIX = join(FIXTURES, 'api-estimate-de')
const REQUEST = JSON.parse(readFileSync(join(FIX, 'request.json'), 'utf8')) as EstimateRequest
const BASE = JSON.parse(readFileSync(join(FIX, 'store.json'), 'utf8')) as StoreConfig & { products: { price: number; pricing_model: { price: number }[] }[] }
const AT_HEADER = { 'x-tamio-options': JSON.stringify({ at: FIXTURE_AT }) }

/** The fixture store with its one product at `price`. */
function priced(price: number): StoreConfig {
  const c = JSON.parse(JSON.stringify(BASE)) as typeof BASE
  c.products[0]!.price = price
  c.products[0]!.pricing_model[0]!.price = price
  return c
}
const totalOf = (config: StoreConfig) => {
  const r = estimate(createStore(config), REQUEST, { at: FIXTURE_AT })
  if (r.status !== 200) throw new Error('fixture estimate failed')
  return r.transaction.totals.total
}

let dir = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tamio-serve-life-'))
})
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

async function total(s: Served): Promise<number> {
  const r = await call(s.url, 'POST', '/v2/transactions/estimate', { headers: { ...AUTH, ...AT_HEADER }, body: JSON.stringify(REQUEST) })
  return (r.json as { transaction: { totals: { total: number } } }).transaction.totals.total
}

/** Polls until the emulator's total is `want`; the milliseconds it took. */
async function untilTotal(s: Served, want: number, ms = 10_000): Promise<number> {
  const t0 = Date.now()
  while ((await total(s)) !== want) {
    if (Date.now() - t0 > ms) throw new Error(`total never became ${want}; stderr:\n${s.stderr()}`)
    await new Promise((r) => setTimeout(r, 25))
  }
  return Date.now() - t0
}

describe.concurrent('--watch', () => {
  it('reloads a changed store within a second; a half-written or invalid file keeps the old store and says why', async () => {
    const file = join(dir, 'store.json')
    writeFileSync(file, JSON.stringify(priced(10000)))
    const s = await serve(['-s', file, '--watch'])
    try {
      const t1 = totalOf(priced(10000))
      expect(await total(s)).toBe(t1)

      // An atomic save (write a temp file, rename it over): the new numbers.
      const t2 = totalOf(priced(20000))
      expect(t2).not.toBe(t1)
      writeFileSync(`${file}.tmp`, JSON.stringify(priced(20000)))
      renameSync(`${file}.tmp`, file)
      const took = await untilTotal(s, t2)
      // The emulator promises 1 s; the margin is for a loaded 2-core CI machine.
      expect(took).toBeLessThan(2500)
      await s.waitFor(/store reloaded from .*store\.json \(1 product\)/)

      // A file written in two pieces close together: one reload, never the half-written text.
      const t3 = totalOf(priced(30000))
      const text = JSON.stringify(priced(30000))
      const fd = openSync(file, 'w')
      writeSync(fd, text.slice(0, 200))
      await new Promise((r) => setTimeout(r, 20))
      writeSync(fd, text.slice(200))
      closeSync(fd)
      await untilTotal(s, t3)
      expect(s.stderr()).not.toMatch(/not reloaded/)

      // A file left half-written (invalid JSON): the old store stays, and the log says why.
      writeFileSync(file, text.slice(0, 300))
      await s.waitFor(/store not reloaded, still serving the previous one: .*store\.json is not valid JSON/)
      expect(await total(s)).toBe(t3)

      // Valid JSON, but not a valid store: every problem is logged, the old store stays.
      writeFileSync(file, JSON.stringify({ account: { base_currency: 'EURO', country: 'DE' }, products: [{ id: 'p', name: 'P', type: 'physical_product', price: -5, currency: 'EUR' }] }))
      await s.waitFor(/store not reloaded, still serving the previous one: .*is not a valid store \(\d+ problems\):\n {2}account\.base_currency: /)
      expect(await total(s)).toBe(t3)

      // Mended: served again.
      writeFileSync(file, JSON.stringify(priced(10000)))
      await untilTotal(s, t1)
      expect(s.proc.exitCode).toBeNull()
    } finally {
      expect(await s.stop()).toBe(0)
    }
  })

  it('--watch needs a file, not standard input', async () => {
    const { runBinary, binary } = await import('../cli/run')
    const r = await runBinary(binary(), ['serve', '-s', '-', '--watch'], { input: '{}' })
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/--watch needs a store file, not standard input/)
  })
})

describe.concurrent('graceful stop', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal}: the request in flight is answered, new connections are refused, exit 0`, async () => {
      const s = await serve(['-s', join(FIX, 'store.json')])
      // An idle keep-alive connection must not hold the exit up.
      const idle = connect(s.port, '127.0.0.1')
      await once(idle, 'connect')
      idle.on('error', () => undefined)
      const body = JSON.stringify(REQUEST)
      const socket = connect(s.port, '127.0.0.1')
      await once(socket, 'connect')
      let answer = ''
      socket.setEncoding('utf8').on('data', (d: string) => (answer += d))
      const closed = once(socket, 'close')
      socket.write(`POST /v2/transactions/estimate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\nX-Tamio-Options: {"at":"${FIXTURE_AT}"}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`)
      // The server has the request (its headers and a part of the body) before the signal.
      await new Promise((r) => setTimeout(r, 300))
      s.proc.kill(signal)
      await s.waitFor(new RegExp(`${signal}: finishing 1 in-flight request, then stopping`))
      await expect(call(s.url, 'GET', '/_emulator/health', { headers: AUTH })).rejects.toThrow(/ECONNREFUSED/)
      socket.write(body.slice(10))
      await closed
      expect(answer).toMatch(/^HTTP\/1\.1 200 OK\r\n/)
      expect(answer).toMatch(/\r\nConnection: close\r\n/i)
      const json = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as { transaction: { totals: { total: number } } }
      expect(json.transaction.totals.total).toBe(totalOf(BASE))
      expect(await s.exited).toBe(0)
      expect(s.stderr()).toMatch(/tamio-pricing serve: stopped\n$/)
      idle.destroy()
    })
  }
})

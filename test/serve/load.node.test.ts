/**
 * The emulator's two ten-second tests, run concurrently (one is CPU-bound, the other only waits):
 *  - under load in CI (loopback, bounded): 50 keep-alive connections POST the bench's 20-line cart
 *    for 10 s. Every request must be answered, with a 200 and a body equal byte for byte to
 *    `estimate()` in process, and logged once. The throughput floor here is loose (the suite shares
 *    2 cores with Chromium and other test files); the real figures and their targets are measured by
 *    `npm run load` and written in docs/emulator.md;
 *  - the stalled-body cut at its real default of 10 s (other tests shorten it).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Emulator, hammer, loadCart, resultLine, startLoadEmulator } from '../../bench/load/load'
import { binary, FIXTURES } from '../cli/run'
import { rawExchange, serve } from './server'

let dir = ''
let server: Emulator | undefined
const cart = loadCart(20)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tamio-load-'))
  server = await startLoadEmulator(binary(), join(dir, 'store.json'), cart.store)
})
afterAll(async () => {
  if (server !== undefined) expect(await server.stop()).toBe(0)
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe.concurrent('ten-second tests', () => {
  it('50 connections × 10 s of 20-line carts: every request answered 200 with the in-process body, one log line each', async () => {
    const s = server!
    const startLines = s.logLines()
    const r = await hammer(s.url, cart, 50, 10)
    process.stdout.write(`[load] ${resultLine(r)}\n`)
    expect(r.errors).toBe(0)
    expect(r.timeouts).toBe(0)
    expect(r.non2xx).toBe(0)
    expect(r.mismatches).toBe(0)
    // A loose floor: a broken server (stuck, serialising connections) is far below it.
    expect(r.rps).toBeGreaterThan(100)
    // The request log kept up: one line per answered request (a few more for requests in flight when
    // the load stopped, which autocannon does not count).
    const deadline = Date.now() + 10_000
    while (s.logLines() - startLines < r.requests && Date.now() < deadline) await new Promise((res) => setTimeout(res, 50))
    const logged = s.logLines() - startLines
    expect(logged).toBeGreaterThanOrEqual(r.requests)
    expect(logged).toBeLessThanOrEqual(r.requests + 50)
  })

  it('without an override, a stalled body is answered 408 and closed after 10 s (not before)', async () => {
    const s = await serve(['-s', join(FIXTURES, 'api-estimate-de', 'store.json'), '--quiet'])
    try {
      const r = await rawExchange(s.port, (write) => write('POST /v2/transactions/estimate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer k\r\nContent-Length: 50\r\n\r\n{'), 30_000)
      expect(r.closedAfterMs).not.toBeNull()
      expect(r.closedAfterMs!).toBeGreaterThanOrEqual(9_500)
      expect(r.closedAfterMs!).toBeLessThan(25_000)
      expect(r.text).toContain('"code":"request_timeout"')
      expect(r.text).toContain('within 10 s')
    } finally {
      await s.stop()
    }
  })
})

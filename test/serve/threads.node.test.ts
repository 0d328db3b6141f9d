/**
 * The emulator's estimate threads when something goes wrong: a thread that dies fails the pool
 * (its requests and every later one reject at once, and the failure is reported once), and the
 * emulator then answers on its main thread — the same bytes, never a lost request.
 */
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createEmulator, type EstimateThreads } from '../../src/cli/serve/emulator'
import { EstimatePool } from '../../src/cli/serve/pool'
import { createStore, estimate, type EstimateRequest, type StoreConfig } from '../../src/index'
import { FIXTURE_AT, FIXTURES } from '../cli/run'
import { AUTH, call } from './server'

const FIX = join(FIXTURES, 'api-estimate-de')
const STORE_TEXT = readFileSync(join(FIX, 'store.json'), 'utf8')
const REQUEST_TEXT = readFileSync(join(FIX, 'request.json'), 'utf8')

/** A thread script as a data: URL (ES module). */
const script = (code: string) => new URL(`data:text/javascript,${encodeURIComponent(code)}`)

describe('EstimatePool', () => {
  it('a thread that exits fails the pool: the request in flight and every later one reject, and the failure is heard once', async () => {
    const failures: string[] = []
    // Exits when the first request arrives.
    const pool = new EstimatePool(script(`import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => process.exit(3))`), 1, STORE_TEXT, {}, (e) => failures.push(e.message))
    expect(pool.failed).toBe(false)
    expect(pool.size).toBe(1)
    await expect(pool.estimate(REQUEST_TEXT, undefined)).rejects.toThrow(/worker thread exited with code 3/)
    expect(pool.failed).toBe(true)
    await expect(pool.estimate(REQUEST_TEXT, undefined)).rejects.toThrow(/worker thread exited with code 3/)
    expect(failures).toEqual(['a worker thread exited with code 3'])
    await pool.close()
  })

  it('an answer the thread could not compute rejects that request only; the pool keeps serving', async () => {
    const pool = new EstimatePool(
      script(`import { parentPort } from 'node:worker_threads'; parentPort.on('message', (m) => parentPort.postMessage(m.body === 'bad' ? { seq: m.seq, error: 'no' } : { seq: m.seq, result: { status: 200, json: m.body } }))`),
      2,
      STORE_TEXT,
      {},
    )
    await expect(pool.estimate('bad', undefined)).rejects.toThrow('no')
    expect(pool.failed).toBe(false)
    // Both threads answer, each its own request (replies are matched by sequence number).
    const answers = await Promise.all(['{"a":1}', '{"b":2}', '{"c":3}'].map((b) => pool.estimate(b, undefined)))
    expect(answers.map((a) => a.json)).toEqual(['{"a":1}', '{"b":2}', '{"c":3}'])
    await pool.close()
  })
})

describe('the emulator with failing threads', () => {
  it('answers on its main thread, byte for byte what estimate() gives', async () => {
    let asked = 0
    const threads: EstimateThreads = {
      size: 1,
      failed: false,
      estimate: () => {
        asked++
        return Promise.reject(new Error('the thread is gone'))
      },
    }
    const store = createStore(JSON.parse(STORE_TEXT) as StoreConfig)
    const e = createEmulator({ store, info: { file: 'store.json', products: 1, warnings: 0 }, keys: [], defaults: { at: FIXTURE_AT }, threads })
    e.server.listen(0, '127.0.0.1')
    await once(e.server, 'listening')
    try {
      const url = `http://127.0.0.1:${(e.server.address() as AddressInfo).port}`
      const r = await call(url, 'POST', '/v2/transactions/estimate', { headers: AUTH, body: REQUEST_TEXT })
      expect(asked).toBe(1)
      expect(r.status).toBe(200)
      expect(r.text).toBe(JSON.stringify(estimate(store, JSON.parse(REQUEST_TEXT) as EstimateRequest, { at: FIXTURE_AT })))
    } finally {
      await e.close()
    }
  })
})

describe('the batch checker with a failing thread', () => {
  it('rejects with the thread\'s failure, also when the thread dies while the input is still being read (no unhandled rejection)', async () => {
    const { runBatch } = await import('../../src/cli/batch/run')
    const { Progress } = await import('../../src/cli/progress')
    const { Readable } = await import('node:stream')
    // Each thread exits 50 ms after its first chunk; the input's second part comes 400 ms later,
    // so the failure lands while the loop waits for input.
    const dies = script(`import { parentPort } from 'node:worker_threads'; parentPort.on('message', () => setTimeout(() => process.exit(3), 50))`)
    const line = `${JSON.stringify({ request: JSON.parse(REQUEST_TEXT) })}\n`
    const block = line.repeat(Math.ceil((130 * 1024) / line.length))
    const input = Readable.from(
      (async function* () {
        yield Buffer.from(block)
        await new Promise((r) => setTimeout(r, 400))
        yield Buffer.from(block)
      })(),
    )
    const job = { store: createStore(JSON.parse(STORE_TEXT) as StoreConfig), storeText: STORE_TEXT, options: { at: FIXTURE_AT }, tolerance: 0 }
    const progress = new Progress({ write: () => undefined, isTTY: false }, 'off', undefined, 1000, () => 0)
    await expect(runBatch(input, job, 2, dies, progress)).rejects.toThrow(/worker thread exited with code 3/)
  })
})

/**
 * Store warnings (typos createStore accepted, on `store.warnings`) are printed on stderr by
 * `estimate`, `reconcile` (one order and --batch) and `serve` (at start and after a --watch reload),
 * and silenced by --quiet. The store file is the fixture's with two typos in a product (unknown
 * keys beside the real ones, so the numbers do not change); the CLI runs in process (`runCli`),
 * the same code path the binary takes.
 */
import { EventEmitter, once } from 'node:events'
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/cli'
import type { CliIO } from '../../src/cli/io'
import { createStore, estimate, type EstimateRequest, type Issue, type StoreConfig } from '../../src/index'
import { FIXTURE_AT, FIXTURES } from './run'

const FIX = join(FIXTURES, 'api-estimate-de')
const REQUEST = join(FIX, 'request.json')
const RESPONSE = join(FIX, 'response.json')
/** The fixture's store with two misspelled keys in its first product (the right ones stay). */
function typoConfig(): StoreConfig {
  const config = JSON.parse(readFileSync(join(FIX, 'store.json'), 'utf8')) as { products: Record<string, unknown>[] }
  config.products[0] = { ...config.products[0], pricee: 1, stok: 5 }
  return config as unknown as StoreConfig
}
const WARNINGS: readonly Issue[] = createStore(typoConfig()).warnings
const EXPECTED = (file: string) => WARNINGS.map((w) => `tamio-pricing: warning: ${file}: ${w.path}: ${w.message} [${w.code}]`)

interface Captured {
  readonly io: CliIO
  readonly out: () => string
  readonly err: () => string
  readonly signals: EventEmitter
  readonly wrote: EventEmitter
}

function capture(create: CliIO['createStore'] = createStore, stdin = ''): Captured {
  let out = ''
  let err = ''
  const wrote = new EventEmitter()
  const signals = new EventEmitter()
  const io: CliIO = {
    stdout: { write: (s) => ((out += s), void wrote.emit('out')), isTTY: false },
    stderr: { write: (s) => ((err += s), void wrote.emit('err')), isTTY: false },
    stdin: Readable.from([Buffer.from(stdin)]),
    env: {},
    createStore: create,
    version: 'test',
    signals: { on: (s, f) => void signals.on(s, f), off: (s, f) => void signals.off(s, f) },
  }
  return { io, out: () => out, err: () => err, signals, wrote }
}

async function until(c: Captured, stream: 'out' | 'err', pattern: RegExp, ms = 10_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + ms
  for (;;) {
    const m = (stream === 'out' ? c.out() : c.err()).match(pattern)
    if (m !== null) return m
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} on std${stream}:\n${stream === 'out' ? c.out() : c.err()}`)
    await Promise.race([once(c.wrote, stream), new Promise((r) => setTimeout(r, 100))])
  }
}

let dir = ''
let store = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tamio-warnings-'))
  store = join(dir, 'store.json')
  writeFileSync(store, JSON.stringify(typoConfig()))
})
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('store warnings on stderr', () => {
  it('the typo store has the two warnings these tests expect', () => {
    expect(WARNINGS.map((w) => [w.code, w.path, w.suggestion])).toEqual([
      ['unknown_field', 'products[0].pricee', 'price'],
      ['unknown_field', 'products[0].stok', 'stock'],
    ])
  })

  it('estimate prints each warning with the file, path, message and code; the result is unchanged', async () => {
    const c = capture()
    expect(await runCli(['estimate', REQUEST, '-s', store, '--at', FIXTURE_AT, '-f', 'json'], c.io)).toBe(0)
    expect(c.err().trimEnd().split('\n')).toEqual(EXPECTED(store))
    const config = JSON.parse(readFileSync(store, 'utf8')) as StoreConfig
    const request = JSON.parse(readFileSync(REQUEST, 'utf8')) as EstimateRequest
    expect(JSON.parse(c.out())).toEqual(JSON.parse(JSON.stringify(estimate(createStore(config), request, { at: FIXTURE_AT }))))
  })

  it('a store without warnings prints none; --quiet prints none', async () => {
    const plain = capture()
    expect(await runCli(['estimate', REQUEST, '-s', join(FIX, 'store.json'), '--at', FIXTURE_AT], plain.io)).toBe(0)
    expect(plain.err()).toBe('')
    const quiet = capture()
    expect(await runCli(['estimate', REQUEST, '-s', store, '--at', FIXTURE_AT, '-q'], quiet.io)).toBe(0)
    expect(quiet.err()).toBe('')
    expect(quiet.out()).toContain('Estimate in EUR')
  })

  it('reconcile, for one order and for a batch, prints them too', async () => {
    const one = capture()
    expect(await runCli(['reconcile', REQUEST, RESPONSE, '-s', store, '--at', FIXTURE_AT], one.io)).toBe(0)
    expect(one.err().trimEnd().split('\n')).toEqual(EXPECTED(store))
    const line = JSON.stringify({ request: JSON.parse(readFileSync(REQUEST, 'utf8')), response: JSON.parse(readFileSync(RESPONSE, 'utf8')) })
    const batch = capture(createStore, `${line}\n${line}\n`)
    expect(await runCli(['reconcile', '--batch', '-', '-s', store, '--at', FIXTURE_AT], batch.io)).toBe(0)
    expect(batch.out()).toContain('2 orders: 2 matched, 0 mismatched')
    expect(batch.err().trimEnd().split('\n')).toEqual(EXPECTED(store))
  })

  it('serve prints them at start and again after a --watch reload; a fake SIGTERM stops it with 0', async () => {
    const c = capture()
    const done = runCli(['serve', '-s', store, '--port', '0', '--watch'], c.io)
    const [, url] = await until(c, 'out', /listening on (http:\S+)/)
    for (const w of EXPECTED(store)) expect(c.err()).toContain(w)
    const res = await fetch(`${url!}/v2/transactions/estimate`, { method: 'POST', headers: { authorization: 'Bearer k' }, body: readFileSync(REQUEST) })
    expect(res.status).toBe(200)
    // Change the store (a new price), atomically as editors do: reloaded, warnings printed again.
    const config = JSON.parse(readFileSync(store, 'utf8')) as { products: { price: number; pricing_model: { price: number }[] }[] }
    config.products[0]!.price = 20000
    config.products[0]!.pricing_model[0]!.price = 20000
    writeFileSync(`${store}.tmp`, JSON.stringify(config))
    renameSync(`${store}.tmp`, store)
    await until(c, 'err', /store reloaded from/)
    const after = c.err().slice(c.err().indexOf('store reloaded from'))
    for (const w of EXPECTED(store)) expect(after).toContain(w)
    c.signals.emit('SIGTERM')
    expect(await done).toBe(0)
    expect(c.err()).toMatch(/SIGTERM: finishing 0 in-flight requests, then stopping\ntamio-pricing serve: stopped\n$/)
  })
})

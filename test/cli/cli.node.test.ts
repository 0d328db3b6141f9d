/**
 * The `tamio-pricing` binary, run for real (`node <pkg>/dist/cli.js …` through child_process) from
 * the package the node project's global setup built: every command and every exit code, file errors
 * as one line without a stack trace, and a 2,000-order batch whose counts are known by construction
 * (every 10th order's total is one cent off). The 100,000-order memory check is `npm run batch-check`.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { ROOT } from '../support/pkg'
import { createStore, estimate, type EstimateRequest } from '../../src/index'
import { AT, BATCH_STORE, TAMPER_AT, TAMPER_EVERY, writeOrders } from './orders'

const FIX = join(ROOT, 'test', 'fixtures', 'api-estimate-de')
const STORE = join(FIX, 'store.json')
const REQUEST = join(FIX, 'request.json')
const RESPONSE = join(FIX, 'response.json')
const FIXTURE_AT = '2026-11-25T12:00:00Z'

/** The built binary: the staged package's, else the repository's dist/ (built first when missing). */
function binary(): string {
  const staged = join(inject('pkgDir'), 'dist', 'cli.js')
  if (existsSync(staged)) return staged
  const local = join(ROOT, 'dist', 'cli.js')
  if (!existsSync(local)) spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' })
  return local
}

let CLI = ''
let dir = ''

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 << 20 })
  if (r.error) throw r.error
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A one-line error: `tamio-pricing: …`, no stack frames. */
function expectOneLineError(r: { status: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(r.status).toBe(2)
  const lines = r.stderr.trim().split('\n')
  expect(lines, r.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^tamio-pricing: /)
  expect(lines[0]).toMatch(pattern)
  expect(r.stderr).not.toMatch(/\n\s+at /)
}

function write(name: string, content: string): string {
  const f = join(dir, name)
  writeFileSync(f, content)
  return f
}

beforeAll(() => {
  CLI = binary()
  dir = mkdtempSync(join(tmpdir(), 'tamio-cli-'))
})
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('tamio-pricing estimate', () => {
  it('prints the fixture as a table and exits 0: total 13461 cents = 134.61 EUR', () => {
    const r = cli('estimate', REQUEST, '--store', STORE, '--at', FIXTURE_AT)
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/Big painting\s+1\s+100\.00/)
    expect(r.stdout).toMatch(/Total\s+134\.61 EUR/)
    expect(r.stdout).toContain('2.49') // shipping tax 249 cents
  })

  it('--format json prints the API envelope, without a trace unless asked', () => {
    const r = cli('estimate', REQUEST, '--store', STORE, '--at', FIXTURE_AT, '--format', 'json')
    expect(r.status).toBe(0)
    const res = JSON.parse(r.stdout) as { status: number; transaction: { totals: { total: number } }; trace?: unknown }
    expect(res.status).toBe(200)
    expect(res.transaction.totals.total).toBe(10000 + 1900 + 1312 + 249)
    expect(res.trace).toBeUndefined()
    const traced = JSON.parse(cli('estimate', REQUEST, '--store', STORE, '--at', FIXTURE_AT, '--format', 'json', '--trace').stdout) as { trace?: { version: number } }
    expect(traced.trace?.version).toBe(2)
  })

  it('--explain prints how an amount was derived', () => {
    const r = cli('estimate', REQUEST, '--store', STORE, '--at', FIXTURE_AT, '--explain', 'products[0].totals.shipping_tax')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('products[0].totals.shipping_tax = round_half_up(1312 × 19%) = round(249.28) = 249')
  })

  it('a request the API would reject prints the 400 errors and exits 1', () => {
    const req = write('unknown.json', JSON.stringify({ products: [{ id: 'nope' }], customer: { id: '9c91c6eb-9146-4bf5-82da-dc73aba59a46' } }))
    const r = cli('estimate', req, '--store', STORE, '--at', FIXTURE_AT)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/unknown_product at products\[0\]\.id/)
  })
})

describe('tamio-pricing reconcile', () => {
  it('the fixture against its own API response: exit 0, a match', () => {
    const r = cli('reconcile', REQUEST, RESPONSE, '--store', STORE, '--at', FIXTURE_AT)
    expect(r.stdout).toMatch(/^✓ matches the API response \(\d+ fields compared, estimate shape\)/)
    expect(r.status).toBe(0)
  })

  it('a response one cent off: exit 1 with a readable diff naming the path, both numbers, the delta and a hint', () => {
    const theirs = JSON.parse(JSON.stringify(estResponseText())) as { transaction: { products: { totals: { shipping_tax: number } }[] } }
    theirs.transaction.products[0]!.totals.shipping_tax = 250
    const f = write('off.json', JSON.stringify(theirs))
    const r = cli('reconcile', REQUEST, f, '--store', STORE, '--at', FIXTURE_AT)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('✗ 1 difference')
    expect(r.stdout).toContain('products[0].totals.shipping_tax: ours 249, API 250 (Δ +1)')
    expect(r.stdout).toMatch(/hint \[inconsistent\]/)
    const json = JSON.parse(cli('reconcile', REQUEST, f, '--store', STORE, '--at', FIXTURE_AT, '--format', 'json').stdout) as { matches: boolean; differences: { path: string }[] }
    expect(json.matches).toBe(false)
    expect(json.differences.map((d) => d.path)).toEqual(['products[0].totals.shipping_tax'])
  })

  it('with --options instalment_rounding "exact": exit 1, the hint names the instalment rounding', () => {
    const opts = write('exact.json', JSON.stringify({ instalment_rounding: 'exact' }))
    const r = cli('reconcile', REQUEST, RESPONSE, '--store', STORE, '--at', FIXTURE_AT, '--options', opts)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('instalments[0].total_amount: ours 17499, API 17498 (Δ -1)')
    expect(r.stdout).toMatch(/hint \[instalment_rounding\]/)
  })

  it('--tolerance 1 accepts the one-cent difference: exit 0', () => {
    const theirs = estResponseText() as { transaction: { totals: { total: number } } }
    theirs.transaction.totals.total += 1
    const f = write('tol.json', JSON.stringify(theirs))
    expect(cli('reconcile', REQUEST, f, '--store', STORE, '--at', FIXTURE_AT, '--tolerance', '1').status).toBe(0)
  })
})

function estResponseText(): Record<string, unknown> {
  return JSON.parse(readFileSync(RESPONSE, 'utf8')) as Record<string, unknown>
}

describe('file and usage errors: one line on stderr, exit 2', () => {
  it('a missing file', () => {
    expectOneLineError(cli('estimate', join(dir, 'missing.json'), '--store', STORE), /cannot read .*missing\.json: no such file/)
    expectOneLineError(cli('reconcile', REQUEST, RESPONSE, '--store', join(dir, 'nostore.json')), /nostore\.json: no such file/)
  })

  it('invalid JSON', () => {
    expectOneLineError(cli('estimate', write('bad.json', '{"products": ['), '--store', STORE), /bad\.json is not valid JSON/)
    expectOneLineError(cli('reconcile', REQUEST, write('bad2.json', 'nope'), '--store', STORE), /bad2\.json is not valid JSON/)
  })

  it('the wrong shape: a request that is not an object, a store that is not a store, a response that is not a response', () => {
    expectOneLineError(cli('estimate', write('arr.json', '[1,2]'), '--store', STORE), /arr\.json does not hold an estimate request: expected a JSON object, got an array/)
    expectOneLineError(cli('estimate', REQUEST, '--store', REQUEST), /request\.json is not a valid store: account: is required/)
    expectOneLineError(cli('reconcile', REQUEST, STORE, '--store', STORE), /store\.json is not an API response/)
  })

  it('usage: no command, an unknown command, a missing --store, a bad option value', () => {
    expect(cli().status).toBe(2)
    expectOneLineError(cli('frobnicate'), /unknown command "frobnicate"/)
    expectOneLineError(cli('estimate', REQUEST), /--store <store\.json> is required/)
    expectOneLineError(cli('estimate', REQUEST, '--store', STORE, '--format', 'xml'), /--format must be table or json/)
    expectOneLineError(cli('estimate', REQUEST, '--store', STORE, '--at', 'yesterday'), /--at "yesterday" is not an ISO 8601 instant/)
    expectOneLineError(cli('estimate', REQUEST, '--store', STORE, '--bogus'), /unknown option --bogus/)
    expect(cli('--help').status).toBe(0)
  })
})

describe('tamio-pricing reconcile --batch', () => {
  const N = 2000
  let orders = ''
  let storeFile = ''

  beforeAll(async () => {
    orders = join(dir, 'orders.ndjson')
    storeFile = write('batch-store.json', JSON.stringify(BATCH_STORE))
    const { tampered } = await writeOrders(orders, N)
    expect(tampered).toBe(N / TAMPER_EVERY) // every 10th order, by construction
  })

  it(`${N} orders, every ${TAMPER_EVERY}th one cent off in its total: exit 1 and a summary by field and by hint`, () => {
    const r = cli('reconcile', '--batch', orders, '--store', storeFile, '--at', AT)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(`2,000 orders: 1,800 matched, 200 mismatched`)
    expect(r.stdout).toMatch(/Mismatched orders by field:\n\s+200\s+totals\.total/)
    expect(r.stdout).toMatch(/Differences by hint:\n\s+200\s+inconsistent/)
    expect(r.stdout).toContain(`line ${TAMPER_AT + 1}: totals.total`)
    // stderr is not a TTY here: no progress bar.
    expect(r.stderr).toBe('')
  })

  it('--format json and --stats: the same counts as data, and the memory numbers', () => {
    const r = cli('reconcile', '--batch', orders, '--store', storeFile, '--at', AT, '--format', 'json', '--stats')
    expect(r.status).toBe(1)
    const s = JSON.parse(r.stdout) as { lines: number; matched: number; mismatched: number; invalid: number; by_field: Record<string, number>; by_hint: Record<string, number>; stats: { maxRss: number } }
    expect(s).toMatchObject({ lines: N, matched: N - N / TAMPER_EVERY, mismatched: N / TAMPER_EVERY, invalid: 0 })
    expect(s.by_field).toEqual({ 'totals.total': N / TAMPER_EVERY })
    expect(Object.values(s.by_hint).reduce((a, b) => a + b, 0)).toBe(N / TAMPER_EVERY)
    expect(s.stats.maxRss).toBeGreaterThan(0)
    expect(r.stderr).toMatch(/^stats: .* lines\/s, peak RSS \d+\.\d MB/)
  })

  it('all orders matching: exit 0', () => {
    // Responses from the library itself on the same store, so they match by construction.
    const store = createStore(BATCH_STORE)
    const ok = [1, 2, 3].map((quantity) => {
      const request: EstimateRequest = { products: [{ id: 'mug', quantity }], new_customer: { country: 'DE' } }
      return JSON.stringify({ request, response: estimate(store, request, { at: AT }) })
    })
    const f = write('ok.ndjson', `${ok.join('\n')}\n\n`)
    const r = cli('reconcile', '--batch', f, '--store', storeFile, '--at', AT)
    expect(r.stdout).toContain('3 orders: 3 matched, 0 mismatched')
    expect(r.status).toBe(0)
  })

  it('unreadable lines are counted with their line numbers and make the exit code 2; the rest is still reconciled', () => {
    const good = JSON.stringify({ request: { products: [{ id: 'mug' }], new_customer: { country: 'DE' } }, response: { status: 200, transaction: { totals: { total: 1 } } } })
    const f = write('mixed.ndjson', [good, '{not json', '[1,2]', JSON.stringify({ request: {}, response: 'garbage' })].join('\n'))
    const r = cli('reconcile', '--batch', f, '--store', storeFile, '--at', AT)
    expect(r.status).toBe(2)
    expect(r.stdout).toContain('4 orders: 0 matched, 1 mismatched, 3 unreadable')
    expect(r.stdout).toMatch(/line 2: invalid JSON/)
    expect(r.stdout).toMatch(/line 3: expected an object \{"request"/)
    expect(r.stdout).toMatch(/line 4: response: expected a JSON object, got a string/)
  })

  it.skipIf(!existsSync('/usr/bin/script'))('on a TTY (a pseudo-terminal from script(1)) a progress bar is drawn on stderr, ending at 100%', () => {
    const cmd = [process.execPath, CLI, 'reconcile', '--batch', orders, '--store', storeFile, '--at', AT].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
    const r = spawnSync('/usr/bin/script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    expect(r.stdout).toMatch(/\r\[#{30}\] 100\.0%\s+2,000 lines/)
    expect(r.stdout).toContain('2,000 orders: 1,800 matched, 200 mismatched')
  })

  it('a missing batch file is a one-line error, exit 2', () => {
    expectOneLineError(cli('reconcile', '--batch', join(dir, 'none.ndjson'), '--store', storeFile), /none\.ndjson: no such file/)
  })
})

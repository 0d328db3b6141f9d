/**
 * `reconcile --batch` on the built binary: 1,000 generated orders whose counts are known by
 * construction (every 10th order's total is one cent off), unreadable lines at known line numbers
 * spread over many chunks, `--jobs` giving the same summary byte for byte, standard input, and the
 * progress display (a bar with elapsed time and ETA on a terminal, periodic lines otherwise,
 * nothing with --quiet). The 100,000-order memory and speed-up check is `npm run batch-check`.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateRequest } from '../../src/index'
import { AT, BATCH_STORE, TAMPER_AT, TAMPER_EVERY, writeOrders } from './orders'
import { binary, expectOneLineError, runBinary, shellLine } from './run'

const N = 1000
let CLI = ''
let dir = ''
let orders = ''
let storeFile = ''
const cli = (...args: string[]) => runBinary(CLI, args)

/** A command line run on a pseudo-terminal by script(1); what the terminal showed. */
function script(cmd: string): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn('/usr/bin/script', ['-qec', cmd, '/dev/null'], { stdio: ['ignore', 'pipe', 'ignore'] })
    let stdout = ''
    p.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    p.on('error', reject)
    p.on('close', () => resolve({ stdout }))
  })
}

function write(name: string, content: string): string {
  const f = join(dir, name)
  writeFileSync(f, content)
  return f
}

beforeAll(async () => {
  CLI = binary()
  dir = mkdtempSync(join(tmpdir(), 'tamio-batch-'))
  orders = join(dir, 'orders.ndjson')
  storeFile = write('batch-store.json', JSON.stringify(BATCH_STORE))
  const { tampered } = await writeOrders(orders, N)
  expect(tampered).toBe(N / TAMPER_EVERY) // every 10th order, by construction
})
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe.concurrent('tamio-pricing reconcile --batch', () => {
  it(`${N} orders, every ${TAMPER_EVERY}th one cent off in its total: exit 1 and a summary by field and by hint`, async () => {
    const r = await cli('reconcile', '--batch', orders, '--store', storeFile, '--at', AT, '-j', '1')
    expect(r.status).toBe(1)
    expect(r.stdout).toContain(`1,000 orders: 900 matched, 100 mismatched`)
    expect(r.stdout).toMatch(/Mismatched orders by field:\n\s+100\s+totals\.total/)
    expect(r.stdout).toMatch(/Differences by hint:\n\s+100\s+inconsistent/)
    expect(r.stdout).toContain(`line ${TAMPER_AT + 1}: totals.total`)
    // Not a terminal: at most periodic progress lines (a short batch prints none).
    for (const line of r.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^progress: /)
  })

  it('--format json and --stats: the same counts as data, and the memory numbers', async () => {
    const r = await cli('reconcile', '--batch', orders, '--store', storeFile, '--at', AT, '--format', 'json', '--stats', '-q')
    expect(r.status).toBe(1)
    const s = JSON.parse(r.stdout) as { lines: number; matched: number; mismatched: number; invalid: number; by_field: Record<string, number>; by_hint: Record<string, number>; stats: { maxRss: number; jobs: number } }
    expect(s).toMatchObject({ lines: N, matched: N - N / TAMPER_EVERY, mismatched: N / TAMPER_EVERY, invalid: 0 })
    expect(s.by_field).toEqual({ 'totals.total': N / TAMPER_EVERY })
    expect(Object.values(s.by_hint).reduce((a, b) => a + b, 0)).toBe(N / TAMPER_EVERY)
    expect(s.stats.maxRss).toBeGreaterThan(0)
    expect(r.stderr).toMatch(/^stats: .* lines\/s on \d+ threads?, peak RSS \d+\.\d MB/)
  })

  it('all orders matching: exit 0', async () => {
    // Responses from the library itself on the same store, so they match by construction.
    const store = createStore(BATCH_STORE)
    const ok = [1, 2, 3].map((quantity) => {
      const request: EstimateRequest = { products: [{ id: 'mug', quantity }], new_customer: { country: 'DE' } }
      return JSON.stringify({ request, response: estimate(store, request, { at: AT }) })
    })
    const f = write('ok.ndjson', `${ok.join('\n')}\n\n`)
    const r = await cli('reconcile', '--batch', f, '--store', storeFile, '--at', AT)
    expect(r.stdout).toContain('3 orders: 3 matched, 0 mismatched')
    expect(r.status).toBe(0)
  })

  it('unreadable lines are counted with their line numbers and make the exit code 2; the rest is still reconciled', async () => {
    const good = JSON.stringify({ request: { products: [{ id: 'mug' }], new_customer: { country: 'DE' } }, response: { status: 200, transaction: { totals: { total: 1 } } } })
    const f = write('mixed.ndjson', [good, '{not json', '[1,2]', JSON.stringify({ request: {}, response: 'garbage' })].join('\r\n'))
    const r = await cli('reconcile', '--batch', f, '--store', storeFile, '--at', AT)
    expect(r.status).toBe(2)
    expect(r.stdout).toContain('4 orders: 0 matched, 1 mismatched, 3 unreadable')
    expect(r.stdout).toMatch(/line 2: invalid JSON/)
    expect(r.stdout).toMatch(/line 3: expected an object \{"request"/)
    expect(r.stdout).toMatch(/line 4: response: expected a JSON object, got a string/)
  })

  it('a missing batch file is a one-line error, exit 2; so is a bad --jobs', async () => {
    await expectOneLineError(cli('reconcile', '--batch', join(dir, 'none.ndjson'), '--store', storeFile), /none\.ndjson: no such file/)
    await expectOneLineError(cli('reconcile', '--batch', orders, '--store', storeFile, '--jobs', '0'), /--jobs must be a whole number from 1 to 256, not "0"/)
    await expectOneLineError(cli('reconcile', '--batch', orders, '--store', storeFile, '-j', 'many'), /--jobs must be a whole number/)
  })
})

describe.concurrent('--jobs: the same summary, byte for byte, on any number of threads', () => {
  let mixed = ''
  /** Unreadable and blank lines at known places, far apart so they fall in different chunks. */
  const BAD_AT = [5, 333, 500, 777, 990]
  const BLANK_AT = [100, 600]

  beforeAll(() => {
    const lines = readFileSync(orders, 'utf8').trimEnd().split('\n')
    const all = [...lines]
    // Blank lines first, then the broken ones in ascending order: each broken line ends at its number.
    for (const at of BLANK_AT) all.splice(at - 1, 0, '')
    for (const at of BAD_AT) all.splice(at - 1, 0, `{"broken": line ${at}`)
    mixed = write('mixed-big.ndjson', `${all.join('\n')}\n`)
  })

  it('JSON and text summaries of --jobs 1, 2 and 3 are identical, line numbers included', async () => {
    const run = (jobs: string, fmt: string) => cli('reconcile', '--batch', mixed, '-s', storeFile, '--at', AT, '-f', fmt, '-j', jobs, '-q')
    const one = await run('1', 'json')
    expect(one.status).toBe(2) // unreadable lines
    const s = JSON.parse(one.stdout) as { lines: number; invalid: number; invalid_lines: { line: number }[]; mismatched: number }
    expect(s.lines).toBe(N + BAD_AT.length)
    expect(s.invalid).toBe(BAD_AT.length)
    expect(s.invalid_lines.map((l) => l.line)).toEqual(BAD_AT)
    expect((await run('2', 'json')).stdout).toBe(one.stdout)
    expect((await run('3', 'json')).stdout).toBe(one.stdout)
    const text = (await run('1', 'table')).stdout
    expect((await run('2', 'table')).stdout).toBe(text)
  })

  it('standard input ("--batch -") gives the same summary as the file', async () => {
    const file = await cli('reconcile', '--batch', mixed, '-s', storeFile, '--at', AT, '-f', 'json', '-j', '2', '-q')
    const stdin = await runBinary(CLI, ['reconcile', '--batch', '-', '-s', storeFile, '--at', AT, '-f', 'json', '-j', '2', '-q'], { input: readFileSync(mixed, 'utf8') })
    expect(stdin.stdout).toBe(file.stdout)
    expect(stdin.status).toBe(2)
  })
})

describe.concurrent('progress', () => {
  it('not on a terminal: periodic one-line progress on stderr with elapsed time and ETA, then a closing line', async () => {
    const r = await runBinary(CLI, ['reconcile', '--batch', orders, '-s', storeFile, '--at', AT, '-j', '1'], { env: { TAMIO_PROGRESS_INTERVAL_MS: '1' } })
    expect(r.status).toBe(1)
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines.length).toBeGreaterThanOrEqual(2)
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^progress: +\d+\.\d% {2}[\d,]+ orders {2}[\d,]+\/s {2}elapsed \d+s {2}ETA \d+s$/)
    expect(lines.at(-1)).toMatch(/^progress: done, 100\.0% {2}1,000 orders {2}[\d,]+\/s {2}elapsed \d+s$/)
    // The summary stays on stdout, untouched.
    expect(r.stdout).toContain('1,000 orders: 900 matched, 100 mismatched')
  })

  it('--quiet and --no-progress: nothing on stderr', async () => {
    const few = write('few.ndjson', readFileSync(orders, 'utf8').split('\n').slice(0, 300).join('\n'))
    for (const flag of ['-q', '--quiet', '--no-progress']) {
      const r = await runBinary(CLI, ['reconcile', '--batch', few, '-s', storeFile, '--at', AT, '-j', '1', flag], { env: { TAMIO_PROGRESS_INTERVAL_MS: '1' } })
      expect(r.stderr, flag).toBe('')
      expect(r.stdout).toContain('300 orders: 270 matched, 30 mismatched')
    }
  })

  it.skipIf(!existsSync('/usr/bin/script'))('on a terminal (a pseudo-terminal from script(1)): a bar with elapsed time and ETA, ending at 100%', async () => {
    // A redraw at every chunk (TAMIO_PROGRESS_INTERVAL_MS=1), so a fast machine shows one mid-run too.
    const cmd = shellLine(['env', 'TAMIO_PROGRESS_INTERVAL_MS=1', process.execPath, CLI, 'reconcile', '--batch', orders, '--store', storeFile, '--at', AT, '-j', '2'])
    const r = await script(cmd)
    // Drawn while it ran (with an ETA), and at the end (without).
    expect(r.stdout).toMatch(/\r\[[#.]{30}\] +\d+\.\d% {2}[\d,]+ orders {2}[\d,]+\/s {2}elapsed \d+s {2}ETA \d+s/)
    expect(r.stdout).toMatch(/\r\[#{30}\] 100\.0% {2}1,000 orders {2}[\d,]+\/s {2}elapsed \d+s\x1b\[K\r?\n/)
    expect(r.stdout).toContain('1,000 orders: 900 matched, 100 mismatched')
    const q = await script(`${cmd} -q`)
    expect(q.stdout).not.toContain('elapsed')
    expect(q.stdout).toContain('1,000 orders: 900 matched, 100 mismatched')
  })
})

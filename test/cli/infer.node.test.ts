/**
 * `tamio-pricing reconcile --batch … --infer`, run in process (`runCli`, the binary's code path)
 * on the docs' example (`examples/inference/`: 24 orders priced with document-level tax rounding
 * and carried cents, line 7's first tax one cent up): the account fragment and counts it prints,
 * its JSON, its exit codes, unreadable lines, per-line options, and what does not go with it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/cli'
import type { CliIO } from '../../src/cli/io'
import { createStore, estimate } from '../../src/index'
import { EXAMPLE_HIDDEN, EXAMPLE_STORE, EXAMPLE_TAMPERED_LINE, exampleOrders } from '../infer/example'
import { ROOT } from '../support/pkg'

const DIR = join(ROOT, 'examples', 'inference')
const STORE = join(DIR, 'store.json')
const ORDERS = join(DIR, 'orders.ndjson')
const tmp = mkdtempSync(join(tmpdir(), 'tamio-infer-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

async function run(args: readonly string[], stdin: string | readonly Buffer[] = ''): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const io: CliIO = {
    stdout: { write: (s) => void (out += s), isTTY: false },
    stderr: { write: (s) => void (err += s), isTTY: false },
    stdin: Readable.from(typeof stdin === 'string' ? [Buffer.from(stdin)] : [...stdin]),
    env: {},
    createStore,
    version: 'test',
  }
  const code = await runCli(args, io)
  return { code, out, err }
}

const lines = () => readFileSync(ORDERS, 'utf8').trimEnd().split('\n')
const file = (name: string, text: string) => {
  const p = join(tmp, name)
  writeFileSync(p, text)
  return p
}

describe('reconcile --batch --infer', () => {
  it('the example files are what test/infer/example.ts writes', () => {
    expect(JSON.parse(readFileSync(STORE, 'utf8'))).toEqual(EXAMPLE_STORE)
    expect(lines()).toEqual(exampleOrders())
  })

  it('prints the inferred settings as account fields and the counts; one order unexplained (the tampered one): exit 1', async () => {
    const r = await run(['reconcile', '--batch', ORDERS, '-s', STORE, '--infer'])
    expect(r.code).toBe(1)
    expect(r.err).toBe('')
    expect(r.out).toContain('24 orders: 23 reproduced by the inferred settings, 1 unexplained')
    expect(r.out).toContain('Changes to the store: tax_rounding "total", allocation "carry"')
    expect(r.out).toContain(`{\n  "tax_rounding": "total",\n  "allocation": "carry"\n}`)
    expect(r.out).toContain('Alternatives (as many orders, as many changes): 0')
    expect(r.out).toMatch(new RegExp(`line ${EXAMPLE_TAMPERED_LINE}: products\\[0\\]\\.totals\\.tax: ours (\\d+), API (\\d+)`))
    const [, ours, api] = /ours (\d+), API (\d+)/.exec(r.out)!
    expect(Number(api)).toBe(Number(ours) + 1)
  })

  it('--format json prints the Inference, each unexplained order with its line', async () => {
    const r = await run(['reconcile', '--batch', ORDERS, '-s', STORE, '--infer', '-f', 'json'])
    expect(r.code).toBe(1)
    const j = JSON.parse(r.out) as { policies: unknown; matched: number; total: number; account: unknown; alternatives: unknown[]; unexplained: { index: number; line: number; differences: { path: string }[] }[] }
    expect(j).toMatchObject({ policies: EXAMPLE_HIDDEN, account: EXAMPLE_HIDDEN, matched: 23, total: 24, alternatives: [] })
    expect(j.unexplained).toHaveLength(1)
    expect(j.unexplained[0]).toMatchObject({ index: EXAMPLE_TAMPERED_LINE - 1, line: EXAMPLE_TAMPERED_LINE })
    expect(j.unexplained[0]!.differences.map((d) => d.path)).toEqual(['products[0].totals.tax'])
  })

  it('exit 0 when every order is explained (the tampered line left out, from standard input)', async () => {
    const rest = lines().filter((_, i) => i !== EXAMPLE_TAMPERED_LINE - 1)
    const r = await run(['reconcile', '--batch', '-', '-s', STORE, '--infer', '--stats'], `${rest.join('\n')}\n`)
    expect(r.code).toBe(0)
    expect(r.out).toContain('23 orders: 23 reproduced by the inferred settings, 0 unexplained')
    expect(r.err).toMatch(/^stats: \d+\.\d s, [\d,]+ estimates, 23 orders on 1 thread\n$/)
  })

  it('unreadable lines (invalid JSON, no response, an invalid option) are listed with their line numbers and exit 2; the rest are inferred', async () => {
    const all = lines()
    const bad = [all[0]!, 'not json', JSON.stringify({ request: {} }), '', JSON.stringify({ ...(JSON.parse(all[1]!) as object), options: { rounding: 'bankers' } }), ...all.slice(2, 6)]
    const r = await run(['reconcile', '--batch', file('bad.ndjson', bad.join('\n')), '-s', STORE, '--infer'])
    expect(r.code).toBe(2)
    expect(r.out).toContain('5 orders: 5 reproduced by the inferred settings, 0 unexplained, 3 unreadable')
    expect(r.out).toMatch(/line 2: invalid JSON/)
    expect(r.out).toMatch(/line 3: expected an object/)
    expect(r.out).toMatch(/line 5: options\.rounding: is not a valid option.*\[invalid_option\]/)
  })

  it('a policy in a line’s options (or in --options) is not searched for that order: its value wins', async () => {
    // Every line pinned to line-level tax rounding: the document-level rounding cannot be found.
    const pinned = lines().map((l) => JSON.stringify({ ...(JSON.parse(l) as object), options: { tax_rounding: 'line' } }))
    const a = await run(['reconcile', '--batch', file('pinned.ndjson', pinned.join('\n')), '-s', STORE, '--infer', '-f', 'json'])
    const b = await run(['reconcile', '--batch', ORDERS, '-s', STORE, '--infer', '-f', 'json', '-o', file('opts.json', '{"tax_rounding": "line"}')])
    for (const r of [a, b]) {
      const j = JSON.parse(r.out) as { policies: Record<string, string>; matched: number }
      expect(j.policies.tax_rounding).toBeUndefined()
      expect(j.matched).toBeLessThan(23)
    }
    expect(JSON.parse(a.out)).toEqual(JSON.parse(b.out))
  })

  it('--jobs does not go with --infer, nor --infer without --batch: usage errors (exit 2)', async () => {
    const j = await run(['reconcile', '--batch', ORDERS, '-s', STORE, '--infer', '-j', '2'])
    expect(j.code).toBe(2)
    expect(j.err).toMatch(/^tamio-pricing: --infer runs on one thread: --jobs does not go with it\n$/)
    const s = await run(['reconcile', 'a.json', 'b.json', '-s', STORE, '--infer'])
    expect(s.code).toBe(2)
    expect(s.err).toMatch(/--infer goes with --batch/)
  })
})

describe('batch lines and typos (reconcile --batch, with and without --infer)', () => {
  const AT = '2026-03-02T09:30:00Z'
  const store = {
    account: { base_currency: 'EUR', country: 'DE' },
    tax_rates: [{ id: 'de', label: 'MwSt.', jurisdiction: 'DE', category: null, rate_percent: '19', vat_tax: true }],
    products: [{ id: 'groesse', name: 'Größe M', type: 'service', price: 1000, currency: 'EUR' }],
  }
  const storeFile = file('utf8-store.json', JSON.stringify(store))
  const request = { products: [{ id: 'groesse' }], new_customer: { country: 'DE' } }
  const response = estimate(createStore(store as never), request as never, { at: AT })

  it('a character split across two chunks of standard input is read whole (--infer decodes the stream, not each chunk)', async () => {
    const line = Buffer.from(`${JSON.stringify({ request, response, at: AT })}\n`)
    const o = line.indexOf(Buffer.from('ö'))
    expect(o).toBeGreaterThan(0)
    // split inside the two bytes of "ö" (0xC3 0xB6)
    const chunks = [line.subarray(0, o + 1), line.subarray(o + 1)]
    for (const extra of [['--infer'], ['-j', '1']]) {
      const r = await run(['reconcile', '--batch', '-', '-s', storeFile, ...extra], chunks)
      expect(r.code, r.out + r.err).toBe(0)
      expect(r.out).toMatch(extra[0] === '--infer' ? /^1 orders: 1 reproduced/ : /^1 orders: 1 matched/)
    }
  })

  it('a line with a key a batch line does not know (option for options) is unreadable, with the suggestion', async () => {
    const text = [JSON.stringify({ request, response, at: AT }), JSON.stringify({ request, response, at: AT, option: { rounding: 'up' } }), JSON.stringify({ request, response, at: 12 })].join('\n')
    for (const extra of [['--infer'], ['-j', '1']]) {
      const r = await run(['reconcile', '--batch', file('keys.ndjson', text), '-s', storeFile, ...extra])
      expect(r.code).toBe(2)
      expect(r.out).toContain('line 2: unknown key "option" (did you mean "options"?)')
      expect(r.out).toContain('line 3: "at" must be an ISO 8601 string')
    }
  })

  it('typos in the requests or options are counted by typo, once per order, though the orders match', async () => {
    const typo = { ...request, products: [{ id: 'groesse', qty: 1 }] }
    // the same typo on both lines of one order counts that order once
    const twice = { ...request, products: [{ id: 'groesse', qty: 1 }, { id: 'groesse', qty: 1 }] }
    const twiceResponse = estimate(createStore(store as never), twice as never, { at: AT })
    const text = [
      JSON.stringify({ request: typo, response, at: AT }),
      JSON.stringify({ request: typo, response, at: AT, options: { roundng: 'up' } }),
      JSON.stringify({ request: twice, response: twiceResponse, at: AT }),
    ].join('\n')
    for (const extra of [['--infer'], ['-j', '1']]) {
      const r = await run(['reconcile', '--batch', file('typos.ndjson', text), '-s', storeFile, ...extra])
      expect(r.code, r.out).toBe(0)
      expect(r.out).toContain('Typos in the orders')
      expect(r.out).toMatch(/ {8}3 {2}unknown_field at products\[\]\.qty: .*quantity/)
      expect(r.out).toMatch(/ {8}1 {2}unknown_field at options\.roundng: .*rounding/)
    }
    // the single form names them on stderr
    const one = await run(['reconcile', file('typo-req.json', JSON.stringify(typo)), file('resp.json', JSON.stringify(response)), '-s', storeFile, '--at', AT])
    expect(one.code).toBe(0)
    expect(one.err).toMatch(/warning: .*typo-req\.json: products\[0\]\.qty: .*\[unknown_field\]/)
  })
})

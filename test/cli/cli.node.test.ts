/**
 * The `tamio-pricing` binary, run for real (`node <pkg>/dist/cli.js …` through child_process) from
 * the package the node project's global setup built: `estimate` and `reconcile` with every exit
 * code, standard input, the options file, explanations in text and in JSON, and file errors as one
 * line without a stack trace. Expected numbers come from `estimate()` in process or from the
 * fixture's worked example (SPEC's 10000 + 1900 + 1312 + 249).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStore, estimate, explain, formatAmount, StoreConfigError, type EstimateRequest, type StoreConfig } from '../../src/index'
import { binary, expectOneLineError, FIXTURE_AT, FIXTURES, runBinary } from './run'

const FIX = join(FIXTURES, 'api-estimate-de')
const STORE = join(FIX, 'store.json')
const REQUEST = join(FIX, 'request.json')
const RESPONSE = join(FIX, 'response.json')

let CLI = ''
let dir = ''
const cli = (...args: string[]) => runBinary(CLI, args)
const cliIn = (input: string, ...args: string[]) => runBinary(CLI, args, { input })

function write(name: string, content: string): string {
  const f = join(dir, name)
  writeFileSync(f, content)
  return f
}

const json = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'))
const fixtureStore = () => createStore(json(STORE) as StoreConfig)
const fixtureRequest = () => json(REQUEST) as EstimateRequest

beforeAll(() => {
  CLI = binary()
  dir = mkdtempSync(join(tmpdir(), 'tamio-cli-'))
})
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe.concurrent('tamio-pricing estimate', () => {
  it('prints the fixture as a table, amounts through formatAmount, and exits 0', async () => {
    const r = await cli('estimate', REQUEST, '--store', STORE, '--at', FIXTURE_AT)
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/Big painting\s+1\s+€100\.00/)
    expect(r.stdout).toMatch(new RegExp(`Total\\s+${formatAmount(10000 + 1900 + 1312 + 249, 'EUR').replace(/[.$]/g, '\\$&')}`))
    expect(r.stdout).toContain('€2.49') // shipping tax: round(1312 × 19%) = 249 cents
    expect(r.stderr).toBe('')
  })

  it('--locale writes the table in that locale', async () => {
    const r = await cli('estimate', REQUEST, '-s', STORE, '--at', FIXTURE_AT, '--locale', 'de-DE')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain(formatAmount(13461, 'EUR', 'de-DE'))
    await expectOneLineError(cli('estimate', REQUEST, '-s', STORE, '--locale', 'no such locale!'), /--locale "no such locale!" is not a locale/)
  })

  it('--format json prints exactly the envelope estimate() gives in process, without a trace unless asked', async () => {
    const r = await cli('estimate', REQUEST, '--store', STORE, '--at', FIXTURE_AT, '--format', 'json')
    expect(r.status).toBe(0)
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(estimate(fixtureStore(), fixtureRequest(), { at: FIXTURE_AT }))))
    expect((JSON.parse(r.stdout) as { transaction: { totals: { total: number } } }).transaction.totals.total).toBe(10000 + 1900 + 1312 + 249)
    const traced = JSON.parse((await cli('estimate', REQUEST, '--store', STORE, '--at', FIXTURE_AT, '--format', 'json', '--trace')).stdout) as { trace?: { version: number } }
    const inProcess = estimate(fixtureStore(), fixtureRequest(), { at: FIXTURE_AT, trace: true })
    expect(traced.trace?.version).toBe(inProcess.status === 200 ? inProcess.trace?.version : undefined)
    expect(traced.trace?.version).toBeGreaterThanOrEqual(1)
  })

  it('short aliases and --name=value spell the same command: -s, -f, -o, -sFILE', async () => {
    const opts = write('opts-alias.json', JSON.stringify({ instalment_rounding: 'exact' }))
    const long = await cli('estimate', REQUEST, '--store', STORE, '--format', 'json', '--options', opts, '--at', FIXTURE_AT)
    expect(long.status).toBe(0)
    expect((await cli('estimate', REQUEST, '-s', STORE, '-f', 'json', '-o', opts, '--at', FIXTURE_AT)).stdout).toBe(long.stdout)
    expect((await cli('estimate', REQUEST, `-s${STORE}`, '-fjson', `--options=${opts}`, `--at=${FIXTURE_AT}`)).stdout).toBe(long.stdout)
    // The options file took effect: exact instalment rounding keeps the cent the API drops (17499, not 17498).
    expect((JSON.parse(long.stdout) as { transaction: { instalments: { total_amount: number }[] } }).transaction.instalments[0]!.total_amount).toBe(17499)
  })

  it('"-" reads the request from standard input', async () => {
    const fromFile = await cli('estimate', REQUEST, '-s', STORE, '-f', 'json', '--at', FIXTURE_AT)
    const fromStdin = await cliIn(readFileSync(REQUEST, 'utf8'), 'estimate', '-', '-s', STORE, '-f', 'json', '--at', FIXTURE_AT)
    expect(fromStdin.status).toBe(0)
    expect(fromStdin.stdout).toBe(fromFile.stdout)
    // The store can come from standard input too, but only one file can.
    expect((await cliIn(readFileSync(STORE, 'utf8'), 'estimate', REQUEST, '-s', '-', '-f', 'json', '--at', FIXTURE_AT)).stdout).toBe(fromFile.stdout)
    await expectOneLineError(cliIn('{}', 'estimate', '-', '-s', '-'), /standard input \("-"\) can be read once/)
  })

  it('--explain prints how an amount was derived after the table', async () => {
    const r = await cli('estimate', REQUEST, '--store', STORE, '--at', FIXTURE_AT, '--explain', 'products[0].totals.shipping_tax')
    expect(r.status).toBe(0)
    expect(r.stdout).toContain('products[0].totals.shipping_tax = round_half_up(1312 × 19%) = round(249.28) = 249')
  })

  it('--format json --explain: one JSON document (explanations under "explain", no trace unless --trace)', async () => {
    const paths = ['products[0].totals.shipping_tax', 'totals.total']
    const r = await cli('estimate', REQUEST, '-s', STORE, '--at', FIXTURE_AT, '-f', 'json', '--explain', paths[0]!, '--explain', paths[1]!)
    expect(r.status).toBe(0)
    const doc = JSON.parse(r.stdout) as { status: number; trace?: unknown; explain: Record<string, string[]> }
    const traced = estimate(fixtureStore(), fixtureRequest(), { at: FIXTURE_AT, trace: true })
    expect(doc.explain).toEqual(Object.fromEntries(paths.map((p) => [p, explain(traced, p)])))
    expect(doc.status).toBe(200)
    expect(doc.trace).toBeUndefined()
    const withTrace = JSON.parse((await cli('estimate', REQUEST, '-s', STORE, '--at', FIXTURE_AT, '-f', 'json', '--explain', paths[0]!, '--trace')).stdout) as { trace?: unknown }
    expect(withTrace.trace).toBeDefined()
  })

  it('an --explain path that is not an amount is a usage error (exit 2) with the closest path, and prints no result', async () => {
    await expectOneLineError(cli('estimate', REQUEST, '-s', STORE, '--at', FIXTURE_AT, '-f', 'json', '--explain', 'totals.totl'), /--explain "totals\.totl" is not an amount of this estimate — did you mean totals\.total\?/)
    await expectOneLineError(cli('estimate', REQUEST, '-s', STORE, '--at', FIXTURE_AT, '--explain', 'nothing.like.it'), /is not an amount of this estimate \(amounts are like/)
  })

  it('a request the API would reject prints the 400 errors and exits 1 (in JSON: the 400 envelope)', async () => {
    const req = write('unknown.json', JSON.stringify({ products: [{ id: 'nope' }], customer: { id: '9c91c6eb-9146-4bf5-82da-dc73aba59a46' } }))
    const r = await cli('estimate', req, '--store', STORE, '--at', FIXTURE_AT)
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/unknown_product at products\[0\]\.id/)
    const j = await cli('estimate', req, '--store', STORE, '--at', FIXTURE_AT, '-f', 'json', '--explain', 'totals.total')
    expect(j.status).toBe(1)
    expect(JSON.parse(j.stdout)).toEqual(JSON.parse(JSON.stringify(estimate(fixtureStore(), json(req) as EstimateRequest, { at: FIXTURE_AT }))))
    expect(j.stderr).toMatch(/nothing to explain: the request is rejected \(400\)/)
  })
})

describe.concurrent('the --options file: every problem is a usage error (exit 2)', () => {
  it('cannot be read, is not JSON, is not an object', async () => {
    await expectOneLineError(cli('estimate', REQUEST, '-s', STORE, '-o', join(dir, 'no-options.json')), /cannot read .*no-options\.json: no such file/)
    await expectOneLineError(cli('estimate', REQUEST, '-s', STORE, '-o', write('opts-bad.json', '{"rounding":')), /opts-bad\.json is not valid JSON \(estimate options\)/)
    await expectOneLineError(cli('estimate', REQUEST, '-s', STORE, '-o', write('opts-arr.json', '["half_up"]')), /opts-arr\.json does not hold estimate options: expected a JSON object, got an array/)
  })

  it('holds an invalid option: named by its path, as estimate() names it — one line for one, a list for several', async () => {
    const one = write('opts-one.json', JSON.stringify({ rounding: 'sideways' }))
    const inProcess = estimate(fixtureStore(), fixtureRequest(), { rounding: 'sideways' } as never)
    expect(inProcess.status).toBe(400) // the library's own validation is what the CLI reports
    const code = inProcess.status === 400 ? inProcess.errors.find((e) => e.path === 'options.rounding')?.code : undefined
    expect(code).toBe('invalid_option')
    await expectOneLineError(cli('estimate', REQUEST, '-s', STORE, '-o', one), /opts-one\.json holds an invalid option: options\.rounding: .* \[invalid_option\]/)
    const two = write('opts-two.json', JSON.stringify({ rounding: 'sideways', tax_rounding: 'never' }))
    const r = await cli('reconcile', REQUEST, RESPONSE, '-s', STORE, '-o', two)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/opts-two\.json holds 2 invalid options:\n {2}options\.rounding: .*\n {2}options\.tax_rounding: /)
    expect(r.stdout).toBe('')
  })
})

describe.concurrent('tamio-pricing reconcile', () => {
  it('the fixture against its own API response: exit 0, a match', async () => {
    const r = await cli('reconcile', REQUEST, RESPONSE, '--store', STORE, '--at', FIXTURE_AT)
    expect(r.stdout).toMatch(/^✓ matches the API response \(\d+ fields compared, estimate shape\)/)
    expect(r.status).toBe(0)
  })

  it('a response one cent off: exit 1 with a readable diff naming the path, both numbers, the delta and a hint', async () => {
    const theirs = json(RESPONSE) as { transaction: { products: { totals: { shipping_tax: number } }[] } }
    theirs.transaction.products[0]!.totals.shipping_tax = 250
    const f = write('off.json', JSON.stringify(theirs))
    const r = await cli('reconcile', REQUEST, f, '--store', STORE, '--at', FIXTURE_AT)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('✗ 1 difference')
    expect(r.stdout).toContain('products[0].totals.shipping_tax: ours 249, API 250 (Δ +1)')
    expect(r.stdout).toMatch(/hint \[inconsistent\]/)
    const j = await cli('reconcile', REQUEST, f, '--store', STORE, '--at', FIXTURE_AT, '--format', 'json')
    const doc = JSON.parse(j.stdout) as { matches: boolean; differences: { path: string }[] }
    expect(doc.matches).toBe(false)
    expect(doc.differences.map((d) => d.path)).toEqual(['products[0].totals.shipping_tax'])
    // The response from standard input gives the same answer.
    expect((await cliIn(JSON.stringify(theirs), 'reconcile', REQUEST, '-', '-s', STORE, '--at', FIXTURE_AT, '-f', 'json')).stdout).toBe(j.stdout)
  })

  it('with --options instalment_rounding "exact": exit 1, the hint names the instalment rounding', async () => {
    const opts = write('exact.json', JSON.stringify({ instalment_rounding: 'exact' }))
    const r = await cli('reconcile', REQUEST, RESPONSE, '--store', STORE, '--at', FIXTURE_AT, '--options', opts)
    expect(r.status).toBe(1)
    expect(r.stdout).toContain('instalments[0].total_amount: ours 17499, API 17498 (Δ -1)')
    expect(r.stdout).toMatch(/hint \[instalment_rounding\]/)
  })

  it('--tolerance 1 accepts the one-cent difference: exit 0; a negative tolerance is a usage error', async () => {
    const theirs = json(RESPONSE) as { transaction: { totals: { total: number } } }
    theirs.transaction.totals.total += 1
    const f = write('tol.json', JSON.stringify(theirs))
    expect((await cli('reconcile', REQUEST, f, '--store', STORE, '--at', FIXTURE_AT, '--tolerance', '1')).status).toBe(0)
    expect((await cli('reconcile', REQUEST, f, '--store', STORE, '--at', FIXTURE_AT)).status).toBe(1)
    await expectOneLineError(cli('reconcile', REQUEST, f, '--store', STORE, '--tolerance', '-1'), /--tolerance must be a non-negative integer/)
  })
})

describe.concurrent('file and input errors: exit 2, never a stack trace', () => {
  it('a missing file', async () => {
    await expectOneLineError(cli('estimate', join(dir, 'missing.json'), '--store', STORE), /cannot read .*missing\.json: no such file/)
    await expectOneLineError(cli('reconcile', REQUEST, RESPONSE, '--store', join(dir, 'nostore.json')), /nostore\.json: no such file/)
  })

  it('invalid JSON', async () => {
    await expectOneLineError(cli('estimate', write('bad.json', '{"products": ['), '--store', STORE), /bad\.json is not valid JSON/)
    await expectOneLineError(cli('reconcile', REQUEST, write('bad2.json', 'nope'), '--store', STORE), /bad2\.json is not valid JSON/)
    await expectOneLineError(cliIn('nope', 'estimate', '-', '--store', STORE), /standard input is not valid JSON \(an estimate request\)/)
  })

  it('the wrong shape: a request that is not an object, a store that is not a store, a response that is not a response', async () => {
    await expectOneLineError(cli('estimate', write('arr.json', '[1,2]'), '--store', STORE), /arr\.json does not hold an estimate request: expected a JSON object, got an array/)
    await expectOneLineError(cli('estimate', REQUEST, '--store', write('no-account.json', '{"products":[]}')), /no-account\.json is not a valid store: account: is required/)
    // A request passed as the store: its missing account, and its `customer` read as a typo.
    const asStore = await cli('estimate', REQUEST, '--store', REQUEST)
    expect(asStore.status).toBe(2)
    expect(asStore.stdout).toBe('')
    expect(asStore.stderr.trimEnd().split('\n')).toEqual([
      expect.stringMatching(/^tamio-pricing: .*request\.json is not a valid store \(2 problems\):$/),
      '  account: is required [required]',
      '  customer: unknown field "customer"; did you mean "customers"? [unknown_field]',
    ])
    await expectOneLineError(cli('reconcile', REQUEST, STORE, '--store', STORE), /store\.json is not an API response/)
  })

  it('an invalid store lists every problem, each with its path and code — as many as createStore finds', async () => {
    const bad = { account: { base_currency: 'EURO', country: 'DE' }, products: [{ id: 'p', name: 'P', type: 'physical_product', price: -5, currency: 'EUR' }], tax_rates: [{ label: 'x', jurisdiction: 'DE', rate_percent: 'lots' }] }
    let issues: readonly { path: string; code: string }[] = []
    try {
      createStore(bad as unknown as StoreConfig)
    } catch (e) {
      if (e instanceof StoreConfigError) issues = e.issues
    }
    expect(issues.length).toBeGreaterThanOrEqual(3)
    const r = await cli('estimate', REQUEST, '-s', write('bad-store.json', JSON.stringify(bad)))
    expect(r.status).toBe(2)
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines[0]).toMatch(new RegExp(`^tamio-pricing: .*bad-store\\.json is not a valid store \\(${issues.length} problems\\):$`))
    expect(lines.slice(1)).toEqual(issues.map((i) => expect.stringContaining(`  ${i.path || '(root)'}: `) as unknown as string))
    for (const [k, i] of issues.entries()) expect(lines[k + 1]).toContain(`[${i.code}]`)
    expect(r.stdout).toBe('')
  })
})

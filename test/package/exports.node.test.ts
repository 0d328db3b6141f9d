/**
 * Smoke test of the built package (staged with its dist/ by the node project's global setup, see
 * test/support/build-dist.ts) through its own `exports` map: a child `node` with cwd in the package
 * directory resolves the bare specifier `tamio-pricing` by package self-reference (package.json has
 * "name" and "exports"), exactly as a consumer's `import` / `require` would — ESM gets
 * dist/index.js, CJS gets dist/index.cjs.
 */
import { describe, expect, inject, it } from 'vitest'
import { pkg, run } from '../support/pkg'

/**
 * Runtime exports every build must have. Extend this list as the public API lands
 * (SPEC §1: createStore, estimate, summarize, reconcile, explain).
 */
const REQUIRED_EXPORTS = [
  'createStore',
  'estimate',
  'summarize',
  'StoreConfigError',
  'mulDivRound',
  'allocate',
  'parseDecimal',
  'Rounding',
  'MoneyError',
] as const

/** What the child prints: resolved file, export names, and a few real calls. */
const PROBE = `
  const out = {
    names: Object.keys(m).filter((k) => k !== 'default' && k !== '__esModule').sort(),
    allocate: m.allocate(100, [1, 1, 1]),
    moneyError: (() => { try { m.parseDecimal('not a number'); return 'no throw' }
                        catch (e) { return e instanceof m.MoneyError ? 'MoneyError' : String(e) } })(),
  }
  process.stdout.write(JSON.stringify({ resolved, ...out }))
`

interface Probe {
  resolved: string
  names: string[]
  allocate: number[]
  moneyError: string
}

function probe(kind: 'esm' | 'cjs'): Probe {
  const script =
    kind === 'esm'
      ? `const m = await import('${pkg.name}'); const resolved = import.meta.resolve('${pkg.name}');${PROBE}`
      : `const m = require('${pkg.name}'); const resolved = require.resolve('${pkg.name}');${PROBE}`
  const args = kind === 'esm' ? ['--input-type=module', '-e', script] : ['--input-type=commonjs', '-e', script]
  const r = run(process.execPath, args, { cwd: inject('pkgDir') })
  expect(r.stderr, `node (${kind}) stderr`).toBe('')
  expect(r.status, `node (${kind}) exit status`).toBe(0)
  return JSON.parse(r.stdout) as Probe
}

describe('built package loads through its exports map', () => {
  const esm = probe('esm')
  const cjs = probe('cjs')

  it('ESM import resolves to dist/index.js and CJS require to dist/index.cjs', () => {
    const dir = inject('pkgDir')
    expect(esm.resolved).toBe(`file://${dir}/dist/index.js`)
    expect(cjs.resolved).toBe(`${dir}/dist/index.cjs`)
  })

  it.each(REQUIRED_EXPORTS)('exports %s in both formats', (name) => {
    expect(esm.names).toContain(name)
    expect(cjs.names).toContain(name)
  })

  it('ESM and CJS builds export the same names', () => {
    expect(cjs.names).toEqual(esm.names)
  })

  it('the exports work: largest-remainder allocation and the typed error', () => {
    for (const p of [esm, cjs]) {
      expect(p.allocate).toEqual([34, 33, 33])
      expect(p.moneyError).toBe('MoneyError')
    }
  })
})

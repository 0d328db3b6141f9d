/**
 * A `Store` made by the CJS build works with the ESM build's `estimate` and the other way round
 * (SPEC §7): one Node process loads both builds of the packed, installed package — `import` gets
 * dist/index.js, `require` dist/index.cjs, two module instances, as in an app whose own code imports
 * the library while one of its dependencies requires it — and estimates with every pairing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { createStore, estimate } from '../../src/index'
import exampleStore from '../../examples/cart-preview/store.json'
import { AT } from '../support/carts'
import { installPacked, pkg, run } from '../support/pkg'

const REQUESTS = [
  { products: [{ id: 'mug', quantity: 2 }, { id: 'field-guide' }], coupons: ['SAVE10'], new_customer: { name: 'A', email: 'a@example.com', country: 'DE' } },
  { products: [{ id: 'print' }, { id: 'ebook', quantity: 3 }], coupons: ['FREESHIP', 'NOPE'], shipping: { tamio: 'express' }, new_customer: { name: 'B', email: 'b@example.com', country: 'FR' } },
]

/** Runs in the consumer project; prints what it saw as JSON. */
const PROBE = `
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
const { config, requests, at } = JSON.parse(readFileSync('./input.json', 'utf8'))
const builds = { esm: await import('tamio-pricing'), cjs: createRequire(import.meta.url)('tamio-pricing') }
const stores = { esm: builds.esm.createStore(config), cjs: builds.cjs.createStore(config) }
const fails = (f) => { try { f(); return null } catch (e) { return { name: e.name, issues: e.issues } } }
const other = Object.create(null)
Object.defineProperty(other, Symbol.for('tamio-pricing.store'), { value: '0.0.1' })
process.stdout.write(JSON.stringify({
  resolved: { esm: import.meta.resolve('tamio-pricing'), cjs: createRequire(import.meta.url).resolve('tamio-pricing') },
  twoInstances: builds.esm.estimate !== builds.cjs.estimate && builds.esm.StoreConfigError !== builds.cjs.StoreConfigError,
  brand: { esm: stores.esm[Symbol.for('tamio-pricing.store')], cjs: stores.cjs[Symbol.for('tamio-pricing.store')] },
  pairs: Object.fromEntries(['esm', 'cjs'].flatMap((made) => ['esm', 'cjs'].map((by) =>
    [made + ' store, ' + by + ' estimate', requests.map((r) => fails(() => builds[by].estimate(stores[made], r, { at })) ?? builds[by].estimate(stores[made], r, { at }))]))),
  rawConfig: { esm: fails(() => builds.esm.estimate(config, requests[0], { at })), cjs: fails(() => builds.cjs.estimate(config, requests[0], { at })) },
  otherVersion: { esm: fails(() => builds.esm.estimate(other, requests[0], { at })), cjs: fails(() => builds.cjs.estimate(other, requests[0], { at })) },
}))
`

describe('CJS and ESM builds accept each other’s Store', () => {
  const project = mkdtempSync(join(tmpdir(), 'tamio-cross-build-'))
  afterAll(() => rmSync(project, { recursive: true, force: true }))
  installPacked(inject('pkgDir'), project)
  writeFileSync(join(project, 'input.json'), JSON.stringify({ config: exampleStore, requests: REQUESTS, at: AT }))
  writeFileSync(join(project, 'probe.mjs'), PROBE)
  const r = run(process.execPath, ['probe.mjs'], { cwd: project })
  const seen = JSON.parse(r.status === 0 ? r.stdout : 'null') as {
    resolved: { esm: string; cjs: string }
    twoInstances: boolean
    brand: { esm: unknown; cjs: unknown }
    pairs: Record<string, unknown[]>
    rawConfig: Record<'esm' | 'cjs', { name: string; issues: { code: string; message: string }[] } | null>
    otherVersion: Record<'esm' | 'cjs', { name: string; issues: { code: string; message: string }[] } | null>
  }

  it('the probe ran: one process, the installed package, two distinct module instances', () => {
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(seen.resolved.esm).toMatch(/\/node_modules\/tamio-pricing\/dist\/index\.js$/)
    expect(seen.resolved.cjs).toMatch(/\/node_modules\/tamio-pricing\/dist\/index\.cjs$/)
    expect(seen.twoInstances).toBe(true)
  })

  it('every pairing (made by ESM or CJS, estimated by ESM or CJS) gives estimate()’s result', () => {
    const src = createStore(exampleStore as never)
    const want = JSON.stringify(REQUESTS.map((q) => estimate(src, q as never, { at: AT })))
    expect(Object.keys(seen.pairs).sort()).toEqual(['cjs store, cjs estimate', 'cjs store, esm estimate', 'esm store, cjs estimate', 'esm store, esm estimate'])
    for (const [pair, got] of Object.entries(seen.pairs)) expect(JSON.stringify(got), pair).toBe(want)
    expect(JSON.parse(want).map((x: { status: number }) => x.status)).toEqual([200, 200])
  })

  it('the store is branded with the package version, and a store of another version is refused by name', () => {
    expect(seen.brand).toEqual({ esm: pkg.version, cjs: pkg.version })
    for (const build of ['esm', 'cjs'] as const) {
      expect(seen.otherVersion[build]?.name).toBe('StoreConfigError')
      expect(seen.otherVersion[build]?.issues.map((i) => i.code)).toEqual(['invalid_store'])
      expect(seen.otherVersion[build]?.issues[0]?.message).toContain(`made by tamio-pricing 0.0.1, not ${pkg.version}`)
    }
  })

  it('a raw config passed as a store is still refused with invalid_store', () => {
    for (const build of ['esm', 'cjs'] as const) {
      expect(seen.rawConfig[build]?.name).toBe('StoreConfigError')
      expect(seen.rawConfig[build]?.issues.map((i) => i.code)).toEqual(['invalid_store'])
    }
  })
})

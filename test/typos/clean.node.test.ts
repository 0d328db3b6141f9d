/**
 * Real documents give no typo issue: the Inventory API's product examples (every field it
 * documents is known), both API fixtures, and every store and request under examples/ — found by
 * walking the folders, so a new example is checked the day it is added. Node-only: it reads files.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createStore, estimate, type EstimateRequest, type StoreConfig } from '../../src/index'
import { PRODUCT } from '../../src/input/fields'
import { Reader } from '../../src/input/read'
import { ROOT } from '../support/pkg'

type Json = Record<string, unknown>

const read = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json

/** Every `*.json` under `dir`, recursively. */
function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : jsonFiles(p)
    return e.name.endsWith('.json') ? [p] : []
  })
}

const FOLDERS = [join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures')]
const files = FOLDERS.flatMap(jsonFiles)
const stores = files.filter((f) => f.endsWith('/store.json'))
const requests = files.filter((f) => f.endsWith('/request.json'))
const INVENTORY = join(ROOT, 'test', 'fixtures', 'inventory-product')
const ACCOUNT = { base_currency: 'EUR', country: 'DE' }

describe('the Inventory API product examples are known field for field', () => {
  it('the returned product object: a store product with no warning', () => {
    const { product } = read(join(INVENTORY, 'response.json')) as { product: Json }
    expect(Object.keys(product)).toHaveLength(39) // the whole example, not a stub
    expect(createStore({ account: ACCOUNT, products: [product] } as unknown as StoreConfig).warnings).toEqual([])
  })

  it('a product with every body parameter the document lists: no warning', () => {
    const product = read(join(INVENTORY, 'parameters.json'))
    expect(createStore({ account: ACCOUNT, products: [product] } as unknown as StoreConfig).warnings).toEqual([])
  })

  it('the example create body (a product shape without ids): no unknown key', () => {
    const r = new Reader()
    r.keys(read(join(INVENTORY, 'create-body.json')), 'products[0]', PRODUCT)
    expect([...r.issues, ...r.warnings]).toEqual([])
  })

  it('the walk is not vacuous: a misspelt field of the same example is reported', () => {
    const { product } = read(join(INVENTORY, 'response.json')) as { product: Json }
    const variations = product.variations as { variants: Json[] }
    variations.variants[0]!.stock_brakdown = variations.variants[0]!.stock_breakdown
    const warnings = createStore({ account: ACCOUNT, products: [product] } as unknown as StoreConfig).warnings
    expect(warnings.map((w) => [w.path, w.suggestion])).toEqual([['products[0].variations.variants[0].stock_brakdown', 'stock_breakdown']])
  })
})

describe('fixtures and examples give no typo issue', () => {
  it('finds the stores and requests it checks', () => {
    const names = [...stores, ...requests].map((f) => relative(ROOT, f))
    for (const f of ['examples/api-estimate-de/store.json', 'examples/cart-preview/store.json', 'test/fixtures/api-create-de/store.json', 'test/fixtures/api-estimate-de/request.json']) {
      expect(names).toContain(f)
    }
  })

  it.each(stores.map((f) => [relative(ROOT, f), f]))('%s: a store with no warning', (_, file) => {
    expect(createStore(read(file) as unknown as StoreConfig).warnings).toEqual([])
  })

  it.each(requests.map((f) => [relative(ROOT, f), f]))('%s: estimated with its store, no unknown_field', (_, file) => {
    const store = createStore(read(join(file, '..', 'store.json')) as unknown as StoreConfig)
    const res = estimate(store, read(file) as unknown as EstimateRequest, { at: '2026-11-25T12:00:00Z' })
    expect(res.status).toBe(200)
    expect(res.warnings.filter((w) => w.code === 'unknown_field' || w.code === 'unknown_value')).toEqual([])
  })
})

/**
 * The shipped JSON Schemas: generated from the public types (the committed files are what the
 * generator gives today), valid draft 2020-12 for Ajv in strict mode, accepting every fixture,
 * example and recorded corpus input, rejecting the mistakes of the typo table that are a schema
 * matter (at the same path the library reports), and agreeing key for key with the runtime's
 * known-field lists. Node-only: it reads files and runs the TypeScript compiler.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { createStore, type StoreConfig } from '../../src/index'
import { OPTIONS, REQUEST, STORE_CONFIG } from '../../src/input/fields'
import type { Fields } from '../../src/input/known'
import { readCorpus } from '../regression/corpus'
import { ROOT, pkg } from '../support/pkg'
import { BATCH_STORE } from '../cli/orders'
import { CUSTOMER_MISTAKES, MISTAKES, NEW_CUSTOMER_REQUEST, REQUEST as RICH_REQUEST, RICH_STORE, type Json, type Mistake } from '../typos/mistakes'
import { generateSchemas, SCHEMA_DIR, SCHEMAS, schemaText, type SchemaFile } from './generate'

const FILES = Object.keys(SCHEMAS) as SchemaFile[]
const committed = Object.fromEntries(FILES.map((f) => [f, JSON.parse(readFileSync(join(SCHEMA_DIR, f), 'utf8')) as Json])) as Record<SchemaFile, Json>
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true })
const validators = Object.fromEntries(FILES.map((f) => [f, ajv.compile(committed[f])])) as Record<SchemaFile, ValidateFunction>

const read = (file: string): Json => JSON.parse(readFileSync(file, 'utf8')) as Json
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

function errorsOf(file: SchemaFile, value: unknown): ErrorObject[] {
  const ok = validators[file](value)
  return ok ? [] : [...(validators[file].errors ?? [])]
}

/** `products[0].languages.en` → `/products/0/languages/en` (the JSON pointer Ajv reports). */
function pointer(path: string): string {
  const parts: string[] = []
  for (const m of path.matchAll(/\.?([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) parts.push(m[1] ?? m[2] ?? JSON.parse(`"${m[3]!}"`))
  return parts.map((p) => `/${p.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
}

describe('the committed schemas are generated from the types', () => {
  let fresh: Record<SchemaFile, Json>
  beforeAll(() => {
    fresh = generateSchemas()
  }, 120_000)

  it.each(FILES)('schemas/%s is what the generator gives today (else: npm run schemas)', (f) => {
    expect(readFileSync(join(SCHEMA_DIR, f), 'utf8')).toBe(schemaText(fresh[f]))
  })

  it('draft 2020-12, with an $id and a title each', () => {
    for (const f of FILES) {
      expect(committed[f].$schema).toBe('https://json-schema.org/draft/2020-12/schema')
      expect(committed[f].$id).toBe(`urn:tamio-pricing:schemas:${f.replace('.json', '')}`)
      expect(typeof committed[f].title).toBe('string')
    }
  })

  it('shipped: listed in the package exports and files', () => {
    const p = pkg as unknown as { exports: Record<string, unknown>; files: string[] }
    for (const f of FILES) expect(p.exports[`./schemas/${f}`]).toBe(`./schemas/${f}`)
    expect(p.files).toContain('schemas/*.json')
    expect(readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.json')).sort()).toEqual([...FILES].sort())
  })
})

describe('every property is described in plain words', () => {
  /** Every `properties` entry and every definition, with where it is. */
  function described(node: unknown, where: string, out: [string, unknown][]): [string, unknown][] {
    if (Array.isArray(node)) node.forEach((x, i) => described(x, `${where}[${i}]`, out))
    else if (node !== null && typeof node === 'object') {
      const o = node as Json
      for (const [k, v] of Object.entries(o)) {
        if (k === 'properties' || k === '$defs') for (const [name, sub] of Object.entries(v as Json)) out.push([`${where}.${name}`, (sub as Json).description])
        described(v, `${where}.${k}`, out)
      }
    }
    return out
  }

  it.each(FILES)('%s: a description on every property and definition, none naming the spec, a seed or an issue', (f) => {
    const all = described(committed[f], f, [])
    expect(all.length).toBeGreaterThan(10)
    expect(all.filter(([, d]) => typeof d !== 'string' || d.length < 8).map(([w]) => w)).toEqual([])
    expect(all.filter(([, d]) => /SPEC|§|\bseeds?\b|\bissue \d/i.test(String(d))).map(([w]) => w)).toEqual([])
  })
})

describe('the schemas accept every real input', () => {
  /** Every store.json and request.json under `dir`. */
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name === 'store.json' || e.name === 'request.json' ? [join(dir, e.name)] : []))
  const stores = [join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures')].flatMap(walk)

  it.each(stores.map((f) => [f.slice(ROOT.length), f]))('%s', (_, file) => {
    expect(errorsOf(file.endsWith('store.json') ? 'store-config.json' : 'estimate-request.json', read(file))).toEqual([])
  })

  it('the rich store and requests, the batch store, and the Inventory API product examples in a store', () => {
    const account = { base_currency: 'EUR', country: 'DE' }
    const inventory = join(ROOT, 'test', 'fixtures', 'inventory-product')
    const products = [(read(join(inventory, 'response.json')) as { product: Json }).product, read(join(inventory, 'parameters.json'))]
    for (const s of [RICH_STORE, BATCH_STORE, { account, products }]) expect(errorsOf('store-config.json', s)).toEqual([])
    for (const r of [RICH_REQUEST, NEW_CUSTOMER_REQUEST]) expect(errorsOf('estimate-request.json', r)).toEqual([])
  })

  it('a store with a "$schema" key: valid for the schema and for createStore (no error, no warning)', () => {
    const store = { $schema: './node_modules/tamio-pricing/schemas/store-config.json', ...read(join(ROOT, 'examples', 'api-estimate-de', 'store.json')) }
    expect(errorsOf('store-config.json', store)).toEqual([])
    expect(createStore(store as unknown as StoreConfig).warnings).toEqual([])
  })

  it('every input of the regression corpus that the library prices (stores, requests, options, and each as a batch line)', () => {
    const { stores: configs, cases } = readCorpus()
    const priced = cases.filter((c) => {
      const out = c.out as { estimate?: { status?: number } }
      return out.estimate?.status === 200
    })
    expect(priced.length).toBeGreaterThan(3000)
    const bad = (file: SchemaFile, v: unknown, name: string) => {
      const e = errorsOf(file, v)
      return e.length === 0 ? [] : [`${name}: ${file} ${ajv.errorsText(e)}`]
    }
    const failures = [...new Set(priced.map((c) => c.store))].flatMap((i) => bad('store-config.json', configs[i], `store ${i}`))
    for (const c of priced) {
      failures.push(...bad('estimate-request.json', c.request, c.name), ...bad('estimate-options.json', c.options, c.name))
      const response = (c.out as { estimate: unknown }).estimate
      failures.push(...bad('batch-line.json', { request: c.request, response, at: c.options.at, options: c.options }, c.name))
    }
    expect(failures.slice(0, 5)).toEqual([])
  })
})

describe('the schemas reject the mistakes that are a schema matter, where the library reports them', () => {
  const SCHEMA_OF = { store: 'store-config.json', request: 'estimate-request.json', options: 'estimate-options.json' } as const
  const rows = [...MISTAKES.map((m) => [m, RICH_REQUEST] as const), ...CUSTOMER_MISTAKES.map((m) => [m, NEW_CUSTOMER_REQUEST] as const)]
    // Rows about a combination (strict plus a request mistake) are not about one document.
    .filter(([m]) => !m.name.startsWith('strict'))

  /** Whether a schema can see the mistake: all but a plausible-but-doubtful value can. */
  const schemaMatter = (m: Mistake) => m.expect.code !== 'percent_below_one'

  it.each(rows.map(([m, base]) => [m.name, m, base] as const))('%s', (_, m, base) => {
    const doc = clone(m.on === 'store' ? RICH_STORE : m.on === 'request' ? base : {}) as Json
    m.edit(doc)
    const errors = errorsOf(SCHEMA_OF[m.on], doc)
    if (!schemaMatter(m)) return void expect(errors).toEqual([])
    expect(errors.length).toBeGreaterThan(0)
    if (m.expect.code !== 'unknown_field') return
    // An unknown key: Ajv names it at the same place as the library's path.
    const path = m.on === 'options' ? m.expect.path.replace(/^options\./, '') : m.expect.path
    const parent = pointer(path.replace(/(^|\.)[A-Za-z_$][\w$]*$|\["(?:[^"\\]|\\.)*"\]$/, ''))
    const key = path.replace(/^.*(\.|\[")/, '').replace(/"\]$/, '')
    const hit = errors.find((e) => e.keyword === 'additionalProperties' && e.instancePath === parent && (e.params as { additionalProperty?: string }).additionalProperty === key)
    expect(hit, ajv.errorsText(errors)).toBeDefined()
  })
})

describe('what a type cannot say', () => {
  it('a used nShift quote needs its price, as the library answers 400 required without it; an unused one does not', () => {
    const body = (nshift: Json) => ({ products: [{ id: 'mug' }], new_customer: { country: 'DE' }, shipping: { nshift } })
    expect(errorsOf('estimate-request.json', body({ valid: true, price: 590 }))).toEqual([])
    expect(errorsOf('estimate-request.json', body({ valid: false }))).toEqual([])
    const missing = errorsOf('estimate-request.json', body({ valid: true, taxRate: 19 }))
    expect(missing.some((e) => e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === 'price'), ajv.errorsText(missing)).toBe(true)
  })
})

describe('the runtime known-field lists and the schemas (so the types) agree key for key', () => {
  type Node = Json
  const defsOf = (root: Json) => root.$defs as Record<string, Node>

  /** The closed object schemas a value of `node` may be (through $ref, anyOf, array items). */
  function objects(node: Node, defs: Record<string, Node>): Node[] {
    if (typeof node.$ref === 'string') return objects(defs[node.$ref.replace('#/$defs/', '')]!, defs)
    if (Array.isArray(node.anyOf)) return (node.anyOf as Node[]).flatMap((b) => objects(b, defs))
    if (node.type === 'array' && node.items !== undefined) return objects(node.items as Node, defs)
    return node.type === 'object' && node.properties !== undefined ? [node] : []
  }

  /** The schema of each value of a map (`languages`): its additionalProperties. */
  function mapValues(node: Node, defs: Record<string, Node>): Node {
    if (typeof node.$ref === 'string') return mapValues(defs[node.$ref.replace('#/$defs/', '')]!, defs)
    if (Array.isArray(node.anyOf)) return mapValues((node.anyOf as Node[]).find((b) => b.type !== 'null')!, defs)
    return node.additionalProperties as Node
  }

  function disagreements(f: Fields, node: Node, defs: Record<string, Node>, path: string): string[] {
    const objs = objects(node, defs)
    if (objs.length !== 1) return [`${path}: ${objs.length} object schemas`]
    const props = objs[0]!.properties as Record<string, Node>
    const out: string[] = []
    const schemaKeys = Object.keys(props).sort()
    const runtimeKeys = [...f.list].sort()
    if (JSON.stringify(schemaKeys) !== JSON.stringify(runtimeKeys)) {
      out.push(`${path}: only in the schema: ${schemaKeys.filter((k) => !f.list.includes(k)).join(', ') || '-'}; only at run time: ${runtimeKeys.filter((k) => !(k in props)).join(', ') || '-'}`)
    }
    if (objs[0]!.additionalProperties !== false) out.push(`${path}: the schema is open`)
    for (const [k, sub] of Object.entries(props)) {
      const nested = f.table.get(k)
      if (nested === undefined) continue
      if (nested === null) {
        // A closed object the runtime does not look into would let a typo through.
        if (objects(sub, defs).length > 0) out.push(`${path}.${k}: a closed object in the schema, not checked at run time`)
        continue
      }
      out.push(...disagreements(nested.fields, nested.map ? mapValues(sub, defs) : sub, defs, `${path}.${k}${nested.map ? '.*' : ''}`))
    }
    return out
  }

  it.each([
    ['store-config.json', STORE_CONFIG],
    ['estimate-request.json', REQUEST],
    ['estimate-options.json', OPTIONS],
  ] as const)('%s', (file, fields) => {
    const root = committed[file]
    expect(disagreements(fields, root, defsOf(root), '')).toEqual([])
  })

  it('the comparison can fail: a list that lost a key disagrees', () => {
    const root = committed['estimate-options.json']
    const shorter = { ...OPTIONS, list: OPTIONS.list.filter((k) => k !== 'trace') }
    expect(disagreements(shorter, root, defsOf(root), '')).toEqual([': only in the schema: trace; only at run time: -'])
  })

  it('the batch line holds the request and options schemas', () => {
    const line = committed['batch-line.json']
    const defs = defsOf(line)
    expect(disagreements(REQUEST, (line.properties as Record<string, Node>).request!, defs, 'request')).toEqual([])
    expect(disagreements(OPTIONS, (line.properties as Record<string, Node>).options!, defs, 'options')).toEqual([])
    expect(line.required).toEqual(['request', 'response'])
  })
})

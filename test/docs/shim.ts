/**
 * What `'tamio-pricing'` is for a documentation snippet while it runs: the library itself
 * (`src/index.ts`), with `createStore` and `estimate` wrapped to record every input a snippet
 * passes, and whether the shipped JSON Schema accepts it. The snippet test then holds the docs to
 * the schemas: an input the library takes without a word (no store warning, no unknown-key warning,
 * no 400) must be one the schema accepts — so no page shows a store or a request an editor would mark.
 * Node-only (it reads the schemas with `node:fs`).
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js'
import { createStore as realCreateStore, estimate as realEstimate } from '../../src/index'
import type { EstimateOptions, EstimateResponse, Store, StoreConfig } from '../../src/index'

export * from '../../src/index'

const SCHEMAS = fileURLToPath(new URL('../../schemas/', import.meta.url))
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true })
const compile = (file: string): ValidateFunction => ajv.compile(JSON.parse(readFileSync(SCHEMAS + file, 'utf8')) as object)
const VALIDATE = {
  store: compile('store-config.json'),
  request: compile('estimate-request.json'),
  options: compile('estimate-options.json'),
} as const

/** One input a snippet passed: which schema, whether it accepts it, and whether the library said anything about it. */
export interface Recorded {
  readonly kind: keyof typeof VALIDATE
  /** The schema's complaints (`[]`: it accepts the input). */
  readonly schemaErrors: readonly string[]
  /** The library reported something about this input: a store error or warning, an unknown key, a 400. */
  readonly libraryObjected: boolean
}

const recorded: Recorded[] = []

/** The inputs recorded since the last call, and a fresh list. */
export function takeRecorded(): Recorded[] {
  return recorded.splice(0, recorded.length)
}

/** As the library and JSON see it: a `Date` becomes its ISO string, `undefined` keys go. */
function asJson(v: unknown): unknown {
  return v === undefined ? undefined : (JSON.parse(JSON.stringify(v)) as unknown)
}

function check(kind: keyof typeof VALIDATE, value: unknown, libraryObjected: boolean): void {
  const v = VALIDATE[kind]
  const ok = v(asJson(value))
  const schemaErrors = ok ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`)
  recorded.push({ kind, schemaErrors, libraryObjected })
}

/** `createStore`, recording the config. */
export function createStore(config: StoreConfig): Store {
  let store: Store
  try {
    store = realCreateStore(config)
  } catch (e) {
    check('store', config, true)
    throw e
  }
  check('store', config, store.warnings.length > 0)
  return store
}

/** `estimate`, recording the request and the options. */
export function estimate(store: Store, request: unknown, options?: EstimateOptions): EstimateResponse {
  const res = realEstimate(store, request as Parameters<typeof realEstimate>[1], options)
  const issues = [...res.warnings, ...(res.status === 400 ? res.errors : [])]
  const onOptions = (p: string) => p === 'options' || p.startsWith('options.') || p.startsWith('options[')
  const typo = (c: string) => c === 'unknown_field' || c === 'unknown_value'
  check('request', request, res.status === 400 || issues.some((i) => typo(i.code) && !onOptions(i.path)))
  if (options !== undefined) check('options', options, issues.some((i) => onOptions(i.path)))
  return res
}

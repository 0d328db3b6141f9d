/**
 * The JSON Schemas (draft 2020-12) shipped in `schemas/`, generated from the public TypeScript types
 * of src/types/input.ts — the one source of both, so they cannot drift (a test regenerates them and
 * compares with the committed files). Each schema is self-contained (its own `$defs`).
 *
 *   npm run schemas                             # write schemas/*.json
 *   npx tsx test/schemas/generate.ts check      # exit 1 when a committed schema is stale
 *
 * ts-json-schema-generator writes draft-07; this turns its output into 2020-12 (`$defs`), gives the
 * unit aliases of the types their JSON meaning (`MinorUnits` is a non-negative integer, a
 * `CurrencyCode` three letters, a `PercentInput` a decimal string or number that is not negative),
 * and reads a `Date` (`options.at`) as the ISO string JSON carries.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createGenerator } from 'ts-json-schema-generator'

type Json = Record<string, unknown>

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** The shipped schemas: file name → root type, title. */
export const SCHEMAS = {
  'store-config.json': { type: 'StoreConfig', title: 'tamio-pricing store config' },
  'estimate-request.json': { type: 'EstimateRequest', title: 'Tamio estimate transaction request' },
  'estimate-options.json': { type: 'EstimateOptions', title: 'tamio-pricing estimate options' },
  'batch-line.json': { type: 'BatchLine', title: 'tamio-pricing reconcile batch line' },
} as const

export type SchemaFile = keyof typeof SCHEMAS

const DECIMAL = '^\\s*-?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?\\s*$'
const UNSIGNED_DECIMAL = '^\\s*(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?\\s*$'

/** What the unit aliases of the types mean in JSON (their descriptions are kept). */
const SCALARS: Readonly<Record<string, Json>> = {
  MinorUnits: { type: 'integer', minimum: 0 },
  SignedMinorUnits: { type: 'integer' },
  Count: { type: 'integer', minimum: 0 },
  PositiveCount: { type: 'integer', minimum: 1 },
  Grams: { type: 'integer', minimum: 0 },
  CurrencyCode: { type: 'string', pattern: '^\\s*[A-Za-z]{3}\\s*$' },
  CountryCode: { type: 'string', pattern: '^\\s*[A-Za-z]{2}(-.+)?$' },
  DecimalInput: { anyOf: [{ type: 'string', pattern: DECIMAL }, { type: 'number' }] },
  PercentInput: { anyOf: [{ type: 'string', pattern: UNSIGNED_DECIMAL }, { type: 'number', minimum: 0 }] },
}

/**
 * What a type cannot say and the library checks: a quote that is used (`valid: true`) needs its
 * price (a missing one is a 400 `required`), while an unused one may leave it out.
 */
const CONDITIONS: Record<string, Json> = {
  NshiftQuote: {
    if: { properties: { valid: { const: true, description: 'A quote that is used.' } }, required: ['valid'] },
    then: { properties: { price: { description: 'Required when the quote is used.' } }, required: ['price'] },
  },
}

/** Rewrites draft-07 output into 2020-12 in place: `#/definitions/X` → `#/$defs/X`; a Date is a string. */
function rewrite(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(rewrite)
  if (v === null || typeof v !== 'object') return v
  const o: Json = {}
  for (const [k, x] of Object.entries(v as Json)) {
    if (k === '$ref' && typeof x === 'string') o[k] = x.replace('#/definitions/', '#/$defs/')
    else if (k === 'format' && x === 'date-time') continue
    else o[k] = rewrite(x)
  }
  // `string | Date` becomes two identical string branches once the Date's format is gone.
  const any = o.anyOf
  if (Array.isArray(any) && any.length > 1 && any.every((b) => JSON.stringify(b) === JSON.stringify(any[0]))) {
    const { anyOf: _, ...rest } = o
    return { ...(any[0] as Json), ...rest }
  }
  return o
}

/** Generates every schema from the types (about a second: one TypeScript program for all four). */
export function generateSchemas(): Record<SchemaFile, Json> {
  const generator = createGenerator({
    path: `${ROOT}src/types/input.ts`,
    tsconfig: `${ROOT}tsconfig.json`,
    type: '*',
    expose: 'export',
    jsDoc: 'extended',
    topRef: false,
    sortProps: false,
    skipTypeCheck: true,
    additionalProperties: false,
  })
  const out = {} as Record<SchemaFile, Json>
  for (const [file, { type, title }] of Object.entries(SCHEMAS) as [SchemaFile, (typeof SCHEMAS)[SchemaFile]][]) {
    const { $schema: _draft07, definitions, ...root } = generator.createSchema(type) as Json & { definitions?: Record<string, Json> }
    const defs: Record<string, unknown> = {}
    for (const [name, def] of Object.entries(definitions ?? {})) {
      const scalar = SCALARS[name]
      defs[name] = scalar === undefined ? { ...(rewrite(def) as Json), ...CONDITIONS[name] } : { ...scalar, ...(typeof def.description === 'string' ? { description: def.description } : {}) }
    }
    out[file] = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `urn:tamio-pricing:schemas:${file.replace(/\.json$/, '')}`,
      title,
      ...(rewrite(root) as Json),
      ...(Object.keys(defs).length > 0 ? { $defs: defs } : {}),
    }
  }
  return out
}

/** The file text of a schema: two-space JSON and a final newline. */
export function schemaText(schema: Json): string {
  return `${JSON.stringify(schema, null, 2)}\n`
}

export const SCHEMA_DIR = `${ROOT}schemas/`

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const mode = process.argv[2] ?? 'write'
  const schemas = generateSchemas()
  let stale = 0
  for (const [file, schema] of Object.entries(schemas)) {
    const path = `${SCHEMA_DIR}${file}`
    if (mode === 'write') writeFileSync(path, schemaText(schema))
    else {
      let current = ''
      try {
        current = readFileSync(path, 'utf8')
      } catch {
        // missing: stale
      }
      if (current !== schemaText(schema)) {
        stale++
        process.stderr.write(`schemas/${file} is stale: run npm run schemas\n`)
      }
    }
  }
  process.exitCode = stale > 0 ? 1 : 0
}

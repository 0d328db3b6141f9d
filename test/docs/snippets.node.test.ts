/**
 * Every ```ts block of the README and the docs runs, compiles and asserts what it shows — so no page
 * can rot when the library changes.
 *
 * The convention (CONTRIBUTING.md): a ```ts block is a complete program that imports only from
 * `'tamio-pricing'` and `'node:assert/strict'` and checks its claims with `assert`. A fragment that
 * cannot run is fenced ```` ```ts nocheck ```` — rare, and counted here. ```json blocks marked
 * `store` (```` ```json store ````) are store configs: they must parse, pass `createStore` without
 * a warning, and validate against the shipped schema.
 *
 * How: each block is written to a temporary `.ts` file, padded with blank lines so that its lines
 * have the numbers they have in the Markdown file (a failing assert's stack points at `docs/x.md:LINE`).
 * - Run: imported here, with `'tamio-pricing'` rewritten to test/docs/shim.ts — the library's
 *   src/index.ts, recording each store, request and options the snippet passes and whether the JSON
 *   Schema accepts it. An input the library accepts without a word must validate.
 * - Type-check: the same text, unchanged, compiled by `tsc` with the project's strict settings and
 *   `'tamio-pricing'` mapped to src/index.ts through `paths`.
 * Node-only: it writes files and runs the compiler.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import Ajv2020 from 'ajv/dist/2020.js'
import { afterAll, describe, expect, it } from 'vitest'
import { createStore } from '../../src/index'
import { ROOT } from '../support/pkg'
import { docFiles, readDoc } from './docs'
import { fences } from './markdown'
import { takeRecorded } from './shim'

interface Snippet {
  /** `docs/getting-started.md:12` — the file and the line of the opening fence. */
  readonly where: string
  readonly file: string
  readonly line: number
  readonly code: string
}

const TS = new Set(['ts', 'typescript'])
const ALLOWED_IMPORTS = new Set(['tamio-pricing', 'node:assert/strict'])

const all = docFiles().flatMap((file) => fences(readDoc(file)).map((f) => ({ file, ...f })))
const tsBlocks = all.filter((f) => TS.has(f.lang))
const nocheck = tsBlocks.filter((f) => f.flags.includes('nocheck'))
const snippets: Snippet[] = tsBlocks
  .filter((f) => !f.flags.includes('nocheck'))
  .map((f) => ({ where: `${f.file}:${f.line}`, file: f.file, line: f.line, code: f.code }))
const storeBlocks = all.filter((f) => f.lang === 'json' && f.flags.includes('store'))

/** Inputs the snippets passed, by kind: accepted silently by the library (and so validated against the schema), or objected to. */
const seen = { store: { validated: 0, objected: 0 }, request: { validated: 0, objected: 0 }, options: { validated: 0, objected: 0 } }

const dir = mkdtempSync(join(tmpdir(), 'tamio-doc-snippets-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const SHIM = join(ROOT, 'test', 'docs', 'shim.ts')
const base = (s: Snippet) => `${s.file.replace(/[^A-Za-z0-9]+/g, '_')}_L${s.line}.ts`
/** The block at its own line numbers: the fence is line `s.line`, so the code starts after `s.line` newlines. */
const padded = (s: Snippet, code: string) => `${'\n'.repeat(s.line)}${code}\n`
const importsOf = (code: string) => [...code.matchAll(/\b(?:import|export)\b[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1|\bimport\s*\(?\s*(['"])([^'"]+)\3/g)].map((m) => m[2] ?? m[4]!)

describe('documentation snippets', () => {
  it(`there are snippets to run, and ts nocheck blocks stay rare (at most one in ten)`, () => {
    console.log(
      `[docs] ${snippets.length} runnable ts blocks in ${new Set(snippets.map((s) => s.file)).size} files; ` +
        `${nocheck.length} ts nocheck${nocheck.length > 0 ? ` (${nocheck.map((f) => `${f.file}:${f.line}`).join(', ')})` : ''}; ` +
        `${storeBlocks.length} json store blocks`,
    )
    expect(snippets.length).toBeGreaterThan(10)
    expect(nocheck.length).toBeLessThanOrEqual(Math.max(2, Math.floor(tsBlocks.length / 10)))
  })

  describe.each(snippets)('$where', (s) => {
    it('imports only tamio-pricing and node:assert/strict, and asserts what it shows', () => {
      const imports = importsOf(s.code)
      expect(imports.filter((i) => !ALLOWED_IMPORTS.has(i)), `${s.where}: imports`).toEqual([])
      expect(imports, `${s.where}: a snippet imports the library`).toContain('tamio-pricing')
      expect(s.code, `${s.where}: a snippet checks its claims with assert`).toMatch(/\bassert\s*[.(]/)
    })

    it('runs without an error, and every input the library accepts silently validates against its JSON Schema', async () => {
      const file = join(dir, `run_${base(s)}`)
      writeFileSync(file, padded(s, s.code.replace(/(['"])tamio-pricing\1/g, JSON.stringify(SHIM))))
      takeRecorded()
      try {
        await import(pathToFileURL(file).href)
      } catch (e) {
        const err = e instanceof Error ? e : new Error(String(e))
        const at = new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:(\\d+):(\\d+)`).exec(err.stack ?? '')
        const located = new Error(`${s.file}:${at?.[1] ?? s.line}: ${err.message}`)
        located.stack = `${located.message}\n${err.stack ?? ''}`
        throw located
      }
      const rec = takeRecorded()
      for (const r of rec) seen[r.kind][r.libraryObjected ? 'objected' : 'validated']++
      for (const r of rec) if (!r.libraryObjected) expect(r.schemaErrors, `${s.where}: a ${r.kind} the library accepts without a warning, which the schema rejects`).toEqual([])
    })
  })

  it('the schema check saw the inputs of the snippets (the shim is the module they import)', () => {
    console.log(`[docs] inputs checked against the JSON Schemas: ${JSON.stringify(seen)}`)
    expect(seen.store.validated).toBeGreaterThan(10)
    expect(seen.request.validated).toBeGreaterThan(10)
    expect(seen.options.validated).toBeGreaterThan(10)
  })

  it('every runnable block compiles with the strict settings (tsc, tamio-pricing mapped to src/index.ts)', () => {
    const check = join(dir, 'check')
    mkdirSync(check)
    const files = snippets.map((s) => {
      const f = join(check, base(s))
      writeFileSync(f, padded(s, s.code))
      return f
    })
    const tsconfig = {
      extends: join(ROOT, 'tsconfig.json'),
      compilerOptions: {
        noEmit: true,
        paths: { 'tamio-pricing': [join(ROOT, 'src', 'index.ts')] },
        typeRoots: [join(ROOT, 'node_modules', '@types')],
        types: ['node'],
      },
      files,
      include: [],
    }
    writeFileSync(join(check, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2))
    let output = ''
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(check, 'tsconfig.json')], { encoding: 'utf8', stdio: 'pipe' })
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string }
      output = `${err.stdout ?? ''}${err.stderr ?? ''}`
    }
    // Name each error by its doc file and line (the temporary files share the docs' line numbers).
    const byFile = new Map(snippets.map((s) => [base(s), s.file]))
    const located = output.replace(/^.*?([^/\\]+\.ts)\((\d+),(\d+)\)/gm, (m, f: string, line: string) => (byFile.has(f) ? `${byFile.get(f)!}:${line}` : m))
    expect(located).toBe('')
  }, 300_000)

  describe.each(storeBlocks.map((f) => ({ where: `${f.file}:${f.line}`, code: f.code })))('json store block $where', ({ where, code }) => {
    it('is a store config the library takes without a warning and the schema accepts', () => {
      const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'store-config.json'), 'utf8')) as object
      const validate = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true }).compile(schema)
      const config = JSON.parse(code) as Parameters<typeof createStore>[0]
      expect(validate(config) ? [] : validate.errors, where).toEqual([])
      expect(createStore(config).warnings, where).toEqual([])
    })
  })
})

/**
 * What a browser app pays for the library, and proof that the main entry is free of Node.
 *
 * Size: an app bundle that imports a few names from the built ESM package (dist/ of the staged
 * package: one file per source module, `"sideEffects": false`), for the browser platform, minified
 * and tree-shaken, gzip level 9 — with esbuild (the measure the budgets are written in) and with Vite
 * (Rolldown and its minifier, as `vite build` runs for a shop). Every test prints what it measured.
 *
 * Node built-ins: the browser-platform build fails on any `node:*` or bare built-in import, and a
 * scan of src/ (outside src/cli/) rejects Node built-in imports and Node-only globals.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { bytes, esbuildBundle, esbuildSource, viteBundle, type EsbuildMeasured } from '../support/bundle'
import { ROOT } from '../support/pkg'

/**
 * `{ createStore, estimate }`, gzip bytes. THE TARGET IS 15,000 B, the recorder behind
 * `options.trace` included, and it is NOT MET: this constant is the latest measurement plus ~1 %,
 * so that growth is a decision. History: 24,893 B when the pipeline landed; 34,246 B with the trace
 * builder and validation limits; 34,543 B as a single-file build with big.js and dinero.js's
 * currency table; 30,267 B with one file per module, the library's own ISO 4217 table and decimal
 * parser, and the cross-build store brand; 33.3 KB with the recorded stages; 37,569 B with typo
 * detection (known keys of every kind, "did you mean", store lint); 38,398 B with the four new
 * policy axes' fixes and their recording; 38,975 B with the trace naming every axis and
 * input that decides an amount (what inference and reconcile's re-runs follow); 39,200 B with the
 * fixes of a review against the contract (compound rates on inclusive lines, nShift quote rates
 * and inclusiveness, option types, the single common currency); 38,838 B with store validation's
 * repeated checks merged (one walker for a product's lists of objects, one duplicate-id index, one
 * kind lookup, one bounded map, one present()); 39,017 B with the small-integer amounts
 * (`smallInt` at the money core's results and the input readers, +180 B); 39,521 B with Number
 * paths where BigInt had been the rule (one inclusive rate's 1 + r, document-level pools of safe
 * products: +550 B for 0.75–0.82× the time of inclusive stores and of the magento preset); 39,791 B with
 * a trial trace format (withdrawn) and shared trace accessors (the accessors +137 B: a traced
 * estimate no longer keeps its log alive through the engine's minor collections); 39,888 B
 * with the paths of carts past 2,000 lines built once per traced estimate; 39,905 B with the trace
 * format's sums kept as `[path, sign]` pairs (a trial of plain path lists withdrawn); 40,067 B with
 * frozen shared trace lists (withdrawn) and accessors that act as data properties (assignable,
 * frozen traces); 39,985 B with each trace's own lists; 40,276 B with the money primitives checking
 * the arguments a JavaScript caller can get wrong (hand-made rationals, exponents, modes); 40,343 B with the trace's tables filled without a
 * prototype and its sums' lists sized once (+67 B; 9–13 % less time building the entries); 40,584 B with a
 * trace that grows with lines × discounts (one entry for a discount's bases, two terms for a line's
 * base), an nShift price required, and the money primitives' list arguments checked (+241 B);
 * 40,704 B with the compound-rate check following each jurisdiction's category fallback (+120 B).
 * What the bytes are
 * (esbuild metafile, minified): the pipeline stages ≈ 50 KB, store validation ≈ 15.7 KB, input
 * reading and known keys ≈ 13 KB, the money core ≈ 10 KB, the recorder ≈ 7 KB, issue messages
 * ≈ 5 KB; `estimate` alone is ≈ 31 KB gzip, and the nine stage functions alone (no validation,
 * no orchestration) 21,691 B gzip: the target needs a smaller calculation, not a smaller wrapper.
 */
export const CORE_BUDGET_GZIP = 40_800
export const CORE_TARGET_GZIP = 15_000

/** One money primitive alone (SPEC §7): at most 2 KB gzip. Measured 1,834 B, then 1,976 B with its mode and rule checked, 1,906 B with the table of mode names left out when unused (a pure `Object.keys`), 1,914 B with its fallback checked. */
export const ALLOCATE_BUDGET_GZIP = 2_000

/**
 * Minified bytes of trace code an estimate-only bundle carries: the recorder behind `options.trace`
 * and its path tables (`dist/trace/recorder.js`, `dist/trace/paths.js`) and nothing else — the
 * explainer, the trace types' helpers and reconciliation are never in it. Measured 6,994 B when the
 * recorder landed, 7,078 B before the changes below; 7,383 B with the shared lists of a sum over
 * every line, 7,638 B with accessors shared by every trace, 7,823 B with the paths of a cart past
 * the cached 2,000 lines built once per estimate (they were built at every use: a traced
 * 4,000-line cart took 3.5 s), 7,724 B with sums kept as `[path, sign]` pairs, 7,992 B with frozen
 * shared lists (withdrawn) and accessors that act as data properties, 7,715 B with each trace's
 * own lists, 7,813 B with the tables filled without a prototype and sums' lists sized once; this
 * budget is the largest of those before that plus ~2 %.
 */
export const TRACE_IN_ESTIMATE_BUDGET = 8_150

/** The only trace modules an estimate-only bundle may hold. */
const RECORDER_MODULES = ['dist/trace/paths.js', 'dist/trace/recorder.js']

/** The named imports the core budget is about (SPEC §1). */
const CORE_IMPORTS = ['createStore', 'estimate'] as const

/** Modules no estimate-only bundle may contain: reconciliation, inference and the explainer. */
const NEVER_IN_ESTIMATE = /^dist\/(reconcile\/|infer\/|trace\/explain\.js$)/

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(0)}%`
const table = (m: EsbuildMeasured, top = 12) =>
  m.modules
    .slice(0, top)
    .map(([file, n]) => `    ${String(n).padStart(7)} B  ${file}`)
    .join('\n')

describe('browser bundle', async () => {
  const pkgDir = inject('pkgDir')
  const DIST_ESM = join(pkgDir, 'dist', 'index.js')
  const core = await esbuildBundle(DIST_ESM, CORE_IMPORTS, pkgDir)
  const coreVite = await viteBundle(DIST_ESM, CORE_IMPORTS)
  const alloc = await esbuildBundle(DIST_ESM, ['allocate'], pkgDir)
  const allocVite = await viteBundle(DIST_ESM, ['allocate'])

  it(`{ createStore, estimate }: within ${CORE_BUDGET_GZIP} B gzip (target ${CORE_TARGET_GZIP} B) with esbuild and Vite`, () => {
    console.log(
      `[size] { ${CORE_IMPORTS.join(', ')} }: esbuild ${bytes(core.minified)} minified, ${bytes(core.gzip)} gzip; ` +
        `vite ${bytes(coreVite.minified)} minified, ${bytes(coreVite.gzip)} gzip ` +
        `(budget ${bytes(CORE_BUDGET_GZIP)}, target ${bytes(CORE_TARGET_GZIP)}: ${pct(core.gzip, CORE_TARGET_GZIP)} of the target)\n` +
        `  largest modules (minified bytes in the esbuild bundle, of ${core.modules.length}):\n${table(core)}`,
    )
    expect(core.gzip).toBeGreaterThan(5_000) // something real was bundled
    expect(core.gzip).toBeLessThanOrEqual(CORE_BUDGET_GZIP)
    expect(coreVite.gzip).toBeGreaterThan(5_000)
    expect(coreVite.gzip).toBeLessThanOrEqual(CORE_BUDGET_GZIP)
  })

  it(`allocate alone: within ${ALLOCATE_BUDGET_GZIP} B gzip with esbuild and Vite, and nothing outside the money core is bundled`, () => {
    console.log(
      `[size] { allocate }: esbuild ${bytes(alloc.minified)} minified, ${bytes(alloc.gzip)} gzip; ` +
        `vite ${bytes(allocVite.minified)} minified, ${bytes(allocVite.gzip)} gzip (budget ${bytes(ALLOCATE_BUDGET_GZIP)})\n${table(alloc)}`,
    )
    const bundled = alloc.modules.filter(([, n]) => n > 0).map(([f]) => f)
    expect(bundled).toContain('dist/money/allocate.js')
    expect(bundled.filter((f) => !f.startsWith('dist/money/'))).toEqual([])
    expect(alloc.gzip).toBeGreaterThan(300)
    expect(alloc.gzip).toBeLessThanOrEqual(ALLOCATE_BUDGET_GZIP)
    expect(allocVite.gzip).toBeGreaterThan(300)
    expect(allocVite.gzip).toBeLessThanOrEqual(ALLOCATE_BUDGET_GZIP)
  })

  it('the measured allocate bundle is the real function: it runs and splits by largest remainder', async () => {
    const m = (await import(`data:text/javascript,${encodeURIComponent(alloc.code)}`)) as { allocate: (t: number, w: number[]) => number[] }
    expect(m.allocate(100, [1, 1, 1])).toEqual([34, 33, 33])
  })

  it('an estimate-only bundle contains no inference code; importing inferPolicies brings it (so the check can fail)', async () => {
    const withInfer = await esbuildBundle(DIST_ESM, [...CORE_IMPORTS, 'inferPolicies'], pkgDir)
    const infer = (m: EsbuildMeasured) => m.modules.map(([f]) => f).filter((f) => f.startsWith('dist/infer/'))
    console.log(`[size] importing inferPolicies too: ${bytes(withInfer.gzip)} gzip (+${bytes(withInfer.gzip - core.gzip)})`)
    expect(infer(core)).toEqual([])
    expect(infer(withInfer).length).toBeGreaterThan(2)
  })

  it(`an estimate-only bundle contains no reconcile, inference or explain code, and of the trace only the recorder (at most ${TRACE_IN_ESTIMATE_BUDGET} B)`, async () => {
    const trace = core.modules.filter(([f]) => f.startsWith('dist/trace/'))
    const traceBytes = trace.reduce((s, [, n]) => s + n, 0)
    const withReconcile = await esbuildBundle(DIST_ESM, [...CORE_IMPORTS, 'reconcile', 'explain'], pkgDir)
    console.log(
      `[size] trace code in { ${CORE_IMPORTS.join(', ')} }: ${bytes(traceBytes)} minified ` +
        `(${trace.map(([f, n]) => `${f} ${n}`).join(', ')}; budget ${bytes(TRACE_IN_ESTIMATE_BUDGET)}); ` +
        `importing reconcile and explain too: ${bytes(withReconcile.gzip)} gzip (+${bytes(withReconcile.gzip - core.gzip)})`,
    )
    expect(core.modules.map(([f]) => f).filter((f) => NEVER_IN_ESTIMATE.test(f))).toEqual([])
    // Not vacuous: the same measure sees those modules when they are imported.
    expect(withReconcile.modules.map(([f]) => f).filter((f) => NEVER_IN_ESTIMATE.test(f)).length).toBeGreaterThan(1)
    expect(withReconcile.gzip).toBeGreaterThan(core.gzip)
    expect(trace.map(([f]) => f).filter((f) => !RECORDER_MODULES.includes(f))).toEqual([])
    expect(traceBytes).toBeLessThanOrEqual(TRACE_IN_ESTIMATE_BUDGET)
  })

  it('needs nothing from Node: built for the browser platform with no node:/built-in import left', () => {
    const imports = Object.values(core.metafile.inputs).flatMap((i) => i.imports.map((x) => x.path))
    expect(imports.filter((p) => p.startsWith('node:') || builtinModules.includes(p))).toEqual([])
    expect(Object.values(core.metafile.outputs).flatMap((o) => o.imports.filter((x) => x.external))).toEqual([])
    expect(core.code).not.toMatch(/\brequire\(|["']node:/)
  })

  it('the browser build rejects a Node built-in (so the check above can fail)', async () => {
    await expect(esbuildSource(`import { readFileSync } from 'node:fs'; export default readFileSync`, pkgDir)).rejects.toThrow()
    await expect(esbuildSource(`import path from 'path'; export default path`, pkgDir)).rejects.toThrow()
  })
})

// ---- src/ scan ---------------------------------------------------------------------------------

const BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')).map((m) => m.replace(/^node:/, '')))

/** Offending lines of one TypeScript source: Node built-in imports/requires and Node-only globals. */
export function nodeUsages(source: string): string[] {
  // Drop comments (keep line structure) so prose mentioning `process` or 'fs' is not flagged.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
  const hits: string[] = []
  const specifier = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g
  for (const m of code.matchAll(specifier)) {
    const spec = m[1]!
    const base = spec.replace(/^node:/, '').split('/')[0]!
    if (spec.startsWith('node:') || BUILTINS.has(base)) hits.push(`imports '${spec}'`)
  }
  const globals = /\b(process\s*\.|Buffer\s*[.(]|__dirname\b|__filename\b|require\s*\(|setImmediate\s*\(|global\s*\.)/g
  for (const m of code.matchAll(globals)) hits.push(`uses ${m[1]!.replace(/\s+/g, '')}`)
  return hits
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    if (e.isDirectory()) return p === join(ROOT, 'src', 'cli') ? [] : sourceFiles(p)
    return /\.[cm]?[jt]sx?$/.test(e.name) ? [p] : []
  })
}

describe('src/ (outside src/cli/) uses no Node built-in', () => {
  it('the scanner catches what it must and ignores comments', () => {
    expect(nodeUsages(`import { readFileSync } from 'node:fs'`)).toEqual([`imports 'node:fs'`])
    expect(nodeUsages(`import path from "path"\nexport * from 'crypto'`)).toEqual([`imports 'path'`, `imports 'crypto'`])
    expect(nodeUsages(`const x = await import('fs/promises')`)).toEqual([`imports 'fs/promises'`])
    expect(nodeUsages(`const t = process.env.TZ; const b = Buffer.from('x')`)).toEqual(['uses process.', 'uses Buffer.'])
    expect(nodeUsages(`// reads process.env in Node\n/* import fs from 'fs' */\nimport Big from 'big.js'`)).toEqual([])
  })

  it('finds nothing in src/', () => {
    const files = sourceFiles(join(ROOT, 'src'))
    expect(files.length).toBeGreaterThan(0)
    const offenders = files.flatMap((f) => nodeUsages(readFileSync(f, 'utf8')).map((h) => `${relative(ROOT, f)}: ${h}`))
    expect(offenders).toEqual([])
  })
})

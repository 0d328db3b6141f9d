/**
 * Dependencies stay real dependencies (SPEC §7): nothing from node_modules is inlined into dist/
 * (an app bundling us next to its own copy of a library would ship it twice, and could not update
 * it), every runtime dependency is a caret range (so a host app can deduplicate it), and the
 * package declares exactly the packages its dist/ imports (a declared dependency nothing imports is
 * dead weight in every install; an undeclared one breaks it).
 *
 * Evidence read from the staged build: esbuild's module comments (`// src/money/allocate.ts`, one
 * per bundled module, in every unminified file tsup writes, the CLI bundle included), the sources of
 * every sourcemap (files of the repository's src/), and the bare imports esbuild finds in every dist/ file.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, inject, it } from 'vitest'
import { ROOT } from '../support/pkg'

interface Manifest {
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

/** A caret range on a full version: `^7.0.1`, `^2.0.0-beta.3`. */
export const isCaret = (range: string): boolean => /^\^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(range)

/** Bundled modules that came from node_modules, by esbuild's `// path` comment before each module. */
export function inlinedFromNodeModules(code: string): string[] {
  return [...code.matchAll(/^\/\/ (\S+)$/gm)].map((m) => m[1]!).filter((p) => /(^|\/)node_modules\//.test(p))
}

/** `dinero.js/currencies` → `dinero.js`, `@scope/x/y` → `@scope/x`. */
const packageName = (spec: string): string => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/')

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))

describe('dependencies', () => {
  const pkgDir = inject('pkgDir')
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as Manifest
  const runtime = { ...manifest.dependencies, ...manifest.peerDependencies, ...manifest.optionalDependencies }
  const dist = files(join(pkgDir, 'dist'))
  const code = dist.filter((f) => /\.[cm]?js$/.test(f))

  it('the checks can fail: a caret range is told from exact and loose ones, and inlined package code is seen', async () => {
    expect(['^7.0.1', '^2.0.2', '^1.0.0-rc.1'].map(isCaret)).toEqual([true, true, true])
    expect(['7.0.1', '~7.0.1', '>=7', '*', '^7', 'latest', 'file:../x'].map(isCaret)).toEqual([false, false, false, false, false, false, false])
    // What tsup did to dinero.js's currency table in 0.1: bundled it, one `// node_modules/…` module.
    const r = await build({
      stdin: { contents: `export { EUR } from 'dinero.js/currencies'`, resolveDir: ROOT },
      bundle: true,
      write: false,
      format: 'esm',
      logLevel: 'silent',
    })
    expect(inlinedFromNodeModules(r.outputFiles[0]!.text)).toEqual([expect.stringMatching(/(^|\/)node_modules\/dinero\.js\//)])
  })

  it('every runtime dependency is a caret range', () => {
    expect(Object.entries(runtime).filter(([, range]) => !isCaret(range))).toEqual([])
  })

  it('no code from node_modules is inlined into dist/ (module comments of every file, sources of every sourcemap)', () => {
    expect(code.length).toBeGreaterThan(20)
    const inlined = code.flatMap((f) => inlinedFromNodeModules(readFileSync(f, 'utf8')).map((m) => `${relative(pkgDir, f)}: ${m}`))
    expect(inlined).toEqual([])
    // Not vacuous: the comments are there, naming our own sources.
    expect(readFileSync(join(pkgDir, 'dist', 'cli.js'), 'utf8')).toMatch(/^\/\/ src\/money\/allocate\.ts$/m)
    const maps = dist.filter((f) => f.endsWith('.map'))
    expect(maps.length).toBeGreaterThan(20)
    const foreign = maps.flatMap((f) => {
      const { sources } = JSON.parse(readFileSync(f, 'utf8')) as { sources: string[] }
      return sources.filter((s) => !resolve(dirname(f), s).startsWith(join(ROOT, 'src') + sep)).map((s) => `${relative(pkgDir, f)}: ${s}`)
    })
    expect(foreign).toEqual([])
  })

  it('dist/ imports exactly the declared runtime dependencies (and Node built-ins only in the CLI)', async () => {
    const r = await build({
      entryPoints: code.map((f, i) => ({ in: f, out: String(i) })),
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      write: false,
      metafile: true,
      outdir: join(pkgDir, 'out'),
      logLevel: 'silent',
    })
    const bare = Object.entries(r.metafile.inputs).flatMap(([file, input]) =>
      input.imports.filter((i) => i.external && !i.path.startsWith('.')).map((i) => ({ file: file.replace(/^.*?dist\//, 'dist/'), path: i.path })),
    )
    const builtin = (p: string) => p.startsWith('node:') || builtinModules.includes(p)
    expect(bare.filter((i) => builtin(i.path) && i.file !== 'dist/cli.js')).toEqual([])
    // Not vacuous: the CLI's own imports of Node are seen.
    expect(bare.some((i) => i.file === 'dist/cli.js' && builtin(i.path))).toBe(true)
    const imported = [...new Set(bare.filter((i) => !builtin(i.path)).map((i) => packageName(i.path)))].sort()
    expect(imported).toEqual(Object.keys(runtime).sort())
  })
})

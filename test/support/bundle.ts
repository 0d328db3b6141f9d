/**
 * What a storefront pays for the library, measured the way its bundler would: an app that imports a
 * few names from the built package (dist/ of the staged package), bundled for the browser, minified,
 * tree-shaken, then gzipped at level 9. Two bundlers: esbuild (the SPEC's measure) and Vite (Rolldown
 * with its default minifier, as `vite build` runs for an app). Node-only.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'

export interface Measured {
  /** Minified bytes. */
  readonly minified: number
  /** gzip -9 bytes of the minified bundle. */
  readonly gzip: number
  readonly code: string
}

export interface EsbuildMeasured extends Measured {
  readonly metafile: Metafile
  /** Minified bytes each input module contributes, largest first, paths relative to `base`. */
  readonly modules: ReadonlyArray<readonly [string, number]>
}

const gz = (code: string | Uint8Array): number => gzipSync(code, { level: 9 }).length

/** esbuild: `export { names } from entry` (a re-export, so the minifier keeps exactly what is named). */
export async function esbuildBundle(entry: string, names: readonly string[], base: string): Promise<EsbuildMeasured> {
  return esbuildSource(`export { ${names.join(', ')} } from ${JSON.stringify(entry)}`, base)
}

/** esbuild over arbitrary module source (resolved from `base`): browser platform, minified, ESM. */
export async function esbuildSource(contents: string, base: string): Promise<EsbuildMeasured> {
  const result = await build({
    stdin: { contents, resolveDir: base, sourcefile: 'size-entry.js', loader: 'js' },
    bundle: true,
    minify: true,
    treeShaking: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2020',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const out = result.outputFiles[0]!
  const metafile = result.metafile as Metafile
  const inputs = Object.values(metafile.outputs)[0]!.inputs
  const modules = Object.entries(inputs)
    .filter(([file]) => file !== '<stdin>' && file !== 'size-entry.js')
    .map(([file, v]) => [relative(base, join(process.cwd(), file)) || file, v.bytesInOutput] as const)
    .sort((a, b) => b[1] - a[1])
  return { minified: out.contents.length, gzip: gz(out.contents), code: out.text, metafile, modules }
}

/**
 * Vite (`vite build` of an app whose entry puts the imported functions on `globalThis`, so they are
 * used and kept), minified with Vite's default minifier; returns the entry chunk.
 */
export async function viteBundle(entry: string, names: readonly string[]): Promise<Measured> {
  const { build: viteBuild } = await import('vite')
  const root = mkdtempSync(join(tmpdir(), 'tamio-size-vite-'))
  try {
    const file = join(root, 'main.js')
    writeFileSync(file, `import { ${names.join(', ')} } from ${JSON.stringify(entry)}\nglobalThis.__tamio = { ${names.join(', ')} }\n`)
    const out = await viteBuild({
      configFile: false,
      logLevel: 'silent',
      root,
      build: { write: false, minify: true, target: 'es2020', modulePreload: false, rollupOptions: { input: file } },
    })
    const outputs = (Array.isArray(out) ? out : [out]).flatMap((o) => ('output' in o ? o.output : []))
    const chunks = outputs.filter((o) => o.type === 'chunk')
    if (chunks.length !== 1 || chunks[0]!.type !== 'chunk') throw new Error(`vite: expected one chunk, got ${outputs.map((o) => o.fileName).join(', ')}`)
    const code = chunks[0]!.code
    return { minified: Buffer.byteLength(code), gzip: gz(code), code }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

/** `1234` → `"1,234 B"`. */
export const bytes = (n: number): string => `${n.toLocaleString('en-US')} B`

import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { defineConfig } from 'tsup'
import type { Plugin } from 'esbuild'

/**
 * Every module of src/ (minus the CLI) becomes its own file in dist/, ESM and CJS, with its relative
 * imports rewritten to the emitted file (`./money/allocate` → `./money/allocate.js` / `.cjs`). A
 * bundler then sees the library module by module: with `"sideEffects": false` it drops every module
 * whose exports an app does not use, so `import { allocate }` costs the allocation module, not the
 * whole library (a single-file build keeps every top-level statement of every module). Nothing from
 * node_modules is bundled: the library has no runtime dependency.
 */
function preserveModules(): Plugin {
  return {
    name: 'preserve-modules',
    setup(build) {
      const ext = build.initialOptions.format === 'cjs' ? '.cjs' : '.js'
      build.onResolve({ filter: /^\.\.?\// }, (args) => {
        if (args.kind === 'entry-point') return undefined
        const base = join(args.resolveDir, args.path)
        const file = [`${base}.ts`, join(base, 'index.ts')].find((f) => existsSync(f))
        if (file === undefined) return { errors: [{ text: `cannot resolve ${args.path} from ${args.importer}` }] }
        let spec = relative(dirname(args.importer), file).split(sep).join('/').replace(/\.ts$/, ext)
        if (!spec.startsWith('.')) spec = `./${spec}`
        return { path: spec, external: true }
      })
    },
  }
}

/** package.json's version, which the CLI's --version prints. */
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

export default defineConfig([
  {
    entry: ['src/**/*.ts', '!src/cli/**'],
    format: ['esm', 'cjs'],
    // One declaration file per format, rolled up from the public entry (index.d.ts, index.d.cts).
    dts: { entry: { index: 'src/index.ts' } },
    sourcemap: true,
    // Clean dist/ but keep the CLI bundle the second build writes (the two builds run concurrently).
    clean: ['!cli.js'],
    target: 'es2020',
    platform: 'neutral',
    bundle: true,
    splitting: false,
    treeshake: false,
    esbuildPlugins: [preserveModules()],
  },
  // The `tamio-pricing` command (package.json "bin"): Node only, ESM, one file with its shebang
  // (src/cli/main.ts starts with it; tsup makes the file executable). The library is bundled in.
  // The same file runs the batch worker threads (`reconcile --batch --jobs N`); `--version` prints
  // the version defined here.
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node18',
    platform: 'node',
    define: { __TAMIO_PRICING_VERSION__: JSON.stringify(version) },
    treeshake: true,
  },
])

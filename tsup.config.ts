import { defineConfig } from 'tsup'

// The library: ESM + CJS + types. dinero.js is ESM-only, so its currency table is bundled
// (tree-shaken) into both builds; big.js ships ESM and CJS and stays external.
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // Clean dist/ but keep the CLI bundle the second build writes (the two builds run concurrently).
    clean: ['!cli.js'],
    target: 'es2020',
    platform: 'neutral',
    noExternal: ['dinero.js'],
    external: ['big.js'],
    treeshake: true,
  },
  // The `tamio-pricing` command (package.json "bin"): Node only, ESM, one file with its shebang
  // (src/cli/main.ts starts with it; tsup makes the file executable). The library is bundled in.
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node18',
    platform: 'node',
    noExternal: ['dinero.js'],
    external: ['big.js'],
    treeshake: true,
  },
])

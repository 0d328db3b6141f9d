import { defineConfig } from 'tsup'

// The library: ESM + CJS + types. dinero.js is ESM-only, so its currency table is bundled
// (tree-shaken) into both builds; big.js ships ESM and CJS and stays external.
export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2020',
    platform: 'neutral',
    noExternal: ['dinero.js'],
    external: ['big.js'],
    treeshake: true,
  },
])

/**
 * The JSON Schemas as a consumer gets them: the staged package (see test/support/build-dist.ts)
 * packs them and LICENSE, and `tamio-pricing/schemas/<name>.json` resolves through the exports map
 * from ESM and CJS to the very file an editor's `"$schema"` path names.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { pkg, run } from '../support/pkg'

const NAMES = ['store-config', 'estimate-request', 'estimate-options', 'batch-line'] as const

describe('the schemas ship in the package', () => {
  it('npm pack lists schemas/*.json and LICENSE', () => {
    const r = run('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: inject('pkgDir') })
    expect(r.status, r.stderr).toBe(0)
    const files = (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path)
    for (const n of NAMES) expect(files).toContain(`schemas/${n}.json`)
    expect(files).toContain('LICENSE')
    expect(readFileSync(join(inject('pkgDir'), 'LICENSE'), 'utf8')).toMatch(/^MIT License\n\nCopyright \(c\) 2026 tamio-pricing contributors\n/)
  })

  it.each(NAMES)('tamio-pricing/schemas/%s.json resolves from ESM and CJS to the schema file', (n) => {
    const dir = inject('pkgDir')
    const spec = `${pkg.name}/schemas/${n}.json`
    const esm = run(process.execPath, ['--input-type=module', '-e', `process.stdout.write(import.meta.resolve(${JSON.stringify(spec)}))`], { cwd: dir })
    const cjs = run(process.execPath, ['--input-type=commonjs', '-e', `const s = require(${JSON.stringify(spec)}); process.stdout.write(require.resolve(${JSON.stringify(spec)}) + ' ' + s.$id)`], { cwd: dir })
    expect(esm.stderr + cjs.stderr).toBe('')
    expect(esm.stdout).toBe(`file://${dir}/schemas/${n}.json`)
    expect(cjs.stdout).toBe(`${dir}/schemas/${n}.json urn:tamio-pricing:schemas:${n}`)
  })
})

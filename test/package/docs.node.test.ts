/**
 * The API reference: `npm run docs` (TypeDoc over src/index.ts, typedoc.json) must build with no
 * warning — `treatWarningsAsErrors` makes a broken `{@link}` or a public type that references an
 * unexported one fail it. Built here, inside `npm test`, into a temporary folder (the real output,
 * docs/api/, is git-ignored).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { bin, ROOT, run } from '../support/pkg'

const out = mkdtempSync(join(tmpdir(), 'tamio-docs-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

describe('TypeDoc API reference', () => {
  it('typedoc.json treats warnings as errors and writes to the git-ignored docs/api', () => {
    const config = JSON.parse(readFileSync(join(ROOT, 'typedoc.json'), 'utf8')) as { treatWarningsAsErrors?: boolean; out?: string; entryPoints?: string[] }
    expect(config).toMatchObject({ treatWarningsAsErrors: true, out: 'docs/api', entryPoints: ['src/index.ts'] })
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8').split('\n')).toContain('docs/api/')
  })

  it('builds with no warning, and documents the public types field by field', () => {
    const r = run(bin('typedoc'), ['--out', out])
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\[warning\]|\[error\]/)
    expect(r.status, r.stdout + r.stderr).toBe(0)
    const product = readFileSync(join(out, 'interfaces', 'ProductConfig.html'), 'utf8')
    expect(product).toContain('tax_category')
    expect(product).toContain('which tax rates apply')
    expect(readFileSync(join(out, 'types', 'IssueCode.html'), 'utf8')).toContain('unknown_field')
  }, 300_000)
})

/**
 * The package carries its documentation: the README, LICENSE, the changelog and the user pages of
 * docs/ are in the tarball (package.json "files"), so the README's links work in node_modules too —
 * and nothing generated (docs/api/) or internal (sources, tests) rides along. Checked on the package
 * staged by the node project's global setup, with `npm pack --dry-run`.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { ROOT, run } from '../support/pkg'

describe('published files', () => {
  const r = run('npm', ['pack', '--dry-run', '--ignore-scripts', '--json'], { cwd: inject('pkgDir') })
  const files = r.status === 0 ? (JSON.parse(r.stdout) as Array<{ files: Array<{ path: string }> }>)[0]!.files.map((f) => f.path) : []

  it('npm pack lists README.md, LICENSE, every page of docs/ and, once written, CHANGELOG.md', () => {
    expect(r.status, r.stderr).toBe(0)
    const pages = readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`)
    for (const f of ['README.md', 'LICENSE', ...pages]) expect(files).toContain(f)
    if (existsSync(join(ROOT, 'CHANGELOG.md'))) expect(files).toContain('CHANGELOG.md')
  })

  it('and no generated API reference, sources or tests', () => {
    expect(files.filter((f) => /^(docs\/api|src|test|bench|examples)\//.test(f))).toEqual([])
  })
})

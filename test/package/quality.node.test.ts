/**
 * Package quality on the packed tarball — what a consumer would actually install:
 *  - `npm pack` once, of the package staged by the node project's global setup (scripts ignored:
 *    its dist/ is already built);
 *  - publint (programmatic API) on that tarball, strict: warnings count as errors, and even
 *    suggestions fail the test — the package is small enough to keep at "All good!";
 *  - @arethetypeswrong/cli on that tarball with its default `strict` profile, i.e. all four
 *    resolution modes: node10, node16 from CJS, node16 from ESM, bundler. The package is ESM-first
 *    (`type: module`) but also ships CJS + `.d.cts` and top-level main/types, so it passes even
 *    node10; no `--profile node16`/`esm-only` relaxation is needed. `--no-definitely-typed`: the
 *    package ships its own types, so attw must not go to the registry looking for @types.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { publint } from 'publint'
import { formatMessage } from 'publint/utils'
import { bin, run } from '../support/pkg'

let dir = ''
let tarball = ''
let packedFiles: string[] = []

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tamio-pack-'))
  const r = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: inject('pkgDir') })
  expect(r.status, r.stderr).toBe(0)
  const [info] = JSON.parse(r.stdout) as Array<{ filename: string; files: Array<{ path: string }> }>
  if (!info) throw new Error(`npm pack printed no result:\n${r.stdout}`)
  tarball = join(dir, info.filename)
  packedFiles = info.files.map((f) => f.path).sort()
}, 60_000)

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('packed tarball', () => {
  it('contains the ESM, CJS and both declaration builds, and no sources or tests', () => {
    for (const f of ['package.json', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts']) {
      expect(packedFiles).toContain(f)
    }
    expect(packedFiles.filter((f) => /^(src|test|bench|examples|node_modules)\//.test(f))).toEqual([])
  })

  it('publint: no errors, warnings or suggestions', async () => {
    const bytes = readFileSync(tarball)
    const tarballBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    const { messages, pkg } = await publint({ pack: { tarball: tarballBuffer }, level: 'suggestion', strict: true })
    const report = messages.map((m) => `${m.type}: ${formatMessage(m, pkg, { color: false }) ?? m.code}`)
    expect(report).toEqual([])
    expect(pkg.name).toBe('tamio-pricing') // publint really read the packed package.json
  }, 60_000)

  it('attw (profile strict): every entrypoint resolves with correct types in node10, node16 CJS/ESM and bundler', () => {
    const r = run(bin('attw'), [tarball, '--format', 'json', '--no-definitely-typed'])
    let json: {
      problems?: unknown
      analysis?: { problems?: unknown[]; entrypoints?: Record<string, { resolutions: Record<string, unknown> }> }
    }
    try {
      json = JSON.parse(r.stdout)
    } catch {
      throw new Error(`attw did not print JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`)
    }
    expect(json.analysis?.problems ?? ['<no analysis in attw output>']).toEqual([])
    expect(r.status, r.stderr).toBe(0)
    // Not vacuous: the root entrypoint was analysed in all four resolution modes.
    const root = json.analysis?.entrypoints?.['.']
    expect(Object.keys(root?.resolutions ?? {}).sort()).toEqual(['bundler', 'node10', 'node16-cjs', 'node16-esm'])
  }, 120_000)
})

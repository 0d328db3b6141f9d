/**
 * Global setup of the `node` project: build the package once per run and stage it as an installable
 * package directory, isolated from the working tree:
 *
 *   <tmp>/tamio-pricing-pkg-XXXX/
 *     package.json, README.md, LICENSE, CHANGELOG.md, docs/*.md   copied from the repository
 *     schemas/*.json                     copied from the repository (committed, generated from the types)
 *     dist/                              `npm run build -- --out-dir <that>/dist` (tsup)
 *
 * No node_modules: the package has no runtime dependency, so the exports smoke test proves that the
 * built package loads on its own (a runtime dependency would have to be installed here first).
 *
 * Every package check (exports smoke test, publint/attw on the packed tarball, bundle size) and the
 * example-page test use this directory through `inject('pkgDir')`. One build (a few seconds) instead of
 * one per test file, no two files racing on tsup's `clean`, and a test run never deletes or rewrites
 * the repository's own dist/ while someone else (or their `npm run build`) is using it.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The staged package directory (package.json + dist/). */
    pkgDir: string
  }
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export default function setup(project: TestProject): () => void {
  const started = Date.now()
  const pkgDir = mkdtempSync(join(tmpdir(), 'tamio-pricing-pkg-'))
  const cleanup = () => rmSync(pkgDir, { recursive: true, force: true })
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const r = spawnSync(npm, ['run', 'build', '--', '--out-dir', join(pkgDir, 'dist')], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })
  if (r.status !== 0) {
    cleanup()
    throw new Error(`npm run build failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`)
  }
  for (const f of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
    if (existsSync(join(ROOT, f))) copyFileSync(join(ROOT, f), join(pkgDir, f))
  }
  // The user docs ship beside the README it links them from (package.json "files": docs/*.md).
  mkdirSync(join(pkgDir, 'docs'))
  for (const f of readdirSync(join(ROOT, 'docs'))) if (f.endsWith('.md')) copyFileSync(join(ROOT, 'docs', f), join(pkgDir, 'docs', f))
  // The JSON Schemas ship as they are committed (package.json "files" and "exports": ./schemas/*.json).
  mkdirSync(join(pkgDir, 'schemas'))
  for (const f of readdirSync(join(ROOT, 'schemas'))) if (f.endsWith('.json')) copyFileSync(join(ROOT, 'schemas', f), join(pkgDir, 'schemas', f))
  project.provide('pkgDir', pkgDir)
  process.stdout.write(`[build-dist] npm run build → ${pkgDir}: ok in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  return cleanup
}

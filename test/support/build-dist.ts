/**
 * Global setup of the `node` project: build the package once per run (`npm run build`, tsup → dist/)
 * so every package check (exports smoke test, publint/attw on the packed tarball, bundle size) and
 * the example-page test see the current src/. One build (~4 s) instead of one per test file, and no
 * two files racing on tsup's `clean`.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export default function setup(): void {
  const started = Date.now()
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const r = spawnSync(npm, ['run', 'build'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  if (r.status !== 0) {
    throw new Error(`npm run build failed (exit ${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`)
  }
  process.stdout.write(`[build-dist] npm run build: ok in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
}

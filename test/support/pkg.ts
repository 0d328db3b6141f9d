/** Node-only helpers for the package checks in test/package/ (never import from browser tests). */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The repository root (where package.json is). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string
  version: string
  exports: Record<string, unknown>
}

export interface RunResult {
  status: number | null
  stdout: string
  stderr: string
}

/** Run a command to completion; never throws, the caller asserts on status and output. */
export function run(cmd: string, args: readonly string[], options: SpawnSyncOptions = {}): RunResult {
  const r = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
    ...options,
  })
  if (r.error) throw r.error
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) }
}

/** A local bin from node_modules/.bin. */
export const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name)

/**
 * The staged package as a user gets it: `npm pack` (scripts ignored: dist/ is built) and `npm install`
 * of that tarball into `project` (created with a minimal package.json if it has none), offline — the
 * package has no runtime dependency to fetch. Returns the tarball's path; the package is then
 * `<project>/node_modules/tamio-pricing`, holding exactly the published files.
 */
export function installPacked(pkgDir: string, project: string): string {
  mkdirSync(project, { recursive: true })
  if (!existsSync(join(project, 'package.json'))) {
    writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'tamio-consumer', private: true, type: 'module' })}\n`)
  }
  const packed = run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', project], { cwd: pkgDir })
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`)
  const [info] = JSON.parse(packed.stdout) as Array<{ filename: string }>
  const tarball = join(project, info!.filename)
  const installed = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts', tarball], { cwd: project })
  if (installed.status !== 0) throw new Error(`npm install ${tarball} failed:\n${installed.stdout}\n${installed.stderr}`)
  return tarball
}

/** Node-only helpers for the package checks in test/package/ (never import from browser tests). */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The repository root (where package.json is). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string
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

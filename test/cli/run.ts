/**
 * Running the built `tamio-pricing` binary in tests (Node-only helper of test/cli/ and test/serve/):
 * the staged package's dist/cli.js from the node project's global setup, else the repository's
 * dist/ (built first when missing).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, inject } from 'vitest'
import { ROOT } from '../support/pkg'

export const FIXTURES = join(ROOT, 'test', 'fixtures')
export const FIXTURE_AT = '2026-11-25T12:00:00Z'

export function binary(): string {
  const staged = join(inject('pkgDir'), 'dist', 'cli.js')
  if (existsSync(staged)) return staged
  const local = join(ROOT, 'dist', 'cli.js')
  if (!existsSync(local)) spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' })
  return local
}

export interface Ran {
  readonly status: number | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Runs the binary to completion (optionally with standard input and extra environment). Async, so
 * the tests of a file can run concurrently (`describe.concurrent`) and overlap process start-ups.
 */
export function runBinary(cliPath: string, args: readonly string[], opts: { input?: string; env?: Record<string, string> } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [cliPath, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', ...opts.env }, stdio: [opts.input !== undefined ? 'pipe' : 'ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    p.stdout!.setEncoding('utf8').on('data', (s: string) => (stdout += s))
    p.stderr!.setEncoding('utf8').on('data', (s: string) => (stderr += s))
    p.on('error', reject)
    p.on('close', (status) => resolve({ status, stdout, stderr }))
    if (opts.input !== undefined) {
      p.stdin!.on('error', () => undefined) // the command may exit before reading it all
      p.stdin!.end(opts.input)
    }
  })
}

/** A usage or input error: exit 2, one `tamio-pricing: …` line on stderr, no stack trace, nothing on stdout. */
export async function expectOneLineError(ran: Ran | Promise<Ran>, pattern: RegExp): Promise<void> {
  const r = await ran
  expect(r.status, r.stderr).toBe(2)
  const lines = r.stderr.trim().split('\n')
  expect(lines, r.stderr).toHaveLength(1)
  expect(lines[0]).toMatch(/^tamio-pricing: /)
  expect(lines[0]).toMatch(pattern)
  expect(r.stderr).not.toMatch(/\n\s+at /)
  expect(r.stdout).toBe('')
}

/** A shell command line (for script(1)), each argument single-quoted. */
export function shellLine(args: readonly string[]): string {
  return args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')
}

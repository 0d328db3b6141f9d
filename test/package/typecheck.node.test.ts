/**
 * The type tests (`expectTypeOf`, `@ts-expect-error` in test/api-types.test.ts and
 * test/money/types.test.ts) only bite when the compiler runs: this runs `tsc --noEmit -p .` over
 * src/, test/, bench/ and examples/ with the strict tsconfig, inside `npm test`.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/pkg'

describe('typecheck', () => {
  it('tsc --noEmit -p . reports no error (so every @ts-expect-error and expectTypeOf holds)', () => {
    let output = ''
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', ROOT], { encoding: 'utf8', stdio: 'pipe' })
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string }
      output = `${err.stdout ?? ''}${err.stderr ?? ''}`
    }
    expect(output).toBe('')
  }, 300_000)
})

/**
 * `npm run bench:browser` keeps working: a --quick run (a few seconds; the figures of a smoke run
 * mean nothing) must time the 20-line estimate in both runtimes, find byte-identical JSON in Node and
 * Chromium, and write its results file.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHROMIUM_PATH, hasChromium, isCI } from '../support/chromium'
import { bin, run } from '../support/pkg'

const skip = !hasChromium() && !isCI()
if (skip) console.warn(`[bench:browser] SKIPPED: no Chromium at ${CHROMIUM_PATH}`)

describe.skipIf(skip)('bench:browser', () => {
  it('a --quick run times Node and Chromium on the same cart, with identical JSON, and writes the results', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tamio-bench-browser-'))
    try {
      const out = join(dir, 'browser.json')
      const r = run(bin('tsx'), ['bench/browser.ts', '--quick', `--out=${out}`])
      expect(r.stderr).toBe('')
      expect(r.status).toBe(0)
      expect(r.stdout).toMatch(/Chromium ÷ Node: \d+\.\d\d×/)
      const res = JSON.parse(readFileSync(out, 'utf8')) as {
        scenario: { lines: number; identical_json: boolean; total: number }
        node_ns: number
        chromium_ns: number
        ratio_chromium_over_node: number
        meta: { quick: boolean; chromium: string }
      }
      expect(res.scenario).toMatchObject({ lines: 20, identical_json: true })
      expect(res.scenario.total).toBeGreaterThan(0)
      expect(res.node_ns).toBeGreaterThan(0)
      expect(res.chromium_ns).toBeGreaterThan(0)
      expect(Number.isFinite(res.ratio_chromium_over_node)).toBe(true)
      expect(res.meta).toMatchObject({ quick: true })
      expect(res.meta.chromium).toMatch(/^\d+\./)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

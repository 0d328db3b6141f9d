/**
 * Amounts are small integers to V8, from the first estimate of a process on.
 *
 * A quotient computed by optimized code comes back as a heap number even when it is whole; amounts
 * computed from one in unoptimized code stay heap numbers, and the first heap number stored in an
 * object field makes V8 box that field in every later object of the same shape — one allocation
 * per amount per line for the rest of the process (a 20-line estimate allocated ≈ 20 % more and ran
 * ≈ 13 % slower). Nothing in the output's JSON shows it, so this checks the built package the way
 * an app runs it: a fresh Node process with `--allow-natives-syntax`, a store built first (which
 * optimizes the money core), a rejected request with a fractional quantity (after which V8 holds
 * the quantity of every line object as a heap number), then every whole number of the first and
 * of the 2,000th estimate asked whether it is a small integer.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, inject, it } from 'vitest'
import { AT, makeRequest, makeStore } from '../../bench/data'

const SCRIPT = `
import { readFileSync } from 'node:fs'
const [dist, file] = process.argv.slice(1)
const { config, request, at } = JSON.parse(readFileSync(file, 'utf8'))
const lib = await import(dist)
const store = lib.createStore(config)
const isSmi = new Function('x', 'return %IsSmi(x)')
const boxed = []
let amounts = 0
const walk = (v, p) => {
  if (typeof v === 'number') {
    // (below 2^30: what a small integer holds in every V8 build, pointer compression included)
    if (Number.isInteger(v) && Math.abs(v) < 2 ** 30) {
      amounts++
      if (!isSmi(v)) boxed.push(p)
    }
  } else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, p + '.' + k)
}
// A request that puts a fraction where the lines' quantity goes (rejected: invalid_quantity) makes
// V8 hold that field of every line object of the same shape as a heap number from then on,
// the good request's lines included: the amounts read from them must still come out small.
const bad = JSON.parse(JSON.stringify(request))
bad.products[0].quantity = 1.5
if (lib.estimate(store, bad, { at }).status !== 400) throw new Error('a fractional quantity was accepted')
for (let i = 0; i < 2000; i++) {
  const r = lib.estimate(store, request, { at })
  if (r.status !== 200) throw new Error('estimate answered ' + r.status)
  if (i === 0 || i === 1999) walk(r.transaction, 'estimate ' + (i + 1) + ': transaction')
}
console.log(JSON.stringify({ amounts, boxed }))
`

describe('amounts as V8 holds them', () => {
  it('every whole amount of an estimate is a small integer, in the first estimate, after warm-up and after a fractional input', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tamio-smi-'))
    try {
      const file = join(dir, 'input.json')
      // The bench's cart: 20 lines, a percentage coupon split over them, shipping shared by the
      // lines and taxed per line, an instalment plan — every producer of amounts runs.
      writeFileSync(file, JSON.stringify({ config: makeStore({ products: 200, maxLines: 20 }), request: makeRequest(20, 200), at: AT }))
      const dist = pathToFileURL(join(inject('pkgDir'), 'dist', 'index.js')).href
      const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', SCRIPT, dist, file], { encoding: 'utf8' })
      // Node's own warnings (lines starting "(node:") are not the script's errors.
      expect(r.stderr.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('(node:')).join('\n')).toBe('')
      const out = JSON.parse(r.stdout) as { amounts: number; boxed: string[] }
      console.log(`whole numbers checked in two estimates: ${out.amounts}; heap numbers among them: ${out.boxed.length}`)
      // Two estimates of 20 lines, ≈ 25 whole numbers per line: the walk really saw the amounts.
      expect(out.amounts).toBeGreaterThan(2 * 20 * 20)
      expect(out.boxed.slice(0, 10)).toEqual([])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

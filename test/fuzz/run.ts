/**
 * `npm run fuzz` — the long fuzz budget: every property of test/fuzz/properties.ts, its share of
 * FUZZ_RUNS cases in total (default 1 000 000), from FUZZ_SEED (default: a random seed, printed so a
 * failure can be replayed). Reports cases, failures, time and the outcome tallies per property;
 * exits 1 on the first failing property (after printing its shrunk counterexample).
 *
 *   npm run fuzz                                   # one million cases
 *   FUZZ_RUNS=20000 FUZZ_SEED=42 npm run fuzz      # a quick replayable run
 *   FUZZ_ONLY=valid npm run fuzz                   # only the properties whose rule mentions "valid"
 */
import fc from 'fast-check'
import { slowest } from './check'
import { PROPERTIES, tally } from './properties'

const total = Number(process.env.FUZZ_RUNS ?? 1_000_000)
const seed = process.env.FUZZ_SEED === undefined ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED)
const only = process.env.FUZZ_ONLY
const selected = PROPERTIES.filter((p) => only === undefined || p.rule.includes(only))
const weights = selected.reduce((s, p) => s + p.weight, 0)

console.log(`fuzz: ${total} cases over ${selected.length} properties, seed ${seed}`)
const started = performance.now()
let cases = 0
let failed = false
for (const p of selected) {
  const numRuns = Math.max(1, Math.round((total * p.weight) / weights))
  const before = new Map(tally)
  const t0 = performance.now()
  const out = fc.check(p.property(), { numRuns, seed })
  const s = (performance.now() - t0) / 1000
  cases += out.numRuns
  console.log(`\n${out.failed ? 'FAIL' : 'ok  '} ${out.numRuns} cases in ${s.toFixed(1)} s (${((s * 1e6) / Math.max(out.numRuns, 1)).toFixed(0)} µs/case) — ${p.rule}`)
  console.log(`       slowest call so far: ${[...slowest].map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`)
  for (const [k, v] of tally) {
    const d = v - (before.get(k) ?? 0)
    if (d > 0) console.log(`       ${String(d).padStart(8)}  ${k}`)
  }
  if (out.failed) {
    failed = true
    console.log(String(out.errorInstance))
    console.log(fc.defaultReportMessage(out))
    break
  }
}
const secs = (performance.now() - started) / 1000
console.log(`\nfuzz: ${cases} cases, ${failed ? 'FAILED' : '0 failures'}, ${secs.toFixed(1)} s, seed ${seed}`)
process.exit(failed ? 1 : 0)

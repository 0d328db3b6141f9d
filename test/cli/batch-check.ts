/**
 * `npm run batch-check`: the batch reconcile at scale, outside the test suite (it takes minutes).
 * Generates BATCH_N orders (default 100,000; every 10th one cent off) into os.tmpdir(), runs the
 * real binary on them and on a tenth of them — with V8's old space capped at 64 MB, so a batch that
 * kept anything per order would die — and checks that the counts are right and that peak memory
 * does not grow with the file (the 10× larger run may use at most 32 MB more RSS).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AT, BATCH_STORE, TAMPER_EVERY, writeOrders } from './orders'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const N = Number(process.env.BATCH_N ?? 100_000)
const CLI = join(ROOT, 'dist', 'cli.js')

interface Result {
  readonly lines: number
  readonly matched: number
  readonly mismatched: number
  readonly invalid: number
  readonly stats: { seconds: number; linesPerSecond: number; maxRss: number; peakRssSampled: number; peakHeapUsed: number }
}

function fail(message: string): never {
  process.stderr.write(`batch-check: FAILED: ${message}\n`)
  process.exit(1)
}

function run(file: string, store: string): { result: Result; externalMaxRssKb: number | null } {
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-v'] : []
  // A 64 MB old-space cap: a batch that kept anything per order would run out of heap.
  const args = [...time, process.execPath, '--max-old-space-size=64', CLI, 'reconcile', '--batch', file, '--store', store, '--at', AT, '--format', 'json', '--stats', '--no-progress']
  const r = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.status !== 1) fail(`expected exit 1 (mismatches present), got ${r.status}\n${r.stderr}`)
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)
  return { result: JSON.parse(r.stdout) as Result, externalMaxRssKb: m === null ? null : Number(m[1]) }
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) {
    process.stdout.write('building dist/ …\n')
    const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' })
    if (b.status !== 0) fail(`npm run build failed\n${b.stderr}`)
  }
  const dir = mkdtempSync(join(tmpdir(), 'tamio-batch-check-'))
  try {
    const store = join(dir, 'store.json')
    writeFileSync(store, JSON.stringify(BATCH_STORE))
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`
    const report: string[] = []
    const peaks: number[] = []
    for (const n of [Math.max(1, Math.round(N / 10)), N]) {
      const file = join(dir, `orders-${n}.ndjson`)
      let t = Date.now()
      const { tampered } = await writeOrders(file, n)
      const gen = (Date.now() - t) / 1000
      t = Date.now()
      const { result, externalMaxRssKb } = run(file, store)
      const wall = (Date.now() - t) / 1000
      const expectTampered = Math.floor((n - 4) / TAMPER_EVERY) + 1
      if (tampered !== expectTampered) fail(`generator tampered ${tampered}, expected ${expectTampered}`)
      if (result.lines !== n || result.mismatched !== tampered || result.matched !== n - tampered || result.invalid !== 0)
        fail(`counts for ${n}: ${JSON.stringify({ lines: result.lines, matched: result.matched, mismatched: result.mismatched, invalid: result.invalid })}`)
      const peak = externalMaxRssKb !== null ? externalMaxRssKb * 1024 : result.stats.maxRss
      peaks.push(peak)
      report.push(
        `${n.toLocaleString('en-US')} orders (${mb(statSync(file).size)} NDJSON, generated in ${gen.toFixed(1)} s): ` +
          `${wall.toFixed(1)} s wall, ${result.stats.linesPerSecond.toLocaleString('en-US')} lines/s, ` +
          `peak RSS ${mb(peak)}${externalMaxRssKb !== null ? ' (/usr/bin/time -v)' : ''}, sampled ${mb(result.stats.peakRssSampled)}, peak heap ${mb(result.stats.peakHeapUsed)}; ` +
          `${result.matched.toLocaleString('en-US')} matched, ${result.mismatched.toLocaleString('en-US')} mismatched`,
      )
      rmSync(file, { force: true })
    }
    process.stdout.write(`${report.join('\n')}\n`)
    const growth = peaks[1]! - peaks[0]!
    if (growth > 32 * 1024 * 1024) fail(`peak RSS grew by ${mb(growth)} for a 10× larger file: memory is not flat`)
    process.stdout.write(`batch-check: ok — peak RSS ${growth >= 0 ? '+' : ''}${mb(growth)} for 10× the orders (flat)\n`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)))

/**
 * `npm run batch-check`: the batch reconcile at scale, outside the test suite (it takes minutes).
 * Generates BATCH_N orders (default 100,000; every 10th one cent off) into os.tmpdir(), runs the
 * real binary on them and on a tenth of them — with V8's old space capped at 64 MB, so a batch that
 * kept anything per order would die — and checks that the counts are right and that peak memory
 * does not grow with the file (the 10× larger run may use at most 32 MB more RSS). Then it times
 * `--jobs 1` against `--jobs 2` on the large file (interleaved, JOBS_ROUNDS rounds, default 2),
 * requires byte-identical summaries, and prints the wall and CPU times and the speed-up.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
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

function run(file: string, store: string, jobs = 1): { result: Result; externalMaxRssKb: number | null } {
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-v'] : []
  // A 64 MB old-space cap: a batch that kept anything per order would run out of heap.
  const args = [...time, process.execPath, '--max-old-space-size=64', CLI, 'reconcile', '--batch', file, '--store', store, '--at', AT, '--format', 'json', '--stats', '--no-progress', '--jobs', String(jobs)]
  const r = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.status !== 1) fail(`expected exit 1 (mismatches present), got ${r.status}\n${r.stderr}`)
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)
  return { result: JSON.parse(r.stdout) as Result, externalMaxRssKb: m === null ? null : Number(m[1]) }
}

/** One timed run of the binary: its stdout (the JSON summary), wall seconds and CPU seconds (user + system, via /usr/bin/time). */
function timed(file: string, store: string, jobs: number): { stdout: string; wall: number; cpu: number | null } {
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'cpu %U %S'] : []
  const args = [...time, process.execPath, CLI, 'reconcile', '--batch', file, '--store', store, '--at', AT, '--format', 'json', '--quiet', '--jobs', String(jobs)]
  const t = Date.now()
  const r = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8', maxBuffer: 64 << 20 })
  const wall = (Date.now() - t) / 1000
  if (r.status !== 1) fail(`--jobs ${jobs}: expected exit 1 (mismatches present), got ${r.status}\n${r.stderr}`)
  const m = /cpu ([\d.]+) ([\d.]+)/.exec(r.stderr)
  return { stdout: r.stdout, wall, cpu: m === null ? null : Number(m[1]) + Number(m[2]) }
}

/**
 * How much parallelism the machine gives right now: the same CPU-bound loop on this thread, then
 * split over two worker threads (on an idle 2-core machine ≈ 2×; on a machine busy with other work,
 * less) — printed next to the --jobs figures so they can be read.
 */
async function controlSpeedup(): Promise<number> {
  const N = 3e8
  const body = 'let x = 0; for (let i = 0; i < n; i++) x = (x * 31 + i) % 1000003; return x'
  const spin = new Function('n', body) as (n: number) => number
  let t = Date.now()
  spin(N)
  const one = Date.now() - t
  t = Date.now()
  const src = `const { parentPort, workerData } = require('node:worker_threads'); parentPort.postMessage((function (n) { ${body} })(workerData))`
  await Promise.all([0, 1].map(() => new Promise((resolve) => new Worker(src, { eval: true, workerData: N / 2 }).once('message', resolve))))
  return one / (Date.now() - t)
}

/** `--jobs 1` against `--jobs 2`, interleaved: byte-identical summaries, and the speed-up. */
async function jobsCheck(file: string, store: string): Promise<void> {
  const rounds = Number(process.env.JOBS_ROUNDS ?? 2)
  const before = await controlSpeedup()
  const walls: Record<1 | 2, number[]> = { 1: [], 2: [] }
  const cpu: Record<1 | 2, (number | null)[]> = { 1: [], 2: [] }
  let reference: string | undefined
  for (let i = 0; i < rounds; i++) {
    for (const jobs of [1, 2] as const) {
      const r = timed(file, store, jobs)
      reference ??= r.stdout
      if (r.stdout !== reference) fail(`--jobs ${jobs} gave a different summary from --jobs 1`)
      walls[jobs].push(r.wall)
      cpu[jobs].push(r.cpu)
    }
  }
  const best = (xs: number[]) => Math.min(...xs)
  const speedup = best(walls[1]) / best(walls[2])
  process.stdout.write(
    `--jobs on ${N.toLocaleString('en-US')} orders (${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)}): ` +
      `--jobs 1 ${walls[1].map((w, i) => `${w.toFixed(1)} s (CPU ${cpu[1][i]?.toFixed(1) ?? '?'} s)`).join(', ')} · ` +
      `--jobs 2 ${walls[2].map((w, i) => `${w.toFixed(1)} s (CPU ${cpu[2][i]?.toFixed(1) ?? '?'} s)`).join(', ')} · ` +
      `best-of-${rounds} speed-up ${speedup.toFixed(2)}×; summaries byte-identical\n` +
      `  (control: a CPU-bound loop split over 2 worker threads ran ${before.toFixed(2)}× faster than on one thread before these runs, ${(await controlSpeedup()).toFixed(2)}× after)\n`,
  )
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
      if (n !== N) rmSync(file, { force: true })
    }
    process.stdout.write(`${report.join('\n')}\n`)
    const growth = peaks[1]! - peaks[0]!
    if (growth > 32 * 1024 * 1024) fail(`peak RSS grew by ${mb(growth)} for a 10× larger file: memory is not flat`)
    process.stdout.write(`batch-check: peak RSS ${growth >= 0 ? '+' : ''}${mb(growth)} for 10× the orders (flat)\n`)
    await jobsCheck(join(dir, `orders-${N}.ndjson`), store)
    process.stdout.write('batch-check: ok\n')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)))

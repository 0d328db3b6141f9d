/**
 * Traced estimates one after another, as a server or a batch reconciliation runs them: the
 * 20-line cart of the estimate group, 20,000 times in a row (after 2,000 to warm up), untraced,
 * traced, and traced with the trace read (`amounts` and `splits`). Each mode runs in a process of
 * its own, so no mode pays for another's garbage; the figures are CPU time per estimate (every
 * thread of the process: the collector's helpers included) and the garbage collection pauses the
 * process saw (`PerformanceObserver`, entry type `gc`). The estimate group's medians leave out the
 * samples a collection lands in; this does not.
 *
 *   npx tsx bench/sustained.ts               3 rounds of each mode, alternating
 *   npx tsx bench/sustained.ts --calls=5000  a shorter run
 *
 * Writes bench/results/sustained.json.
 */
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PerformanceObserver } from 'node:perf_hooks'
import { AT, makeRequest, makeStore } from './data'
import { median } from './measure'

type Mode = 'off' | 'traced' | 'read'
const MODES: readonly Mode[] = ['off', 'traced', 'read']
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const CALLS = Number(arg('calls') ?? 20_000)
const ROUNDS = Number(arg('rounds') ?? 3)

interface Run {
  readonly mode: Mode
  /** CPU µs per estimate, every thread of the process. */
  readonly cpuUs: number
  /** Garbage collection pauses during the timed calls, ms in all. */
  readonly gcMs: number
  readonly gcCount: number
}

/** One mode, in this process: the child's side. */
async function child(mode: Mode): Promise<Run> {
  const lib = (await import(new URL('../dist/index.js', import.meta.url).href)) as {
    createStore: (c: unknown) => unknown
    estimate: (s: unknown, r: unknown, o: unknown) => { status: number; trace?: { amounts: unknown; splits: unknown } }
  }
  const store = lib.createStore(makeStore({ products: 10_000, maxLines: 10_000 }))
  const requests = [0, 1, 2, 3].map(() => JSON.parse(JSON.stringify(makeRequest(20, 10_000))) as unknown)
  const options = mode === 'off' ? { at: AT } : { at: AT, trace: true }
  let sink: unknown
  const once = (i: number) => {
    const r = lib.estimate(store, requests[i & 3], options)
    if (mode === 'read') sink = [r.trace!.amounts, r.trace!.splits]
    else sink = r
  }
  const first = lib.estimate(store, requests[0], options)
  if (first.status !== 200) throw new Error(`the bench cart answered ${first.status}`)
  for (let i = 0; i < 2_000; i++) once(i)
  let gcMs = 0
  let gcCount = 0
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs += e.duration
      gcCount++
    }
  })
  obs.observe({ entryTypes: ['gc'] })
  const t = process.cpuUsage()
  for (let i = 0; i < CALLS; i++) once(i)
  const u = process.cpuUsage(t)
  // Entries are delivered asynchronously: let them arrive before reading the totals.
  await new Promise((r) => setTimeout(r, 50))
  obs.disconnect()
  void sink
  return { mode, cpuUs: (u.user + u.system) / CALLS, gcMs, gcCount }
}

async function main(): Promise<void> {
  const mode = arg('child') as Mode | undefined
  if (mode !== undefined) {
    process.stdout.write(JSON.stringify(await child(mode)))
    return
  }
  const self = fileURLToPath(import.meta.url)
  const runs: Run[] = []
  for (let round = 0; round < ROUNDS; round++) {
    for (const m of MODES) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', self, `--child=${m}`, `--calls=${CALLS}`], { encoding: 'utf8' })
      if (r.status !== 0) throw new Error(`${m}: ${r.stderr}`)
      runs.push(JSON.parse(r.stdout) as Run)
    }
  }
  const of = (m: Mode) => runs.filter((r) => r.mode === m)
  const off = median(of('off').map((r) => r.cpuUs))
  const rows = MODES.map((m) => {
    const cpu = median(of(m).map((r) => r.cpuUs))
    const gcMs = median(of(m).map((r) => r.gcMs))
    return { mode: m, cpuUs: cpu, ratio: cpu / off, gcMsPer1000: (gcMs / CALLS) * 1000, gcCount: median(of(m).map((r) => r.gcCount)) }
  })
  for (const r of rows)
    console.log(`${r.mode.padEnd(7)} ${r.cpuUs.toFixed(1).padStart(7)} µs/estimate  ${r.ratio.toFixed(2)}× untraced  GC ${r.gcMsPer1000.toFixed(1)} ms per 1,000 estimates (${r.gcCount} pauses)`)
  writeFileSync(new URL('./results/sustained.json', import.meta.url), `${JSON.stringify({ calls: CALLS, rounds: ROUNDS, node: process.version, rows, runs }, null, 2)}\n`)
}

await main()

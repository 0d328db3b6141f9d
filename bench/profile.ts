/**
 * CPU profiles of the hot scenarios, with the top functions by self time.
 *
 *   npx tsx bench/profile.ts                         estimate.20 and estimate.10000
 *   npx tsx bench/profile.ts estimate.200 createStore.100000 [--seconds=4]
 *
 * The library is bundled with esbuild (not minified, so function names and `// src/<file>.ts`
 * section markers survive), each scenario runs in its own process and only its timed loop is
 * profiled (node:inspector, 100 µs sampling; not the store building or the warmup), and the
 * .cpuprofile files are kept in bench/results/profiles/ (gitignored) for Chrome DevTools or
 * speedscope. Prints, per scenario, the top functions by self time with their source file and
 * the hottest lines of the top ones.
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const OUT = fileURLToPath(new URL('./results/profiles/', import.meta.url))
const args = process.argv.slice(2)
const seconds = Number(args.find((a) => a.startsWith('--seconds='))?.slice(10) ?? 4)
const scenarios = args.filter((a) => !a.startsWith('--'))
if (scenarios.length === 0) scenarios.push('estimate.20', 'estimate.10000')

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[]; positionTicks?: { line: number; ticks: number }[] }
interface CpuProfile { nodes: ProfileNode[]; samples: number[] }

export interface Hot { readonly fn: string; readonly file: string; readonly selfPct: number; readonly totalPct: number }

/** Maps a bundle line to the source file esbuild's `// src/x.ts` markers say it came from. */
function fileMap(bundle: string): (line: number) => string {
  const marks: [number, string][] = []
  bundle.split('\n').forEach((l, i) => {
    const m = /^\/\/ ((?:src|bench|node_modules)\/\S+)$/.exec(l)
    if (m) marks.push([i + 1, m[1]!.replace(/^node_modules\//, '')])
  })
  return (line) => {
    let f = '?'
    for (const [at, name] of marks) {
      if (at > line) break
      f = name
    }
    return f
  }
}

export function analyze(profile: CpuProfile, bundle: string, bundleName: string, top = 15): { hot: Hot[]; lines: string[] } {
  const src = bundle.split('\n')
  const fileOf = fileMap(bundle)
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const selfTime = new Map<number, number>()
  let total = 0
  // Count samples (taken every 100 µs) rather than summing time deltas: a delta spans the gap
  // before a sample, which can be long and unrelated (the profiler starting or stopping).
  for (const id of profile.samples) {
    total += 1
    selfTime.set(id, (selfTime.get(id) ?? 0) + 1)
  }
  const key = (n: ProfileNode) => {
    const cf = n.callFrame
    const inBundle = cf.url.endsWith(bundleName)
    const file = inBundle ? fileOf(cf.lineNumber + 1) : cf.url ? cf.url.replace(/^.*\/(node_modules\/)?/, '') : '(native)'
    return { name: `${cf.functionName || '(anonymous)'}`, file: inBundle ? `${file}:${cf.lineNumber + 1}` : file }
  }
  const self = new Map<string, { fn: string; file: string; t: number }>()
  const incl = new Map<string, number>()
  for (const [id, t] of selfTime) {
    const n = byId.get(id)!
    const k = key(n)
    const s = self.get(`${k.name}|${k.file}`) ?? { fn: k.name, file: k.file, t: 0 }
    s.t += t
    self.set(`${k.name}|${k.file}`, s)
    // inclusive: every distinct frame on the stack gets the sample once
    const seen = new Set<string>()
    for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) {
      const kk = key(byId.get(x)!)
      const name = `${kk.name}|${kk.file}`
      if (seen.has(name)) continue
      seen.add(name)
      incl.set(name, (incl.get(name) ?? 0) + t)
    }
  }
  const hot = [...self.entries()]
    .sort((a, b) => b[1].t - a[1].t)
    .slice(0, top)
    .map(([k, v]) => ({ fn: v.fn, file: v.file, selfPct: (100 * v.t) / total, totalPct: (100 * (incl.get(k) ?? 0)) / total }))
  // the hottest lines of the bundle, with the source file they come from
  const lineTicks = new Map<number, number>()
  for (const n of profile.nodes) {
    if (!n.callFrame.url.endsWith(bundleName)) continue
    for (const p of n.positionTicks ?? []) lineTicks.set(p.line, (lineTicks.get(p.line) ?? 0) + p.ticks)
  }
  const tickSum = [...lineTicks.values()].reduce((a, b) => a + b, 0)
  const lines = [...lineTicks.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
    .map(([l, t]) => `${((100 * t) / tickSum).toFixed(1).padStart(5)}%  ${fileOf(l)} · ${(src[l - 1] ?? '').trim().slice(0, 100)}`)
  return { hot, lines }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true })
  const bundleName = 'profile-bundle.mjs'
  const bundlePath = `${OUT}${bundleName}`
  await build({
    entryPoints: [fileURLToPath(new URL('./profile-target.ts', import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: bundlePath,
    minify: false,
    keepNames: false,
    logLevel: 'warning',
  })
  const bundle = readFileSync(bundlePath, 'utf8')
  const report: Record<string, unknown> = {}
  for (const sc of scenarios) {
    const dir = `${OUT}${sc}/`
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    const res = spawnSync(process.execPath, [bundlePath, sc, String(seconds), `${dir}${sc}.cpuprofile`], { encoding: 'utf8' })
    if (res.status !== 0) {
      console.log(`\n## ${sc}: failed (exit ${res.status})\n${res.stderr.slice(0, 2000)}`)
      continue
    }
    const stats = JSON.parse(res.stdout.trim().split('\n').pop()!) as { calls: number; nsPerCall: number }
    const file = `${sc}.cpuprofile`
    const prof = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as CpuProfile
    const { hot, lines } = analyze(prof, bundle, bundleName)
    report[sc] = { ...stats, hot, lines, profile: `bench/results/profiles/${sc}/${file}` }
    console.log(`\n## ${sc} — ${stats.calls} calls, ${(stats.nsPerCall / 1000).toFixed(1)} µs per call (under the profiler)\n`)
    console.log('  self%  total%  function (file:line in the bundle’s source section)')
    for (const h of hot) console.log(`  ${h.selfPct.toFixed(1).padStart(5)}  ${h.totalPct.toFixed(1).padStart(6)}  ${h.fn}  ${h.file}`)
    console.log('\n  hottest lines:')
    for (const l of lines) console.log(`  ${l}`)
  }
  writeFileSync(`${OUT}summary.json`, `${JSON.stringify(report, null, 2)}\n`)
  console.log('\nprofile: .cpuprofile files and summary.json in bench/results/profiles/')
}

await main()

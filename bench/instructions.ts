/**
 * `npm run bench:instructions` — the estimate group's ratios in machine instructions instead of
 * seconds.
 *
 *   npm run bench:instructions                    every scenario (about 25 minutes on 2 cores)
 *   npm run bench:instructions -- estimate.20     only the named scenarios
 *   npm run bench:instructions -- --calls=1000 --jobs=2
 *
 * Why: on a shared machine the time of the same build swings by a third between processes, so a
 * change worth 5 % cannot be seen in seconds. valgrind's callgrind counts the instructions a process
 * executes; with V8 made deterministic (`--predictable`: no concurrent compiler or GC threads, fixed
 * seeds) the count repeats to a few parts in 10,000 whatever else the machine runs. Each scenario
 * runs twice in its own process (bench/instructions-target.ts), with 0 and with N measured calls
 * after the same warmup; the difference ÷ N is the cost of one call, garbage collection included.
 *
 * An instruction is not a nanosecond (a cache miss costs hundreds of cycles and Medusa's code is
 * larger and allocates more than ours), so the time targets are still judged by `npm run bench`;
 * this is the instrument for seeing a small change and for a ratio free of the machine's noise.
 * Needs valgrind (`apt-get install valgrind`). Writes bench/results/instructions.json.
 */
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Scenario } from './instructions-target'
import { loadMedusa } from './medusa'

const SCENARIOS: readonly Scenario[] = ['estimate.20', 'estimate.20.trace', 'reconcile.20', 'v01.20', 'minimal.20', 'medusa.20']
const RESULTS = fileURLToPath(new URL('./results/', import.meta.url))
const argv = process.argv.slice(2)
const opt = (name: string, d: number) => Number(argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? d)
const calls = opt('calls', 2000)
const warm = opt('warm', 3000)
const jobs = opt('jobs', Math.max(1, Math.min(2, os.cpus().length)))
for (const [name, v] of [['calls', calls], ['warm', warm], ['jobs', jobs]] as const)
  if (!Number.isSafeInteger(v) || v < (name === 'warm' ? 0 : 1)) throw new Error(`--${name} must be a whole number${name === 'warm' ? '' : ' ≥ 1'}, got ${v}`)
for (const a of argv) if (a.startsWith('--') && !/^--(calls|warm|jobs)=/.test(a)) throw new Error(`unknown option ${a}; known: --calls=N, --warm=N, --jobs=N`)
const wanted = argv.filter((a) => !a.startsWith('--'))
for (const w of wanted) if (!(SCENARIOS as readonly string[]).includes(w)) throw new Error(`unknown scenario ${w}; known: ${SCENARIOS.join(', ')}`)
const scenarios: readonly Scenario[] = wanted.length > 0 ? (wanted as Scenario[]) : SCENARIOS

/** V8 flags that make a run repeat: no background compiler or GC threads, fixed random and hash seeds. */
const NODE_FLAGS = ['--predictable', '--random-seed=1', '--hash-seed=1']

function instructions(bundle: string, scen: Scenario, meas: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', '--cache-sim=no', '--branch-sim=no', process.execPath, ...NODE_FLAGS, bundle], {
      env: { ...process.env, SCEN: scen, WARM: String(warm), MEAS: String(meas), PREP: String(calls) },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      const m = /Collected : (\d+)/.exec(err)
      if (code !== 0 || m === null) reject(new Error(`${scen} (MEAS=${meas}) failed with ${code}:\n${err.split('\n').filter((l) => !l.startsWith('==')).join('\n').slice(-2000)}`))
      else resolve(Number(m[1]))
    })
  })
}

async function pool<T>(tasks: (() => Promise<T>)[], n: number): Promise<T[]> {
  const out: T[] = new Array(tasks.length)
  let next = 0
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < tasks.length) {
      const k = next++
      out[k] = await tasks[k]!()
    }
  }))
  return out
}

async function main(): Promise<void> {
  if (spawnSync('valgrind', ['--version']).status !== 0) {
    console.error('bench:instructions needs valgrind on the PATH (Debian/Ubuntu: apt-get install valgrind)')
    process.exit(2)
  }
  // Installed (on first use) here, once, not inside the measured processes.
  if (scenarios.includes('medusa.20')) {
    const m = loadMedusa()
    if (typeof m === 'string') console.error(`bench:instructions: ${m}`)
  }
  mkdirSync(RESULTS, { recursive: true })
  // Beside its source, so bench/medusa.ts finds bench/baselines/ from the bundle's own URL.
  const bundle = fileURLToPath(new URL('./instructions-target.tmp.mjs', import.meta.url))
  // One file for valgrind to run: the library's sources, the baselines and the scenario (Medusa
  // stays outside it, loaded from bench/baselines/node_modules by bench/medusa.ts).
  await build({
    entryPoints: [fileURLToPath(new URL('./instructions-target.ts', import.meta.url))],
    bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'error',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  })
  const t0 = Date.now()
  console.log(`bench:instructions: ${scenarios.length} scenario(s), ${warm} warmup + ${calls} measured calls each, ${jobs} job(s) at a time`)
  // A scenario that fails (Medusa not installable, say) is reported and the others still run.
  const failed: string[] = []
  const attempt = (s: Scenario, meas: number) => () => instructions(bundle, s, meas).catch((e: Error) => (failed.push(e.message), Number.NaN))
  const counts = await pool(scenarios.flatMap((s) => [attempt(s, 0), attempt(s, calls)]), jobs)
  rmSync(bundle, { force: true })
  const per: Partial<Record<Scenario, number>> = {}
  scenarios.forEach((s, i) => {
    const d = counts[2 * i + 1]! - counts[2 * i]!
    if (Number.isFinite(d)) per[s] = Math.round(d / calls)
  })
  const fmt = (n: number) => n.toLocaleString('en-US')
  console.log('\nscenario              instructions per call')
  for (const s of scenarios) console.log(`${s.padEnd(22)}${(per[s] === undefined ? 'failed' : fmt(per[s]!)).padStart(21)}`)
  const ratio = (a: Scenario, b: Scenario) => (per[a] !== undefined && per[b] !== undefined ? per[a]! / per[b]! : undefined)
  const ratios = {
    'Medusa ÷ ours (20 lines)': ratio('medusa.20', 'estimate.20'),
    'ours ÷ minimal (20 lines)': ratio('estimate.20', 'minimal.20'),
    'trace on ÷ off (20 lines)': ratio('estimate.20.trace', 'estimate.20'),
    'reconcile ÷ estimate (20 lines)': ratio('reconcile.20', 'estimate.20'),
    '0.1 build ÷ ours (20 lines)': ratio('v01.20', 'estimate.20'),
  }
  console.log('\nratio (instructions)')
  for (const [k, v] of Object.entries(ratios)) if (v !== undefined) console.log(`${k.padEnd(34)}${v.toFixed(2).padStart(8)}×`)
  const seconds = Math.round((Date.now() - t0) / 1000)
  // Only a full run replaces the committed figures; a partial one goes to a scratch file.
  const file = scenarios.length === SCENARIOS.length && failed.length === 0 ? 'instructions.json' : 'instructions.tmp.json'
  console.log(`\n${seconds} s; written to bench/results/${file}`)
  writeFileSync(`${RESULTS}${file}`, `${JSON.stringify({ calls, warm, node: process.version, flags: NODE_FLAGS, per_call: per, counts: Object.fromEntries(scenarios.map((s, i) => [s, [counts[2 * i], counts[2 * i + 1]]])), ratios, seconds, failed }, null, 2)}\n`)
  if (failed.length > 0) {
    console.error(`\n${failed.length} run(s) failed:\n${failed.join('\n\n')}`)
    process.exitCode = 1
  }
}

await main()

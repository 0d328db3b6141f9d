/**
 * `npm run load`: the emulator's throughput, latency and memory, loopback only, about 80 s.
 *
 *   1. burst: 50 keep-alive connections POST the bench's 20-line cart for 10 s — every answer must be
 *      a 200 equal byte for byte to estimate() in process; targets ≥ 1,000 req/s and p99 ≤ 50 ms;
 *   2. soak: the same for 60 s while the server's heap and RSS are sampled every 5 s from
 *      /_emulator/health — memory must stay flat (end − start: heap < 16 MB, RSS < 32 MB; a leak
 *      of 100 bytes per request over the ~150,000 requests of a soak would show as 15 MB).
 *
 * The server logs every request on stderr as it does by default (drained by this script). The load
 * generator (autocannon) runs in this process, so both share the machine's cores, as specified.
 * Prints the figures and writes them to bench/load/latest.json; exits 1 if a target is missed.
 * Options: --soak=SECONDS (default 60), --burst=SECONDS (default 10), --quiet-server (no request log).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hammer, loadCart, type LoadResult, mb, type Memory, memory, resultLine, startLoadEmulator } from './load'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const arg = (name: string, dflt: number) => {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`))
  return a === undefined ? dflt : Number(a.slice(name.length + 3))
}
const BURST_S = arg('burst', 10)
const SOAK_S = arg('soak', 60)
const QUIET = process.argv.includes('--quiet-server')
const CONNECTIONS = 50

/**
 * The machine's CPU time so far (all cores, in clock ticks) and the part of it the hypervisor
 * gave to other machines ("steal", Linux only; undefined elsewhere). On a shared virtual machine a
 * run with much stolen time is slower for reasons outside the process, so the share is reported.
 */
function cpuTicks(): { total: number; steal: number } | undefined {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number)
    return { total: f.reduce((a, b) => a + b, 0), steal: f[7] ?? 0 }
  } catch {
    return undefined
  }
}
const stolenSince = (t0: { total: number; steal: number } | undefined): number | null => {
  const t1 = cpuTicks()
  if (t0 === undefined || t1 === undefined || t1.total === t0.total) return null
  return (t1.steal - t0.steal) / (t1.total - t0.total)
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main(): Promise<void> {
  process.stdout.write('building dist/ …\n')
  const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' })
  if (b.status !== 0) throw new Error(`npm run build failed\n${b.stderr}`)
  const dir = mkdtempSync(join(tmpdir(), 'tamio-load-'))
  const cart = loadCart(20)
  const server = await startLoadEmulator(join(ROOT, 'dist', 'cli.js'), join(dir, 'store.json'), cart.store, QUIET ? ['--quiet'] : [])
  const failures: string[] = []
  const load0 = loadavg()[0]!
  const ticks0 = cpuTicks()
  try {
    process.stdout.write(`emulator at ${server.url}; ${cpus().length} cores, load average ${load0.toFixed(2)}; request ${cart.body.length} B, response ${cart.expected.length} B; request log ${QUIET ? 'off' : 'on'}\n`)
    // A short warm-up (JIT), not counted.
    await hammer(server.url, cart, CONNECTIONS, 2)

    const burst = await hammer(server.url, cart, CONNECTIONS, BURST_S)
    process.stdout.write(`burst: ${resultLine(burst)}\n`)
    const check = (r: LoadResult, what: string) => {
      if (r.errors + r.timeouts + r.non2xx + r.mismatches > 0) failures.push(`${what}: ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx, ${r.mismatches} body mismatches`)
    }
    check(burst, 'burst')
    if (burst.rps < 1000) failures.push(`burst: ${Math.round(burst.rps)} req/s < 1,000`)
    if (burst.p99 > 50) failures.push(`burst: p99 ${burst.p99} ms > 50 ms`)

    const t0 = Date.now()
    const samples: Memory[] = [await memory(server.url, t0)]
    const sampler = setInterval(() => {
      memory(server.url, t0).then((m) => samples.push(m), () => undefined)
    }, 5000)
    const soak = await hammer(server.url, cart, CONNECTIONS, SOAK_S)
    clearInterval(sampler)
    samples.push(await memory(server.url, t0))
    process.stdout.write(`soak:  ${resultLine(soak)}\n`)
    check(soak, 'soak')
    process.stdout.write(`memory over the soak (every 5 s): ${samples.map((s) => `${s.at.toFixed(0)}s heap ${mb(s.heapUsed)} rss ${mb(s.rss)}`).join(' · ')}\n`)
    const first = samples.slice(0, 3)
    const last = samples.slice(-3)
    const heapGrowth = median(last.map((s) => s.heapUsed)) - median(first.map((s) => s.heapUsed))
    const rssGrowth = median(last.map((s) => s.rss)) - median(first.map((s) => s.rss))
    process.stdout.write(
      `memory: heap ${mb(median(first.map((s) => s.heapUsed)))} → ${mb(median(last.map((s) => s.heapUsed)))} (max ${mb(Math.max(...samples.map((s) => s.heapUsed)))}), ` +
        `RSS ${mb(median(first.map((s) => s.rss)))} → ${mb(median(last.map((s) => s.rss)))} (max ${mb(Math.max(...samples.map((s) => s.rss)))})\n`,
    )
    if (heapGrowth > 16 * 1024 * 1024) failures.push(`soak: heap grew ${mb(heapGrowth)}`)
    if (rssGrowth > 32 * 1024 * 1024) failures.push(`soak: RSS grew ${mb(rssGrowth)}`)
    const stolen = stolenSince(ticks0)
    writeFileSync(
      join(ROOT, 'bench', 'load', 'latest.json'),
      `${JSON.stringify({ date: new Date().toISOString(), node: process.version, cores: cpus().length, loadavg_start: load0, loadavg_end: loadavg()[0], cpu_stolen: stolen, request_log: !QUIET, burst, soak, memory: samples }, null, 2)}\n`,
    )
    process.stdout.write(`load average at the end ${loadavg()[0]!.toFixed(2)}${stolen === null ? '' : `; CPU time stolen by the hypervisor over the run ${(100 * stolen).toFixed(0)} %`}; figures in bench/load/latest.json\n`)
  } finally {
    const code = await server.stop()
    if (code !== 0) failures.push(`the emulator exited with ${String(code)} on SIGTERM`)
    rmSync(dir, { recursive: true, force: true })
  }
  if (failures.length > 0) {
    process.stdout.write(`load: FAILED\n${failures.map((f) => `  ${f}`).join('\n')}\n`)
    process.exitCode = 1
  } else process.stdout.write('load: ok — every target met\n')
}

main().catch((e: unknown) => {
  process.stderr.write(`load: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exitCode = 1
})

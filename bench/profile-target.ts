/**
 * The workload `bench/profile.ts` profiles: one scenario in a loop for a fixed time, after a
 * warmup, in a process of its own (started with --cpu-prof). Not meant to be run by hand.
 *
 *   node bundle.mjs <scenario> <seconds> <out.cpuprofile>
 *
 * Only the timed loop is profiled (through node:inspector), not building the store or warming up.
 *   scenarios: estimate.<lines> | estimate.<lines>.trace | reconcile.<lines> | createStore.<products>
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import * as lib from '../src/index'
import { AT, makeRequest, makeStore, oneCentMoved } from './data'

const [scenario = 'estimate.20', secondsArg = '4', out = 'profile.cpuprofile'] = process.argv.slice(2)
const seconds = Number(secondsArg)
const m = lib as unknown as Record<string, (...a: unknown[]) => any>
const createStore = m.createStore
const estimate = m.estimate
if (typeof createStore !== 'function' || typeof estimate !== 'function') {
  console.error('profile: createStore/estimate are not exported from src/index.ts yet')
  process.exit(2)
}

let sink: unknown
const parts = scenario.split('.')
let run: () => unknown
if (parts[0] === 'estimate') {
  const lines = Number(parts[1])
  const store = createStore(makeStore({ products: Math.max(10_000, lines), maxLines: Math.max(20, lines) }))
  const request = makeRequest(lines, Math.max(10_000, lines))
  const options = parts[2] === 'trace' ? { at: AT, trace: true } : { at: AT }
  const r = estimate(store, request, options)
  if (r.status !== 200) throw new Error(`estimate returned ${r.status}: ${JSON.stringify(r.errors).slice(0, 300)}`)
  run = () => estimate(store, request, options)
} else if (parts[0] === 'reconcile') {
  const lines = Number(parts[1])
  const store = createStore(makeStore({ products: Math.max(10_000, lines), maxLines: Math.max(20, lines) }))
  const ours = estimate(store, makeRequest(lines, Math.max(10_000, lines)), { at: AT, trace: true })
  const theirs = oneCentMoved(ours)
  const reconcile = m.reconcile!
  run = () => reconcile(ours, theirs)
} else if (parts[0] === 'createStore') {
  const config = makeStore({ products: Number(parts[1]), maxLines: 10_000, mixed: true, seed: 0xc0ffee })
  run = () => createStore(config)
} else {
  throw new Error(`unknown scenario ${scenario}`)
}

// Warm up (a second), then the profiled loop.
let t = performance.now()
while (performance.now() - t < 1000) sink = run()
const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', { interval: 100 })
await session.post('Profiler.start')
let calls = 0
t = performance.now()
while (performance.now() - t < seconds * 1000 || calls < 3) {
  sink = run()
  calls++
}
const ms = performance.now() - t
const { profile } = await session.post('Profiler.stop')
writeFileSync(out, JSON.stringify(profile))
session.disconnect()
console.log(JSON.stringify({ scenario, calls, nsPerCall: (ms * 1e6) / calls, sink: typeof sink }))

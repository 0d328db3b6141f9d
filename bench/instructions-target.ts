/**
 * One scenario of `bench/instructions.ts`, run inside valgrind: builds its inputs, warms up, then
 * runs the scenario `MEAS` times. The parent runs this twice per scenario, with `MEAS=0` and
 * `MEAS=N`, and divides the difference of the two instruction counts by N, so everything but the
 * measured calls (Node's start, the store, the inputs, the warmup) cancels out.
 *
 * Environment: `SCEN` (one of SCENARIOS), `WARM` (calls before measuring), `MEAS`, `PREP` (inputs
 * made before measuring, the same in both runs, so making them cancels out too).
 */
// The library's sources, bundled into one file with this harness (as a browser app ships it).
// Loading dist/ as separate modules at run time gave 179,160 and 224,363 instructions per 20-line
// estimate in two runs of the same build (why is not established); bundled, four runs agreed to
// within 0.1 % (230,726–230,923).
import * as lib from '../src/index'
import { minimalEstimate, prepareMinimal } from './baselines/minimal'
import * as v01 from './baselines/v0.1/index.js'
import { AT, linePrices, makeMedusaCart, makeRequest, makeStore, oneCentMoved } from './data'
import { loadMedusa } from './medusa'

/** The scenarios, in the order the parent prints them. */
export type Scenario = 'estimate.20' | 'estimate.20.trace' | 'reconcile.20' | 'v01.20' | 'minimal.20' | 'medusa.20'

const env = (k: string, d: number) => Number(process.env[k] ?? d)


function main(): void {
  const scen = process.env.SCEN as Scenario
  const warm = env('WARM', 3000)
  const meas = env('MEAS', 0)
  const prep = env('PREP', meas)
  const config = makeStore({ products: 10_000, maxLines: 10_000 })
  const request = makeRequest(20, 10_000)
  const options = { at: AT }
  const traced = { at: AT, trace: true }
  let call: (i: number) => unknown
  if (scen === 'estimate.20' || scen === 'estimate.20.trace' || scen === 'reconcile.20') {
    const store = lib.createStore(config as never)
    const opts = scen === 'estimate.20' ? options : traced
    const first = lib.estimate(store, request as never, opts)
    if (first.status !== 200) throw new Error(`estimate answered ${first.status}`)
    if (scen === 'reconcile.20') {
      // The bench's reconcile scenario: a traced estimate against its own JSON with one cent moved.
      const theirs = oneCentMoved(first)
      call = () => lib.reconcile(first, theirs as never)
    } else call = () => lib.estimate(store, request as never, opts)
  } else if (scen === 'v01.20') {
    const store = v01.createStore(config)
    call = () => v01.estimate(store, request, options)
  } else if (scen === 'minimal.20') {
    const ix = prepareMinimal(config)
    call = () => minimalEstimate(ix, request, AT)
  } else if (scen === 'medusa.20') {
    const m = loadMedusa()
    if (typeof m === 'string') throw new Error(m)
    const priced = linePrices(config, request)
    // A fresh cart per call, as in the timed bench (Medusa writes its totals into the cart).
    const carts = Array.from({ length: Math.max(prep, warm) }, () => makeMedusaCart(priced))
    for (let i = 0; i < warm; i++) m.decorateCartTotals(carts[i]!)
    for (let i = 0; i < prep; i++) carts[i] = makeMedusaCart(priced)
    call = (i) => m.decorateCartTotals(carts[i]!)
    run(call, 0, meas)
    return
  } else throw new Error(`unknown scenario ${String(scen)}`)
  run(call, warm, meas)
}

let sink: unknown
function run(call: (i: number) => unknown, warm: number, meas: number): void {
  for (let i = 0; i < warm; i++) sink = call(i)
  for (let i = 0; i < meas; i++) sink = call(i)
  if (sink === undefined && warm + meas > 0) throw new Error('no result')
}

main()

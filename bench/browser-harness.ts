/**
 * The timed part of `npm run bench:browser`, bundled once (with the library from src/) and run
 * unchanged in Node and in Chromium, so both runtimes execute the same JavaScript.
 */
import { createStore, estimate, type EstimateRequest, type Store, type StoreConfig } from '../src/index'

let run: () => unknown = () => undefined

/** Builds the store (untimed) and returns the estimate's JSON, to check both runtimes agree. */
export function prepare(config: unknown, request: unknown, at: string): string {
  const store: Store = createStore(config as StoreConfig)
  // Structurally equal copies, cycled, so no identity-keyed cache could serve a result.
  const requests = [0, 1, 2, 3].map(() => JSON.parse(JSON.stringify(request)) as EstimateRequest)
  const options = { at }
  let i = 0
  run = () => estimate(store, requests[i++ & 3]!, options)
  return JSON.stringify(run())
}

/** Estimates in batches for at least `ms` of wall-clock time; returns nanoseconds per estimate. */
export function sample(ms: number): number {
  let n = 0
  let last: unknown
  const t0 = performance.now()
  let t = t0
  do {
    for (let k = 0; k < 8; k++) last = run()
    n += 8
    t = performance.now()
  } while (t - t0 < ms)
  if (last === undefined) throw new Error('prepare() first')
  return ((t - t0) * 1e6) / n
}

/**
 * The inference bench: `inferPolicies` on 200 orders against the whole space of policy settings
 * (every axis, 64,512 settings). The orders are carts of the rich test store (inclusive and
 * exclusive prices, cross-border customers, every discount and shipping kind, instalment plans),
 * priced under a hidden setting; the store they are inferred against has no policy fields.
 *
 * Scenarios: every order explained by one setting (the target: within 10 s); five of them
 * tampered by a cent (so phase 2's exact count runs); one order in ten priced under another
 * setting; one order in ten with one field of its response edited at random (a number moved, a
 * value replaced by null, "x", 0, [], {} or true, a field or an item deleted), as a hand-edited
 * export has. Each run is a fresh `inferPolicies` call (it keeps nothing between calls); a row is
 * the median of the rounds' CPU time (the process's, `process.cpuUsage`) and wall time, with the
 * estimates the search ran.
 *
 *   npx tsx bench/infer.ts            5 rounds
 *   npx tsx bench/infer.ts --quick    1 round (also what `npm run bench -- --quick` runs)
 */
import { fileURLToPath } from 'node:url'
import { createStore, estimate, inferPolicies, type EstimateRequest, type InferOrder, type StoreConfig } from '../src/index'
import { AT, prng, randomSetting, richRequest, strippedStore } from '../test/infer/orders'
import { median } from './measure'

export const INFER_ORDERS = 200
/** The target: seconds for 200 orders against the whole space. */
export const INFER_TARGET_S = 10

export interface InferRow {
  readonly id: string
  readonly label: string
  readonly orders: number
  /** Median CPU seconds per inference over the rounds, and every round's. */
  readonly cpuSeconds: number
  readonly wallSeconds: number
  readonly rounds: readonly { cpu: number; wall: number }[]
  readonly estimates: number
  readonly matched: number
  readonly policies: Record<string, string>
  readonly hidden: Record<string, string>
}

function orders(seed: number, mix: 'one' | 'tampered' | 'two' | 'edited'): { list: InferOrder[]; hidden: Record<string, string> } {
  const store = createStore(strippedStore() as unknown as StoreConfig)
  const rnd = prng(seed)
  // A hidden setting with most axes away from their defaults.
  const hidden = randomSetting(rnd, 0.8)
  const other = randomSetting(rnd, 0.8)
  const list: InferOrder[] = []
  while (list.length < INFER_ORDERS) {
    const request = richRequest(rnd) as unknown as EstimateRequest
    const res = estimate(store, request, { at: AT, ...(mix === 'two' && list.length % 10 === 3 ? other : hidden) })
    if (res.status !== 200) continue
    list.push({ request, response: JSON.parse(JSON.stringify(res)) as unknown, at: AT })
  }
  if (mix === 'tampered')
    for (let i = 0; i < 5; i++) {
      const r = list[i * 37]!.response as { transaction: { totals: { total: number } } }
      r.transaction.totals.total += 1
    }
  if (mix === 'edited') for (let i = 5; i < list.length; i += 10) edit(list[i]!.response, rnd)
  return { list, hidden }
}

/** One random edit of a response: a number moved by 1 or 1,000, a value replaced by null, "x", 0, [], {} or true, or a field or item deleted. */
function edit(response: unknown, rnd: () => number): void {
  const places: [Record<string, unknown> | unknown[], string | number][] = []
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) x.forEach((v, i) => (places.push([x, i]), walk(v)))
    else if (typeof x === 'object' && x !== null) for (const [k, v] of Object.entries(x)) if (k !== 'status') (places.push([x as Record<string, unknown>, k]), walk(v))
  }
  walk((response as { transaction: unknown }).transaction)
  const [at, key] = places[Math.floor(rnd() * places.length)]!
  const v = (at as Record<string | number, unknown>)[key]
  const c = rnd()
  if (typeof v === 'number' && c < 0.6) (at as Record<string | number, unknown>)[key] = v + [1, -1, 1000][Math.floor(rnd() * 3)]!
  else if (c < 0.8) (at as Record<string | number, unknown>)[key] = [null, 'x', 0, [], {}, true][Math.floor(rnd() * 6)]
  else if (Array.isArray(at)) at.splice(key as number, 1)
  else delete at[key as string]
}

export function runInfer(rounds: number): InferRow[] {
  const store = createStore(strippedStore() as unknown as StoreConfig)
  const scenarios = [
    { id: 'infer.200', label: '200 orders, one hidden setting', ...orders(1, 'one') },
    { id: 'infer.200.tampered', label: '200 orders, 5 tampered by a cent', ...orders(1, 'tampered') },
    { id: 'infer.200.two', label: '200 orders, 1 in 10 under another setting', ...orders(2, 'two') },
    { id: 'infer.200.edited', label: '200 orders, 1 in 10 edited at random', ...orders(3, 'edited') },
  ]
  const rows: InferRow[] = []
  for (const sc of scenarios) {
    const times: { cpu: number; wall: number }[] = []
    let last: ReturnType<typeof inferPolicies> | undefined
    for (let r = 0; r < rounds; r++) {
      const c0 = process.cpuUsage()
      const w0 = performance.now()
      last = inferPolicies(store, sc.list)
      const c = process.cpuUsage(c0)
      times.push({ cpu: (c.user + c.system) / 1e6, wall: (performance.now() - w0) / 1000 })
    }
    rows.push({
      id: sc.id,
      label: sc.label,
      orders: sc.list.length,
      cpuSeconds: median(times.map((t) => t.cpu)),
      wallSeconds: median(times.map((t) => t.wall)),
      rounds: times,
      estimates: last!.estimates,
      matched: last!.matched,
      policies: last!.policies as Record<string, string>,
      hidden: sc.hidden,
    })
  }
  return rows
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = runInfer(process.argv.includes('--quick') ? 1 : 5)
  for (const r of rows)
    console.log(
      `${r.label.padEnd(42)} ${r.cpuSeconds.toFixed(2).padStart(6)} s CPU (median; rounds ${r.rounds.map((t) => t.cpu.toFixed(2)).join(', ')}), ${r.wallSeconds.toFixed(2)} s wall, ${r.estimates} estimates, ${r.matched}/${r.orders} matched, found ${JSON.stringify(r.policies)}`,
    )
}

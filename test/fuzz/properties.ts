/**
 * The fuzz properties, shared by the CI tests (`*.node.test.ts`, a fixed seed and a small budget)
 * and `npm run fuzz` (test/fuzz/run.ts, a long budget). Each entry states its rule; `weight` is its
 * share of a budget.
 */
import fc from 'fast-check'
import { createStore, estimate, explain, reconcile, StoreConfigError, type Store } from '../../src/index'
import apiResponse from '../fixtures/api-estimate-de/response.json'
import { REJECTION_CODES } from '../../src/issues/issues'
import { assertNoPollution, checkEnvelope, deepFreeze, hostileEstimate, hostileStore, timed } from './check'
import { clone, hostileJson, hostileValue, mutated, nastyString } from './hostile'
import { checkLaws } from './laws'
import { AT, RICH_OPTIONS, RICH_REQUESTS, RICH_STORE, SEEDS } from './rich'
import { scenario } from '../support/arbitraries'
import { validCase, type ValidCase } from './valid'
import { prng } from '../support/prng'

export interface FuzzProperty {
  /** The rule, as a test title. */
  readonly rule: string
  /** Share of a budget (cases per unit weight). */
  readonly weight: number
  /** Which CI file runs it: hostile input, or the conservation laws on valid carts. */
  readonly group: 'hostile' | 'laws'
  /** Cases in the CI run (fixed seed). */
  readonly ci: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each property has its own tuple type
  readonly property: () => fc.IProperty<any>
}

const seeds = SEEDS.map((s) => ({ ...s, prepared: createStore(s.store as never) }))
/** Traced estimates of the rich requests (what reconcile and explain are given as `ours`). */
const responses = RICH_REQUESTS.map((r) => estimate(seeds[0]!.prepared, r as never, { ...RICH_OPTIONS[1], trace: true } as never))
const seedIndex = fc.nat(seeds.length - 1)
const richOptions = fc.constantFrom(...RICH_OPTIONS)

/** A deep copy of a JSON value with every object's keys in a shuffled order (arrays keep theirs). */
export function shuffleKeys(v: unknown, rnd: () => number): unknown {
  if (Array.isArray(v)) return v.map((x) => shuffleKeys(x, rnd))
  if (typeof v !== 'object' || v === null) return v
  const keys = Object.keys(v)
  for (let i = keys.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1))
    ;[keys[i], keys[j]] = [keys[j]!, keys[i]!]
  }
  const out: Record<string, unknown> = {}
  for (const k of keys) out[k] = shuffleKeys((v as Record<string, unknown>)[k], rnd)
  return out
}

/** JSON with every object's keys sorted: equal for documents that differ only in key order. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    typeof x === 'object' && x !== null && !Array.isArray(x)
      ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, (x as Record<string, unknown>)[k]]))
      : x,
  )
}

/** The path of an object reachable from both values, or null. */
export function sharedObject(a: unknown, b: unknown): string | null {
  const seen = new Set<object>()
  const collect = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) return
    seen.add(v)
    for (const x of Object.values(v)) collect(x)
  }
  collect(a)
  const find = (v: unknown, p: string): string | null => {
    if (typeof v !== 'object' || v === null) return null
    if (seen.has(v)) return p
    for (const [k, x] of Object.entries(v)) {
      const hit = find(x, `${p}.${k}`)
      if (hit !== null) return hit
    }
    return null
  }
  return find(b, '')
}

/**
 * Valid random cases: this suite's generator (every currency, extreme amounts now and then) and,
 * one case in four, the catalogs and carts of test/support/arbitraries.ts (a German merchant,
 * ordinary amounts), so both generators' blind spots are covered.
 */
const validCases: fc.Arbitrary<ValidCase> = fc.oneof(
  { weight: 3, arbitrary: validCase() },
  { weight: 1, arbitrary: scenario.map((c) => ({ store: c.config, request: c.request, options: c.options, extreme: false })) },
)

/** Codes a valid random cart may legitimately answer 400 with. */
const VALID_400 = new Set(['no_products', 'currency_not_enabled', 'amount_overflow'])

/** Outcome counters, for the fuzz runner's report. */
export const tally = new Map<string, number>()
function count(key: string): void {
  tally.set(key, (tally.get(key) ?? 0) + 1)
}

export const PROPERTIES: readonly FuzzProperty[] = [
  {
    rule: 'arbitrary JSON as the request: estimate answers a 200 or 400 envelope, nothing else, and pollutes no prototype',
    weight: 2,
    group: 'hostile',
    ci: 2000,
    property: () =>
      fc.property(seedIndex, hostileJson, (i, request) => {
        const res = hostileEstimate(seeds[i]!.prepared, request)
        count(`random request → ${res.status}`)
      }),
  },
  {
    rule: 'arbitrary JSON as the options: estimate answers a 200 or 400 envelope',
    weight: 1,
    group: 'hostile',
    ci: 1000,
    property: () =>
      fc.property(seedIndex, fc.oneof(hostileJson, hostileValue), (i, options) => {
        const res = hostileEstimate(seeds[i]!.prepared, clone(seeds[i]!.requests[0]), options)
        count(`random options → ${res.status}`)
      }),
  },
  {
    rule: 'arbitrary JSON as the store config: createStore returns a Store or throws StoreConfigError, nothing else',
    weight: 2,
    group: 'hostile',
    ci: 2000,
    property: () =>
      fc.property(fc.oneof(hostileJson, hostileJson.map((x) => ({ account: { base_currency: 'EUR', country: 'DE' }, ...(typeof x === 'object' && x !== null && !Array.isArray(x) ? x : { products: x }) }))), (config) => {
        const out = hostileStore(config)
        count(`random store → ${out instanceof StoreConfigError ? 'StoreConfigError' : 'Store'}`)
        if (!(out instanceof StoreConfigError)) hostileEstimate(out, clone(seeds[0]!.requests[0]))
      }),
  },
  {
    rule: 'a valid request with one to three hostile leaves: estimate answers a 200 or 400 envelope',
    weight: 6,
    group: 'hostile',
    ci: 4000,
    property: () =>
      fc.property(
        seedIndex.chain((i) => fc.tuple(fc.constant(i), fc.constantFrom(...seeds[i]!.requests).chain((r) => mutated(r)))),
        fc.oneof({ weight: 4, arbitrary: richOptions }, { weight: 1, arbitrary: richOptions.chain((o) => mutated(o)) }),
        ([i, request], options) => {
          const res = hostileEstimate(seeds[i]!.prepared, request, clone(options))
          count(`mutated request → ${res.status}`)
          if (res.status === 400) for (const e of res.errors) count(`mutated request 400 ${e.code}`)
        },
      ),
  },
  {
    rule: 'a valid store with one to three hostile leaves: a Store that prices every seed request into an envelope, or a StoreConfigError',
    weight: 6,
    group: 'hostile',
    ci: 1500,
    property: () =>
      fc.property(
        seedIndex.chain((i) => fc.tuple(fc.constant(i), mutated(seeds[i]!.store))),
        richOptions,
        ([i, config], options) => {
          const out = hostileStore(config)
          count(`mutated store → ${out instanceof StoreConfigError ? 'StoreConfigError' : 'Store'}`)
          if (out instanceof StoreConfigError) return
          for (const r of seeds[i]!.requests) {
            const res = hostileEstimate(out, clone(r), clone(options))
            count(`mutated store request → ${res.status}`)
            checkLaws(res)
          }
        },
      ),
  },
  {
    rule: 'a valid random store and cart: every conservation law holds, amounts are safe integers ≥ 0, inputs are unmutated, and the JSON is stable across runs and key orders',
    weight: 4,
    group: 'laws',
    ci: 1500,
    property: () =>
      fc.property(validCases, fc.integer(), ({ store, request, options, extreme }, shuffleSeed) => {
        deepFreeze(store)
        deepFreeze(request)
        deepFreeze(options)
        let s: Store
        try {
          s = timed('createStore', () => createStore(store as never))
        } catch (e) {
          throw new Error(`a valid store was rejected: ${e instanceof StoreConfigError ? JSON.stringify(e.issues) : String(e)}`)
        }
        const res = timed('estimate', () => estimate(s, request as never, options as never))
        assertNoPollution()
        checkEnvelope(res)
        count(`valid cart → ${res.status}`)
        for (const w of res.warnings) count(`valid cart warning ${w.code}`)
        if (res.status === 400) {
          const strict = options.strict === true
          for (const e of res.errors) {
            count(`valid cart 400 ${e.code}`)
            const allowed = VALID_400.has(e.code) || (strict && REJECTION_CODES.has(e.code))
            if (!allowed) throw new Error(`a valid cart was answered 400 ${JSON.stringify(e)}`)
            if (e.code === 'amount_overflow' && !extreme) throw new Error(`amount_overflow on ordinary amounts ${JSON.stringify(e)}`)
          }
        }
        checkLaws(res)
        // Byte-identical on a second run, and on inputs whose keys come in another order.
        const text = JSON.stringify(res)
        const again = estimate(s, request as never, options as never)
        if (JSON.stringify(again) !== text) throw new Error('a second run gave different JSON')
        // Two responses share no object (a caller editing one cannot reach the store or the other).
        const shared = sharedObject(res, again)
        if (shared !== null) throw new Error(`two responses share the object at ${shared}`)
        const rnd = prng(shuffleSeed)
        const s2 = createStore(shuffleKeys(store, rnd) as never)
        const res2 = estimate(s2, shuffleKeys(request, rnd) as never, shuffleKeys(options, rnd) as never)
        if (canonical(res2) !== canonical(res)) throw new Error(`shuffled key order changed the result:\n${canonical(res).slice(0, 400)}\n${canonical(res2).slice(0, 400)}`)
      }),
  },
  {
    rule: 'reconcile and explain on any response-shaped input (arbitrary JSON, mutated API and estimate responses) return a result, never throw',
    weight: 1,
    group: 'hostile',
    ci: 1000,
    property: () =>
      fc.property(
        fc.nat(responses.length - 1),
        fc.oneof(hostileJson, mutated(apiResponse), fc.nat(responses.length - 1).chain((i) => mutated(clone(responses[i])))),
        fc.oneof(nastyString, fc.constantFrom('transaction.totals.total', 'products[0].totals.tax', 'totals.shipping_tax')),
        (i, theirs, path) => {
          const ours = responses[i]!
          deepFreeze(theirs)
          timed('reconcile', () => reconcile(ours, theirs))
          timed('explain', () => explain(ours, path))
          assertNoPollution()
          count('reconcile → ok')
        },
      ),
  },
]

/** The rich store must stay valid: the mutators start from it. */
export function richStoreIsValid(): boolean {
  createStore(RICH_STORE as never)
  return AT.length > 0
}

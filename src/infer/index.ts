/**
 * `inferPolicies(store, orders, options)`: which policy settings make our estimates reproduce a
 * set of API responses. The search is exact — the answer is the one trying every setting would
 * give — but it estimates only where the traces leave the answer open (see `search.ts`).
 */
import { estimate } from '../0-estimate/estimate'
import { issue } from '../issues/issues'
import { AXES, AXIS_NAMES, type AxisName, policyNames } from '../policies/axes'
import { isObject, unknownKeys } from '../input/read'
import { fields } from '../input/known'
import { readEnvelope } from '../reconcile/compare'
import { reconcile, type ReconcileDifference, toleranceProblem } from '../reconcile/index'
import { prepared, type Store } from '../store/createStore'
import type { EstimateOptions, EstimateRequest, PolicySettings } from '../types/input'
import type { Issue } from '../types/output'
import { Order, type Shared } from './order'
import { search } from './search'
import { digit, namesOf, spaceOf } from './space'

/**
 * Policy values by axis, as an account or an estimate's options spell them (no `preset`).
 *
 * @example
 * ```ts
 * const p: InferredPolicies = { rounding: 'half_even', allocation: 'carry' }
 * ```
 */
export type InferredPolicies = Omit<PolicySettings, 'preset'>

/**
 * One order for {@link inferPolicies}: the request sent to the Tamio API and the response it
 * returned, with what else its estimate needs. The same shape as a line of
 * `tamio-pricing reconcile --batch`.
 *
 * @example
 * ```ts
 * const order: InferOrder = { request, response: apiJson, at: '2026-03-02T09:30:00Z' }
 * ```
 */
export interface InferOrder {
  /** The request body sent to the API. Required. */
  readonly request: EstimateRequest
  /** The API's response, parsed JSON (estimate or create shape, or a 400 envelope). Required. */
  readonly response: unknown
  /** The instant the order was priced at; wins over `options.at`. */
  readonly at?: string | Date
  /**
   * The order's own estimate options (`payment_method`, `strict`…). A policy set here (or by a
   * `preset` here) is not searched for this order: its value wins over the searched one.
   */
  readonly options?: EstimateOptions
}

/**
 * Options of {@link inferPolicies}.
 *
 * @example
 * ```ts
 * inferPolicies(store, orders, { at: '2026-03-02T09:30:00Z', axes: ['rounding', 'allocation'] })
 * ```
 */
export interface InferOptions {
  /** The instant for orders that give none (their own `at` or `options.at`). Default: the time of the run's first estimate, one instant for every order. */
  readonly at?: string | Date
  /** Integers within this many minor units count as equal, as in `reconcile`. Default 0. */
  readonly tolerance?: number
  /**
   * The axes to search, in any order. Default: every policy axis. An axis left out is not
   * searched: each order is estimated with the store's own value for it.
   */
  readonly axes?: readonly (keyof InferredPolicies)[]
  /** How many alternatives to list, 0 to 20. Default 20. */
  readonly alternatives?: number
}

/**
 * An order the inferred settings do not reproduce, with how its estimate under them differs.
 *
 * @example
 * ```ts
 * for (const u of inference.unexplained) console.log(u.index, u.differences[0]?.path)
 * ```
 */
export interface UnexplainedOrder {
  /** Its position in the orders given (from 0). */
  readonly index: number
  /** `reconcile`'s differences (with hints) of its estimate under the inferred settings. */
  readonly differences: readonly ReconcileDifference[]
}

/**
 * The result of {@link inferPolicies}.
 *
 * @example
 * ```ts
 * const inf = inferPolicies(store, orders)
 * console.log(`${inf.matched} of ${inf.total} orders reproduced with`, inf.policies)
 * ```
 */
export interface Inference {
  /**
   * The setting that reproduces the most orders, given by the values it changes from what the
   * store's account gives today (its own fields, its preset, else the library's defaults): `{}`
   * when the store as configured reproduces them. Among settings that reproduce as many, the one
   * that changes the fewest axes; among those, the first in the axes' order, each axis's values
   * in their listed order.
   */
  readonly policies: InferredPolicies
  /** How many orders `policies` reproduces. */
  readonly matched: number
  /** How many orders were given. */
  readonly total: number
  /** The orders `policies` does not reproduce, in input order (`matched + unexplained.length = total`). */
  readonly unexplained: readonly UnexplainedOrder[]
  /** Up to 20 other settings that reproduce as many orders and change as many axes (each given like `policies`), in the same order as above. */
  readonly alternatives: readonly InferredPolicies[]
  /**
   * The account's policy fields under the inferred setting: every axis whose value is not the
   * library's default. Put them in the store config's `account` in place of its policy fields and
   * `preset`, and estimates use the inferred setting without per-call options.
   */
  readonly account: InferredPolicies
  /** How many estimates the search ran (each order under one setting). */
  readonly estimates: number
}

/**
 * Thrown by {@link inferPolicies} for input it cannot search with: every problem, with its path
 * (`orders[3].response`, `options.axes[0]`).
 *
 * @example
 * ```ts
 * try { inferPolicies(store, orders) } catch (e) { if (e instanceof InferenceError) console.log(e.issues) }
 * ```
 */
export class InferenceError extends Error {
  readonly issues: readonly Issue[]
  constructor(issues: readonly Issue[]) {
    super(`cannot infer policies: ${issues.slice(0, 5).map((i) => `${i.path}: ${i.message}`).join('; ')}${issues.length > 5 ? ` (+${issues.length - 5} more)` : ''}`)
    this.name = 'InferenceError'
    this.issues = issues
  }
}

const MAX_ALTERNATIVES = 20

/**
 * Finds the policy settings under which our estimates reproduce a set of Tamio API responses.
 * Every axis is searched (`rounding`, `tax_rounding`, `shipping_tax`, `inclusive_rounding`,
 * `inclusive_cross_border`, `instalment_rounding`, `allocation`, `discount_proration`, `tax_base`,
 * `instalment_remainder`; never `preset`); an order matches when `reconcile` of its estimate with
 * its response, told the order's options, matches. The answer is exactly the one trying every setting would give, found by
 * estimating only where the orders' traces leave it open. Synchronous.
 *
 * Throws {@link InferenceError} for orders it cannot use (not an array, an order without a request
 * or a response, a response that is no API response, an invalid option) and `StoreConfigError`
 * for a value that is not a store.
 *
 * @example
 * ```ts
 * const inf = inferPolicies(store, [{ request, response: apiJson, at: '2026-03-02T09:30:00Z' }])
 * if (inf.matched === inf.total) console.log('paste into account:', JSON.stringify(inf.account))
 * ```
 */
export function inferPolicies(store: Store, orders: readonly InferOrder[], options: InferOptions = {}): Inference {
  const s = prepared(store)
  const problems: Issue[] = []
  const opts = readOptions(store, options, problems)
  if (!Array.isArray(orders)) problems.push(issue('invalid_type', 'orders', { expected: 'an array of orders' }))
  if (problems.length > 0) throw new InferenceError(problems)

  // The search starts from what the store's account gives today: a setting's non-default axes are
  // the ones it changes from there (for an account without policy fields, the library's defaults).
  const today = policyNames(s.account.policies) as Record<string, string>
  const space = spaceOf(opts.axes, today)
  const bits = new Map<string, number>(space.axes.map((a, i) => [a, 1 << i]))
  const shared: Shared = { store, space, bits, tolerance: opts.tolerance, all: (1 << space.axes.length) - 1, estimates: 0, at: undefined }
  const list: Order[] = []
  const arr = orders as readonly unknown[]
  for (let i = 0; i < arr.length; i++) {
    const o = readOrder(store, arr[i], `orders[${i}]`, opts.at, problems)
    if (o !== undefined) list.push(new Order(i, o.request, o.response, o.options, shared))
  }
  if (problems.length > 0) throw new InferenceError(problems)

  // Every order at the defaults first: the cheapest to solve (the fewest axes read) go first.
  const read = list.map((o) => {
    o.evaluate(space.origin)
    return { o, axes: o.firstRead }
  })
  read.sort((a, b) => popcount(a.axes) - popcount(b.axes) || a.o.index - b.o.index)
  const found = list.length === 0 ? { best: space.origin, count: 0, alternatives: [] } : search(space, read.map((r) => r.o), opts.alternatives)

  const unexplained: UnexplainedOrder[] = []
  for (const o of list) {
    if (o.known(found.best).match) continue
    const request = o.request
    const ours = estimate(store, request, o.optionsAt(found.best, true))
    const r = reconcile(ours, o.response, { store, request, options: o.optionsAt(found.best, false), tolerance: opts.tolerance })
    unexplained.push({ index: o.index, differences: r.differences })
  }
  // The account's policy fields under the inferred setting: every axis not at the library default.
  const account: Record<string, string> = {}
  for (const a of AXIS_NAMES) {
    const i = space.axes.indexOf(a)
    const v = i < 0 ? today[a]! : space.values[i]![digit(space, found.best, i)]!
    if (v !== AXES[a].default) account[a] = v
  }
  return {
    policies: namesOf(space, found.best) as InferredPolicies,
    matched: list.length - unexplained.length,
    total: list.length,
    unexplained,
    alternatives: found.alternatives.map((x) => namesOf(space, x) as InferredPolicies),
    account: account as InferredPolicies,
    estimates: shared.estimates,
  }
}

const popcount = (m: number): number => {
  let n = 0
  for (; m !== 0; m &= m - 1) n++
  return n
}

/** The keys of `inferPolicies`' options, and of one order. */
const INFER_OPTIONS = fields('error', 'at tolerance axes alternatives')
const ORDER_KEYS = fields('error', 'request response options at')

interface ReadOptions {
  readonly at: string | Date | undefined
  readonly tolerance: number
  readonly axes: readonly AxisName[]
  readonly alternatives: number
}

/** The options, checked; problems go to `problems`. */
function readOptions(store: Store, options: unknown, problems: Issue[]): ReadOptions {
  const out = { at: undefined as string | Date | undefined, tolerance: 0, axes: AXIS_NAMES as readonly AxisName[], alternatives: MAX_ALTERNATIVES }
  if (options === undefined || options === null) return out
  if (!isObject(options)) {
    problems.push(issue('invalid_type', 'options', { expected: 'an options object' }))
    return out
  }
  const o = options as Record<string, unknown>
  problems.push(...unknownKeys(o, INFER_OPTIONS, 'options'))
  if (o.at !== undefined && o.at !== null) {
    if ((typeof o.at === 'string' || o.at instanceof Date) && optionProblems(store, { at: o.at }, 'options').length === 0) out.at = o.at
    else problems.push(issue('invalid_date', 'options.at'))
  }
  const tolerance = toleranceProblem(o.tolerance)
  if (tolerance !== undefined) problems.push(tolerance)
  else if (typeof o.tolerance === 'number') out.tolerance = o.tolerance
  if (o.alternatives !== undefined && o.alternatives !== null) {
    if (typeof o.alternatives === 'number' && Number.isInteger(o.alternatives) && o.alternatives >= 0 && o.alternatives <= MAX_ALTERNATIVES) out.alternatives = o.alternatives
    else problems.push(issue('invalid_value', 'options.alternatives', { detail: `an integer from 0 to ${MAX_ALTERNATIVES}` }))
  }
  if (o.axes !== undefined && o.axes !== null) {
    if (!Array.isArray(o.axes) || o.axes.length === 0) problems.push(issue('invalid_type', 'options.axes', { expected: 'a non-empty array of policy axis names' }))
    else {
      const axes: AxisName[] = []
      // An index loop, not forEach: a hole of a sparse array is an invalid entry, never skipped.
      for (let i = 0; i < o.axes.length; i++) {
        const a: unknown = o.axes[i]
        if (typeof a === 'string' && Object.prototype.hasOwnProperty.call(AXES, a) && !axes.includes(a as AxisName)) axes.push(a as AxisName)
        else problems.push(issue('invalid_option', `options.axes[${i}]`, { detail: `one of ${AXIS_NAMES.join(', ')}, each once` }))
      }
      out.axes = axes
    }
  }
  return out
}

/** One order, checked; problems (with paths under `path`) go to `problems`. */
function readOrder(store: Store, v: unknown, path: string, at: string | Date | undefined, problems: Issue[]): { request: EstimateRequest; response: unknown; options: EstimateOptions } | undefined {
  if (!isObject(v)) {
    problems.push(issue('invalid_type', path, { expected: 'an order { request, response }' }))
    return undefined
  }
  const o = v as Record<string, unknown>
  const unknown = unknownKeys(o, ORDER_KEYS, path)
  problems.push(...unknown)
  let ok = unknown.length === 0
  if (o.request === undefined || o.request === null) (ok = false), problems.push(issue('required', `${path}.request`))
  else if (!isObject(o.request)) (ok = false), problems.push(issue('invalid_type', `${path}.request`, { expected: 'an estimate request object' }))
  if (o.response === undefined) (ok = false), problems.push(issue('required', `${path}.response`))
  else {
    const e = readEnvelope(o.response)
    if (typeof e === 'string') (ok = false), problems.push(issue('invalid_type', `${path}.response`, { expected: `an API response (${e})` }))
  }
  let own: Record<string, unknown> = {}
  if (o.options !== undefined && o.options !== null) {
    if (!isObject(o.options)) (ok = false), problems.push(issue('invalid_type', `${path}.options`, { expected: 'an estimate options object' }))
    else own = { ...(o.options as Record<string, unknown>) }
  }
  const orderAt = o.at ?? own.at ?? at
  if (orderAt !== undefined && orderAt !== null) own.at = orderAt
  if (ok) {
    // Checked with its trace flag (a `trace: "yes"` is a mistake to report), which is then dropped:
    // the search sets it.
    const found = optionProblems(store, own, path)
    // An instant given on the order itself is reported at its own path.
    for (const p of found) problems.push(o.at !== undefined && o.at !== null && p.path === `${path}.options.at` ? { ...p, path: `${path}.at` } : p)
    if (found.length > 0) ok = false
  }
  delete own.trace
  return ok ? { request: o.request as EstimateRequest, response: o.response, options: own as EstimateOptions } : undefined
}

/**
 * The problems `estimate` finds in a set of options, found by estimating an empty request: its
 * request errors are dropped, the options' kept (at `<path>.options…`).
 */
function optionProblems(store: Store, options: unknown, path: string): Issue[] {
  const res = estimate(store, {} as EstimateRequest, options as EstimateOptions)
  if (res.status === 200) return []
  return res.errors.filter((e) => e.path === 'options' || e.path.startsWith('options.')).map((e) => ({ ...e, path: `${path}.${e.path}` }))
}

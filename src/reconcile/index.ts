/**
 * `reconcile(ours, theirs, options)`: our estimate against a Tamio API response.
 */
import { estimate } from '../0-estimate/estimate'
import { summarize } from '../0-estimate/summarize'
import { AXES, AXIS_NAMES, type AxisName } from '../policies/axes'
import { checkedTrace } from '../trace/explain'
import { selectedPayment } from './selected-payment'
import type { Trace } from '../trace/types'
import type { EstimateOptions } from '../types/input'
import type { EstimateResponse } from '../types/output'
import { isObject, own, unknownKeys } from '../input/read'
import { fields } from '../input/known'
import { issue } from '../issues/issues'
import { prepared, type Store, StoreConfigError } from '../store/createStore'
import type { Issue } from '../types/output'
import { compareEnvelopes, comparedNothing, type Envelope, readEnvelope, theirPath } from './compare'
import { valueAt } from '../trace/path'
import { type AltRun, hintFor } from './hints'
import type { ReconcileDifference, ReconcileOptions, Reconciliation } from './types'

export type { ReconcileDifference, ReconcileHint, ReconcileHintCode, ReconcileOptions, Reconciliation } from './types'

/** The axes in the order their hints are preferred (the instalment rounding first: it is the API's known difference). */
const ALTERNATIVES: readonly AxisName[] = ['instalment_rounding', 'tax_rounding', ...AXIS_NAMES.filter((a) => a !== 'instalment_rounding' && a !== 'tax_rounding')]

function unreadable(side: 'ours' | 'theirs', why: string, value: unknown): Reconciliation {
  const shown = typeof value === 'object' && value !== null ? (Array.isArray(value) ? '[array]' : '{object}') : value
  return {
    matches: false,
    shape: 'unknown',
    compared: 0,
    differences: [
      {
        path: '',
        ours: side === 'ours' ? shown : null,
        theirs: side === 'theirs' ? shown : null,
        delta: null,
        hint: { code: 'unreadable', message: `${side === 'ours' ? 'our response' : 'the API response'} cannot be read: ${why}` },
      },
    ],
    ignored: [],
  }
}

/** A mistake in reconcile's own options: one difference at its path, nothing compared. */
function badOption(i: Issue): Reconciliation {
  return {
    matches: false,
    shape: 'unknown',
    compared: 0,
    differences: [{ path: i.path, ours: null, theirs: null, delta: null, hint: { code: 'unreadable', message: `the options cannot be read: ${i.message}` } }],
    ignored: [],
  }
}

const RECONCILE_OPTIONS = fields('error', 'tolerance store request options')

/** The first mistake in reconcile's options (a typo'd key, a tolerance that is no count), if any. */
function optionsProblem(options: unknown): Issue | undefined {
  if (options === undefined || options === null) return undefined
  if (!isObject(options)) return issue('invalid_type', 'options', { expected: 'an options object' })
  const unknown = unknownKeys(options, RECONCILE_OPTIONS, 'options')
  if (unknown.length > 0) return unknown[0]
  const store = own(options, 'store')
  if (store !== undefined && store !== null) {
    try {
      prepared(store as Store)
    } catch (e) {
      if (e instanceof StoreConfigError) return { ...e.issues[0]!, path: 'options.store' }
      throw e
    }
  }
  for (const key of ['request', 'options'] as const) {
    const v = own(options, key)
    if (v !== undefined && v !== null && !isObject(v)) return issue('invalid_type', `options.${key}`, { expected: key === 'request' ? 'an estimate request object' : 'an estimate options object' })
  }
  return toleranceProblem(own(options, 'tolerance'))
}

/**
 * What is wrong with a `tolerance` option (reconcile's and inferPolicies'): absent, null or a
 * non-negative safe integer of minor units is right.
 */
export function toleranceProblem(t: unknown): Issue | undefined {
  if (t === undefined || t === null || (typeof t === 'number' && Number.isSafeInteger(t) && t >= 0)) return undefined
  return issue('invalid_value', 'options.tolerance', { detail: 'a non-negative integer (minor units)' })
}

/**
 * The axes that decided some amount of ours (as the trace recorded it): only those are re-run.
 * The instalment remainder matters only when the plans are kept exact — under the other
 * instalment rounding too.
 */
function touched(trace: Trace): Set<string> {
  const out = new Set<string>()
  for (const k in trace.amounts) for (const a of trace.amounts[k]!.policies ?? []) out.add(a)
  if (out.has('instalment_rounding')) out.add('instalment_remainder')
  return out
}

/** The options to re-run `ours` with: the trace's effective options. */
function baseOptions(trace: Trace): Record<string, unknown> {
  const { payment_method, ...rest } = trace.options
  return payment_method === null ? { ...rest } : { ...rest, payment_method }
}

/**
 * Compares our estimate (`ours`: an `estimate` response, or its transaction) with a Tamio API
 * response (`theirs`: parsed JSON of the estimate or the create endpoint — any value; garbage is
 * reported, never thrown). Every field the API returned is compared, except the echoes of the
 * customer and the request (`customer_information`, `affiliate`, `site`) and due dates; fields we do
 * not compute (server ids, merchant, invoice) are listed in `ignored`. Products are matched by id
 * (and variant/pack), tax rates by label, rate and jurisdiction, shipping methods and plans by id,
 * discounts by code; strings compare case-insensitively; integers within `tolerance` are equal.
 * Each difference carries `delta = theirs − ours` (numbers) and a `hint` drawn from our trace (pass
 * an estimate made with `{ trace: true }`, or `store` + `request` so reconcile can trace and re-run
 * it under every other policy).
 *
 * @example
 * ```ts
 * const ours = estimate(store, request, { at, trace: true })
 * const r = reconcile(ours, apiResponseJson, { store, request })
 * if (!r.matches) for (const d of r.differences) console.log(`${d.path}: ${d.ours} ≠ ${d.theirs} — ${d.hint?.message}`)
 * ```
 */
export function reconcile(ours: EstimateResponse | unknown, theirs: unknown, options: ReconcileOptions = {}): Reconciliation {
  const problem = optionsProblem(options)
  if (problem !== undefined) return badOption(problem)
  const opts: ReconcileOptions = isObject(options) ? options : {}
  const tol = typeof opts.tolerance === 'number' && opts.tolerance > 0 ? opts.tolerance : 0
  const t = readEnvelope(theirs)
  if (typeof t === 'string') return unreadable('theirs', t, theirs)
  let o = readEnvelope(ours)
  if (typeof o === 'string') return unreadable('ours', o, ours)
  const oursEnvelope = o
  const oursEstimate = o.transaction
  const canRerun = opts.store !== undefined && opts.request !== undefined
  let trace: Trace | undefined
  /** The keys of ours' trace's amounts, as its check listed them (undefined for a re-estimated trace). */
  let traceKeys: readonly string[] | undefined
  let traced = false
  /** A trace for the hints: ours, else re-estimated from the store and request — only when it
   *  reproduces ours (ours may have been made with options we were not told) and only once needed.
   *  Ours is checked (a stored one may be damaged) here, not up front: a match reads no trace. */
  const getTrace = (): Trace | undefined => {
    if (traced) return trace
    traced = true
    const checked = checkedTrace(ours)
    trace = checked?.trace
    traceKeys = checked?.keys
    if (trace !== undefined || !canRerun) return trace
    try {
      const res = estimate(opts.store!, opts.request!, { ...(opts.options ?? {}), trace: true })
      const env = readEnvelope(res)
      if (res.status === 200 && typeof env !== 'string' && compareEnvelopes(env, oursEnvelope, 0).diffs.length === 0) trace = res.trace
    } catch {
      trace = undefined
    }
    return trace
  }
  const paymentMethod = (): string | undefined => {
    // Read lightly (one string), not through the trace check: a match reads no trace.
    const raw = isObject(ours) ? own(ours, 'trace') : undefined
    const rawOptions = isObject(raw) ? own(raw, 'options') : undefined
    return selectedPayment((isObject(rawOptions) ? own(rawOptions, 'payment_method') : undefined) ?? opts.options?.payment_method, oursEstimate, t.transaction)
  }
  /** Ours in the API response's shape. */
  const shaped = (x: unknown, env: Envelope): Envelope => {
    if (t.shape !== 'create' || env.shape === 'create' || env.transaction === undefined) return env
    const pm = paymentMethod()
    const created = summarize(x as EstimateResponse, pm === undefined ? {} : { payment_method: pm })
    const r = readEnvelope(created)
    return typeof r === 'string' ? env : r
  }
  o = shaped(ours, o)
  const c = compareEnvelopes(o, t, tol)
  const diffPaths = new Set(c.diffs.map((d) => d.path))
  let alts: AltRun[] | undefined
  const runAlts = (): AltRun[] => {
    if (alts !== undefined) return alts
    alts = []
    const t0 = getTrace()
    if (!canRerun || t0 === undefined) return alts
    const base = baseOptions(t0)
    const relevant = touched(t0)
    for (const name of ALTERNATIVES) {
      if (!relevant.has(name)) continue
      const current = base[name]
      for (const value of Object.keys(AXES[name].values)) {
        if (value === current) continue
        try {
          const res = estimate(opts.store!, opts.request!, { ...base, [name]: value, trace: false } as EstimateOptions)
          const env = readEnvelope(res)
          if (typeof env === 'string') continue
          const s = shaped(res, env)
          const cc = compareEnvelopes(s, t, tol)
          alts.push({ name, value, tx: s.transaction, diffs: new Set(cc.diffs.map((d) => d.path)) })
        } catch {
          // an alternative that cannot be estimated gives no hint
        }
      }
    }
    return alts
  }
  // Hints look up the API's side of the same paths many times (each sum's terms): once each here.
  const theirPaths = new Map<string, string | undefined>()
  const theirPathOf = (p: string): string | undefined => {
    if (theirPaths.has(p)) return theirPaths.get(p)
    const tp = theirPath(c, t.transaction, p, valueAt)
    if (theirPaths.size < 10_000) theirPaths.set(p, tp)
    return tp
  }
  const ctx = {
    trace: getTrace,
    traceKeys: () => (getTrace() === undefined ? undefined : traceKeys),
    shape: t.shape,
    ours: oursEstimate,
    oursEnvelope: ours,
    theirs: t.transaction === undefined ? theirs : { transaction: t.transaction },
    diffs: c.diffs,
    diffPaths,
    theirPath: (p: string) => theirPathOf(p),
    theirValue: (p: string) => {
      const tp = theirPathOf(p)
      return tp === undefined ? undefined : valueAt(t.transaction, tp)
    },
    alts: runAlts,
    tol,
  }
  const differences: ReconcileDifference[] = c.diffs.map((d) => ({
    path: d.path,
    ours: d.ours,
    theirs: d.theirs,
    delta: typeof d.ours === 'number' && typeof d.theirs === 'number' ? d.theirs - d.ours : null,
    hint: hintFor(ctx, d),
  }))
  if (differences.length === 0 && comparedNothing(c, t))
    return { ...unreadable('theirs', 'it holds no field we compute (nothing to compare)', theirs), shape: t.shape, ignored: c.ignored }
  return { matches: differences.length === 0, shape: t.shape, compared: c.compared, differences, ignored: c.ignored }
}

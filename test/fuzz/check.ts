/**
 * What every fuzz case checks: the shape of the envelope, the store outcome, prototype pollution,
 * per-case time, and (for valid carts) every conservation law of SPEC §3.6. Each check throws an
 * Error describing the first violation, so fast-check shrinks to it and vitest shows it.
 */
import { createStore, estimate, ISSUE_CODES, StoreConfigError, type EstimateResponse, type Issue, type Store } from '../../src/index'
import { isOpaque } from './hostile'

const CODES: ReadonlySet<string> = new Set(ISSUE_CODES)

function fail(msg: string, detail?: unknown): never {
  throw new Error(detail === undefined ? msg : `${msg}: ${safeJson(detail).slice(0, 600)}`)
}

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v)
  } catch {
    return String(v)
  }
}

// ——— prototype pollution ———

const PROTOS: readonly [string, object][] = [
  ['Object.prototype', Object.prototype],
  ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype],
  ['String.prototype', String.prototype],
  ['Number.prototype', Number.prototype],
  ['Map.prototype', Map.prototype],
  ['Set.prototype', Set.prototype],
]

function snapshot(): string[] {
  return PROTOS.map(([name, p]) => `${name}:${Reflect.ownKeys(p).map(String).sort().join(',')}:${String(Object.isExtensible(p))}`)
}

const BASELINE = snapshot()

/** Throws when any built-in prototype gained, lost or changed an own key, or `{}` sees `polluted`. */
export function assertNoPollution(): void {
  const probe = {} as Record<string, unknown>
  if (probe.polluted !== undefined || ([] as unknown as Record<string, unknown>).polluted !== undefined) fail('prototype polluted: ({}).polluted is defined')
  if (Object.getPrototypeOf(probe) !== Object.prototype) fail('Object literal prototype changed')
  const now = snapshot()
  for (let i = 0; i < now.length; i++) if (now[i] !== BASELINE[i]) fail(`prototype changed: ${now[i]!.slice(0, 200)}`)
}

// ——— inputs ———

/** Freezes a value and everything reachable from it (iteratively: 10 000-level documents included). */
export function deepFreeze<T>(v: T): T {
  const stack: unknown[] = [v]
  const seen = new Set<object>()
  while (stack.length > 0) {
    const x = stack.pop()
    if (typeof x !== 'object' || x === null || seen.has(x)) continue
    seen.add(x)
    Object.freeze(x)
    for (const k of Reflect.ownKeys(x)) {
      const d = Object.getOwnPropertyDescriptor(x, k)
      if (d !== undefined && 'value' in d) stack.push(d.value)
    }
  }
  return v
}

// ——— envelopes ———

function checkIssue(i: unknown, where: string): void {
  if (typeof i !== 'object' || i === null) fail(`${where}: issue is not an object`, i)
  const { code, path, message } = i as Record<string, unknown>
  if (typeof code !== 'string' || !CODES.has(code)) fail(`${where}: unknown issue code`, i)
  if (typeof path !== 'string') fail(`${where}: issue path is not a string`, i)
  if (typeof message !== 'string' || message.length === 0) fail(`${where}: issue without message`, i)
  if (code === 'amount_overflow' && path === '') fail(`${where}: amount_overflow without a path`, i)
  // The one optional field: the suggestion of an unknown key or value, also named in the message.
  const { suggestion } = i as Record<string, unknown>
  if (suggestion !== undefined && (typeof suggestion !== 'string' || !(code === 'unknown_field' || code === 'unknown_value') || !message.includes(JSON.stringify(suggestion))))
    fail(`${where}: a suggestion must be a string named in the message of an unknown_field / unknown_value issue`, i)
  if (Object.keys(i).length !== (suggestion === undefined ? 3 : 4)) fail(`${where}: issue has extra keys`, i)
}

/** Every number anywhere in the response: finite, and never -0. */
function checkNumbers(v: unknown, path: string): void {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) fail(`non-finite number at ${path}`, v)
    if (Object.is(v, -0)) fail(`-0 at ${path}`)
    return
  }
  if (Array.isArray(v)) v.forEach((x, i) => checkNumbers(x, `${path}[${i}]`))
  else if (typeof v === 'object' && v !== null) for (const k of Object.keys(v)) checkNumbers((v as Record<string, unknown>)[k], `${path}.${k}`)
}

/** The envelope shape (SPEC §1): 200 with a transaction, or 400 with at least one known error. */
export function checkEnvelope(res: unknown): asserts res is EstimateResponse {
  if (typeof res !== 'object' || res === null) fail('response is not an object', res)
  const r = res as Record<string, unknown>
  if (r.status !== 200 && r.status !== 400) fail('status is neither 200 nor 400', r.status)
  if (!Array.isArray(r.warnings)) fail('warnings is not an array')
  r.warnings.forEach((w, i) => checkIssue(w, `warnings[${i}]`))
  if (r.status === 400) {
    if (!Array.isArray(r.errors) || r.errors.length === 0) fail('400 without errors', r)
    r.errors.forEach((e, i) => checkIssue(e, `errors[${i}]`))
    if (Object.keys(r).sort().join() !== 'errors,status,warnings') fail('400 envelope keys', Object.keys(r))
  } else {
    if (typeof r.transaction !== 'object' || r.transaction === null) fail('200 without transaction')
    if (Object.keys(r).sort().join() !== 'status,transaction,warnings') fail('200 envelope keys', Object.keys(r))
  }
  checkNumbers(res, '')
  // The response is plain JSON: it survives a round trip unchanged.
  const text = JSON.stringify(res)
  if (safeJson(JSON.parse(text)) !== text) fail('response does not round-trip through JSON')
}

/** Per-case time bound: a case that takes longer is a failure (a hang would take forever). */
export const CASE_MS = 2_000

/** The slowest single call seen so far, per kind (`estimate`, `createStore`), in ms: for the fuzz report. */
export const slowest = new Map<string, number>()

/** Times `f`; throws when it took longer than {@link CASE_MS}. */
export function timed<T>(what: string, f: () => T): T {
  const t0 = performance.now()
  const out = f()
  const ms = performance.now() - t0
  if (ms > (slowest.get(what) ?? 0)) slowest.set(what, ms)
  if (ms > CASE_MS) fail(`${what} took ${ms.toFixed(0)} ms (bound ${CASE_MS} ms)`)
  return out
}

/** Runs `estimate` on hostile input: only a 200 or 400 envelope may come back; inputs unmutated. */
export function hostileEstimate(store: Store, request: unknown, options: unknown = { at: '2026-03-02T09:30:00Z' }): EstimateResponse {
  deepFreeze(request)
  deepFreeze(options)
  let res: unknown
  try {
    res = timed('estimate', () => estimate(store, request as never, options as never))
  } catch (e) {
    fail(`estimate threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`)
  }
  assertNoPollution()
  checkEnvelope(res)
  return res
}

/** Runs `createStore` on hostile input: a Store, or a StoreConfigError with known issues; nothing else. */
export function hostileStore(config: unknown): Store | StoreConfigError {
  deepFreeze(config)
  let out: Store | StoreConfigError
  try {
    out = timed('createStore', () => createStore(config as never))
  } catch (e) {
    if (!(e instanceof StoreConfigError)) fail(`createStore threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`)
    if (e.issues.length === 0) fail('StoreConfigError without issues')
    e.issues.forEach((x, i) => checkIssue(x, `issues[${i}]`))
    out = e
  }
  assertNoPollution()
  return out
}

/** The `{ code, path }` of every issue `createStore` reports for a config; [] when it is valid. */
export function storeIssues(config: unknown): Pick<Issue, 'code' | 'path'>[] {
  try {
    createStore(config as never)
    return []
  } catch (e) {
    if (!(e instanceof StoreConfigError)) throw e
    return e.issues.map(({ code, path }) => ({ code, path }))
  }
}

export { isOpaque }

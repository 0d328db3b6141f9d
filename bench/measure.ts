/**
 * The measuring core of the bench: tinybench with a chosen clock, batched samples (a sample times
 * `opsPerCall` operations so that timer overhead and resolution do not dominate sub-microsecond
 * operations), and untimed per-sample preparation (fresh inputs for functions that mutate them).
 * Results are nanoseconds per operation.
 */
import { Bench, type TimestampProvider } from 'tinybench'

/**
 * `cpu` (default): CPU time of this process, all threads (`process.cpuUsage()`, µs resolution;
 * samples last ≥ 200 µs). Time the process spends descheduled because other processes compete for
 * the cores is not counted, so a 1-second operation is not charged for preemptions that a
 * 10-microsecond one escapes; work done on other threads for us (parallel GC) is counted.
 * `wall`: elapsed time (`process.hrtime`), the usual figure on a quiet machine.
 */
export type Clock = 'cpu' | 'wall'

let clock: Clock = 'cpu'
export function setClock(c: Clock): void {
  clock = c
}
export function getClock(): Clock {
  return clock
}

function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
function wallMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}
/** The current clock reading in ms. */
export function nowMs(): number {
  return clock === 'cpu' ? cpuMs() : wallMs()
}

const CPU_PROVIDER: TimestampProvider = { name: 'process.cpuUsage', fn: cpuMs, toMs: (v) => v as number, fromMs: (v) => v }

/** Minimum duration of one sample, µs: well above the clock's resolution. */
export const MIN_SAMPLE_US = 200

/** Results are written here so the JIT cannot drop the work being timed. */
export const sink: { value: unknown; n: number } = { value: undefined, n: 0 }

export interface Spec {
  /** Stable id, used in JSON and by `--only`. */
  readonly id: string
  /** Human label for the table. */
  readonly label: string
  /** One timed sample. Must do `opsPerCall` operations. */
  readonly fn: () => unknown
  /** Operations per `fn` call (ns per operation = sample time / opsPerCall). */
  readonly opsPerCall: number
  /** Untimed work before each sample (e.g. building fresh inputs for a function that mutates them). */
  readonly beforeEach?: () => void
}

export interface Profile {
  /** Rounds: every task runs once per round, tasks interleaved, so load changes hit all alike. */
  readonly rounds: number
  /** Time budget per task and round, ms. */
  readonly time: number
  /** Minimum samples per task and round. */
  readonly iterations: number
  /** Warmup (first round only). */
  readonly warmupTime: number
  readonly warmupIterations: number
}

export interface Measurement {
  readonly id: string
  readonly label: string
  /**
   * Nanoseconds per operation: the median sample of the best round (the lowest per-round median).
   * Outside load only ever adds time, so this is the figure closest to the uncontended cost; GC
   * done during a typical sample is included (samples batch many operations).
   */
  readonly ns: number
  /** Mean ns per operation over all samples of all rounds (GC and any outside load included). */
  readonly mean: number
  /** Median over rounds of the per-round medians. */
  readonly p50: number
  /** Spread of the per-round medians, % of `ns`: (highest − lowest) / lowest. */
  readonly spread: number
  readonly rounds: number
  readonly samples: number
  readonly opsPerCall: number
  readonly error?: string
}

/**
 * Picks how many operations one sample should run so that a sample lasts about `targetUs`
 * microseconds (at least 1). `one` runs one operation.
 */
export function calibrate(one: () => unknown, targetUs = 1000, prepare?: (n: number) => void): number {
  // A few untimed calls first so the first measurement is not the interpreter's.
  for (let i = 0; i < 3; i++) {
    prepare?.(1)
    sink.value = one()
  }
  let n = 1
  for (;;) {
    prepare?.(n)
    const t0 = nowMs()
    for (let i = 0; i < n; i++) sink.value = one()
    const us = (nowMs() - t0) * 1000
    if (us >= Math.max(targetUs / 4, 50) || n >= 1 << 24) return Math.max(1, Math.round((n * targetUs) / Math.max(us, 0.001)))
    n *= 4
  }
}

/**
 * Makes a spec's samples last at least `MIN_SAMPLE_US` by repeating its `fn` (specs whose
 * preparation must run before every call are left alone: they are calibrated by their builder).
 */
function longEnough(s: Spec): Spec {
  if (s.beforeEach !== undefined) return s
  const t0 = nowMs()
  sink.value = s.fn()
  if ((nowMs() - t0) * 1000 >= MIN_SAMPLE_US * 4) return s // long already (and maybe slow to repeat)
  const reps = calibrate(s.fn, MIN_SAMPLE_US * 1.5)
  if (reps <= 1) return s
  const fn = s.fn
  return { ...s, opsPerCall: s.opsPerCall * reps, fn: () => {
    for (let r = 0; r < reps; r++) fn()
  } }
}

/**
 * Runs the specs of one group for `profile.rounds` rounds (one tinybench run per round, every
 * task in each, the order rotated between rounds) and returns ns per operation.
 */
export async function measure(input: readonly Spec[], profile: Profile): Promise<Measurement[]> {
  const specs = input.map(longEnough)
  const acc = new Map<string, { medians: number[]; total: number; samples: number; error?: string }>()
  for (const s of specs) acc.set(s.id, { medians: [], total: 0, samples: 0 })
  for (let round = 0; round < profile.rounds; round++) {
    const bench = new Bench({
      time: profile.time,
      iterations: profile.iterations,
      warmup: round === 0,
      warmupTime: profile.warmupTime,
      warmupIterations: profile.warmupIterations,
      timestampProvider: clock === 'cpu' ? CPU_PROVIDER : 'hrtimeNow',
      throws: false,
    })
    const order = specs.map((_, i) => specs[(i + round) % specs.length]!)
    for (const s of order) {
      if (acc.get(s.id)!.error !== undefined) continue
      bench.add(s.id, s.fn, s.beforeEach ? { beforeEach: () => s.beforeEach!() } : {})
    }
    await bench.run()
    for (const s of order) {
      const a = acc.get(s.id)!
      if (a.error !== undefined) continue
      const r = bench.getTask(s.id)?.result
      if (r === undefined || !('latency' in r)) {
        a.error = r !== undefined && 'error' in r ? String(r.error?.stack ?? r.error) : `task state ${r?.state ?? 'missing'}`
        continue
      }
      const k = 1e6 / s.opsPerCall // ms per call → ns per operation
      a.medians.push(r.latency.p50 * k)
      a.total += r.totalTime * k
      a.samples += r.latency.samplesCount
    }
  }
  return specs.map((s) => {
    const a = acc.get(s.id)!
    if (a.error !== undefined || a.medians.length === 0) {
      return { id: s.id, label: s.label, ns: NaN, mean: NaN, p50: NaN, spread: NaN, rounds: 0, samples: 0, opsPerCall: s.opsPerCall, error: a.error ?? 'no samples' }
    }
    const m = [...a.medians].sort((x, y) => x - y)
    const lo = m[0]!
    return {
      id: s.id,
      label: s.label,
      ns: lo,
      mean: a.total / a.samples,
      p50: m[(m.length - 1) >> 1]!,
      spread: m.length > 1 ? (100 * (m[m.length - 1]! - lo)) / lo : NaN,
      rounds: m.length,
      samples: a.samples,
      opsPerCall: s.opsPerCall,
    }
  })
}

/** Formats nanoseconds with three significant digits and a unit. */
/** The median of a list of numbers (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

export function fmtNs(ns: number): string {
  if (!Number.isFinite(ns)) return '—'
  if (ns >= 1e9) return `${(ns / 1e9).toPrecision(3)} s`
  if (ns >= 1e6) return `${(ns / 1e6).toPrecision(3)} ms`
  if (ns >= 1e3) return `${(ns / 1e3).toPrecision(3)} µs`
  return `${ns.toPrecision(3)} ns`
}

/** Formats a ratio as `12.3×`. */
export function fmtRatio(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return '—'
  if (x >= 100) return `${x.toFixed(0)}×`
  if (x >= 10) return `${x.toFixed(1)}×`
  return `${x.toFixed(2)}×`
}

/** A plain text table with right-aligned numeric columns. */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (r: readonly string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ')
  return [line(head), w.map((x) => '-'.repeat(x)).join('  '), ...rows.map(line)].join('\n')
}

/**
 * The ratio `b ÷ a` (time per operation) measured pairwise: `pairs` times, one sample of each,
 * back to back in alternating order, each pair giving one ratio; returns the median ratio and its
 * interquartile range. Outside load that lasts longer than a pair (the usual case on a shared
 * machine) hits both samples of the pair alike and cancels in the ratio, where separately timed
 * rounds can land in different load windows. Wall clock: a pair lasts a few milliseconds.
 */
export function pairedRatio(a: Spec, b: Spec, pairs = 201): { ratio: number; q1: number; q3: number; pairs: number } {
  const time = (s: Spec) => {
    s.beforeEach?.()
    const t = process.hrtime.bigint()
    sink.value = s.fn()
    return Number(process.hrtime.bigint() - t) / s.opsPerCall
  }
  for (let i = 0; i < 5; i++) {
    time(a)
    time(b)
  }
  const r: number[] = []
  for (let i = 0; i < pairs; i++) {
    if (i % 2 === 0) {
      const ta = time(a)
      r.push(time(b) / ta)
    } else {
      const tb = time(b)
      r.push(tb / time(a))
    }
  }
  r.sort((x, y) => x - y)
  const at = (q: number) => r[Math.min(r.length - 1, Math.round(q * (r.length - 1)))]!
  return { ratio: at(0.5), q1: at(0.25), q3: at(0.75), pairs: r.length }
}

/**
 * Money-core scenarios (issue 2): each operation of `src/money/` against, in the same run,
 *   - `plain`: what a developer writes with plain Numbers (`Math.round(a * b / d)`), the baseline;
 *   - `big.js`: the same exact rounding through a private `Big()` constructor (the global RM/DP are
 *     never touched);
 *   - `dinero.js`: the same rounding with dinero.js 2 (its bigint flavour past 2^53).
 * Every task runs one operation over each of N fixed, seeded inputs per sample, so timer overhead
 * is amortized and no input is constant-folded. Before timing, every contender's results are
 * compared with the exact core's, and the share that agrees is reported (`plain` is fast because
 * it is sometimes wrong; that column says how often on these inputs).
 */
import BigJs from 'big.js'
import * as D from 'dinero.js'
import { EUR, JPY } from 'dinero.js/currencies'
import * as DB from 'dinero.js/bigint'
import { EUR as EUR_B } from 'dinero.js/bigint/currencies'
import { allocate, convertAmount, extractInclusive, mulDivRound, parseDecimal, roundDiv, Rounding } from '../src/money/index'
import { int, rng } from './data'
import { sink, type Spec } from './measure'

/** A private big.js constructor: our own DP/RM, the rounding mode always passed explicitly. */
const B = BigJs()
B.DP = 30
B.RM = 0 // roundDown for intermediate divisions: truncation never creates a false tie
const HALF_UP = 1 // Big.roundHalfUp: ties away from zero

const N = 1024

export type Contender = 'tamio' | 'plain' | 'big.js' | 'dinero.js'

export interface MoneyOp {
  readonly id: string
  readonly label: string
  /** What each contender computes, for the README. */
  readonly note: string
  readonly specs: Partial<Record<Contender, Spec>>
  /** Share of inputs on which each contender's result equals tamio's (exact) result. */
  readonly agreement: Partial<Record<Contender, number>>
}

function spec(id: string, label: string, fn: () => unknown, opsPerCall: number): Spec {
  return { id, label, fn, opsPerCall }
}

function agree(exact: readonly (number | string)[], other: readonly (number | string)[]): number {
  let ok = 0
  for (let i = 0; i < exact.length; i++) if (exact[i] === other[i]) ok++
  return ok / exact.length
}

function build(
  id: string,
  label: string,
  note: string,
  impls: Partial<Record<Contender, (i: number) => number | string>>,
  hot: Partial<Record<Contender, () => unknown>>,
  count = N,
): MoneyOp {
  const exact = Array.from({ length: count }, (_, i) => impls.tamio!(i))
  const agreement: Partial<Record<Contender, number>> = {}
  const specs: Partial<Record<Contender, Spec>> = {}
  for (const c of Object.keys(hot) as Contender[]) {
    specs[c] = spec(`money.${id}.${c}`, `${label} · ${c}`, hot[c]!, count)
    if (c !== 'tamio' && impls[c]) agreement[c] = agree(exact, Array.from({ length: count }, (_, i) => impls[c]!(i)))
  }
  return { id, label, note, specs, agreement }
}

/** Builds every money-core scenario with its inputs (deterministic). */
export function moneyOps(): MoneyOp[] {
  const ops: MoneyOp[] = []
  const r = rng(0x00d1ce)

  // ---- mulDivRound, Number path: a tax or a percentage of an amount. 10% negative (refunds).
  {
    const RATES: [number, number][] = [[19, 100], [7, 100], [77, 1000], [617, 5000], [1, 10]]
    const A = new Float64Array(N)
    const Bn = new Float64Array(N)
    const Dn = new Float64Array(N)
    const BB: InstanceType<typeof B>[] = []
    const DS: { amount: number; scale: number }[] = []
    for (let i = 0; i < N; i++) {
      const [b, d] = RATES[i % RATES.length]!
      A[i] = int(r, 1, 10_000_000) * (r() < 0.1 ? -1 : 1)
      Bn[i] = b
      Dn[i] = d
      BB.push(new B(b).div(d))
      DS.push({ amount: (b * 10000) / d, scale: 4 })
    }
    const impl = {
      tamio: (i: number) => mulDivRound(A[i]!, Bn[i]!, Dn[i]!, Rounding.HalfUp) as number,
      plain: (i: number) => Math.round((A[i]! * Bn[i]!) / Dn[i]!),
      'big.js': (i: number) => new B(A[i]!).times(BB[i]!).round(0, HALF_UP).toNumber(),
      'dinero.js': (i: number) => D.toSnapshot(D.transformScale(D.multiply(D.dinero({ amount: A[i]!, currency: EUR }), DS[i]!), 2, D.halfAwayFromZero)).amount,
    }
    ops.push(
      build('mulDivRound.number', 'mulDivRound (Number path)', 'round(a × b / d), half_up, |a| ≤ 1e7, rates 19%, 7%, 7.7%, 12.34%, 10%', impl, {
        tamio: () => {
          let s = 0
          for (let i = 0; i < N; i++) s += mulDivRound(A[i]!, Bn[i]!, Dn[i]!, Rounding.HalfUp)
          sink.n = s
        },
        plain: () => {
          let s = 0
          for (let i = 0; i < N; i++) s += Math.round((A[i]! * Bn[i]!) / Dn[i]!)
          sink.n = s
        },
        'big.js': () => {
          let s = 0
          for (let i = 0; i < N; i++) s += new B(A[i]!).times(BB[i]!).round(0, HALF_UP).toNumber()
          sink.n = s
        },
        'dinero.js': () => {
          let s = 0
          for (let i = 0; i < N; i++) s += D.toSnapshot(D.transformScale(D.multiply(D.dinero({ amount: A[i]!, currency: EUR }), DS[i]!), 2, D.halfAwayFromZero)).amount
          sink.n = s
        },
      }),
    )
  }

  // ---- mulDivRound, BigInt path: a × b past 2^53 (a large amount at a 7-decimal rate).
  {
    const A = new Float64Array(N)
    const Bn = new Float64Array(N)
    const BB: InstanceType<typeof B>[] = []
    const DS: { amount: bigint; scale: bigint }[] = []
    const den = 10_000_000
    for (let i = 0; i < N; i++) {
      A[i] = int(r, 2 ** 40, 2 ** 46) * (r() < 0.1 ? -1 : 1)
      Bn[i] = int(r, 1_000_000, 9_999_999)
      BB.push(new B(Bn[i]!).div(den))
      DS.push({ amount: BigInt(Bn[i]!), scale: 7n })
    }
    const impl = {
      tamio: (i: number) => mulDivRound(A[i]!, Bn[i]!, den, Rounding.HalfUp) as number,
      plain: (i: number) => Math.round((A[i]! * Bn[i]!) / den),
      'big.js': (i: number) => new B(A[i]!).times(BB[i]!).round(0, HALF_UP).toNumber(),
      'dinero.js': (i: number) => Number(DB.toSnapshot(DB.transformScale(DB.multiply(DB.dinero({ amount: BigInt(A[i]!), currency: EUR_B }), DS[i]!), 2n, DB.halfAwayFromZero)).amount),
    }
    ops.push(
      build('mulDivRound.bigint', 'mulDivRound (BigInt path)', 'round(a × b / 10^7), half_up, |a| ≈ 2^40–2^46, b ≈ 10^6–10^7: a × b > 2^53', impl, {
        tamio: () => {
          let s = 0
          for (let i = 0; i < N; i++) s += mulDivRound(A[i]!, Bn[i]!, den, Rounding.HalfUp)
          sink.n = s
        },
        plain: () => {
          let s = 0
          for (let i = 0; i < N; i++) s += Math.round((A[i]! * Bn[i]!) / den)
          sink.n = s
        },
        'big.js': () => {
          let s = 0
          for (let i = 0; i < N; i++) s += new B(A[i]!).times(BB[i]!).round(0, HALF_UP).toNumber()
          sink.n = s
        },
        'dinero.js': () => {
          let s = 0
          for (let i = 0; i < N; i++) {
            s += Number(DB.toSnapshot(DB.transformScale(DB.multiply(DB.dinero({ amount: BigInt(A[i]!), currency: EUR_B }), DS[i]!), 2n, DB.halfAwayFromZero)).amount)
          }
          sink.n = s
        },
      }),
    )
  }

  // ---- roundDiv: an amount held at scale 4 rounded to cents (÷ 100), 10% negative.
  {
    const Nn = new Float64Array(N)
    for (let i = 0; i < N; i++) Nn[i] = int(r, 0, 100_000_000) * (r() < 0.1 ? -1 : 1) + (i % 7 === 0 ? 50 - (int(r, 0, 1_000_000) % 100) : 0)
    const impl = {
      tamio: (i: number) => roundDiv(Nn[i]!, 100, Rounding.HalfUp) as number,
      plain: (i: number) => Math.round(Nn[i]! / 100),
      'big.js': (i: number) => new B(Nn[i]!).div(100).round(0, HALF_UP).toNumber(),
      'dinero.js': (i: number) => D.toSnapshot(D.transformScale(D.dinero({ amount: Nn[i]!, currency: EUR, scale: 4 }), 2, D.halfAwayFromZero)).amount,
    }
    ops.push(
      build('roundDiv', 'roundDiv', 'round(n / 100), half_up: a scale-4 amount to cents', impl, {
        tamio: () => {
          let s = 0
          for (let i = 0; i < N; i++) s += roundDiv(Nn[i]!, 100, Rounding.HalfUp)
          sink.n = s
        },
        plain: () => {
          let s = 0
          for (let i = 0; i < N; i++) s += Math.round(Nn[i]! / 100)
          sink.n = s
        },
        'big.js': () => {
          let s = 0
          for (let i = 0; i < N; i++) s += new B(Nn[i]!).div(100).round(0, HALF_UP).toNumber()
          sink.n = s
        },
        'dinero.js': () => {
          let s = 0
          for (let i = 0; i < N; i++) s += D.toSnapshot(D.transformScale(D.dinero({ amount: Nn[i]!, currency: EUR, scale: 4 }), 2, D.halfAwayFromZero)).amount
          sink.n = s
        },
      }),
    )
  }

  // ---- allocate over 20 parts (a discount or shipping over 20 lines by their bases).
  {
    const M = N / 16 // 64 allocations of 20 parts per sample
    const totals = new Float64Array(M)
    const weights: number[][] = []
    const BW: InstanceType<typeof B>[][] = []
    for (let i = 0; i < M; i++) {
      totals[i] = int(r, 1, 5_000_000)
      const w = Array.from({ length: 20 }, () => int(r, 99, 150_000))
      weights.push(w)
      BW.push(w.map((x) => new B(x)))
    }
    const key = (a: readonly number[]) => a.join(',')
    const plainAlloc = (t: number, w: readonly number[]): number[] => {
      // The usual hand-rolled split: floor each share, leftover cents to the first parts.
      let sum = 0
      for (let k = 0; k < w.length; k++) sum += w[k]!
      const out = new Array<number>(w.length)
      let given = 0
      for (let k = 0; k < w.length; k++) {
        out[k] = Math.floor((t * w[k]!) / sum)
        given += out[k]!
      }
      for (let k = 0; given < t; k++, given++) out[k]! += 1
      return out
    }
    const bigAlloc = (t: number, w: readonly InstanceType<typeof B>[]): number[] => {
      let sum = new B(0)
      for (const x of w) sum = sum.plus(x)
      const bt = new B(t)
      const parts = new Array<number>(w.length)
      const rems = new Array<InstanceType<typeof B>>(w.length)
      let given = 0
      for (let k = 0; k < w.length; k++) {
        const share = bt.times(w[k]!).div(sum)
        const fl = share.round(0, 0)
        parts[k] = fl.toNumber()
        rems[k] = share.minus(fl)
        given += parts[k]!
      }
      const idx = parts.map((_, k) => k).sort((a, b) => rems[b]!.cmp(rems[a]!) || a - b)
      for (let k = 0; k < t - given; k++) parts[idx[k]!]! += 1
      return parts
    }
    const dineroAlloc = (t: number, w: readonly number[]): number[] => D.allocate(D.dinero({ amount: t, currency: EUR }), w as number[]).map((d) => D.toSnapshot(d).amount)
    const impl = {
      tamio: (i: number) => key(allocate(totals[i]!, weights[i]!)),
      plain: (i: number) => key(plainAlloc(totals[i]!, weights[i]!)),
      'big.js': (i: number) => key(bigAlloc(totals[i]!, BW[i]!)),
      'dinero.js': (i: number) => key(dineroAlloc(totals[i]!, weights[i]!)),
    }
    const op = build('allocate.20', 'allocate over 20 parts', 'largest remainder of an amount over 20 integer weights', impl, {
      tamio: () => {
        let s = 0
        for (let i = 0; i < M; i++) s += allocate(totals[i]!, weights[i]!)[19]!
        sink.n = s
      },
      plain: () => {
        let s = 0
        for (let i = 0; i < M; i++) s += plainAlloc(totals[i]!, weights[i]!)[19]!
        sink.n = s
      },
      'big.js': () => {
        let s = 0
        for (let i = 0; i < M; i++) s += bigAlloc(totals[i]!, BW[i]!)[19]!
        sink.n = s
      },
      'dinero.js': () => {
        let s = 0
        for (let i = 0; i < M; i++) s += dineroAlloc(totals[i]!, weights[i]!)[19]!
        sink.n = s
      },
    }, M)
    ops.push(op)
  }

  // ---- extractInclusive: net and tax of a 19%-inclusive gross.
  {
    const G = new Float64Array(N)
    for (let i = 0; i < N; i++) G[i] = int(r, 1, 10_000_000)
    const rates = [{ num: 19, den: 100 }]
    const b119 = new B('1.19')
    const impl = {
      tamio: (i: number) => extractInclusive(G[i]!, rates, Rounding.HalfUp).net as number,
      plain: (i: number) => Math.round(G[i]! / 1.19),
      'big.js': (i: number) => new B(G[i]!).div(b119).round(0, HALF_UP).toNumber(),
      // dinero.js has no division: its documented way to split a gross is allocate(gross, [100, 19]).
      'dinero.js': (i: number) => D.toSnapshot(D.allocate(D.dinero({ amount: G[i]!, currency: EUR }), [100, 19])[0]!).amount,
    }
    ops.push(
      build('extractInclusive', 'extractInclusive (19%)', 'net = round(gross / 1.19), tax = gross − net (dinero.js: allocate(gross, [100, 19]))', impl, {
        tamio: () => {
          let s = 0
          for (let i = 0; i < N; i++) s += extractInclusive(G[i]!, rates, Rounding.HalfUp).tax
          sink.n = s
        },
        plain: () => {
          let s = 0
          for (let i = 0; i < N; i++) s += G[i]! - Math.round(G[i]! / 1.19)
          sink.n = s
        },
        'big.js': () => {
          let s = 0
          for (let i = 0; i < N; i++) s += G[i]! - new B(G[i]!).div(b119).round(0, HALF_UP).toNumber()
          sink.n = s
        },
        'dinero.js': () => {
          let s = 0
          for (let i = 0; i < N; i++) s += D.toSnapshot(D.allocate(D.dinero({ amount: G[i]!, currency: EUR }), [100, 19])[1]!).amount
          sink.n = s
        },
      }),
    )
  }

  // ---- convertAmount: EUR cents → JPY yen at 162.5 (exponents 2 → 0), one rounding.
  {
    const A = new Float64Array(N)
    for (let i = 0; i < N; i++) A[i] = int(r, 1, 10_000_000)
    const eur = { num: 1, den: 1 }
    const jpy = { num: 325, den: 2 }
    const bRate = new B('162.5')
    const rates = { JPY: { amount: 1625, scale: 1 } }
    const impl = {
      tamio: (i: number) => convertAmount(A[i]!, eur, jpy, 2, 0, Rounding.HalfUp) as number,
      plain: (i: number) => Math.round((A[i]! * 162.5) / 100),
      'big.js': (i: number) => new B(A[i]!).times(bRate).div(100).round(0, HALF_UP).toNumber(),
      'dinero.js': (i: number) => D.toSnapshot(D.transformScale(D.convert(D.dinero({ amount: A[i]!, currency: EUR }), JPY, rates), 0, D.halfAwayFromZero)).amount,
    }
    ops.push(
      build('convertAmount', 'convertAmount (EUR→JPY)', 'round(cents × 162.5 / 100), half_up, exponents 2 → 0', impl, {
        tamio: () => {
          let s = 0
          for (let i = 0; i < N; i++) s += convertAmount(A[i]!, eur, jpy, 2, 0, Rounding.HalfUp)
          sink.n = s
        },
        plain: () => {
          let s = 0
          for (let i = 0; i < N; i++) s += Math.round((A[i]! * 162.5) / 100)
          sink.n = s
        },
        'big.js': () => {
          let s = 0
          for (let i = 0; i < N; i++) s += new B(A[i]!).times(bRate).div(100).round(0, HALF_UP).toNumber()
          sink.n = s
        },
        'dinero.js': () => {
          let s = 0
          for (let i = 0; i < N; i++) s += D.toSnapshot(D.transformScale(D.convert(D.dinero({ amount: A[i]!, currency: EUR }), JPY, rates), 0, D.halfAwayFromZero)).amount
          sink.n = s
        },
      }),
    )
  }

  // ---- parseDecimal: rate strings as a store holds them (done once per store, not per line).
  {
    const TEXT = ['19', '7.7', '12.34', '1.0873', '0.000001', '11.0235', '30', '5.5', '162.5', '0.25', '21', '8.875']
    const S = Array.from({ length: N }, (_, i) => TEXT[(i * 7) % TEXT.length]!)
    // No agreement column: a float or a Big is not a fraction; the baselines only parse.
    const impl = {
      tamio: (i: number) => {
        const q = parseDecimal(S[i]!)
        return `${q.num}/${q.den}`
      },
    }
    ops.push(
      build('parseDecimal', 'parseDecimal', 'a decimal string → exact reduced fraction (plain: Number(s); big.js: new Big(s))', impl, {
        tamio: () => {
          let s = 0
          for (let i = 0; i < N; i++) s += parseDecimal(S[i]!).den
          sink.n = s
        },
        plain: () => {
          let s = 0
          for (let i = 0; i < N; i++) s += Number(S[i]!)
          sink.n = s
        },
        'big.js': () => {
          let s = 0
          for (let i = 0; i < N; i++) s += new B(S[i]!).e
          sink.n = s
        },
      }),
    )
  }
  return ops
}

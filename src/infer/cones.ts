/**
 * What the trace says an amount can depend on: the policy axes recorded on it and, through its
 * terms, factors, divisors, inputs and the split it is a part of (the whole and the weights'
 * amounts), on every amount it was made from. Read from the recorded entries only.
 */
import type { Trace, TraceEntry } from '../trace/types'

/** The axes of a trace as bits (bit i: the searched axis `bit.get(name)`). */
export type AxisBits = ReadonlyMap<string, number>

/** The bits of every axis recorded anywhere in the trace: what the whole estimate read. */
export function touchedBits(trace: Trace, bits: AxisBits): number {
  let m = 0
  const amounts = trace.amounts
  for (const k in amounts) {
    const p = amounts[k]!.policies
    if (p !== undefined) for (let i = 0; i < p.length; i++) m |= bits.get(p[i]!) ?? 0
  }
  return m
}

/**
 * The cones of one trace: `of(path)` is the bits of the axes the amount at `path` depends on, or
 * `undefined` when the trace holds no such amount.
 */
export class Cones {
  private readonly memo = new Map<string, number>()
  constructor(
    private readonly trace: Trace,
    private readonly bits: AxisBits,
  ) {}

  of(path: string): number | undefined {
    if (this.trace.amounts[path] === undefined) return undefined
    return this.cone(path)
  }

  private cone(root: string): number {
    const done = this.memo.get(root)
    if (done !== undefined) return done
    // Iterative depth-first over the derivation graph (a big cart's derivations are deep).
    const amounts = this.trace.amounts
    const memo = this.memo
    const onPath = new Set<string>([root])
    const stack: Frame[] = [this.frame(root, amounts[root]!)]
    let result = 0
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      if (top.i < top.deps.length) {
        const d = top.deps[top.i++]!
        const known = memo.get(d)
        if (known !== undefined) {
          top.bits |= known
          continue
        }
        const e = amounts[d]
        // A factor that is no amount of the trace is a number (or a request's quantity): constant.
        if (e === undefined || onPath.has(d)) continue
        onPath.add(d)
        stack.push(this.frame(d, e))
        continue
      }
      stack.pop()
      onPath.delete(top.path)
      memo.set(top.path, top.bits)
      result = top.bits
      if (stack.length > 0) stack[stack.length - 1]!.bits |= top.bits
    }
    return result
  }

  /** An entry's own axes and the amounts it was made from. */
  private frame(path: string, e: TraceEntry): Frame {
    let bits = 0
    if (e.policies !== undefined) for (const a of e.policies) bits |= this.bits.get(a) ?? 0
    const deps: string[] = []
    if (e.terms !== undefined) for (const [t] of e.terms) deps.push(t)
    if (e.factors !== undefined) for (const f of e.factors) deps.push(f)
    if (e.divisors !== undefined) for (const f of e.divisors) deps.push(f)
    if (e.inputs !== undefined) for (const f of e.inputs) deps.push(f)
    if (e.allocation !== undefined) {
      const s = this.trace.splits[e.allocation.split]
      if (s !== undefined) {
        deps.push(s.of)
        if (s.inputs !== undefined) for (const f of s.inputs) deps.push(f)
      }
    }
    return { path, deps, i: 0, bits }
  }
}

interface Frame {
  readonly path: string
  readonly deps: string[]
  i: number
  bits: number
}

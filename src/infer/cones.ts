/**
 * What the trace says an amount can depend on: the policy axes recorded on it and, through its
 * terms, factors, divisors, inputs and the split it is a part of (the whole and the weights'
 * amounts), on every amount it was made from. Read from the recorded entries only.
 */
import { isObject, own } from '../input/read'
import { linePaths } from '../trace/paths'
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

/** Which list of rates a difference is about: the lines' or the aggregated rates' identities, membership or products. */
const RATE_LIST = /^(?:products\[\d+\]\.)?taxes\.(tax_rates|shipping_tax_rates)(?:\[\d+\](?:\.(?:id|label|rate_percent|rate_amount|jurisdiction|vat_tax|applies_to(?:\[\d+\])?))?)?$/

/** The list of rates a difference of `path` is about, if it is one: which rates, not their amounts. */
export function rateListOf(path: string): 'tax_rates' | 'shipping_tax_rates' | undefined {
  const m = RATE_LIST.exec(path)
  return m === null ? undefined : (m[1] as 'tax_rates' | 'shipping_tax_rates')
}

/**
 * The axes that decide which rates the lines' `list` holds (and so the aggregated list, and the
 * products each rate applies to), as the tax engine records them: on each rate's taxable amount,
 * and on the tax total of a line that has none (beside the rule that gave it none). `undefined`
 * when an entry it needs is not in the trace.
 */
export function rateListBits(trace: Trace, transaction: unknown, list: 'tax_rates' | 'shipping_tax_rates', bits: AxisBits): number | undefined {
  const products = isObject(transaction) ? own(transaction, 'products') : undefined
  if (!Array.isArray(products)) return undefined
  const amounts = trace.amounts
  let m = 0
  for (let k = 0; k < products.length; k++) {
    const p: unknown = products[k]
    const taxes = isObject(p) ? own(p, 'taxes') : undefined
    const rates = isObject(taxes) ? own(taxes, list) : undefined
    if (!Array.isArray(rates)) return undefined
    const paths = list === 'tax_rates' ? linePaths(k).goods : linePaths(k).shipping
    const at = rates.length === 0 ? [paths.total] : rates.map((_, j) => paths.rate(j).taxable_amount)
    for (const path of at) {
      const e = amounts[path]
      if (e === undefined) return undefined
      if (e.policies !== undefined) for (const a of e.policies) m |= bits.get(a) ?? 0
    }
  }
  return m
}

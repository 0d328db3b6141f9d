/**
 * The brute-force oracle for inference: every setting of the given axes tried on every order
 * through the public API (`estimate`, then `reconcile(...).matches`), then ranked by the rules
 * written out here on their own — most matches, then fewest non-default axes, then the first
 * taking the axes in the registry's order and each axis's values in their listed order.
 */
import { estimate, reconcile, type EstimateOptions, type EstimateRequest, type Store } from '../../src/index'
import { AXES, AXIS_NAMES, type AxisName } from '../../src/policies/axes'

export interface OracleOrder {
  readonly request: EstimateRequest
  readonly response: unknown
  readonly at?: string
  readonly options?: EstimateOptions
}

export interface OracleAnswer {
  /** The best setting's non-default values. */
  readonly policies: Record<string, string>
  readonly matched: number
  /** The indexes of the orders the best setting does not reproduce. */
  readonly unexplained: number[]
  /** The next settings (non-default values) with as many matches and non-default axes, at most 20. */
  readonly alternatives: Record<string, string>[]
  /** How many settings were tried. */
  readonly settings: number
}

/** Every combination of the axes' value indexes, the first axis varying slowest. */
function combinations(axes: readonly AxisName[]): number[][] {
  let out: number[][] = [[]]
  for (const a of axes) {
    const n = Object.keys(AXES[a].values).length
    const next: number[][] = []
    for (const c of out) for (let v = 0; v < n; v++) next.push([...c, v])
    out = next
  }
  return out
}

/** `start`: the value each axis counts as unchanged at (the store's account; default: the library's defaults). */
export function bruteForce(store: Store, orders: readonly OracleOrder[], axes: readonly AxisName[], start: Readonly<Record<string, string>> = {}): OracleAnswer {
  const list = AXIS_NAMES.filter((a) => axes.includes(a))
  const names = list.map((a) => Object.keys(AXES[a].values))
  const defaults = list.map((a, i) => names[i]!.indexOf(start[a] ?? AXES[a].default))
  const scored = combinations(list).map((c) => {
    const setting: Record<string, string> = {}
    c.forEach((v, i) => (setting[list[i]!] = names[i]![v]!))
    const misses: number[] = []
    orders.forEach((o, i) => {
      // The order's own options win over the setting tried; its own instant over theirs.
      const options = { ...setting, ...(o.options ?? {}), ...(o.at !== undefined ? { at: o.at } : {}) } as EstimateOptions
      // reconcile is told the options (a create-shape response is summarized with their payment method).
      if (!reconcile(estimate(store, o.request, options), o.response, { options }).matches) misses.push(i)
    })
    const nonDefault = c.filter((v, i) => v !== defaults[i]).length
    const policies: Record<string, string> = {}
    c.forEach((v, i) => {
      if (v !== defaults[i]) policies[list[i]!] = names[i]![v]!
    })
    return { c, matched: orders.length - misses.length, nonDefault, misses, policies }
  })
  const lexBefore = (x: number[], y: number[]) => {
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1
    return 0
  }
  scored.sort((x, y) => y.matched - x.matched || x.nonDefault - y.nonDefault || lexBefore(x.c, y.c))
  const best = scored[0]!
  const ties = scored.slice(1).filter((x) => x.matched === best.matched && x.nonDefault === best.nonDefault)
  return { policies: best.policies, matched: best.matched, unexplained: best.misses, alternatives: ties.slice(0, 20).map((x) => x.policies), settings: scored.length }
}

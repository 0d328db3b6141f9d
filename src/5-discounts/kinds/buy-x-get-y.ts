import type { DiscountKind, ItemContext } from './kind'
import { inScope, type Scope } from '../scope'
import { isObject, type Obj, own, type Reader } from '../../input/read'
import { joinPath } from '../../issues/issues'
import type { Rational } from '../../money/rational'
import { roundDiv } from '../../money/rounding'
import type { NDiscount } from '../../store/model'
import { linePaths } from '../../trace/paths'
import { fractionText, percentText } from '../../trace/recorder'

/** One side of a buy-X-get-Y offer: how many units, and which (absent lists: every eligible unit). */
export interface BxgySide extends Scope {
  readonly quantity: number
}

/** Buy X get Y: `buy` and `get` sides, the share of the got units taken off, and how often it repeats. */
export interface BxgySpec {
  readonly buy: BxgySide
  readonly get: BxgySide
  /** The percentage of the got units' bases taken off (100: free). */
  readonly value: Rational
  /** At most this many applications (null: unlimited). */
  readonly maxApplications: number | null
}

function readSide(r: Reader, o: Obj, key: string, path: string): BxgySide | undefined {
  const side = r.object(o, key, path, true)
  if (side === undefined) return undefined
  const p = joinPath(path, key)
  const quantity = r.amount(side, 'quantity', p, true)
  if (quantity === 0) r.add('invalid_value', joinPath(p, 'quantity'), { detail: 'at least 1' })
  const products = r.stringList(side, 'products', p)
  const categories = r.stringList(side, 'categories', p)
  if (quantity === undefined || quantity === 0) return undefined
  return { quantity, products: products === null ? null : new Set(products), categories: categories === null ? null : new Set(categories) }
}

/** a's unit base (current base ÷ quantity) compared with b's, exactly: < 0 when cheaper. */
function cheaper(baseA: number, qA: number, baseB: number, qB: number): number {
  const x = BigInt(baseA) * BigInt(qB)
  const y = BigInt(baseB) * BigInt(qA)
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * Picks the got units: one application takes the Y cheapest get-units not yet used, then the X most
 * expensive buy-units not yet used and not among them (ties: the earlier line first); it repeats
 * while both can be filled, up to `max_applications`. Returns how many units of each line were got.
 *
 * Units of one line are alike, so the search runs over lines: an application is a count per line,
 * and the same application repeats while every line it uses still has the units for it — so a
 * cart of 10⁹ units costs as much as one of ten.
 */
export function pickGot(spec: BxgySpec, ctx: Pick<ItemContext, 'lines' | 'current'>): number[] {
  const n = ctx.lines.length
  const getOrder: number[] = []
  const buyOrder: number[] = []
  for (let k = 0; k < n; k++) {
    const l = ctx.lines[k]!
    if (!l.discountAllowed) continue
    if (inScope(spec.get, l)) getOrder.push(k)
    if (inScope(spec.buy, l)) buyOrder.push(k)
  }
  const base = (k: number) => ctx.current[k]!
  const qty = (k: number) => ctx.lines[k]!.quantity
  // Cheapest unit first, most expensive first; ties to the earlier line (sort is stable).
  getOrder.sort((a, b) => cheaper(base(a), qty(a), base(b), qty(b)))
  buyOrder.sort((a, b) => cheaper(base(b), qty(b), base(a), qty(a)))
  const avail = ctx.lines.map((l) => l.quantity)
  const got = new Array<number>(n).fill(0)
  let left = spec.maxApplications ?? Infinity
  while (left > 0) {
    // One application: what it takes from each line (gets, and gets + buys).
    const gets = new Map<number, number>()
    const need = new Map<number, number>()
    const take = (order: readonly number[], count: number, into: Map<number, number>): boolean => {
      let still = count
      for (const k of order) {
        if (still === 0) break
        const free = avail[k]! - (need.get(k) ?? 0)
        if (free <= 0) continue
        const t = Math.min(free, still)
        into.set(k, (into.get(k) ?? 0) + t)
        if (into !== need) need.set(k, (need.get(k) ?? 0) + t)
        still -= t
      }
      return still === 0
    }
    if (!take(getOrder, spec.get.quantity, gets)) break
    if (!take(buyOrder, spec.buy.quantity, need)) break
    // The same application repeats while every line it uses has the units for it.
    let times = left
    for (const [k, c] of need) times = Math.min(times, Math.floor(avail[k]! / c))
    for (const [k, c] of need) avail[k]! -= c * times
    for (const [k, c] of gets) got[k]! += c * times
    left -= times
  }
  return got
}

/**
 * `buy_x_get_y`: for every X units bought, Y more at `value` % off (100: free) — the cheapest units
 * are the ones discounted. The amount is rounded once over all applications and split over the got
 * units' lines by their got bases.
 *
 * @example
 * ```json
 * { "code": "3FOR2", "label": "Buy 2, get 1 free", "type": "buy_x_get_y", "buy": { "quantity": 2 }, "get": { "quantity": 1 } }
 * ```
 */
export const buyXGetY: DiscountKind<BxgySpec> = {
  type: 'buy_x_get_y',
  target: 'items',
  fields: ['buy', 'get', 'max_applications'],
  read(r, o, path) {
    const buy = readSide(r, o, 'buy', path)
    const get = readSide(r, o, 'get', path)
    const getObj = own(o, 'get')
    const gp = joinPath(path, 'get')
    const v = isObject(getObj) ? r.percent(getObj, 'value', gp) : undefined
    if (v !== undefined && (v.fraction.num <= 0 || v.fraction.num > v.fraction.den)) r.add('invalid_value', joinPath(gp, 'value'), { detail: 'above 0 and at most 100' })
    const max = r.amount(o, 'max_applications', path)
    if (max === 0) r.add('invalid_value', joinPath(path, 'max_applications'), { detail: 'at least 1' })
    if (buy === undefined || get === undefined || max === 0) return undefined
    if (v !== undefined && (v.fraction.num <= 0 || v.fraction.num > v.fraction.den)) return undefined
    const value = v?.fraction ?? { num: 1, den: 1 }
    return { spec: { buy, get, value, maxApplications: max ?? null }, value: v?.number ?? 100 }
  },
  items(d: NDiscount<BxgySpec>, ctx) {
    const got = pickGot(d.spec, ctx)
    const lines: number[] = []
    const weights: (readonly [bigint, bigint])[] = []
    const caps: number[] = []
    // Σ got bases as one fraction over the product of the quantities' lcm: keep it exact.
    let num = 0n
    let den = 1n
    for (let k = 0; k < got.length; k++) {
      const g = got[k]!
      if (g === 0) continue
      const q = BigInt(ctx.lines[k]!.quantity)
      const w = BigInt(g) * BigInt(ctx.current[k]!)
      lines.push(k)
      weights.push([w, q])
      // A line loses at most its got units' base rounded up to the cent (never more than its own
      // base: got ≤ quantity). Flooring it would cap the amount below round(Σ got bases × value%).
      caps.push(Number((w + q - 1n) / q))
      num = num * q + w * den
      den *= q
    }
    if (lines.length === 0) return { reject: 'coupon_no_eligible_products' }
    const v = d.spec.value
    const amount = roundDiv(num * BigInt(v.num), den * BigInt(v.den), ctx.policies.rounding)
    const amountPath = ctx.paths.raw
    // The got bases' sum is exact: Σ (units got × base ÷ quantity) — the split's weights.
    ctx.rec?.round(amountPath, amount, num * BigInt(v.num), den * BigInt(v.den), ctx.policies.rounding, [fractionText(num, den), percentText(v)], undefined, { policies: ['rounding'], inputs: lines.map((k) => linePaths(k).totals.item_total) })
    const appliesTo: string[] = []
    for (const k of lines) {
      const id = ctx.lines[k]!.product?.id
      if (id !== undefined && !appliesTo.includes(id)) appliesTo.push(id)
    }
    return { amount, amountPath, lines, bases: caps, prorate: false, by: 'got units', weights, appliesTo }
  },
}

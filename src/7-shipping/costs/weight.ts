import type { ShippingCostKind } from './kind'
import { isObject } from '../../input/read'
import { joinPath } from '../../issues/issues'

/** A weight tier: up to `upTo` grams (null: no limit), at `cost`. */
export interface WeightTier {
  readonly upTo: number | null
  readonly cost: number
}

/**
 * `weight`: the first of `weight_tiers` whose `up_to` (grams) covers the shipped weight; a method
 * with no tier for it is not offered.
 *
 * @example
 * ```json
 * { "id": "post", "label": "Post", "type": "weight", "currency": "EUR", "weight_tiers": [{ "up_to": 2000, "cost": 499 }, { "up_to": null, "cost": 999 }] }
 * ```
 */
export const weight: ShippingCostKind<{ readonly tiers: readonly WeightTier[] }> = {
  type: 'weight',
  fields: ['weight_tiers'],
  read(r, o, path) {
    const list = r.array(o, 'weight_tiers', path)
    const tiers: WeightTier[] = []
    list?.forEach((t, i) => {
      const p = joinPath(joinPath(path, 'weight_tiers'), i)
      if (!isObject(t)) return r.add('invalid_type', p, { expected: 'a weight tier' })
      const upTo = r.amount(t, 'up_to', p)
      const cost = r.amount(t, 'cost', p, true)
      if (cost !== undefined) tiers.push({ upTo: upTo ?? null, cost })
    })
    if (tiers.length === 0 && (list === undefined || list.length === 0)) {
      r.add('required', joinPath(path, 'weight_tiers'))
      return undefined
    }
    return { tiers }
  },
  cost(spec, s, rec, path, source) {
    for (let i = 0; i < spec.tiers.length; i++) {
      const t = spec.tiers[i]!
      if (t.upTo === null || s.weight <= t.upTo) {
        rec?.given(path, t.cost, `${source}.weight_tiers[${i}].cost`)
        return t.cost
      }
    }
    return undefined
  },
}

import type { ShippingCostKind } from './kind'
import { addAmounts, multiplyAmount } from '../../money/amount'

/**
 * `per_item`: `cost` for the first shipped unit and `additional_item_cost` (default: `cost`) for
 * each further one.
 *
 * @example
 * ```json
 * { "id": "tracked", "label": "Tracked", "type": "per_item", "cost": 390, "additional_item_cost": 150, "currency": "EUR" }
 * ```
 */
export const perItem: ShippingCostKind<{ readonly cost: number; readonly additional: number | null }> = {
  type: 'per_item',
  fields: ['cost', 'additional_item_cost'],
  read(r, o, path) {
    const cost = r.amount(o, 'cost', path, true)
    const additional = r.amount(o, 'additional_item_cost', path) ?? null
    return cost === undefined ? undefined : { cost, additional }
  },
  cost(spec, s, rec, path, source) {
    if (s.units === 0) {
      rec?.sum(path, 0, [])
      return 0
    }
    // Checked: a cost past 2^53 (even of a method not chosen: it is listed) is amount_overflow.
    const each = spec.additional ?? spec.cost
    const further = multiplyAmount(each, s.units - 1)
    const cost = addAmounts(spec.cost, further)
    if (rec !== undefined) {
      rec.given(`${path}$first`, spec.cost, `${source}.cost`)
      rec.given(`${path}$each`, each, spec.additional === null ? `${source}.cost` : `${source}.additional_item_cost`)
      rec.product(`${path}$further`, further, [`${path}$each`, String(s.units - 1)])
      rec.sum(path, cost, [[`${path}$first`, 1], [`${path}$further`, 1]])
    }
    return cost
  },
}

import type { ShippingCostKind } from './kind'

/**
 * `fixed`: `cost`, whatever is shipped.
 *
 * @example
 * ```json
 * { "id": "dhl", "label": "DHL", "type": "fixed", "cost": 1312, "currency": "EUR" }
 * ```
 */
export const fixed: ShippingCostKind<{ readonly cost: number }> = {
  type: 'fixed',
  fields: ['cost'],
  read(r, o, path) {
    const cost = r.amount(o, 'cost', path, true)
    return cost === undefined ? undefined : { cost }
  },
  cost(spec, _s, rec, path, source) {
    rec?.given(path, spec.cost, `${source}.cost`)
    return spec.cost
  },
}

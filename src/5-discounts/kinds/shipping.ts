import type { DiscountKind } from './kind'
import { joinPath } from '../../issues/issues'
import type { Rational } from '../../money/rational'
import { mulDivRound } from '../../money/rounding'
import { percentText, ROUNDED, times } from '../../trace/recorder'

/** A percentage or a fixed amount off the shipping. */
export interface ShippingSpec {
  readonly value: Rational | null
  readonly amounts: ReadonlyMap<string, number> | null
}

/**
 * `shipping`: `value` % of the shipping still left (rounded once), or `amounts` off it (in the
 * transaction currency, converted once if needed), never more than is left.
 *
 * @example
 * ```json
 * { "code": "HALFSHIP", "label": "Half-price shipping", "type": "shipping", "value": "50" }
 * ```
 */
export const shipping: DiscountKind<ShippingSpec> = {
  type: 'shipping',
  target: 'shipping',
  fields: ['value', 'amounts'],
  read(r, o, path) {
    const v = r.percent(o, 'value', path)
    const amounts = r.currencyAmounts(o, 'amounts', path)
    if (v === undefined && (amounts === null || amounts.size === 0)) {
      const raw = Object.prototype.hasOwnProperty.call(o, 'value') ? o.value : undefined
      if (raw === undefined || raw === null) r.add('required', joinPath(path, 'value'))
      return undefined
    }
    if (v !== undefined && v.fraction.num > v.fraction.den) {
      r.add('invalid_value', joinPath(path, 'value'), { detail: 'a percentage above 100' })
      return undefined
    }
    return { spec: { value: v?.fraction ?? null, amounts }, value: v?.number ?? null }
  },
  accept(d, amountIn, paths) {
    if (d.spec.value !== null) return { fixed: null }
    const a = amountIn(d.spec.amounts, paths.fixed)
    return a === undefined ? { reject: 'coupon_currency' } : { fixed: a }
  },
  shipping(d, fixed, left, leftPath, ctx) {
    const v = d.spec.value
    const amountPath = ctx.paths.shippingOff
    if (v === null) {
      ctx.rec?.same(amountPath, fixed ?? 0, ctx.paths.fixed)
      return { amount: fixed ?? 0, amountPath }
    }
    const amount = mulDivRound(left, v.num, v.den, ctx.policies.rounding)
    ctx.rec?.round(amountPath, amount, times(left, v.num), v.den, ctx.policies.rounding, [leftPath, percentText(v)], undefined, ROUNDED)
    return { amount, amountPath }
  },
}

import { eligibleLines, recordBase } from './eligible'
import type { DiscountKind } from './kind'
import { mulDivRound } from '../../money/rounding'
import type { Rational } from '../../money/rational'
import { joinPath } from '../../issues/issues'
import { percentText, ROUNDED, times } from '../../trace/recorder'

/** A percentage off the eligible lines' current base. */
export interface PercentSpec {
  readonly value: Rational
}

/**
 * `percent`: `value` % of the eligible lines' current base, rounded once with the rounding mode.
 *
 * @example
 * ```json
 * { "code": "SAVE20", "label": "20 % off", "type": "percent", "value": "20" }
 * ```
 */
export const percent: DiscountKind<PercentSpec> = {
  type: 'percent',
  target: 'items',
  fields: ['value'],
  read(r, o, path) {
    const v = r.percent(o, 'value', path, true)
    if (v === undefined) return undefined
    if (v.fraction.num > v.fraction.den) {
      r.add('invalid_value', joinPath(path, 'value'), { detail: 'a percentage above 100' })
      return undefined
    }
    return { spec: { value: v.fraction }, value: v.number }
  },
  items(d, ctx) {
    const { lines, bases, base } = eligibleLines(d, ctx)
    if (lines.length === 0) return { reject: 'coupon_no_eligible_products' }
    const v = d.spec.value
    const amount = mulDivRound(base, v.num, v.den, ctx.policies.rounding)
    const amountPath = ctx.paths.raw
    if (ctx.rec === undefined) return { amount, amountPath, lines, bases, prorate: true, by: 'base' }
    const basePath = recordBase(ctx, lines, base)
    ctx.rec.round(amountPath, amount, times(base, v.num), v.den, ctx.policies.rounding, [basePath, percentText(v)], undefined, ROUNDED)
    return { amount, amountPath, lines, bases, prorate: true, by: 'base', basePath }
  },
}

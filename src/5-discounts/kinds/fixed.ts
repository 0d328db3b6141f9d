import { eligibleLines, recordBase } from './eligible'
import type { DiscountKind } from './kind'
import { joinPath } from '../../issues/issues'

/** A fixed amount off, per currency. */
export interface FixedSpec {
  readonly amounts: ReadonlyMap<string, number>
}

/**
 * `fixed`: the amount in the transaction currency (converted once from another listed currency if
 * needed), capped at the eligible lines' current base.
 *
 * @example
 * ```json
 * { "code": "FIVER", "label": "5 € off", "type": "fixed", "amounts": { "EUR": 500 } }
 * ```
 */
export const fixed: DiscountKind<FixedSpec> = {
  type: 'fixed',
  target: 'items',
  fields: ['amounts'],
  read(r, o, path) {
    const amounts = r.currencyAmounts(o, 'amounts', path)
    if (amounts === null || amounts.size === 0) {
      r.add('required', joinPath(path, 'amounts'))
      return undefined
    }
    return { spec: { amounts }, value: null }
  },
  items(d, ctx) {
    const { lines, bases, base } = eligibleLines(d, ctx)
    if (lines.length === 0) return { reject: 'coupon_no_eligible_products' }
    const amountPath = ctx.paths.raw
    const amount = ctx.amountIn(d.spec.amounts, amountPath)
    if (amount === undefined) return { reject: 'coupon_currency' }
    if (ctx.rec === undefined) return { amount, amountPath, lines, bases, prorate: true, by: 'base' }
    return { amount, amountPath, lines, bases, prorate: true, by: 'base', basePath: recordBase(ctx, lines, base) }
  },
}

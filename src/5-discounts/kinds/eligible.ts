import { inScope } from '../scope'
import type { NDiscount } from '../../store/model'
import type { ItemContext } from './kind'

/** The lines an item discount takes from (`discount_allowed` and in `applies_to`) with their current bases. */
export function eligibleLines(d: NDiscount, ctx: ItemContext): { lines: number[]; bases: number[]; base: number } {
  const lines: number[] = []
  const bases: number[] = []
  let base = 0
  for (let k = 0; k < ctx.lines.length; k++) {
    const l = ctx.lines[k]!
    if (!l.discountAllowed || !inScope(d, l)) continue
    const b = ctx.current[k]!
    lines.push(k)
    bases.push(b)
    base += b
  }
  return { lines, bases, base }
}

/** Records `$discounts[a].base`: Σ of the eligible lines' current bases. Returns its path. */
export function recordBase(ctx: ItemContext, lines: readonly number[], base: number): string {
  const path = ctx.paths.applied
  const terms: (readonly [string, 1 | -1])[] = []
  for (const k of lines) ctx.baseTerms(k, terms)
  ctx.rec!.sum(path, base, terms)
  return path
}

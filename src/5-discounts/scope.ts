/**
 * Which lines a discount names: `applies_to.products` matches a line's product, variant or pack
 * id, `applies_to.categories` its tax category; neither given means every line.
 */
import type { Line } from '../3-lines/line'

/** What a scope test needs of a discount (or of a buy-X-get-Y side). */
export interface Scope {
  readonly products: ReadonlySet<string> | null
  readonly categories: ReadonlySet<string> | null
}

/** Whether a line is named by the scope. @example `inScope({ products: new Set(['mug']), categories: null }, line)` */
export function inScope(d: Scope, l: Line): boolean {
  if (d.products === null && d.categories === null) return true
  if (d.products !== null) {
    if (l.product !== null && d.products.has(l.product.id)) return true
    if (l.variant !== null && d.products.has(l.variant.id)) return true
    if (l.pack !== null && d.products.has(l.pack.id)) return true
  }
  return d.categories !== null && d.categories.has(l.category)
}

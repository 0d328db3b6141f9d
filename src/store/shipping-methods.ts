/**
 * Reads a shipping method: the fields every method has here, the cost kind's own fields by the
 * kind in the registry (keyed on `type`).
 */
import { SHIPPING_COST_KINDS } from '../7-shipping/costs/index'
import { type Obj, Reader } from '../input/read'
import { normalizeCountry } from '../1-places/countries'
import { kindOf } from './kind'
import type { NShippingMethod } from './model'

/** Normalizes a shipping method: costs in minor units of its own currency, weights in grams. */
export function readShippingMethod(r: Reader, o: Obj, path: string, index: number, baseCurrency: string): NShippingMethod | undefined {
  const id = r.id(o, 'id', path, true)
  const label = r.string(o, 'label', path) ?? ''
  const type = r.string(o, 'type', path, true)
  const kind = kindOf(r, SHIPPING_COST_KINDS, type, path)
  const spec = kind?.read(r, o, path)
  const countries = r.stringList(o, 'countries', path, true)
  const common = {
    index,
    path,
    id: id ?? '',
    label,
    currency: r.currency(o, 'currency', path) ?? baseCurrency,
    bundling: r.boolean(o, 'bundling', path) ?? false,
    countries: countries === null ? null : new Set(countries.map(normalizeCountry)),
    freeOver: r.currencyAmounts(o, 'free_over', path),
    inclusive: r.boolean(o, 'inclusive', path) ?? null,
  }
  if (id === undefined || kind === undefined || spec === undefined) return undefined
  return { ...common, type: kind.type, kind, spec }
}

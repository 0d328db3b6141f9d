import { isObject, type Obj, Reader } from '../input/read'
import { normalizeCountry } from '../1-places/countries'
import { joinPath } from '../issues/issues'
import type { NShippingMethod } from './model'

const TYPES = new Set(['fixed', 'per_item', 'weight'])

/** Normalizes a shipping method (SPEC §3.4): cost in minor units of its own currency; weight tiers in grams. */
export function readShippingMethod(r: Reader, o: Obj, path: string, index: number, baseCurrency: string): NShippingMethod | undefined {
  const id = r.id(o, 'id', path, true)
  const label = r.string(o, 'label', path) ?? ''
  const type = r.string(o, 'type', path, true)
  if (type !== undefined && !TYPES.has(type)) r.add('invalid_option', joinPath(path, 'type'), { detail: 'fixed, per_item or weight' })
  let tiers: { upTo: number | null; cost: number }[] | null = null
  const tl = r.array(o, 'weight_tiers', path)
  if (tl !== undefined) {
    tiers = []
    tl.forEach((t, i) => {
      const p = joinPath(joinPath(path, 'weight_tiers'), i)
      if (!isObject(t)) {
        r.add('invalid_type', p, { expected: 'a weight tier' })
        return
      }
      const upTo = r.amount(t, 'up_to', p)
      const cost = r.amount(t, 'cost', p, true)
      if (cost !== undefined) tiers!.push({ upTo: upTo ?? null, cost })
    })
  }
  if (type === 'weight' && (tiers === null || tiers.length === 0)) r.add('required', joinPath(path, 'weight_tiers'))
  const cost = r.amount(o, 'cost', path, type === 'fixed' || type === 'per_item') ?? 0
  const countries = r.stringList(o, 'countries', path, true)
  const method: NShippingMethod = {
    index,
    id: id ?? '',
    label,
    type: (type ?? 'fixed') as NShippingMethod['type'],
    cost,
    currency: r.currency(o, 'currency', path) ?? baseCurrency,
    bundling: r.boolean(o, 'bundling', path) ?? false,
    countries: countries === null ? null : new Set(countries.map(normalizeCountry)),
    freeOver: r.currencyAmounts(o, 'free_over', path),
    additionalItemCost: r.amount(o, 'additional_item_cost', path) ?? null,
    tiers,
    inclusive: r.boolean(o, 'inclusive', path) ?? null,
  }
  return id === undefined || type === undefined || !TYPES.has(type) ? undefined : method
}

import type { NRate } from '../store/model'

/**
 * One estimate's rate lists by jurisdiction and a second key (a tax category, or the goods rates a
 * shipping share follows): `find(jurisdiction, key)` computes a list once and gives every later line
 * of the same pair that same list. The previous pair's list is kept at hand before the maps, which
 * are made only when a second pair comes: most carts repeat one pair line after line.
 *
 * @example
 * ```ts
 * const find = rateLists((jurisdiction, category: string) => ratesFor(store, jurisdiction, category))
 * find('DE', 'general') === find('DE', 'general') // true: one list
 * ```
 */
export function rateLists<K>(compute: (jurisdiction: string, key: K) => NRate[]): (jurisdiction: string, key: K) => NRate[] {
  let byJurisdiction: Map<string, Map<K, NRate[]>> | undefined
  let lastJurisdiction: string | undefined
  let lastKey: K | undefined
  let last: NRate[] = []
  return (jurisdiction, key) => {
    if (jurisdiction === lastJurisdiction && key === lastKey) return last
    byJurisdiction ??= new Map()
    let byKey = byJurisdiction.get(jurisdiction)
    if (byKey === undefined) byJurisdiction.set(jurisdiction, (byKey = new Map()))
    let hit = byKey.get(key)
    if (hit === undefined) byKey.set(key, (hit = compute(jurisdiction, key)))
    lastJurisdiction = jurisdiction
    lastKey = key
    last = hit
    return hit
  }
}

import { isObject, LIMITS, type Obj, Reader } from '../input/read'
import { joinPath } from '../issues/issues'

/**
 * Reads `o[key]` as a list of objects nested in a Tamio object (a product's `pricing_model`,
 * `variants`, `packs`, a customer's `addresses`): absent is nothing, more than `max` entries is
 * refused by the array reader, an entry that is not an object is an `invalid_type` issue expecting
 * `what`, and every object entry is passed to `f` with its path and index. Holes of a sparse array
 * are skipped (JSON has none). Returns the list, or `undefined` when it is absent or refused.
 */
export function eachEntry(
  r: Reader,
  o: Obj,
  key: string,
  path: string,
  what: string,
  f: (e: Obj, p: string, i: number) => void,
  max: number = LIMITS.maxPerProduct,
): readonly unknown[] | undefined {
  const list = r.array(o, key, path, false, max)
  if (list === undefined) return undefined
  const base = joinPath(path, key)
  list.forEach((e, i) => {
    const p = joinPath(base, i)
    if (isObject(e)) f(e, p, i)
    else r.add('invalid_type', p, { expected: what })
  })
  return list
}

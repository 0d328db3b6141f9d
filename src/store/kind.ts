import type { Reader } from '../input/read'
import { joinPath } from '../issues/issues'

const hasOwn = Object.prototype.hasOwnProperty

/**
 * The kind a registry (discount kinds, shipping cost kinds) holds for an object's `type`, by own
 * key only; an unknown type is an `invalid_option` issue at `path.type` listing the registry's
 * types. `undefined` when the type is absent (its reader reported that) or unknown.
 */
export function kindOf<R extends Readonly<Record<string, unknown>>>(r: Reader, registry: R, type: string | undefined, path: string): R[keyof R] | undefined {
  if (type === undefined) return undefined
  if (hasOwn.call(registry, type)) return registry[type as keyof R]
  r.add('invalid_option', joinPath(path, 'type'), { detail: Object.keys(registry).join(', ') })
  return undefined
}

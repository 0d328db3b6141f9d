import type { Reader } from '../input/read'

/**
 * Indexes `value` under `key` unless the key is taken: then a `duplicate_id` issue at `path` naming
 * `id` (the key as the config wrote it; a coupon code is indexed lower-cased). The first of a
 * duplicated id wins. Returns whether `value` was indexed.
 */
export function indexOnce<T>(r: Reader, index: Map<string, T>, key: string, value: T, path: string, id: string = key): boolean {
  if (index.has(key)) {
    r.add('duplicate_id', path, { id })
    return false
  }
  index.set(key, value)
  return true
}

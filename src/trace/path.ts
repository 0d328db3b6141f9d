/**
 * Paths into a transaction, as the trace and reconcile spell them: `products[0].totals.tax`,
 * `taxes.tax_rates[1].tax`. Reading is defensive (own properties only, never throws).
 */

const SEGMENT = /([^.[\]]+)|\[(\d+)\]/g

/** The segments of a path: names and array indices. @example `pathSegments('products[0].totals.tax') // ['products', 0, 'totals', 'tax']` */
export function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = []
  for (const m of path.matchAll(SEGMENT)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!)
  return out
}

/** The value at `path` (own properties only); undefined when any step is missing. */
export function valueAt(root: unknown, path: string): unknown {
  let v: unknown = root
  const n = path.length
  let i = 0
  while (i < n) {
    const c = path.charCodeAt(i)
    if (c === 46 /* . */) {
      i++
      continue
    }
    if (c === 91 /* [ */) {
      let k = 0
      let end = i + 1
      for (; end < n; end++) {
        const d = path.charCodeAt(end)
        if (d === 93 /* ] */) break
        if (d < 48 || d > 57) return undefined
        k = k * 10 + (d - 48)
      }
      if (end >= n || end === i + 1) return undefined
      if (!Array.isArray(v) || k >= v.length) return undefined
      v = v[k]
      i = end + 1
      continue
    }
    let end = i
    while (end < n) {
      const d = path.charCodeAt(end)
      if (d === 46 || d === 91) break
      end++
    }
    const key = path.slice(i, end)
    if (typeof v !== 'object' || v === null || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, key)) return undefined
    v = (v as Record<string, unknown>)[key]
    i = end
  }
  return v
}

/** `base` + `.key` or `[index]`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`
  return base === '' ? key : `${base}.${key}`
}

/** Strips a leading `transaction.` and surrounding space, so `transaction.totals.total` and `totals.total` are one path. */
export function normalizePath(path: string): string {
  const p = path.trim()
  return p.startsWith('transaction.') ? p.slice('transaction.'.length) : p
}

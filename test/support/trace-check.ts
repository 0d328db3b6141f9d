/**
 * An independent check of a trace: every entry is re-checked from what it says, with BigInt
 * arithmetic written here (not the library's) — a sum's terms add up, a product's factors multiply
 * out, a rounding of the exact value (itself Π factors ÷ Π divisors) gives the amount, a split's
 * parts sum to its whole and follow its rule, a given amount is the input it names, and every
 * entry of the transaction equals the transaction's number. No entry is taken on trust.
 */
import type { Trace, TraceEntry, TraceSplit, Transaction } from '../../src/index'

type Json = Record<string, unknown>
interface Frac {
  n: bigint
  d: bigint
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a
  b = b < 0n ? -b : b
  while (b !== 0n) [a, b] = [b, a % b]
  return a
}
const norm = (f: Frac): Frac => {
  if (f.d < 0n) f = { n: -f.n, d: -f.d }
  const g = gcd(f.n, f.d) || 1n
  return { n: f.n / g, d: f.d / g }
}
const eq = (a: Frac, b: Frac) => a.n * b.d === b.n * a.d

/** Reads a JSON path like `products[0].totals.tax` or `coupons[1].max_amount.EUR` (own keys only). */
export function at(root: unknown, path: string): unknown {
  let cur: unknown = root
  for (const seg of path.match(/[^.[\]]+/g) ?? []) {
    if (cur === null || typeof cur !== 'object') return undefined
    const key = /^\d+$/.test(seg) && Array.isArray(cur) ? Number(seg) : seg
    if (!Object.prototype.hasOwnProperty.call(cur, key)) return undefined
    cur = (cur as Json)[key as string]
  }
  return cur
}

/** An exact number of the trace (`"19%"`, `"617/50"`, `"3"`), or undefined for a path. */
function number(s: string): Frac | undefined {
  let m = /^(-?\d+)(?:\/(\d+))?$/.exec(s)
  if (m !== null) return norm({ n: BigInt(m[1]!), d: BigInt(m[2] ?? '1') })
  m = /^(-?)(\d+)(?:\.(\d+))?%$/.exec(s)
  if (m !== null) return norm({ n: BigInt(`${m[1]}${m[2]}${m[3] ?? ''}`), d: 100n * 10n ** BigInt((m[3] ?? '').length) })
  return undefined
}

/** Rounds n/d to an integer by mode name, written from the modes' definitions. */
export function roundBig(f: Frac, mode: string): bigint {
  const { n, d } = norm(f)
  const neg = n < 0n
  const a = neg ? -n : n
  const q = a / d
  const r = a % d
  if (r === 0n) return neg ? -q : q
  const twice = 2n * r
  let away: boolean
  switch (mode) {
    case 'half_up': away = twice >= d; break
    case 'half_down': away = twice > d; break
    case 'half_even': away = twice > d || (twice === d && q % 2n === 1n); break
    case 'up': away = true; break
    case 'down': away = false; break
    case 'ceil': away = !neg; break
    case 'floor': away = neg; break
    default: throw new Error(`unknown rounding mode ${mode}`)
  }
  const v = away ? q + 1n : q
  return neg ? -v : v
}

/** The parts of a split, by its rule, computed here. */
export function referenceSplit(s: TraceSplit): bigint[] {
  const ws = s.weights.map((w) => number(w)!)
  const t = BigInt(s.total)
  const neg = t < 0n
  const T = neg ? -t : t
  let L = 1n
  for (const w of ws) L = (L * w.d) / gcd(L, w.d)
  const W = ws.map((w) => (w.n * L) / w.d)
  let sum = W.reduce((a, b) => a + b, 0n)
  const weights = sum === 0n ? W.map(() => 1n) : W
  if (sum === 0n) sum = BigInt(W.length)
  const out = (parts: bigint[]) => (neg ? parts.map((p) => -p) : parts)
  if (s.by === 'instalments') {
    const n = BigInt(W.length)
    const each = T / n
    const r = T % n
    const k = Number(r)
    return out(
      W.map((_, i) => {
        if (s.rule === 'spread_first') return i < k ? each + 1n : each
        if (s.rule === 'spread_last') return i >= W.length - k ? each + 1n : each
        if (s.rule === 'first') return i === 0 ? each + r : each
        if (s.rule === 'last') return i === W.length - 1 ? each + r : each
        throw new Error(`unknown instalment rule ${s.rule}`)
      }),
    )
  }
  if (s.rule === 'carry') {
    let c = 0n
    let before = 0n
    return out(
      weights.map((w, i) => {
        c += w
        const upTo = i === weights.length - 1 ? T : roundBig({ n: T * c, d: sum }, s.rounding ?? 'half_up')
        const p = upTo - before
        before = upTo
        return p
      }),
    )
  }
  const floors = weights.map((w) => (T * w) / sum)
  const rems = weights.map((w) => (T * w) % sum)
  let left = T - floors.reduce((a, b) => a + b, 0n)
  const parts = floors.slice()
  const order = weights.map((_, i) => i)
  if (s.rule === 'largest_remainder') order.sort((a, b) => (rems[a]! > rems[b]! ? -1 : rems[a]! < rems[b]! ? 1 : a - b))
  else if (s.rule === 'last') order.reverse()
  else if (s.rule !== 'first') throw new Error(`unknown allocation rule ${s.rule}`)
  for (const i of order) {
    if (left === 0n) break
    if (s.rule !== 'largest_remainder' && weights[i]! === 0n) continue
    parts[i]! += 1n
    left -= 1n
  }
  return out(parts)
}

/** A catalog price as the store config states it: the first pricing_model entry in the currency, else the top-level price in its currency. */
function catalogPrice(o: unknown, currency: string): number | undefined {
  const pm = at(o, 'pricing_model')
  if (Array.isArray(pm)) for (const e of pm) if (at(e, 'currency') === currency && typeof at(e, 'price') === 'number') return at(e, 'price') as number
  if (at(o, 'currency') === currency && typeof at(o, 'price') === 'number') return at(o, 'price') as number
  return undefined
}

/** Zero-valued rules: the amount is 0 because of what the rule says. */
const ZERO_RULES = new Set(['not_shipped', 'no_shipping', 'free_over', 'not_oss', 'no_trial', 'no_delta', 'price_floor', 'no_rate', 'tax_exempt', 'reverse_charge', 'shipping_untaxed', 'nshift_untaxed'])

/** The numbered paths of the transaction that are amounts: each must have an entry. */
export function amountPaths(tx: Transaction): string[] {
  const out: string[] = []
  const skip = new Set(['exchange_rate'])
  tx.products.forEach((p, k) => {
    for (const [key, v] of Object.entries(p.totals)) if (typeof v === 'number' && !skip.has(key)) out.push(`products[${k}].totals.${key}`)
    for (const kind of ['tax_rates', 'shipping_tax_rates'] as const)
      p.taxes[kind].forEach((_, j) => out.push(`products[${k}].taxes.${kind}[${j}].tax`, `products[${k}].taxes.${kind}[${j}].taxable_amount`))
    p.discounts.forEach((_, j) => out.push(`products[${k}].discounts[${j}].amount`, `products[${k}].discounts[${j}].shipping_amount`))
  })
  for (const [key, v] of Object.entries(tx.totals)) if (typeof v === 'number') out.push(`totals.${key}`)
  for (const kind of ['tax_rates', 'shipping_tax_rates'] as const) tx.taxes[kind].forEach((_, a) => out.push(`taxes.${kind}[${a}].tax`, `taxes.${kind}[${a}].taxable_amount`))
  tx.shipping.shipping_rates.forEach((_, m) => out.push(`shipping.shipping_rates[${m}].cost`))
  if (tx.shipping.shipping_method !== null) out.push('shipping.shipping_method.cost')
  tx.discounts.forEach((_, a) => out.push(`discounts[${a}].amount`, `discounts[${a}].shipping_amount`))
  tx.instalments.forEach((p, i) => {
    for (const key of ['upfront_amount', 'instalments_amount', 'interest', 'total_amount']) out.push(`instalments[${i}].${key}`)
    p.schedule.forEach((_, j) => out.push(`instalments[${i}].schedule[${j}].amount`))
  })
  return out
}

/**
 * Every problem with a trace, as readable strings (none for a sound trace). `store` and `request`
 * are the raw inputs the estimate was made from.
 */
export function checkTrace(trace: Trace, tx: Transaction, store: unknown, request: unknown): string[] {
  const problems: string[] = []
  const bad = (path: string, why: string) => problems.push(`${path}: ${why}`)
  const value = (p: string): bigint | undefined => {
    const e = Object.prototype.hasOwnProperty.call(trace.amounts, p) ? trace.amounts[p] : undefined
    if (e !== undefined) return BigInt(e.value)
    if (p.startsWith('$')) return undefined
    const v = at(tx, p)
    return typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : undefined
  }
  const factor = (f: string): Frac | undefined => {
    const n = number(f)
    if (n !== undefined) return n
    const v = value(f)
    return v === undefined ? undefined : { n: v, d: 1n }
  }
  const product = (fs: readonly string[]): Frac | undefined => {
    let r: Frac = { n: 1n, d: 1n }
    for (const f of fs) {
      const x = factor(f)
      if (x === undefined) return undefined
      r = norm({ n: r.n * x.n, d: r.d * x.d })
    }
    return r
  }
  for (const [path, e] of Object.entries(trace.amounts) as [string, TraceEntry][]) {
    if (!path.startsWith('$')) {
      const v = at(tx, path)
      if (v !== e.value) bad(path, `entry ${e.value} ≠ transaction ${String(v)}`)
    }
    if (!Number.isSafeInteger(e.value)) bad(path, `not a safe integer: ${e.value}`)
    switch (e.op) {
      case 'sum': {
        let s = 0n
        for (const [p, sign] of e.terms ?? []) {
          const v = value(p)
          if (v === undefined) {
            bad(path, `term ${p} has no value`)
            continue
          }
          s += BigInt(sign) * v
        }
        if (s !== BigInt(e.value)) bad(path, `terms sum to ${s}, not ${e.value}`)
        break
      }
      case 'product': {
        const p = product(e.factors ?? [])
        if (p === undefined || p.d !== 1n || p.n !== BigInt(e.value)) bad(path, `factors ${JSON.stringify(e.factors)} give ${p === undefined ? '?' : `${p.n}/${p.d}`}, not ${e.value}`)
        break
      }
      case 'round': {
        const exact = number(e.exact ?? '')
        if (exact === undefined) {
          bad(path, 'a rounding without its exact value')
          break
        }
        if ((e.factors ?? []).length > 0) {
          const num = product(e.factors ?? [])
          const den = product(e.divisors ?? [])
          if (num === undefined || den === undefined || !eq(exact, { n: num.n * den.d, d: num.d * den.n })) bad(path, `exact ${e.exact} ≠ Π factors ÷ Π divisors`)
        } else {
          // A pooled document-level tax: its exact value is Σ of the exact taxes it is split by.
          const s = trace.splits[path]
          if (s === undefined) bad(path, 'a rounding of no factors and no split')
          else {
            let sum: Frac = { n: 0n, d: 1n }
            for (const w of s.weights) {
              const f = number(w)!
              sum = norm({ n: sum.n * f.d + f.n * sum.d, d: sum.d * f.d })
            }
            if (!eq(sum, exact)) bad(path, `exact ${e.exact} ≠ Σ weights of its split`)
          }
        }
        const r = roundBig(exact, e.rounding ?? '?')
        const a = e.affine ?? { offset: 0, factor: 1 }
        if (BigInt(a.offset) + BigInt(a.factor) * r !== BigInt(e.value)) bad(path, `round_${e.rounding}(${e.exact}) = ${r} gives ${BigInt(a.offset) + BigInt(a.factor) * r}, not ${e.value}`)
        break
      }
      case 'allocate': {
        const s = e.allocation === undefined ? undefined : trace.splits[e.allocation.split]
        if (s === undefined || e.allocation === undefined) {
          bad(path, 'a part of no recorded split')
          break
        }
        if (s.parts[e.allocation.index] !== e.value) bad(path, `part ${e.allocation.index} of ${e.allocation.split} is ${s.parts[e.allocation.index]}, not ${e.value}`)
        if (e.exact !== undefined) {
          if (!eq(number(e.exact)!, number(s.weights[e.allocation.index]!)!)) bad(path, `its exact ${e.exact} is not its weight in the split`)
          const p = product(e.factors ?? [])
          if (p === undefined || !eq(p, number(e.exact)!)) bad(path, `its exact ${e.exact} ≠ Π factors`)
        }
        break
      }
      case 'given': {
        if (e.rule !== undefined) {
          if (ZERO_RULES.has(e.rule) && e.value !== 0) bad(path, `rule ${e.rule} with value ${e.value}`)
          if (e.rule === 'free_over') {
            const [w, t] = e.inputs ?? []
            if (w === undefined || t === undefined || (value(w) ?? -1n) < (value(t) ?? 1n << 60n)) bad(path, 'free over a threshold the shipped lines do not reach')
          }
          if (e.rule === 'max_amount') {
            const src = at({ store, request }, e.source ?? '')
            if (src !== e.value) bad(path, `the cap ${e.value} is not ${e.source} (${String(src)})`)
            if ((value(e.inputs?.[0] ?? '') ?? 0n) <= BigInt(e.value)) bad(path, 'a cap that caps nothing')
          }
          if (e.rule === 'capped_at_base' && (value(e.inputs?.[0] ?? '') ?? 0n) <= BigInt(e.value)) bad(path, 'capped at a base it does not exceed')
          break
        }
        const src = e.source ?? ''
        const root = { store, request }
        if (e.currency !== undefined) {
          const price = catalogPrice(at(root, src), e.currency)
          if (price !== e.value) bad(path, `${src} in ${e.currency} is ${String(price)}, not ${e.value}`)
        } else {
          const v = at(root, src)
          if (v !== e.value) bad(path, `${src} is ${String(v)}, not ${e.value}`)
        }
        break
      }
      default:
        bad(path, `unknown op ${String(e.op)}`)
    }
  }
  for (const [key, s] of Object.entries(trace.splits) as [string, TraceSplit][]) {
    const sum = s.parts.reduce((a, b) => a + b, 0)
    if (sum !== s.total) bad(`split ${key}`, `parts sum to ${sum}, not ${s.total}`)
    const of = value(s.of)
    if (of !== undefined && of !== BigInt(s.total)) bad(`split ${key}`, `its whole ${s.of} is ${of}, not ${s.total}`)
    if (s.parts.some((p) => p < 0)) bad(`split ${key}`, 'a negative part')
    const ref = referenceSplit(s).map(Number)
    if (JSON.stringify(ref) !== JSON.stringify(s.parts)) bad(`split ${key}`, `${s.rule} over [${s.weights.join(', ')}] gives [${ref.join(', ')}], not [${s.parts.join(', ')}]`)
  }
  for (const p of amountPaths(tx)) if (!Object.prototype.hasOwnProperty.call(trace.amounts, p)) bad(p, 'an amount of the transaction without an entry')
  return problems
}

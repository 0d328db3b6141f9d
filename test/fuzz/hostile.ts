/**
 * Hostile input generators: nasty leaf values, arbitrary JSON *text* (parsed with JSON.parse so
 * `__proto__` is an own key, as it is for a body parsed by a server), and a targeted mutator that
 * replaces, deletes or adds one field of an otherwise valid document. Pure data, no Node built-ins.
 */
import fc from 'fast-check'

/** Keys the readers know, so random documents reach them; plus the prototype-pollution keys. */
export const KEYS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'length', 'polluted',
  // request
  'products', 'id', 'variant', 'pack', 'quantity', 'name', 'label', 'price', 'customer', 'new_customer', 'currency',
  'convert_prices', 'coupons', 'no_discounts', 'locale', 'affiliate', 'page', 'shipping', 'tamio', 'nshift', 'valid',
  'selectedAddons', 'taxRate', 'billing_information', 'shipping_information', 'billing_address_id', 'shipping_address_id',
  'same_shipping_address', 'country', 'state', 'is_company', 'vat', 'verified_vat',
  // store
  'account', 'base_currency', 'currencies', 'max_lines', 'payment_methods', 'prices_include_tax', 'eu_oss', 'rounding',
  'tax_rounding', 'shipping_tax', 'min_total', 'max_total', 'pricing_model', 'variations', 'delta_pricing', 'variants',
  'packs', 'stock', 'stock_breakdown', 'multiple', 'weight', 'tax_calculation', 'languages', 'title', 'tax_rates',
  'rate_percent', 'rate_amount', 'jurisdiction', 'category', 'compound', 'shipping_methods', 'type', 'cost',
  'weight_tiers', 'up_to', 'free_over', 'additional_item_cost', 'code', 'value', 'amounts', 'applies_to', 'discounts',
  'min_subtotal', 'max_amount', 'instalment_plans', 'instalments', 'interval', 'cycle', 'offset', 'upfront_percent',
  'interest_percent', 'exchange_rates', 'base', 'rates', 'customers', 'addresses', 'default_billing_address_id', 'EUR', 'SEK',
] as const

const LONG = 'x'.repeat(10_001)
const HUGE = 'y'.repeat(1 << 20)

/** Numbers that break naive code: -0, huge, tiny, past 2^53, fractions where integers belong. */
export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    -0, 0, 1, -1, 0.5, -0.5, 1.5, 0.1, 1e-7, 5e-324, 1e308, -1e308, 1.7976931348623157e308,
    2 ** 53, 2 ** 53 + 2, -(2 ** 53), Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 64, 2 ** 31, -(2 ** 31),
    2 ** 32, 1e15, 1e16, 1e21, 4503599627370497, 9007199254740990, 100.0000001, 99.99999999999999,
    NaN, Infinity, -Infinity,
  ),
  fc.double({ noNaN: false }),
  fc.integer(),
  fc.maxSafeInteger(),
)

/** Strings that break naive code: empty, numeric-looking, prototype keys, very long, control characters. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '', ' ', '0', '1', '-1', '1e400', '-1e400', 'NaN', 'Infinity', '0x10', '1_000', '19.', '.5', '1e-30', '1e30', '12.345678901234567890',
    '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'EUR', 'eur ', 'XXX', 'DE', 'de', 'US-CA', 'XI',
    'half_up', 'inclusive', 'percent', 'fixed', 'week', 'month', '2026-03-02T09:30:00Z', '2026-13-45', '9999-12-31T23:59:59Z',
    '\u0000', '\uD800', '💸', 'a\nb', LONG, HUGE,
  ),
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 20 }),
)

function sparse(n: number): unknown[] {
  const a: unknown[] = []
  a.length = n
  a[n - 1] = 1
  return a
}

/**
 * Values the harness treats as leaves (it never walks into them, so its own recursion stays shallow):
 * the 10 000-level documents. The library must not walk into them either.
 */
const OPAQUE = new WeakSet<object>()
export function isOpaque(v: unknown): boolean {
  return typeof v === 'object' && v !== null && OPAQUE.has(v)
}
function opaque<T extends object>(v: T): T {
  OPAQUE.add(v)
  return v
}

function deep(depth: number, key: string): unknown {
  let v: unknown = 1
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? { [key]: v } : [v]
  return opaque(v as object)
}

/** Values that are not JSON a caller might still pass through the JS API, plus JSON-only oddities. */
export const nastyStructure: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<() => unknown>(
    () => [],
    () => ({}),
    () => Object.create(null) as unknown,
    () => sparse(3),
    () => sparse(100),
    () => [null],
    () => [undefined],
    () => new Array(2000).fill({ id: 'mug', quantity: 1 }),
    () => JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown,
    () => JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}') as unknown,
    () => JSON.parse('[{"__proto__":{"polluted":"yes"},"id":"mug"}]') as unknown,
    () => ({ length: 1e9 }),
    () => ({ length: -1, 0: 'a' }),
    () => deep(10_000, 'products'),
    () => deep(10_000, '__proto__'),
    () => new Date(NaN),
    () => new Date(0),
    () => undefined,
  ).map((f) => f()),
  fc.jsonValue({ maxDepth: 3 }),
)

/** Any hostile value for one leaf. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: nastyNumber },
  { weight: 3, arbitrary: nastyString },
  { weight: 3, arbitrary: nastyStructure },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(true, false, null) },
)

/**
 * Arbitrary JSON *text* over {@link KEYS} (deep nesting, hostile numbers written in ways JSON allows,
 * like `1e400` which parses to Infinity, `-0`, `9007199254740993`), parsed with JSON.parse.
 */
export const jsonText: fc.Arbitrary<string> = fc.letrec<{ value: string; object: string; array: string; leaf: string }>((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom('null', 'true', 'false', '-0', '0', '1e400', '-1e400', '1e308', '9007199254740993', '9007199254740992', '-9007199254740993', '0.5', '1.0', '12.34', '1e-400', '123456789012345678901234567890'),
    nastyNumber.filter(Number.isFinite).map((n) => JSON.stringify(n)),
    nastyString.filter((s) => s.length < 5000).map((s) => JSON.stringify(s)),
  ),
  object: fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 4 })), tie('value')), { maxLength: 6 })
    .map((es) => `{${es.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
  array: fc.array(tie('value'), { maxLength: 5 }).map((xs) => `[${xs.join(',')}]`),
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('object'), tie('array')),
})).value

/** A parsed {@link jsonText}, or a deeply nested document (10 000 levels under a known key). */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 9, arbitrary: jsonText.map((t) => JSON.parse(t) as unknown) },
  { weight: 1, arbitrary: fc.constantFrom('products', 'customer', 'account', 'billing_information').map((k) => opaque(JSON.parse(nestText(k, 5000)) as object)) },
)

function nestText(key: string, depth: number): string {
  return `${`{${JSON.stringify(key)}:`.repeat(depth)}1${'}'.repeat(depth)}`
}

// ——— the targeted mutator ———

export type PathKey = string | number
export type Path = readonly PathKey[]

/** Every path in a JSON document: the root, every interior node and every leaf. */
export function allPaths(v: unknown, p: Path = [], out: Path[] = []): Path[] {
  out.push(p)
  if (isOpaque(v)) return out
  if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...p, i], out))
  else if (typeof v === 'object' && v !== null) for (const k of Object.keys(v)) allPaths((v as Record<string, unknown>)[k], [...p, k], out)
  return out
}

/** A deep copy of a JSON document (own enumerable keys only; `__proto__` stays an own key). */
export function clone(v: unknown): unknown {
  if (isOpaque(v)) return v
  if (Array.isArray(v)) return v.map(clone)
  if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
    const out: Record<string, unknown> = {}
    for (const k of Object.keys(v)) define(out, k, clone((v as Record<string, unknown>)[k]))
    return out
  }
  return v
}

function define(o: object, k: PathKey, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true })
}

/** One edit of a document. */
export type Mutation =
  | { readonly op: 'set'; readonly at: number; readonly value: unknown }
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'add'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly op: 'repeat'; readonly at: number; readonly times: number }

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: fc.constantFrom(...KEYS), value: hostileValue }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('repeat' as const), at: fc.nat(), times: fc.constantFrom(2, 21, 51, 1001) }) },
)

function edit(node: unknown, p: Path, f: (parent: Record<PathKey, unknown> | unknown[], key: PathKey) => void): unknown {
  if (p.length === 0) return node
  const root = clone(node)
  let cur = root as Record<PathKey, unknown>
  for (let i = 0; i < p.length - 1; i++) cur = cur[p[i]!] as Record<PathKey, unknown>
  f(cur, p[p.length - 1]!)
  return root
}

/** Applies one mutation to a copy of `doc` (the original is never touched). */
export function applyMutation(doc: unknown, m: Mutation): unknown {
  const paths = allPaths(doc)
  const p = paths[m.at % paths.length]!
  switch (m.op) {
    case 'set':
      return p.length === 0 ? m.value : edit(doc, p, (o, k) => define(o, k, m.value))
    case 'delete':
      return p.length === 0 ? undefined : edit(doc, p, (o, k) => (Array.isArray(o) ? o.splice(k as number, 1) : delete (o as Record<PathKey, unknown>)[k]))
    case 'add': {
      // Add a sibling key to the nearest object at or above the path.
      let q = p
      const get = (path: Path) => path.reduce<unknown>((v, k) => (v as Record<PathKey, unknown>)[k], doc)
      while (q.length > 0 && !(typeof get(q) === 'object' && get(q) !== null && !Array.isArray(get(q)))) q = q.slice(0, -1)
      const target = get(q)
      if (typeof target !== 'object' || target === null || Array.isArray(target)) return doc
      const copy = clone(doc)
      const t = q.reduce<unknown>((v, k) => (v as Record<PathKey, unknown>)[k], copy) as Record<string, unknown>
      define(t, m.key, m.value)
      return copy
    }
    case 'repeat':
      // Repeat an array element (or the array's first element) many times: list caps.
      return edit(doc, p, (o, k) => {
        if (Array.isArray(o)) {
          const x = o[k as number]
          o.splice(k as number, 1, ...new Array<unknown>(m.times).fill(x))
        }
      })
  }
}

/** A seed document with one to three mutations applied. */
export function mutated(seed: unknown): fc.Arbitrary<unknown> {
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce((d, m) => applyMutation(d, m), seed))
}

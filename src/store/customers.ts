import { LIMITS, type Obj, Reader } from '../input/read'
import { eachEntry } from './entries'
import { indexOnce } from './unique'
import { joinPath } from '../issues/issues'
import type { NAddress, NCustomer } from './model'

const CUSTOMER_CONTROL_KEYS = new Set([
  'addresses', 'default_billing_address_id', 'default_shipping_address_id', 'billing_address_id',
  'shipping_address_id', 'same_shipping_address', 'billing_information', 'shipping_information',
])

/**
 * The scalar fields of an object (strings, numbers, booleans, null), in their key order: what the
 * transaction echoes in `customer_information`. Nested objects are not echoed, so the output never
 * shares a reference with the input.
 */
export function scalarFields(o: Obj, skip: ReadonlySet<string> = CUSTOMER_CONTROL_KEYS): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(o)) {
    if (skip.has(k) || k === '__proto__') continue
    const v = o[k]
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) {
      // -0 is echoed as 0 (JSON cannot tell them apart; the output never carries a -0).
      // `__proto__` is skipped above, so a plain assignment cannot reach the prototype, and the
      // object stays in V8's fast mode (it is copied on every estimate).
      out[k] = v === 0 ? 0 : v
    }
  }
  return out
}

const NO_SKIP: ReadonlySet<string> = new Set()

/** Normalizes a stored address or an inline `billing_information` / `shipping_information`. */
export function readAddress(r: Reader, o: Obj, path: string): NAddress {
  const echo = r.echoed(o, path)
  return {
    id: r.id(o, 'id', path) ?? null,
    fields: echo ? scalarFields(o, NO_SKIP) : {},
    country: r.country(o, 'country', path) ?? null,
    state: normalizeState(r.string(o, 'state', path)),
    isCompany: r.boolean(o, 'is_company', path) ?? false,
    vat: r.string(o, 'vat', path) ?? null,
    verifiedVat: r.boolean(o, 'verified_vat', path) ?? false,
    locale: r.string(o, 'locale', path) ?? null,
  }
}

function normalizeState(s: string | undefined): string | null {
  if (s === undefined) return null
  const t = s.trim().toUpperCase()
  return t.length > 0 ? t : null
}

/** Normalizes a stored customer with its addresses. */
export function readCustomer(r: Reader, o: Obj, path: string): NCustomer | undefined {
  const echo = r.echoed(o, path)
  const id = r.id(o, 'id', path, true)
  const addresses = new Map<string, NAddress>()
  eachEntry(r, o, 'addresses', path, 'an address object', (a, p) => {
    const addr = readAddress(r, a, p)
    if (addr.id === null) r.add('required', joinPath(p, 'id'))
    else indexOnce(r, addresses, addr.id, addr, joinPath(p, 'id'))
  }, LIMITS.maxList)
  const defaultBilling = r.id(o, 'default_billing_address_id', path) ?? null
  const defaultShipping = r.id(o, 'default_shipping_address_id', path) ?? null
  if (defaultBilling !== null && !addresses.has(defaultBilling)) r.add('unknown_address', joinPath(path, 'default_billing_address_id'), { id: defaultBilling })
  if (defaultShipping !== null && !addresses.has(defaultShipping)) r.add('unknown_address', joinPath(path, 'default_shipping_address_id'), { id: defaultShipping })
  const country = r.country(o, 'country', path) ?? null
  const locale = r.string(o, 'locale', path) ?? null
  const taxExempt = r.boolean(o, 'tax_exempt', path) ?? false
  if (id === undefined) return undefined
  return { id, fields: echo ? scalarFields(o) : {}, country, locale, taxExempt, addresses, defaultBilling, defaultShipping }
}

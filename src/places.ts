/**
 * Stage 1 — customer and places (SPEC §3.2): who is billed, where goods go, which countries
 * decide tax, and the echoed `customer_information`.
 */
import { joinPath } from './issues'
import { issue } from './issues'
import type { NRequestCustomer } from './request'
import type { NAddress, NCustomer, PreparedStore } from './store/model'
import type { Issue } from './types/output'

export interface Places {
  readonly billTo: NAddress | null
  readonly shipTo: NAddress | null
  readonly billCountry: string
  readonly billState: string | null
  readonly shipCountry: string
  readonly shipState: string | null
  /** A company with a VAT number (B2B), from the bill-to address. */
  readonly isCompany: boolean
  readonly hasVat: boolean
  readonly verifiedVat: boolean
  readonly taxExempt: boolean
  readonly locale: string
  readonly customerInformation: Readonly<Record<string, unknown>>
}

function lookup(customer: NCustomer | undefined, id: string | null, path: string, errors: Issue[]): NAddress | null {
  if (id === null) return null
  const a = customer?.addresses.get(id)
  if (a === undefined) {
    errors.push(issue('unknown_address', path, { id }))
    return null
  }
  return a
}

/**
 * Resolves bill-to and ship-to with the SPEC's fallbacks: bill-to = inline billing_information,
 * else billing_address_id, else the customer's default billing address; ship-to = inline
 * shipping_information, else shipping_address_id, else bill-to when same_shipping_address, else
 * the default shipping address. Countries fall back ship-to → bill-to → customer → account.
 */
export function resolvePlaces(store: PreparedStore, rc: NRequestCustomer, requestLocale: string | null, errors: Issue[], warnings: Issue[]): Places {
  const stored = rc.id === null ? undefined : store.customers.get(rc.id)
  const base = rc.isNew ? 'new_customer' : 'customer'
  const billTo =
    rc.billingInfo ??
    lookup(stored, rc.billingAddressId, joinPath(base, 'billing_address_id'), errors) ??
    (stored?.defaultBilling != null ? (stored.addresses.get(stored.defaultBilling) ?? null) : null)
  const shipTo =
    rc.shippingInfo ??
    lookup(stored, rc.shippingAddressId, joinPath(base, 'shipping_address_id'), errors) ??
    (rc.sameShipping ? billTo : null) ??
    (stored?.defaultShipping != null ? (stored.addresses.get(stored.defaultShipping) ?? null) : null)
  const customerCountry = rc.country ?? stored?.country ?? null
  let billCountry = billTo?.country ?? customerCountry
  if (billCountry === null) {
    billCountry = store.account.country
    warnings.push(issue('customer_country_unknown', `${base}.country`))
  }
  const shipCountry = shipTo?.country ?? billCountry
  const info: Record<string, unknown> = { ...(stored?.fields ?? {}) }
  for (const k of Object.keys(rc.inlineFields)) info[k] = rc.inlineFields[k]
  info.billing_information = billTo === null ? null : { ...billTo.fields }
  info.shipping_information = shipTo === null ? null : { ...shipTo.fields }
  const locale = requestLocale ?? rc.locale ?? stored?.locale ?? billTo?.locale ?? 'en'
  return {
    billTo,
    shipTo,
    billCountry,
    billState: billTo?.state ?? null,
    shipCountry,
    shipState: shipTo !== null && shipTo.country !== null ? shipTo.state : (billTo?.state ?? null),
    isCompany: billTo?.isCompany ?? false,
    hasVat: billTo?.vat != null && billTo.vat.length > 0,
    verifiedVat: billTo?.verifiedVat ?? false,
    taxExempt: stored?.taxExempt ?? (rc.inlineFields.tax_exempt === true),
    locale,
    customerInformation: info,
  }
}

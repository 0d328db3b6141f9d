import { isObject, LIMITS, type Obj, present, Reader } from '../input/read'
import { normalizeCountry } from '../1-places/countries'
import { joinPath } from '../issues/issues'
import { readPolicySettings, resolvePolicies } from '../policies/read'
import type { NAccount, NPaymentMethod } from './model'

function readPaymentMethod(r: Reader, v: unknown, p: string): NPaymentMethod | undefined {
  if (typeof v === 'string') {
    if (v.length === 0) {
      r.add('invalid_value', p, { detail: 'empty payment method id' })
      return undefined
    }
    return { id: v, currencies: null, countries: null, minTotal: null, maxTotal: null }
  }
  if (!isObject(v)) {
    r.add('invalid_type', p, { expected: 'a payment method id or object' })
    return undefined
  }
  const id = r.id(v, 'id', p, true)
  const currencies = r.stringList(v, 'currencies', p, true)
  const countries = r.stringList(v, 'countries', p, true)
  const minTotal = r.currencyAmounts(v, 'min_total', p)
  const maxTotal = r.currencyAmounts(v, 'max_total', p)
  if (id === undefined) return undefined
  return {
    id,
    currencies: currencies === null ? null : new Set(currencies),
    countries: countries === null ? null : new Set(countries.map(normalizeCountry)),
    minTotal,
    maxTotal,
  }
}

/** Reads and normalizes `account`: required base currency and country, defaults for the rest, the policies resolved once. */
export function readAccount(r: Reader, o: Obj, path: string): NAccount | undefined {
  const baseCurrency = r.currency(o, 'base_currency', path, true)
  const country = r.country(o, 'country', path)
  if (!present(o, 'country')) r.add('required', joinPath(path, 'country'))
  const curList = r.array(o, 'currencies', path)
  const currencies: string[] = []
  if (curList !== undefined) {
    curList.forEach((c, i) => {
      const code = r.currencyValue(c, joinPath(joinPath(path, 'currencies'), i))
      if (code !== undefined && !currencies.includes(code)) currencies.push(code)
    })
  }
  if (baseCurrency !== undefined && currencies.length === 0) currencies.push(baseCurrency)
  const pm = r.array(o, 'payment_methods', path) ?? []
  const paymentMethods: NPaymentMethod[] = []
  pm.forEach((v, i) => {
    const m = readPaymentMethod(r, v, joinPath(joinPath(path, 'payment_methods'), i))
    if (m !== undefined) paymentMethods.push(m)
  })
  let maxLines = r.amount(o, 'max_lines', path) ?? 20
  if (maxLines < 1) {
    r.add('invalid_value', joinPath(path, 'max_lines'), { detail: 'at least 1' })
    maxLines = 20
  } else if (maxLines > LIMITS.maxLines) {
    r.add('invalid_value', joinPath(path, 'max_lines'), { detail: `at most ${LIMITS.maxLines}` })
    maxLines = 20
  }
  const label = r.string(o, 'shipping_tax_label', path) ?? 'Shipping taxes'
  const settings = readPolicySettings(r, o, path)
  const pricesIncludeTax = r.boolean(o, 'prices_include_tax', path) ?? false
  const euOss = r.boolean(o, 'eu_oss', path) ?? false
  if (baseCurrency === undefined || country === undefined) return undefined
  return {
    baseCurrency,
    country,
    currencies,
    pricesIncludeTax,
    euOss,
    shippingTaxLabel: label,
    paymentMethods,
    maxLines,
    policyFields: settings.fields,
    preset: settings.preset,
    policies: resolvePolicies(null, settings),
  }
}

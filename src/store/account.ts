import { parseRoundingMode, Rounding } from '../money/rounding'
import { LIMITS, type Obj, own, Reader } from '../input/read'
import { normalizeCountry } from '../1-places/countries'
import { joinPath } from '../issues/issues'
import { type NAccount, type NPaymentMethod, type Policies, ShippingTax, TaxLevel } from './model'

const TAX_LEVELS: Readonly<Record<string, TaxLevel>> = { line: TaxLevel.Line, unit: TaxLevel.Unit, total: TaxLevel.Total }
const SHIPPING_TAX: Readonly<Record<string, ShippingTax>> = {
  proportional: ShippingTax.Proportional,
  highest: ShippingTax.Highest,
  lowest: ShippingTax.Lowest,
  none: ShippingTax.None,
}

function pick<T>(r: Reader, o: Obj, key: string, path: string, table: Readonly<Record<string, T>>, fallback: T): T {
  const v = own(o, key)
  if (v === undefined || v === null) return fallback
  if (typeof v === 'string' && Object.prototype.hasOwnProperty.call(table, v)) return table[v] as T
  r.add('invalid_option', joinPath(path, key), { detail: `one of ${Object.keys(table).join(', ')}` })
  return fallback
}

const ROUNDING_TABLE = {
  half_up: Rounding.HalfUp, half_even: Rounding.HalfEven, half_down: Rounding.HalfDown, up: Rounding.Up,
  down: Rounding.Down, ceil: Rounding.Ceil, floor: Rounding.Floor,
} as const

/**
 * Reads the policy fields (`rounding`, `tax_rounding`, …) of an account or of per-call options,
 * over `base` (the account's, for options). Shared by createStore and estimate.
 */
export function readPolicies(r: Reader, o: Obj, path: string, base: Policies): Policies {
  const roundingRaw = own(o, 'rounding')
  let rounding = base.rounding
  if (roundingRaw !== undefined && roundingRaw !== null) {
    const m = parseRoundingMode(roundingRaw)
    if (m === undefined) r.add('invalid_option', joinPath(path, 'rounding'), { detail: `one of ${Object.keys(ROUNDING_TABLE).join(', ')}` })
    else rounding = m
  }
  return {
    rounding,
    taxLevel: pick(r, o, 'tax_rounding', path, TAX_LEVELS, base.taxLevel),
    shippingTax: pick(r, o, 'shipping_tax', path, SHIPPING_TAX, base.shippingTax),
    inclusiveTarget: pick(r, o, 'inclusive_rounding', path, { net: 'net', tax: 'tax' } as const, base.inclusiveTarget),
    keepNet: pick(r, o, 'inclusive_cross_border', path, { keep_gross: false, keep_net: true }, base.keepNet),
    instalmentExact: pick(r, o, 'instalment_rounding', path, { tamio: false, exact: true }, base.instalmentExact),
  }
}

/** The SPEC §2.2 defaults. */
export const DEFAULT_POLICIES: Policies = {
  rounding: Rounding.HalfUp,
  taxLevel: TaxLevel.Line,
  shippingTax: ShippingTax.Proportional,
  inclusiveTarget: 'net',
  keepNet: false,
  instalmentExact: false,
}

function readPaymentMethod(r: Reader, v: unknown, p: string): NPaymentMethod | undefined {
  if (typeof v === 'string') {
    if (v.length === 0) {
      r.add('invalid_value', p, { detail: 'empty payment method id' })
      return undefined
    }
    return { id: v, currencies: null, countries: null, minTotal: null, maxTotal: null }
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    r.add('invalid_type', p, { expected: 'a payment method id or object' })
    return undefined
  }
  const o = v as Obj
  const id = r.id(o, 'id', p, true)
  const currencies = r.stringList(o, 'currencies', p, true)
  const countries = r.stringList(o, 'countries', p, true)
  const minTotal = r.currencyAmounts(o, 'min_total', p)
  const maxTotal = r.currencyAmounts(o, 'max_total', p)
  if (id === undefined) return undefined
  return {
    id,
    currencies: currencies === null ? null : new Set(currencies),
    countries: countries === null ? null : new Set(countries.map(normalizeCountry)),
    minTotal,
    maxTotal,
  }
}

/** Reads and normalizes `account` (SPEC §2.2): required base currency and country, defaults for the rest. */
export function readAccount(r: Reader, o: Obj, path: string): NAccount | undefined {
  const baseCurrency = r.currency(o, 'base_currency', path, true)
  const country = r.country(o, 'country', path)
  if (country === undefined && (own(o, 'country') === undefined || own(o, 'country') === null)) r.add('required', joinPath(path, 'country'))
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
  const policies = readPolicies(r, o, path, DEFAULT_POLICIES)
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
    policies,
  }
}

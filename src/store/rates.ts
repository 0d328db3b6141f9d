import { type Obj, present, Reader } from '../input/read'
import { joinPath } from '../issues/issues'
import type { NRate } from './model'

/**
 * A rate's jurisdiction, case-insensitive, upper-cased: a country (`DE`), a state (`US-CA`) or a
 * county (`US-CA-LA`, the county being whatever the addresses' `county` field says: letters,
 * digits, spaces, `.`, `'`, `-`).
 */
function readJurisdiction(r: Reader, o: Obj, path: string): string | undefined {
  const s = r.string(o, 'jurisdiction', path)
  if (s === undefined) return undefined
  const up = s.trim().toUpperCase().replace(/\s+/g, ' ')
  if (!/^[A-Z]{2}(-[A-Z0-9]{1,3}(-[A-Z0-9](?:[A-Z0-9 .'-]{0,38}[A-Z0-9.])?)?)?$/.test(up)) {
    r.add('invalid_value', joinPath(path, 'jurisdiction'), { detail: 'expected a country code such as "DE", "US-CA" or "US-CA-LA"' })
    return undefined
  }
  return up
}

/**
 * Normalizes one tax rate: exactly one of `rate_percent` (a decimal percentage, parsed once into
 * a fraction) or `rate_amount` (minor units per contained unit). Jurisdictions are upper-case
 * country codes, optionally with a region (`US-CA`).
 */
export function readRate(r: Reader, o: Obj, path: string, index: number): NRate | undefined {
  const label = r.string(o, 'label', path, true)
  const jurisdiction = readJurisdiction(r, o, path)
  if (!present(o, 'jurisdiction')) r.add('required', joinPath(path, 'jurisdiction'))
  const percent = r.percent(o, 'rate_percent', path)
  const amount = r.amount(o, 'rate_amount', path)
  if (present(o, 'rate_percent') === present(o, 'rate_amount')) r.add('invalid_value', path, { detail: 'a rate needs exactly one of rate_percent or rate_amount' })
  const category = r.string(o, 'category', path) ?? null
  if (label === undefined || jurisdiction === undefined || (percent === undefined && amount === undefined)) return undefined
  return {
    index,
    path,
    id: r.id(o, 'id', path) ?? null,
    label,
    jurisdiction,
    category,
    percent: percent?.fraction ?? null,
    percentNumber: percent?.number ?? null,
    amount: percent === undefined ? (amount ?? null) : null,
    vat: r.boolean(o, 'vat_tax', path) ?? true,
    compound: r.boolean(o, 'compound', path) ?? false,
  }
}

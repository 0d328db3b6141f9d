/**
 * Stage 3a — where each line is taxed (SPEC §3.3): place of supply, jurisdiction (domestic,
 * export, EU OSS/MOSS, EU B2B), the rates that apply by category with regions, reverse charge,
 * tax exemption, and cross-border re-pricing of inclusive prices.
 */
import { canonicalCountry, isEu } from './eu'
import { issue } from './issues'
import type { LineState } from './line'
import { multiplyAmount } from './money/amount'
import { addRationals } from './money/rational'
import { mulDivRound } from './money/rounding'
import type { Places } from './places'
import type { NRate, Policies, PreparedStore } from './store/model'
import type { Issue } from './types/output'

/** The rates of a place for a category: country-wide and regional (`US` + `US-CA`) together, in store order. */
export function ratesFor(store: PreparedStore, country: string, state: string | null, category: string): NRate[] {
  const national = store.rates.get(country) ?? []
  const regional = state === null ? [] : (store.rates.get(`${country}-${state}`) ?? [])
  const all = regional.length === 0 ? national : [...national, ...regional].sort((a, b) => a.index - b.index)
  const exact = all.filter((r) => r.category === category)
  if (exact.length > 0) return exact
  return all.filter((r) => r.category === null)
}

/** The `category: "shipping"` rates of a jurisdiction (they override the goods' rates for shipping). */
export function shippingRatesFor(store: PreparedStore, country: string, state: string | null): NRate[] {
  const national = store.rates.get(country) ?? []
  const regional = state === null ? [] : (store.rates.get(`${country}-${state}`) ?? [])
  return [...national, ...regional].filter((r) => r.category === 'shipping').sort((a, b) => a.index - b.index)
}

export interface TaxSituation {
  readonly reverseCharge: boolean
  readonly exempt: boolean
}

/**
 * Assigns each line its place, jurisdiction, OSS flag and rates, and applies reverse charge and
 * the cross-border inclusive policy. Emits `tax_exempt` / `reverse_charge` warnings once.
 */
export function assignJurisdictions(store: PreparedStore, lines: readonly LineState[], places: Places, policies: Policies, warnings: Issue[]): TaxSituation {
  const origin = canonicalCountry(store.account.country)
  const consumer = !(places.isCompany && places.hasVat)
  const billCountry = canonicalCountry(places.billCountry)
  const reverseCharge =
    places.isCompany && places.hasVat && places.verifiedVat && billCountry !== origin && isEu(origin, true) && isEu(billCountry, true)
  const exempt = places.taxExempt
  if (exempt) warnings.push(issue('tax_exempt', 'customer'))
  else if (reverseCharge) warnings.push(issue('reverse_charge', 'customer'))
  for (const l of lines) {
    const place = canonicalCountry(l.shipped ? places.shipCountry : places.billCountry)
    const placeState = l.shipped ? places.shipState : places.billState
    let jurisdiction = origin
    let moss = false
    if (place !== origin) {
      if (!isEu(place, l.shipped)) jurisdiction = place
      else if (consumer && (store.account.euOss || l.isMoss)) {
        jurisdiction = place
        moss = true
      }
    }
    l.placeCountry = place
    l.jurisdiction = jurisdiction
    l.moss = moss
    const state = jurisdiction === place ? placeState : null
    let rates = exempt ? [] : ratesFor(store, jurisdiction, state, l.category)
    if (reverseCharge) rates = rates.filter((r) => !r.vat)
    // Cross-border inclusive pricing: keep_net (or reverse charge) re-prices the unit to its origin
    // net, rounded once, and the line is exclusive from then on.
    if (l.inclusive && !exempt && (reverseCharge || (policies.keepNet && jurisdiction !== origin))) {
      const originRates = ratesFor(store, origin, null, l.category)
      const unit = originNet(l.unitPrice, l.units / l.quantity, originRates, policies)
      l.unitPrice = unit
      l.itemTotal = multiplyAmount(unit, l.quantity)
      l.inclusive = false
    }
    l.rates = rates
  }
  return { reverseCharge, exempt }
}

/** One unit's origin net: fixed per-unit amounts out first, then `round(unit / (1 + Σ rates))`. */
function originNet(unit: number, unitsPerLine: number, rates: readonly NRate[], policies: Policies): number {
  let gross = unit
  const percents = []
  for (const r of rates) {
    if (r.amount !== null) gross -= r.amount * unitsPerLine
    else if (r.percent !== null) percents.push(r.percent)
  }
  if (gross <= 0) return 0
  if (percents.length === 0) return gross
  const sum = addRationals(percents)
  return mulDivRound(gross, sum.den, sum.den + sum.num, policies.rounding)
}

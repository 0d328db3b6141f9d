/**
 * Stage 4 — where each line is taxed: place of supply, jurisdiction (domestic, export, EU OSS/MOSS,
 * EU B2B), the rates that apply by category with regions, reverse charge, tax exemption, and
 * cross-border re-pricing of inclusive prices.
 *
 * A jurisdiction is written as a key of up to three levels, `COUNTRY[-STATE[-COUNTY]]`
 * (`DE`, `US-CA`, `US-CA-LA`); the rates of every level apply together, in store order.
 */
import { canonicalCountry, isEu, normalizeCountry } from '../1-places/countries'
import type { Places } from '../1-places/places'
import type { Line } from '../3-lines/line'
import { issue } from '../issues/issues'
import { multiplyAmount } from '../money/amount'
import { addRationals } from '../money/rational'
import { mulDivRound } from '../money/rounding'
import type { NRate, Policies, PreparedStore } from '../store/model'
import { linePaths, priceKey, type LinePaths } from '../trace/paths'
import { times, type Recorder } from '../trace/recorder'
import type { Issue } from '../types/output'
import { rateLists } from './rate-lists'

/** A jurisdiction key from a country and optional state and county (a county needs a state). */
export function jurisdictionKey(country: string, state: string | null, county: string | null): string {
  if (state === null) return country
  return county === null ? `${country}-${state}` : `${country}-${state}-${county}`
}

/**
 * The levels of a jurisdiction key, widest first: `US-CA-LA` → `US`, `US-CA`, `US-CA-LA`. The
 * country comes first, the state runs to the next `-`, the county is the rest (it may hold `-`).
 */
export function levelsOf(key: string): string[] {
  const k = normalizeCountry(key)
  const country = k.slice(0, 2)
  if (k.length <= 3) return [country]
  const rest = k.slice(3)
  const dash = rest.indexOf('-')
  if (dash <= 0) return [country, k]
  return [country, `${country}-${rest.slice(0, dash)}`, k]
}

/**
 * The rates stored at exactly one level, in store order. `GR` also finds rates written `EL`;
 * Northern Ireland (`XI`) without rates of its own uses the United Kingdom's (`GB`).
 */
function ratesAt(store: PreparedStore, level: string): readonly NRate[] {
  if (level.startsWith('XI') && !store.rates.has('XI')) level = `GB${level.slice(2)}`
  const own = store.rates.get(level) ?? []
  if (!level.startsWith('GR')) return own
  const alias = store.rates.get(`EL${level.slice(2)}`)
  if (alias === undefined) return own
  return [...own, ...alias].sort((a, b) => a.index - b.index)
}

/**
 * The rates of a jurisdiction for a tax category: at each level (country, state,
 * county) the rates whose `category` equals the line's category, else that level's rates with
 * `category: null`; all levels together, in store order.
 *
 * @example
 * ```ts
 * ratesFor(store, 'US-CA', 'general') // the US rates and the US-CA rates
 * ```
 */
export function ratesFor(store: PreparedStore, key: string, category: string): NRate[] {
  const out: NRate[] = []
  let levels = 0
  for (const level of levelsOf(key)) {
    const all = ratesAt(store, level)
    if (all.length === 0) continue
    let exact = all.filter((r) => r.category === category)
    if (exact.length === 0) exact = all.filter((r) => r.category === null)
    if (exact.length > 0) levels++
    out.push(...exact)
  }
  return levels > 1 ? out.sort((a, b) => a.index - b.index) : out
}

/**
 * The rates for a line's shipping share, level by level: a level's `category:
 * "shipping"` rates override, else the goods' percentage rates of that level (`goods` are the
 * line's own rates, or under `highest`/`lowest` those of the chosen line of the same jurisdiction).
 * Fixed amounts never apply to shipping. Reverse charge drops the VAT ones.
 */
export function shippingRatesFor(store: PreparedStore, key: string, goods: readonly NRate[], reverseCharge: boolean): NRate[] {
  const out: NRate[] = []
  let levels = 0
  for (const level of levelsOf(key)) {
    // A `shipping`-category rate overrides the goods' rates; reverse charge then drops its VAT
    // (what it leaves of an override is what the shipping pays — never a fallback to the goods).
    const own = ratesAt(store, level).filter((r) => r.category === 'shipping' && r.percent !== null)
    const picked = own.length > 0 ? (reverseCharge ? own.filter((r) => !r.vat) : own) : goods.filter((r) => r.percent !== null && sameLevel(r.jurisdiction, level))
    if (picked.length > 0) levels++
    out.push(...picked)
  }
  return levels > 1 ? out.sort((a, b) => a.index - b.index) : out
}

/** Whether a rate's jurisdiction is this level (`EL` is `GR`; `GB` stands in for `XI`). */
function sameLevel(rateJurisdiction: string, level: string): boolean {
  const j = normalizeCountry(rateJurisdiction)
  return j === level || (level.startsWith('XI') && j === `GB${level.slice(2)}`)
}

/** Where and how one line is taxed, and its price after any cross-border re-pricing. */
export interface Taxed {
  /** The place of supply (a canonical country). */
  readonly place: string
  /** The jurisdiction key (`DE`, `US-CA`). */
  readonly jurisdiction: string
  /** Taxed at a foreign EU destination under OSS/MOSS. */
  readonly moss: boolean
  /** The rates that apply to the goods, in store order (VAT removed under reverse charge). */
  readonly rates: readonly NRate[]
  /** Whether the price is tax-inclusive (false once re-priced to the origin net). */
  readonly inclusive: boolean
  /** Reverse charge applies to this line (its VAT rates were dropped). */
  readonly reverseCharge: boolean
  readonly unitPrice: number
  readonly itemTotal: number
}

/** What the jurisdiction stage decided. */
export interface Jurisdictions {
  readonly lines: readonly Taxed[]
  /** Reverse charge applies to the shipped lines (and so to their shipping). */
  readonly reverseCharge: boolean
  readonly exempt: boolean
}

/**
 * Assigns each line its place, jurisdiction, OSS flag and rates, and applies reverse charge and
 * the cross-border inclusive policy:
 * - place of supply: the ship-to for shipped goods, the bill-to otherwise;
 * - jurisdiction: the account's country when that is the place; a foreign place outside the EU
 *   (for this kind of supply); a foreign EU place for a consumer when `eu_oss` or
 *   `is_moss_product` (an OSS line, `moss: true`, unless the customer is tax-exempt); otherwise
 *   the account's country;
 * - reverse charge for a company with a verified VAT number billed in another EU state than the
 *   merchant, on lines whose place of supply is in the EU but not the merchant's country: VAT
 *   rates are dropped;
 * - `tax_exempt` customers: no rates at all.
 * Inclusive lines are re-priced per unit to their origin net under reverse charge, tax exemption,
 * and `keep_net` for lines taxed outside the account's country. Emits `tax_exempt` /
 * `reverse_charge` once. Records each line's final `unit_price` and `item_total`.
 */
export function assignJurisdictions(store: PreparedStore, lines: readonly Line[], places: Places, policies: Policies, warnings: Issue[], rec?: Recorder): Jurisdictions {
  const originKey = normalizeCountry(store.account.country)
  const origin = canonicalCountry(originKey)
  const b2b = places.isCompany && places.hasVat
  const bill = canonicalCountry(places.billCountry)
  const ship = canonicalCountry(places.shipCountry)
  const billKey = jurisdictionKey(bill, places.billState, places.billCounty)
  const shipKey = jurisdictionKey(ship, places.shipState, places.shipCounty)
  const exempt = places.taxExempt
  // Reverse charge: a verified EU business in another member state, for a cross-border supply
  // inside the EU (goods delivered within the merchant's own country keep its VAT).
  const verified = !exempt && b2b && places.verifiedVat && bill !== origin
  const rcFor = (goods: boolean, place: string) => verified && place !== origin && isEu(origin, goods) && isEu(bill, goods) && isEu(place, goods)
  let anyReverseCharge = false
  // Lines of one jurisdiction and category share their rate list: looked up once per estimate.
  const lookup = rateLists((key, category: string) => ratesFor(store, key, category))
  const out = new Array<Taxed>(lines.length)
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!
    const place = l.shipped ? ship : bill
    const placeKey = l.shipped ? shipKey : billKey
    let key = originKey
    let moss = false
    if (place === origin) key = placeKey
    else if (!isEu(place, l.shipped)) key = placeKey
    else if (!b2b && (store.account.euOss || l.isMoss)) {
      key = placeKey
      // (A tax-exempt customer is taxed nowhere: no OSS line, nothing for an OSS return.)
      moss = !exempt
    }
    const reverseCharge = rcFor(l.shipped, place)
    if (reverseCharge) anyReverseCharge = true
    let rates = exempt ? [] : lookup(key, l.category)
    if (reverseCharge) rates = rates.filter((r) => !r.vat)
    let unitPrice = l.unitPrice
    let itemTotal = l.itemTotal
    let inclusive = l.inclusive
    const P = rec === undefined ? undefined : linePaths(k)
    // Cross-border inclusive pricing: reverse charge, tax exemption and keep_net (for a line taxed
    // outside the account's country) re-price the unit to its origin net, rounded once; the line
    // is exclusive from then on.
    const abroad = l.inclusive && canonicalCountry(key) !== origin
    if (l.inclusive && (exempt || reverseCharge || (policies.inclusive_cross_border.reprice && abroad))) {
      unitPrice = originNet(l, lookup(originKey, l.category), policies, rec, P)
      itemTotal = multiplyAmount(unitPrice, l.quantity)
      inclusive = false
    } else rec?.same(P!.totals.unit_price, unitPrice, priceKey(l.index), abroad ? CROSS_BORDER_AXIS : undefined)
    rec?.product2(P!.totals.item_total, itemTotal, P!.totals.unit_price, P!.quantity)
    out[k] = { place, jurisdiction: key, moss, rates, inclusive, reverseCharge, unitPrice, itemTotal }
  }
  if (exempt) warnings.push(issue('tax_exempt', places.customerPath))
  else if (anyReverseCharge) warnings.push(issue('reverse_charge', places.customerPath))
  return { lines: out, reverseCharge: rcFor(true, ship), exempt }
}

/** One unit's origin net: fixed per-unit amounts out first, then `round(unit / (1 + Σ rates))`. Recorded as the line's unit price. */
const CROSS_BORDER_AXIS = { policies: ['inclusive_cross_border' as const] }
const ROUNDED_ABROAD = { policies: ['rounding' as const, 'inclusive_cross_border' as const] }

function originNet(l: Line, rates: readonly NRate[], policies: Policies, rec: Recorder | undefined, P: LinePaths | undefined): number {
  const unitsPerLine = l.units / l.quantity
  let gross = l.unitPrice
  const percents = []
  const terms: (readonly [string, 1 | -1])[] = rec === undefined ? [] : [[priceKey(l.index), 1]]
  for (let j = 0; j < rates.length; j++) {
    const r = rates[j]!
    if (r.amount !== null) {
      gross -= r.amount * unitsPerLine
      if (rec !== undefined) {
        rec.product(P!.originFixed(j), r.amount * unitsPerLine, [String(r.amount), String(unitsPerLine)])
        terms.push([P!.originFixed(j), -1])
      }
    } else if (r.percent !== null) percents.push(r.percent)
  }
  const at = P?.totals.unit_price ?? ''
  const why = CROSS_BORDER_AXIS
  if (rec !== undefined) rec.sum(P!.originGross, gross, terms)
  if (gross <= 0) {
    rec?.fixed(at, 0, 'price_floor', { inputs: [P!.originGross], ...why })
    return 0
  }
  if (percents.length === 0) {
    rec?.same(at, gross, P!.originGross, why)
    return gross
  }
  const sum = addRationals(percents)
  const net = mulDivRound(gross, sum.den, sum.den + sum.num, policies.rounding)
  rec?.round(at, net, times(gross, sum.den), sum.den + sum.num, policies.rounding, [P!.originGross, `${sum.den}/${sum.den + sum.num}`], undefined, ROUNDED_ABROAD)
  return net
}

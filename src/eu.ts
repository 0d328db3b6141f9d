/**
 * The EU as data (SPEC §3.3): the 27 member states, Greece also written `EL`, and Northern
 * Ireland `XI`, which counts as EU for goods only. `GB`, `CH`, `NO` and everything else are outside.
 */
const MEMBERS: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
])

/**
 * The canonical country code: upper-case, `EL` (Greece's VAT prefix) read as `GR`, a region suffix
 * (`US-CA`) dropped.
 *
 * @example
 * ```ts
 * canonicalCountry('el') // 'GR'
 * ```
 */
export function canonicalCountry(code: string): string {
  const c = code.toUpperCase().slice(0, 2)
  return c === 'EL' ? 'GR' : c
}

/**
 * Whether a country is in the EU for this kind of supply (`XI` counts for goods only).
 *
 * @example
 * ```ts
 * isEu('FR', true)  // true
 * isEu('XI', false) // false — services to Northern Ireland are outside
 * isEu('CH', true)  // false
 * ```
 */
export function isEu(country: string, goods: boolean): boolean {
  const c = canonicalCountry(country)
  return MEMBERS.has(c) || (goods && c === 'XI')
}

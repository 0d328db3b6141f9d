/**
 * The EU as data: the 27 member states, Greece also written `EL`, and Northern
 * Ireland `XI`, which counts as EU for goods only. `GB`, `CH`, `NO` and everything else are outside.
 * Country codes are compared case-insensitively everywhere: every code is normalized once here.
 */

/** The 27 member states (ISO 3166-1 alpha-2; Greece as `GR`). */
export const EU_MEMBERS: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
]
const MEMBERS: ReadonlySet<string> = new Set(EU_MEMBERS)

/**
 * A country code or jurisdiction key in its canonical spelling: trimmed, upper-case, inner
 * whitespace collapsed, and Greece's VAT prefix `EL` read as `GR` (a region suffix is kept:
 * `el-i` → `GR-I`, `us-ca` → `US-CA`).
 *
 * @example
 * ```ts
 * normalizeCountry(' el ') // 'GR'
 * normalizeCountry('us-ca') // 'US-CA'
 * ```
 */
export function normalizeCountry(code: string): string {
  // Fast path: already two upper-case letters (the form every stored code is kept in), not EL.
  if (code.length === 2) {
    const a = code.charCodeAt(0)
    const b = code.charCodeAt(1)
    if (a >= 65 && a <= 90 && b >= 65 && b <= 90 && !(a === 69 && b === 76)) return code
  }
  const c = code.trim().toUpperCase().replace(/\s+/g, ' ')
  return c.startsWith('EL') && (c.length === 2 || c[2] === '-') ? `GR${c.slice(2)}` : c
}

/**
 * The country of a code or jurisdiction key: the canonical two letters, a region suffix
 * (`US-CA`) dropped.
 *
 * @example
 * ```ts
 * canonicalCountry('el') // 'GR'
 * canonicalCountry('US-CA') // 'US'
 * ```
 */
export function canonicalCountry(code: string): string {
  return normalizeCountry(code).slice(0, 2)
}

/**
 * Whether a country is in the EU for this kind of supply (`XI`, Northern Ireland, counts for
 * goods only).
 *
 * @example
 * ```ts
 * isEu('FR', true)  // true
 * isEu('el', false) // true — Greece
 * isEu('XI', true)  // true — goods to Northern Ireland
 * isEu('XI', false) // false — services to Northern Ireland are outside
 * isEu('CH', true)  // false
 * ```
 */
export function isEu(country: string, goods: boolean): boolean {
  const c = canonicalCountry(country)
  return MEMBERS.has(c) || (goods && c === 'XI')
}

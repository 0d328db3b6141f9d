/**
 * Exact fractions for the derivation trace: bigint numerator and denominator, printed as a reduced
 * fraction (`"6232/25"`) and as a decimal (`"249.28"`, or `"840.336134453781…"` when it does not
 * terminate). Used only when a trace is requested, never on the estimate's own path.
 */
import { roundDiv, type RoundingMode } from '../money/rounding'

/** An exact rational, `d > 0`, reduced. */
export interface Frac {
  readonly n: bigint
  readonly d: bigint
}

function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a
  while (b !== 0n) {
    const t = a % b
    a = b
    b = t
  }
  return a
}

/** A reduced fraction (the denominator made positive). */
export function frac(n: bigint | number, d: bigint | number = 1n): Frac {
  let nn = BigInt(n)
  let dd = BigInt(d)
  if (dd < 0n) {
    nn = -nn
    dd = -dd
  }
  const g = gcd(nn, dd)
  return g > 1n ? { n: nn / g, d: dd / g } : { n: nn, d: dd }
}

export const mul = (a: Frac, b: Frac): Frac => frac(a.n * b.n, a.d * b.d)
export const div = (a: Frac, b: Frac): Frac => frac(a.n * b.d, a.d * b.n)
export const add = (a: Frac, b: Frac): Frac => frac(a.n * b.d + b.n * a.d, a.d * b.d)
export const sub = (a: Frac, b: Frac): Frac => frac(a.n * b.d - b.n * a.d, a.d * b.d)
export const int = (x: number): Frac => ({ n: BigInt(x), d: 1n })

/** `"6232/25"`, or `"1900"` for an integer. */
export function fracText(f: Frac): string {
  return f.d === 1n ? String(f.n) : `${f.n}/${f.d}`
}

/**
 * Parses an exact number of the trace: {@link fracText}'s output (`"6232/25"`, `"1900"`) or a
 * percentage (`"12.34%"` = 1234/10000); undefined for anything else (a path).
 */
export function parseFrac(s: unknown): Frac | undefined {
  if (typeof s !== 'string' || s.length > 200) return undefined
  const m = /^(-?\d+)(?:\/(\d+))?$/.exec(s)
  if (m === null) {
    const p = /^(-?)(\d+)(?:\.(\d+))?%$/.exec(s)
    if (p === null) return undefined
    const fraction = p[3] ?? ''
    return frac(BigInt(`${p[1]}${p[2]}${fraction}`), 100n * 10n ** BigInt(fraction.length))
  }
  const d = m[2] === undefined ? 1n : BigInt(m[2])
  return d === 0n ? undefined : frac(BigInt(m[1]!), d)
}

/** The decimal expansion: exact when it terminates within `maxDp` places, else cut with `…`. */
export function decimalText(f: Frac, maxDp = 12): string {
  const neg = f.n < 0n
  const a = neg ? -f.n : f.n
  const whole = a / f.d
  let r = a % f.d
  let digits = ''
  while (r !== 0n && digits.length < maxDp) {
    r *= 10n
    digits += String(r / f.d)
    r %= f.d
  }
  const body = digits.length === 0 ? String(whole) : `${whole}.${digits}${r !== 0n ? '…' : ''}`
  return neg && (whole !== 0n || digits.length > 0) ? `-${body}` : body
}

/** Rounds an exact fraction with one of the seven modes. */
export function roundFrac(f: Frac, mode: RoundingMode): number {
  return roundDiv(f.n, f.d, mode)
}

/** A percentage as the fraction it multiplies by, from the JSON number of an output rate (`19` → 19/100). */
export function percentFrac(p: number): Frac {
  // A JSON rate_percent is printed from an exact decimal (≤ 15 significant digits), so its shortest
  // round-trip string is that decimal.
  const s = String(p)
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s)
  if (m === null) return frac(0)
  const digits = (m[2] ?? '') + (m[3] ?? '')
  let scale = (m[3] ?? '').length - Number(m[4] ?? 0) + 2
  let n = BigInt(digits) * (m[1] === '-' ? -1n : 1n)
  if (scale < 0) {
    n *= 10n ** BigInt(-scale)
    scale = 0
  }
  return frac(n, 10n ** BigInt(scale))
}

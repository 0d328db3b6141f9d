import type { NRate } from '../../store/model'

/** Σ of the percentage rates as an exact fraction [numerator, denominator] (floats would misorder 19 % against 7 % + 12 %). */
export function percentSum(rates: readonly NRate[]): readonly [bigint, bigint] {
  let n = 0n
  let d = 1n
  for (const r of rates)
    if (r.percent !== null) {
      n = n * BigInt(r.percent.den) + BigInt(r.percent.num) * d
      d *= BigInt(r.percent.den)
    }
  return [n, d]
}

/** −1, 0 or 1 as fraction a compares with b. */
export function compareFractions(a: readonly [bigint, bigint], b: readonly [bigint, bigint]): number {
  const x = a[0] * b[1]
  const y = b[0] * a[1]
  return x < y ? -1 : x > y ? 1 : 0
}

/**
 * Per jurisdiction, the rates of the shipped line whose summed percentage wins `better` (ties to
 * the earlier line): the shared choice of `highest` and `lowest`. An OSS line's share is never
 * taxed at domestic rates, nor the other way round, because the choice is made per jurisdiction.
 */
export function bestPerJurisdiction(lines: readonly { readonly jurisdiction: string; readonly rates: readonly NRate[] }[], better: (c: number) => boolean): (readonly NRate[])[] {
  const best = new Map<string, { sum: readonly [bigint, bigint]; rates: readonly NRate[] }>()
  for (const l of lines) {
    const s = percentSum(l.rates)
    const b = best.get(l.jurisdiction)
    if (b === undefined || better(compareFractions(s, b.sum))) best.set(l.jurisdiction, { sum: s, rates: l.rates })
  }
  return lines.map((l) => best.get(l.jurisdiction)!.rates)
}

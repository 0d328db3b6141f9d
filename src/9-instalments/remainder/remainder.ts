/** Where the leftover cents of an exactly split instalment plan go (with `instalment_rounding: "exact"`). */
export interface InstalmentRemainder {
  /** The policy value (`spread_first`, `spread_last`, `first`, `last`). */
  readonly name: string
  /** Splits `rest` (≥ 0) into `n` instalments that sum to it. */
  readonly split: (rest: number, n: number) => number[]
}

/** ⌊rest / n⌋ and the r = rest mod n leftover cents. */
export function evenly(rest: number, n: number): { each: number; r: number } {
  const r = rest % n
  return { each: (rest - r) / n, r }
}

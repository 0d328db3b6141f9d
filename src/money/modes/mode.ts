/**
 * A rounding mode as a value you pass: its API name and the one rule that decides it. Every
 * rounding in the library is `roundDiv(n, d, mode)` of an exact rational; the mode only answers
 * whether the quotient truncated toward zero steps one away from zero.
 *
 * @example
 * ```ts
 * const towardPlusInfinity: RoundingMode = { name: 'ceil', away: (negative) => !negative }
 * ```
 */
export interface RoundingMode {
  /** The name the API and the store config use (`half_up`, `floor`, …). */
  readonly name: string
  /**
   * Whether a value that is not an integer steps away from zero. `negative`: the value's sign;
   * `odd`: whether the quotient truncated toward zero is odd; `half`: how the remainder compares
   * with one half of the divisor (−1 below, 0 exactly half, 1 above).
   */
  readonly away: (negative: boolean, odd: boolean, half: number) => boolean
}

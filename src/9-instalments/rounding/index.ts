/**
 * Instalment rounding: `tamio` (the default) reproduces the API, whose plan total is
 * upfront + n × ⌊(T − upfront) / n⌋ and can drop up to n − 1 cents; `exact` keeps the plan total at
 * T and places the leftover cents by the `instalment_remainder` rule.
 */

/** An instalment rounding policy value. @example `INSTALMENT_ROUNDING.exact.exact // true` */
export interface InstalmentRounding {
  readonly name: string
  /** Whether the plan keeps every cent of T (the schedule follows `instalment_remainder`). */
  readonly exact: boolean
}

/** @example `INSTALMENT_ROUNDING.tamio.exact // false` */
export const INSTALMENT_ROUNDING = {
  tamio: { name: 'tamio', exact: false },
  exact: { name: 'exact', exact: true },
} as const satisfies Readonly<Record<string, InstalmentRounding>>

import { LIMITS, type Obj, Reader } from '../input/read'
import { joinPath } from '../issues/issues'
import type { NPlan } from './model'

const CYCLES = new Set(['day', 'week', 'month'])

/** Normalizes an instalment plan: percentages parsed once into fractions. */
export function readPlan(r: Reader, o: Obj, path: string): NPlan | undefined {
  const id = r.id(o, 'id', path, true)
  const instalments = r.amount(o, 'instalments', path, true)
  if (instalments === 0) r.add('invalid_value', joinPath(path, 'instalments'), { detail: 'at least 1' })
  if (instalments !== undefined && instalments > LIMITS.maxInstalments) r.add('invalid_value', joinPath(path, 'instalments'), { detail: `at most ${LIMITS.maxInstalments}` })
  const interval = r.amount(o, 'interval', path) ?? 1
  const offset = r.amount(o, 'offset', path) ?? 0
  if (interval > 100_000) r.add('invalid_value', joinPath(path, 'interval'), { detail: 'at most 100000' })
  if (offset > 100_000) r.add('invalid_value', joinPath(path, 'offset'), { detail: 'at most 100000' })
  const cycle = r.string(o, 'cycle', path) ?? 'month'
  if (!CYCLES.has(cycle)) r.add('invalid_option', joinPath(path, 'cycle'), { detail: 'day, week or month' })
  // The last due date stays within ~100 years of `at` (a month counted as 31 days), so every
  // schedule date is a real Date whatever the plan's numbers.
  const lastCycle = offset + Math.max((instalments ?? 1) - 1, 0) * interval
  const perCycle = cycle === 'day' ? 1 : cycle === 'week' ? 7 : 31
  if (lastCycle * perCycle > LIMITS.maxScheduleDays) r.add('invalid_value', path, { detail: `the schedule reaches past ${LIMITS.maxScheduleDays} days` })
  const upfront = r.percent(o, 'upfront_percent', path)
  const interest = r.percent(o, 'interest_percent', path)
  const currencies = r.stringList(o, 'currencies', path, true)
  const plan: NPlan = {
    path,
    id: id ?? '',
    instalments: instalments ?? 1,
    interval,
    cycle: cycle as NPlan['cycle'],
    offset,
    upfront: upfront?.fraction ?? { num: 0, den: 1 },
    upfrontNumber: upfront?.number ?? 0,
    interest: interest?.fraction ?? { num: 0, den: 1 },
    minTotal: r.currencyAmounts(o, 'min_total', path),
    maxTotal: r.currencyAmounts(o, 'max_total', path),
    currencies: currencies === null ? null : new Set(currencies),
  }
  if (upfront !== undefined && upfront.fraction.num > upfront.fraction.den) r.add('invalid_value', joinPath(path, 'upfront_percent'), { detail: 'at most 100' })
  return id === undefined || instalments === undefined || instalments === 0 || instalments > LIMITS.maxInstalments || !CYCLES.has(cycle) ? undefined : plan
}

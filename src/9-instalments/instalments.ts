/**
 * Stage 6 — instalment plans and payment methods (SPEC §3.7).
 */
import { splitEvenly } from '../money/allocate'
import { addAmounts } from '../money/amount'
import { mulDivRound, type RoundingMode } from '../money/rounding'
import type { NAccount, NPlan } from '../store/model'
import type { OutputInstalmentPlan, ScheduleEntry } from '../types/output'

function within(map: ReadonlyMap<string, number> | null, currency: string, total: number, min: boolean): boolean {
  const bound = map?.get(currency)
  if (bound === undefined) return true
  return min ? total >= bound : total <= bound
}

const DAY = 86_400_000

/** `at` plus `k` cycles, in UTC; month steps clamp to the last day of the month. */
export function addCycles(at: number, k: number, cycle: NPlan['cycle']): number {
  if (cycle === 'day') return at + k * DAY
  if (cycle === 'week') return at + k * 7 * DAY
  const d = new Date(at)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth() + k
  const ty = y + Math.floor(m / 12)
  const tm = ((m % 12) + 12) % 12
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate()
  return Date.UTC(ty, tm, Math.min(d.getUTCDate(), last), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds())
}

/**
 * `new Date(ms).toISOString()` by integer arithmetic (days → civil date, Howard Hinnant's
 * algorithm): the same string for years 0–9999, without allocating a Date per due date.
 */
export function iso(ms: number): string {
  const days = Math.floor(ms / DAY)
  let rem = ms - days * DAY
  const hh = Math.floor(rem / 3_600_000)
  rem -= hh * 3_600_000
  const mi = Math.floor(rem / 60_000)
  rem -= mi * 60_000
  const ss = Math.floor(rem / 1000)
  const mss = rem - ss * 1000
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  if (y < 0 || y > 9999) return new Date(ms).toISOString()
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T${pad(hh, 2)}:${pad(mi, 2)}:${pad(ss, 2)}.${pad(mss, 3)}Z`
}

function pad(n: number, width: number): string {
  const s = String(n)
  return s.length >= width ? s : '0000'.slice(0, width - s.length) + s
}

/**
 * One plan on `total` (after trial deductions): `interest = round(total × interest%)`,
 * `T = total + interest`, `upfront = round(T × upfront%)`, `instalments_amount = floor((T − upfront) / n)`.
 * `tamio` rounding reproduces the API's `total_amount = upfront + n × instalments_amount` (up to n−1
 * cents dropped); `exact` keeps `total_amount = T` and gives the leftover cents to the first instalments.
 */
export function computePlan(plan: NPlan, total: number, mode: RoundingMode, exact: boolean, at: number): OutputInstalmentPlan {
  const n = plan.instalments
  const interest = mulDivRound(total, plan.interest.num, plan.interest.den, mode)
  // Checked: a T past 2^53 is amount_overflow, never a rounded instalment.
  const T = addAmounts(total, interest)
  const upfront = mulDivRound(T, plan.upfront.num, plan.upfront.den, mode)
  const rest = T - upfront
  const each = Math.floor(rest / n)
  const amounts = exact ? splitEvenly(rest, n) : new Array<number>(n).fill(each)
  const schedule: ScheduleEntry[] = [{ due: iso(at), amount: upfront }]
  for (let k = 1; k <= n; k++) schedule.push({ due: iso(addCycles(at, plan.offset + (k - 1) * plan.interval, plan.cycle)), amount: amounts[k - 1]! })
  return {
    interval: plan.interval,
    instalments: n,
    cycle: plan.cycle,
    offset: plan.offset,
    id: plan.id,
    upfront_amount: upfront,
    upfront: plan.upfrontNumber,
    instalments_amount: each,
    interest,
    total_amount: exact ? T : upfront + n * each,
    schedule,
  }
}

/** The plans offered for this currency and total, in store order. */
export function offerPlans(plans: readonly NPlan[], currency: string, total: number, mode: RoundingMode, exact: boolean, at: number): OutputInstalmentPlan[] {
  const out: OutputInstalmentPlan[] = []
  for (const p of plans) {
    if (p.currencies !== null && !p.currencies.has(currency)) continue
    if (!within(p.minTotal, currency, total, true) || !within(p.maxTotal, currency, total, false)) continue
    out.push(computePlan(p, total, mode, exact, at))
  }
  return out
}

/** The payment methods allowed for this transaction, in account order, then `instalments` when a plan is offered. */
export function availablePayments(account: NAccount, currency: string, billCountry: string, total: number, hasPlans: boolean): string[] {
  const out: string[] = []
  for (const m of account.paymentMethods) {
    if (m.currencies !== null && !m.currencies.has(currency)) continue
    if (m.countries !== null && !m.countries.has(billCountry)) continue
    if (!within(m.minTotal, currency, total, true) || !within(m.maxTotal, currency, total, false)) continue
    out.push(m.id)
  }
  if (hasPlans) out.push('instalments')
  return out
}

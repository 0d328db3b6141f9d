/**
 * Stage 9 — instalment plans and payment methods.
 */
import { addAmounts } from '../money/amount'
import { floor } from '../money/modes/floor'
import { mulDivRound } from '../money/rounding'
import type { Policies } from '../policies/axes'
import type { NAccount, NPlan } from '../store/model'
import { planPaths } from '../trace/paths'
import { percentText, ROUNDED, times, type Recorder } from '../trace/recorder'

const PLAN_ROUNDING = { policies: ['instalment_rounding' as const] }
const PLAN_REMAINDER = { policies: ['instalment_rounding' as const, 'instalment_remainder' as const] }
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
  const day = d.getUTCDate()
  // Through setUTCFullYear (which keeps the time of day), not Date.UTC: that reads a year from 0
  // to 99 as 1900 + year. Every month has 28 days; past the 28th, day 0 of the next month is the
  // last of this one.
  let last = 28
  if (day > 28) {
    const e = new Date(at)
    e.setUTCFullYear(ty, tm + 1, 0)
    last = e.getUTCDate()
  }
  return d.setUTCFullYear(ty, tm, Math.min(day, last))
}

/**
 * `new Date(ms).toISOString()` by integer arithmetic (days → civil date, Howard Hinnant's
 * algorithm): the same string for years 1000–9999 (others ask Date), without a Date per due date.
 * Two-digit fields come from a table and the string is joined with `+` (twice as fast as a
 * template of padded parts: no substring per field).
 *
 * @example
 * ```ts
 * iso(Date.UTC(2026, 10, 25, 10)) // '2026-11-25T10:00:00.000Z'
 * ```
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
  if (y < 1000 || y > 9999) return new Date(ms).toISOString()
  const t = (TWO ??= Array.from({ length: 100 }, (_, i) => (i < 10 ? '0' : '') + i))
  return y + '-' + t[m] + '-' + t[d] + 'T' + t[hh] + ':' + t[mi] + ':' + t[ss] + '.' + (mss < 10 ? '00' : mss < 100 ? '0' : '') + mss + 'Z'
}

/** '00'…'99', made on first use. */
let TWO: string[] | undefined

/**
 * One plan on `total` (after trial deductions): `interest = round(total × interest%)`,
 * `T = total + interest`, `upfront = round(T × upfront%)`, `instalments_amount = ⌊(T − upfront) / n⌋`.
 * `tamio` rounding reproduces the API's `total_amount = upfront + n × instalments_amount` (up to n−1
 * cents dropped); `exact` keeps `total_amount = T` and places the leftover cents by the
 * `instalment_remainder` rule. Recorded at `instalments[i]`.
 */
export function computePlan(plan: NPlan, total: number, p: Policies, at: number, rec?: Recorder, i = 0): OutputInstalmentPlan {
  const mode = p.rounding
  const exact = p.instalment_rounding.exact
  const n = plan.instalments
  const interest = mulDivRound(total, plan.interest.num, plan.interest.den, mode)
  // Checked: a T past 2^53 is amount_overflow, never a rounded instalment.
  const T = addAmounts(total, interest)
  const upfront = mulDivRound(T, plan.upfront.num, plan.upfront.den, mode)
  const rest = T - upfront
  const each = Math.floor(rest / n)
  const amounts = exact ? p.instalment_remainder.split(rest, n) : new Array<number>(n).fill(each)
  const totalAmount = exact ? T : upfront + n * each
  const schedule: ScheduleEntry[] = [{ due: iso(at), amount: upfront }]
  for (let k = 1; k <= n; k++) schedule.push({ due: iso(addCycles(at, plan.offset + (k - 1) * plan.interval, plan.cycle)), amount: amounts[k - 1]! })
  if (rec !== undefined) {
    const I = planPaths(i)
    rec.round(I.interest, interest, times(total, plan.interest.num), plan.interest.den, mode, ['totals.total', percentText(plan.interest)], undefined, ROUNDED)
    rec.sum(I.T, T, [['totals.total', 1], [I.interest, 1]])
    rec.round(I.upfront_amount, upfront, times(T, plan.upfront.num), plan.upfront.den, mode, [I.T, percentText(plan.upfront)], undefined, ROUNDED)
    rec.sum(I.rest, rest, [[I.T, 1], [I.upfront_amount, -1]])
    rec.round(I.instalments_amount, each, rest, n, floor, [I.rest], [String(n)])
    rec.same(I.schedule(0), upfront, I.upfront_amount)
    if (exact) {
      rec.same(I.total_amount, T, I.T, PLAN_ROUNDING)
      rec.split(I.base, { of: I.rest, total: rest, by: 'instalments', weights: amounts.map(() => 1), parts: amounts, rule: p.instalment_remainder.name })
      for (let k = 1; k <= n; k++) rec.share(I.schedule(k), amounts[k - 1]!, I.base, k - 1, PLAN_REMAINDER)
    } else {
      rec.product(I.times, n * each, [I.instalments_amount, String(n)])
      rec.sum(I.total_amount, totalAmount, [[I.upfront_amount, 1], [I.times, 1]], PLAN_ROUNDING)
      for (let k = 1; k <= n; k++) rec.same(I.schedule(k), each, I.instalments_amount, PLAN_ROUNDING)
    }
  }
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
    total_amount: totalAmount,
    schedule,
  }
}

/** The plans offered for this currency and total, in store order. */
export function offerPlans(plans: readonly NPlan[], currency: string, total: number, p: Policies, at: number, rec?: Recorder): OutputInstalmentPlan[] {
  const out: OutputInstalmentPlan[] = []
  for (const plan of plans) {
    if (plan.currencies !== null && !plan.currencies.has(currency)) continue
    if (!within(plan.minTotal, currency, total, true) || !within(plan.maxTotal, currency, total, false)) continue
    out.push(computePlan(plan, total, p, at, rec, out.length))
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

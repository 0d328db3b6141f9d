/**
 * Which payment method our side of a create-shape comparison selects: the one our estimate was
 * made for, else the API's choice when we offer it too (a method we do not offer is a difference to
 * report, not a value to copy into ours), else none — `summarize` then selects the first we offer.
 */
import { isObject, own } from '../input/read'

/**
 * `chosen`: the payment method our estimate was made for, if any; `ours` and `theirs`: the two
 * transactions (ours in the estimate shape).
 *
 * @example
 * ```ts
 * selectedPayment(undefined, { payments: ['stripe', 'klarna'] }, { payments: { selected: 'Klarna' } }) // 'Klarna'
 * selectedPayment(undefined, { payments: ['stripe'] }, { payments: { selected: 'klarna' } }) // undefined
 * ```
 */
export function selectedPayment(chosen: unknown, ours: unknown, theirs: unknown): string | undefined {
  if (typeof chosen === 'string') return chosen
  const p = isObject(theirs) ? own(theirs, 'payments') : undefined
  const sel = isObject(p) ? own(p, 'selected') : undefined
  const offered = isObject(ours) ? own(ours, 'payments') : undefined
  return typeof sel === 'string' && Array.isArray(offered) && offered.some((m) => typeof m === 'string' && m.toLowerCase() === sel.toLowerCase()) ? sel : undefined
}

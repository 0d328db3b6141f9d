/**
 * The options edge: reads `EstimateOptions` (the clock, the payment method, per-call policy
 * overrides, `strict`, `trace`) over the account's policies. An unknown option key is an
 * `unknown_field` warning at `options.<key>` (it changes nothing); an unknown option value is an
 * `invalid_option` error, as for the account.
 */
import { isObject, own, parseInstant, type Reader } from '../input/read'
import { OPTIONS } from '../input/fields'
import { readPolicies } from '../store/account'
import type { Policies } from '../store/model'

/** The options of one estimate, read. */
export interface NOptions {
  readonly policies: Policies
  /** The instant for date rules and due dates, in epoch milliseconds. */
  readonly at: number
  readonly paymentMethod: string | null
  readonly strict: boolean
  readonly trace: boolean
}

/** Reads the options of one estimate (problems recorded on `r`), over the account's `base` policies. */
export function readOptions(r: Reader, options: unknown, base: Policies): NOptions {
  const o = isObject(options) ? options : {}
  if (!isObject(options) && options !== undefined) r.add('invalid_type', 'options', { expected: 'an options object' })
  r.keys(o, 'options', OPTIONS)
  const policies = readPolicies(r, o, 'options', base)
  const atRaw = own(o, 'at')
  let at: number
  if (atRaw === undefined || atRaw === null) at = Date.now()
  else {
    const parsed = parseInstant(atRaw)
    if (parsed === undefined || typeof atRaw === 'number') {
      r.add('invalid_date', 'options.at')
      at = 0
    } else at = parsed
  }
  const pm = own(o, 'payment_method')
  return { policies, at, paymentMethod: typeof pm === 'string' ? pm : null, strict: own(o, 'strict') === true, trace: own(o, 'trace') === true }
}

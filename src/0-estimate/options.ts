/**
 * The options of one estimate, read at the edge like the request: the instant, the payment method,
 * `strict`, `trace`, and the policies (per-call fields and preset over the account's). An unknown
 * option key is an `unknown_field` warning at `options.<key>`; an unknown value of a known option
 * is an `invalid_option` error.
 */
import { OPTIONS } from '../input/fields'
import { isObject, own, parseInstant, type Reader } from '../input/read'
import type { Policies } from '../policies/axes'
import { isEmpty, readPolicySettings, resolvePolicies } from '../policies/read'
import type { PreparedStore } from '../store/model'

/** The options, normalized. */
export interface NOptions {
  /** The instant (ms since the epoch) for date rules and instalment due dates. */
  readonly at: number
  readonly paymentMethod: string | null
  readonly strict: boolean
  readonly trace: boolean
  readonly policies: Policies
}

/** Reads the options; problems are recorded on `r` (the caller answers 400). */
export function readOptions(r: Reader, store: PreparedStore, options: unknown): NOptions {
  const o = isObject(options) ? options : {}
  // (null from JavaScript or JSON is no options, as undefined is, as reconcile and inferPolicies read it.)
  if (!isObject(options) && options != null) r.add('invalid_type', 'options', { expected: 'an options object' })
  // An unknown option changes nothing: a warning at options.<key>, with the key it was probably meant to be.
  r.keys(o, 'options', OPTIONS)
  const call = readPolicySettings(r, o, 'options')
  const account = store.account
  const policies = isEmpty(call) ? account.policies : resolvePolicies(call, { fields: account.policyFields, preset: account.preset })
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
  // A flag given as "yes" or 1 is a mistake, not false: it is an invalid option.
  const flag = (key: 'strict' | 'trace'): boolean => {
    const v = own(o, key)
    if (v === undefined || v === null || typeof v === 'boolean') return v === true
    r.add('invalid_option', `options.${key}`, { detail: 'true or false' })
    return false
  }
  const pm = own(o, 'payment_method')
  if (pm !== undefined && pm !== null && typeof pm !== 'string') r.add('invalid_option', 'options.payment_method', { detail: 'a payment method name' })
  return { at, paymentMethod: typeof pm === 'string' ? pm : null, strict: flag('strict'), trace: flag('trace'), policies }
}

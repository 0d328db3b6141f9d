/**
 * Reading policies from an account or from per-call options, and resolving them: each axis takes
 * the first of the per-call option, the per-call preset, the account field, the account preset,
 * and the default.
 */
import { type Obj, own, type Reader } from '../input/read'
import { joinPath } from '../issues/issues'
import { AXES, AXIS_NAMES, type AxisName, type Policies, type PolicyNames } from './axes'
import { PRESETS, type PresetName } from './presets'

/** The policy fields and the preset an object (an account, options) sets. */
export interface PolicySettings {
  readonly fields: PolicyNames
  readonly preset: PresetName | null
}

const hasOwn = Object.prototype.hasOwnProperty

/** Reads every axis field and `preset` of `o`; an unknown value is `invalid_option` at its path. */
export function readPolicySettings(r: Reader, o: Obj, path: string): PolicySettings {
  let fields: Record<string, string> | undefined
  for (const a of AXIS_NAMES) {
    const v = own(o, a)
    if (v === undefined || v === null) continue
    const values = AXES[a].values as Readonly<Record<string, unknown>>
    if (typeof v === 'string' && hasOwn.call(values, v)) (fields ??= {})[a] = v
    else r.add('invalid_option', joinPath(path, a), { detail: `one of ${Object.keys(values).join(', ')}` })
  }
  let preset: PresetName | null = null
  const p = own(o, 'preset')
  if (p !== undefined && p !== null) {
    if (typeof p === 'string' && hasOwn.call(PRESETS, p)) preset = p as PresetName
    else r.add('invalid_option', joinPath(path, 'preset'), { detail: `one of ${Object.keys(PRESETS).join(', ')}` })
  }
  return { fields: (fields ?? EMPTY) as PolicyNames, preset }
}

const EMPTY: PolicyNames = {}

/** Whether a setting sets anything. */
export function isEmpty(s: PolicySettings): boolean {
  if (s.preset !== null) return false
  for (const _ in s.fields) return false
  return true
}

/** The value name of one axis under (call, account) settings. */
export function resolvedName(a: AxisName, call: PolicySettings | null, account: PolicySettings): string {
  const pick = (s: PolicySettings | null): string | undefined => {
    if (s === null) return undefined
    return (s.fields as Record<string, string | undefined>)[a] ?? (s.preset === null ? undefined : (PRESETS[s.preset] as Record<string, string | undefined>)[a])
  }
  // per-call option, per-call preset, account field, account preset, default
  const callField = call === null ? undefined : (call.fields as Record<string, string | undefined>)[a]
  if (callField !== undefined) return callField
  const callPreset = call?.preset == null ? undefined : (PRESETS[call.preset] as Record<string, string | undefined>)[a]
  return callPreset ?? pick(account) ?? AXES[a].default
}

/** Resolves every axis to its value object. */
export function resolvePolicies(call: PolicySettings | null, account: PolicySettings): Policies {
  const out: Record<string, unknown> = {}
  for (const a of AXIS_NAMES) out[a] = (AXES[a].values as Readonly<Record<string, unknown>>)[resolvedName(a, call, account)]
  return out as Policies
}

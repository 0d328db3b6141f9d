/**
 * The registry of rounding modes. A new mode is one file beside these (a {@link RoundingMode}
 * value) plus one line here; its name is then accepted everywhere a mode is read (account,
 * options, presets, `parseRoundingMode`) and typed in {@link RoundingModeName}.
 */
import { ceil } from './ceil'
import { down } from './down'
import { floor } from './floor'
import { halfDown } from './half-down'
import { halfEven } from './half-even'
import { halfUp } from './half-up'
import type { RoundingMode } from './mode'
import { up } from './up'

export type { RoundingMode } from './mode'
export { ceil, down, floor, halfDown, halfEven, halfUp, up }

/** Every rounding mode by its API name. @example `ROUNDING_MODES.half_even` */
export const ROUNDING_MODES = {
  half_up: halfUp,
  half_even: halfEven,
  half_down: halfDown,
  up,
  down,
  ceil,
  floor,
} as const satisfies Readonly<Record<string, RoundingMode>>

/** The name of a rounding mode, as the API spells it. @example `const m: RoundingModeName = 'half_even'` */
export type RoundingModeName = keyof typeof ROUNDING_MODES

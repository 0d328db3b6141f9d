/**
 * The space inference searches: every setting of the searched policy axes, numbered so that the
 * number order is the order settings are ranked in when they tie (the axes in the registry's order,
 * each axis's values in their listed order). A setting is one number; its value on axis `i` is a
 * digit of a mixed-radix numeral, the first axis the most significant.
 */
import { AXES, AXIS_NAMES, type AxisName } from '../policies/axes'

/** The searched axes and their values. */
export interface Space {
  readonly axes: readonly AxisName[]
  /** Per searched axis, its value names in their listed order. */
  readonly values: readonly (readonly string[])[]
  /** Per searched axis, the index of its starting value (what the store's account gives: its field, its preset, or the default). */
  readonly defaults: readonly number[]
  /** Per searched axis, its place value in a setting's number. */
  readonly stride: readonly number[]
  /** How many settings there are. */
  readonly size: number
  /** The setting of every default. */
  readonly origin: number
}

/**
 * The space of `axes` (a subset of the axes, taken in the registry's order), its starting point
 * `start` (a value per axis; absent: the axis's default).
 */
export function spaceOf(axes: readonly AxisName[], start: Readonly<Record<string, string>> = {}): Space {
  const list = AXIS_NAMES.filter((a) => axes.includes(a))
  const values = list.map((a) => Object.keys(AXES[a].values))
  const defaults = list.map((a, i) => Math.max(0, values[i]!.indexOf(start[a] ?? AXES[a].default)))
  const stride = new Array<number>(list.length)
  let size = 1
  for (let i = list.length - 1; i >= 0; i--) {
    stride[i] = size
    size *= values[i]!.length
  }
  let origin = 0
  for (let i = 0; i < list.length; i++) origin += defaults[i]! * stride[i]!
  return { axes: list, values, defaults, stride, size, origin }
}

/** The value index of setting `s` on axis `i`. */
export function digit(sp: Space, s: number, i: number): number {
  return Math.floor(s / sp.stride[i]!) % sp.values[i]!.length
}

/**
 * The projection of `s` on the axes of `mask` (bit i = axis i): two settings agree on those axes
 * exactly when their projections are equal.
 */
export function project(sp: Space, s: number, mask: number): number {
  let p = 0
  for (let i = 0; mask !== 0; i++, mask >>>= 1) if ((mask & 1) !== 0) p += digit(sp, s, i) * sp.stride[i]!
  return p
}

/** How many axes of `s` are not at their default. */
export function nonDefaults(sp: Space, s: number): number {
  let k = 0
  for (let i = 0; i < sp.axes.length; i++) if (digit(sp, s, i) !== sp.defaults[i]) k++
  return k
}

/**
 * Whether `a` ranks before `b` among settings that match as many orders: fewer non-default axes
 * first, then the first axis where they differ decides, by the values' listed order.
 */
export function ranksBefore(sp: Space, a: number, b: number): boolean {
  const ka = nonDefaults(sp, a)
  const kb = nonDefaults(sp, b)
  return ka !== kb ? ka < kb : a < b
}

/** The non-default values of `s`, by axis name (axes in the registry's order). */
export function namesOf(sp: Space, s: number): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i < sp.axes.length; i++) {
    const d = digit(sp, s, i)
    if (d !== sp.defaults[i]) out[sp.axes[i]!] = sp.values[i]![d]!
  }
  return out
}

/** Every value of `s`, by axis name (what an estimate is run with). */
export function optionsOf(sp: Space, s: number): Record<string, string> {
  const out: Record<string, string> = {}
  for (let i = 0; i < sp.axes.length; i++) out[sp.axes[i]!] = sp.values[i]![digit(sp, s, i)]!
  return out
}

/**
 * A cube of settings: some axes fixed (`fixed[i]` a value index), the others free (-1). Its
 * canonical point (every free axis at its default) has the fewest non-default axes of the cube and
 * ranks first in it.
 */
export type Cube = Int8Array

export function rootCube(sp: Space): Cube {
  return new Int8Array(sp.axes.length).fill(-1)
}

/** The bits of the fixed axes of a cube. */
export function fixedMask(c: Cube): number {
  let m = 0
  for (let i = 0; i < c.length; i++) if (c[i]! >= 0) m |= 1 << i
  return m
}

/** The canonical point of a cube. */
export function canonical(sp: Space, c: Cube): number {
  let s = 0
  for (let i = 0; i < c.length; i++) s += (c[i]! >= 0 ? c[i]! : sp.defaults[i]!) * sp.stride[i]!
  return s
}

/** Whether setting `s` lies in cube `c`. */
export function inCube(sp: Space, c: Cube, s: number): boolean {
  for (let i = 0; i < c.length; i++) if (c[i]! >= 0 && digit(sp, s, i) !== c[i]) return false
  return true
}

/** How many settings a cube holds. */
export function cubeSize(sp: Space, c: Cube): number {
  let n = 1
  for (let i = 0; i < c.length; i++) if (c[i]! < 0) n *= sp.values[i]!.length
  return n
}

/** Calls `f` with every setting of the cube, in number order. */
export function eachInCube(sp: Space, c: Cube, f: (s: number) => void): void {
  const free: number[] = []
  let base = 0
  for (let i = 0; i < c.length; i++) {
    if (c[i]! >= 0) base += c[i]! * sp.stride[i]!
    else free.push(i)
  }
  const walk = (j: number, s: number): void => {
    if (j === free.length) {
      f(s)
      return
    }
    const i = free[j]!
    for (let v = 0; v < sp.values[i]!.length; v++) walk(j + 1, s + v * sp.stride[i]!)
  }
  walk(0, base)
}

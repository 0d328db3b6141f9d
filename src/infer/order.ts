/**
 * One order under inference: its request, the API's response, what it pins itself, and what the
 * search has learned about it — where it matches (cells) and where it cannot (clauses).
 *
 * An evaluation estimates the order under one setting p, traced, and compares it with the response
 * exactly as `reconcile` does. Two facts come out of the trace:
 * - a **cell**: every setting that agrees with p on the axes the estimate read (the axes recorded
 *   anywhere in its trace) gives the same estimate, so the same answer;
 * - for a mismatch, **clauses**: a differing amount depends only on the axes recorded in its
 *   derivation (its cone), so every setting that agrees with p on that cone still gives the same
 *   amount and still mismatches. A difference no setting removes (`fixed.ts`) is a clause over
 *   every setting; one in which rates a list holds, a clause over the axes recorded for that list;
 *   any other without an amount behind it (a plan or a discount only one side lists, a payment
 *   method) falls back to the whole estimate's axes. For a response that is not a 200 only its
 *   status narrows: a 400 of ours is compared on its status and codes alone.
 */
import { estimate } from '../0-estimate/estimate'
import { summarize } from '../0-estimate/summarize'
import { PRESETS, type PresetName } from '../policies/presets'
import { isObject, own } from '../input/read'
import { compareEnvelopes, comparedNothing, type Envelope, type RawDiff, readEnvelope, sameScalar } from '../reconcile/compare'
import { selectedPayment } from '../reconcile/selected-payment'
import type { Store } from '../store/createStore'
import type { EstimateOptions, EstimateRequest } from '../types/input'
import type { EstimateResponse } from '../types/output'
import { type AxisBits, Cones, rateListBits, rateListOf, touchedBits } from './cones'
import { type FixedContext, isFixed } from './fixed'
import { project, type Space } from './space'

/** A region of settings where the order does not match: every s with project(s, mask) === proj. */
export interface Clause {
  readonly mask: number
  readonly proj: number
}

/** What is known at one setting. */
export interface Known {
  readonly match: boolean
  /** The axes (bits) of the region around the setting with the same answer. */
  readonly mask: number
}

/** The context every order shares. */
export interface Shared {
  readonly store: Store
  readonly space: Space
  readonly bits: AxisBits
  readonly tolerance: number
  /** Every searched axis's bit. */
  readonly all: number
  /** Estimates run so far. */
  estimates: number
  /** The instant for orders that give none: the first estimate's (fixed once, so every estimate of the run shares it). */
  at: string | undefined
}

/** The codes of the 400 our estimate answers when an amount leaves the safe-integer range. */
const OVERFLOW_CODES = new Set(['amount_overflow', 'invalid_value'])

const popcount = (m: number): number => {
  let n = 0
  for (; m !== 0; m &= m - 1) n++
  return n
}

export class Order {
  /** Axes the order's own options set (directly or by their preset): searched values do not reach them. */
  readonly pinned: number
  /** Match cells by mask, then by projection. */
  private readonly cells = new Map<number, Set<number>>()
  readonly clauses: Clause[] = []
  /** The axes (bits) the first estimate read. */
  firstRead = 0
  private evaluated = false
  private readonly clauseKeys = new Set<number>()
  private readonly theirs: Envelope

  constructor(
    readonly index: number,
    readonly request: EstimateRequest,
    readonly response: unknown,
    /** The order's own options, its instant included when it gives one. */
    readonly options: EstimateOptions,
    private readonly shared: Shared,
  ) {
    this.theirs = readEnvelope(response) as Envelope
    this.pinned = pinnedBits(options, shared.bits)
  }

  /** The estimate options under setting `s`: the searched values, then the order's own options over them. */
  optionsAt(s: number, trace: boolean): EstimateOptions {
    const sp = this.shared.space
    const o: Record<string, unknown> = {}
    for (let i = 0; i < sp.axes.length; i++) {
      if ((this.pinned & (1 << i)) !== 0) continue
      o[sp.axes[i]!] = sp.values[i]![Math.floor(s / sp.stride[i]!) % sp.values[i]!.length]
    }
    Object.assign(o, this.options)
    if (o.at === undefined && this.shared.at !== undefined) o.at = this.shared.at
    if (trace) o.trace = true
    else delete o.trace
    return o as EstimateOptions
  }

  /**
   * What is known at `s` without estimating, if anything: of the regions holding `s`, the one with
   * the fewest axes outside `fixed` (the axes a search has fixed already).
   */
  lookup(s: number, fixed = 0): Known | undefined {
    const sp = this.shared.space
    let best: Clause | undefined
    let bestFree = 99
    for (const c of this.clauses) {
      if (project(sp, s, c.mask) !== c.proj) continue
      const f = popcount(c.mask & ~fixed)
      if (f < bestFree) {
        best = c
        bestFree = f
        if (f === 0) break
      }
    }
    if (best !== undefined) return { match: false, mask: best.mask }
    let cell: number | undefined
    for (const [mask, set] of this.cells) if (set.has(project(sp, s, mask)) && (cell === undefined || popcount(mask & ~fixed) < popcount(cell & ~fixed))) cell = mask
    return cell === undefined ? undefined : { match: true, mask: cell }
  }

  /** What is known at `s`, estimating when nothing is. */
  known(s: number, fixed = 0): Known {
    return this.lookup(s, fixed) ?? (this.evaluate(s), this.lookup(s, fixed)!)
  }

  /** Whether one of the first `upto` clauses holds `s`. */
  excludedBy(s: number, upto: number): boolean {
    const sp = this.shared.space
    for (let i = 0; i < upto; i++) {
      const c = this.clauses[i]!
      if (project(sp, s, c.mask) === c.proj) return true
    }
    return false
  }

  /** Whether a clause covers the whole cube with fixed axes `fixed` through its point `s` (so no setting of it matches). */
  excludes(s: number, fixed: number): boolean {
    const sp = this.shared.space
    for (const c of this.clauses) if ((c.mask & ~fixed) === 0 && project(sp, s, c.mask) === c.proj) return true
    return false
  }

  /** Estimates the order under `s` and records what the estimate says about the settings around it. */
  evaluate(s: number): void {
    const sh = this.shared
    const sp = sh.space
    sh.estimates++
    const res = estimate(sh.store, this.request, this.optionsAt(s, true))
    if (res.status === 200 && sh.at === undefined && this.options.at === undefined) sh.at = res.trace?.options.at
    const free = sh.all & ~this.pinned
    let touched: number
    if (res.status === 200) touched = res.trace === undefined ? free : touchedBits(res.trace, sh.bits) & free
    // A 400 is the request's (no policy changes it) unless an amount left the safe range.
    else touched = res.errors.some((e) => e.code === 'amount_overflow' || e.code === 'invalid_value') ? free : 0
    if (!this.evaluated) {
      this.evaluated = true
      this.firstRead = touched
    }
    const compared = this.compare(res)
    if (compared === null) {
      const set = this.cells.get(touched) ?? new Set<number>()
      set.add(project(sp, s, touched))
      this.cells.set(touched, set)
      return
    }
    // The cones of the differences: each is a region where the order still mismatches.
    const traced = res.status === 200 && res.trace !== undefined ? { trace: res.trace, transaction: res.transaction } : undefined
    const cones = traced !== undefined ? new Cones(traced.trace, sh.bits) : undefined
    const create = this.theirs.shape === 'create'
    const { diffs, ours } = compared
    // (Our transaction in the API's shape: summarized for a create-shape response.)
    const fixed: FixedContext | undefined =
      res.status === 200 && ours.shape === this.theirs.shape ? { store: sh.store, request: this.request, ours: ours.transaction, theirs: this.theirs.transaction, tolerance: sh.tolerance } : undefined
    const masks = new Set<number>([touched])
    // The axes of each rate list, read once however many of the order's differences are about it.
    const listAxes = new Map<string, number | undefined>()
    // A response that is not a 200 is matched by a 400 of ours on its status and codes alone: where
    // our transaction differs from one it carries says nothing about the settings where we answer
    // 400 (a strict coupon rejection, an amount out of range). Only the cell is then known.
    const byTransaction = sameScalar(this.theirs.status, 200, 0) || (this.theirs.status === undefined && !Array.isArray(this.theirs.errors))
    for (const d of diffs) {
      if (d.path === 'status' && res.status === 200 && this.overflowCannotMatch()) {
        // Without strict, our estimate answers 400 under another setting only when an amount leaves
        // the safe range (amount_overflow, invalid_value): an API 400 with other codes never matches.
        masks.add(0)
        continue
      }
      if (!byTransaction && d.path !== 'status') continue
      if (fixed !== undefined && isFixed(d, fixed)) {
        // An echo of the store or the request (a locale, a product's name, a plan's terms), a kind
        // or a rate our transaction never has there: no setting changes it, so no setting matches.
        masks.add(0)
        continue
      }
      // Which rates a line's list holds (not their amounts): decided by the axes recorded for it.
      const list = create || traced === undefined ? undefined : rateListOf(d.oursPath)
      if (list !== undefined && traced !== undefined && !listAxes.has(list)) listAxes.set(list, rateListBits(traced.trace, traced.transaction, list, sh.bits))
      const inList = list === undefined ? undefined : listAxes.get(list)
      if (inList !== undefined) {
        masks.add(inList & free)
        continue
      }
      const c = d.kind === 'value' && cones !== undefined ? (create ? createCone(cones, d.oursPath) : cones.of(d.oursPath)) : undefined
      masks.add(c === undefined ? touched : c & free)
    }
    // Only the smallest regions say anything new: a mask holding another's says less.
    const sorted = [...masks].sort((a, b) => popcount(a) - popcount(b))
    const kept: number[] = []
    for (const m of sorted) if (!kept.some((k) => (k & m) === k)) kept.push(m)
    for (const m of kept) this.addClause(m, project(sp, s, m))
  }

  private addClause(mask: number, proj: number): void {
    const key = mask * 0x100000 + proj
    if (this.clauseKeys.has(key)) return
    this.clauseKeys.add(key)
    this.clauses.push({ mask, proj })
  }

  /**
   * Our estimate against the response, as `reconcile` compares them: `null` when it matches, else
   * the raw differences (at least one).
   */
  private compare(res: EstimateResponse): { readonly diffs: RawDiff[]; readonly ours: Envelope } | null {
    const t = this.theirs
    let ours = readEnvelope(res) as Envelope
    if (t.shape === 'create' && ours.shape !== 'create' && ours.transaction !== undefined) {
      // The payment method reconcile would select: ours, else the API's when we offer it too.
      const pm = res.status === 200 ? selectedPayment(this.options.payment_method, res.transaction, this.theirs.transaction) : undefined
      const created = readEnvelope(summarize(res, pm === undefined ? {} : { payment_method: pm }))
      if (typeof created !== 'string') ours = created
    }
    const c = compareEnvelopes(ours, t, this.shared.tolerance)
    if (c.diffs.length > 0) return { diffs: c.diffs, ours }
    // Nothing compared: reconcile reads such a response as unreadable, never a match.
    if (comparedNothing(c, t)) return { diffs: [{ path: '', oursPath: '', ours: null, theirs: null, kind: 'value' }], ours }
    return null
  }

  /** Whether the API's 400 names an error code our estimate cannot give for an amount out of range. */
  private overflowCannotMatch(): boolean {
    // With strict, a coupon rejected for amounts that depend on the policies is a 400 too.
    if (this.options.strict === true) return false
    const errors = this.theirs.errors
    if (!Array.isArray(errors)) return false
    return errors.some((e) => {
      const code = isObject(e) ? own(e, 'code') : undefined
      return typeof code === 'string' && !OVERFLOW_CODES.has(code.trim().toLowerCase())
    })
  }
}

/**
 * The amounts of the estimate each amount of the create shape is made of, as `summarize` makes it
 * (the lists of discounts and instalments are copied as they are, under the same paths).
 */
const CREATE_AMOUNTS: Readonly<Record<string, readonly string[]>> = {
  'totals.subtotal': ['totals.item_total'],
  'totals.tax': ['totals.tax', 'totals.shipping_tax'],
  'taxes.total': ['totals.tax', 'totals.shipping_tax'],
  'totals.shipping': ['totals.shipping'],
  'shipping.cost': ['totals.shipping'],
  'totals.discount': ['totals.discount', 'totals.shipping_discount'],
  'totals.total': ['totals.total'],
}

/** The cone of an amount of the create shape: the union of its estimate amounts' cones, or undefined when one has none. */
function createCone(cones: Cones, path: string): number | undefined {
  const price = /^(products\[\d+\])\.price$/.exec(path)
  if (price !== null) return cones.of(`${price[1]}.totals.unit_price`)
  if (path.startsWith('discounts[') || path.startsWith('instalments[')) return cones.of(path)
  const parts = Object.prototype.hasOwnProperty.call(CREATE_AMOUNTS, path) ? CREATE_AMOUNTS[path]! : undefined
  if (parts === undefined) return undefined
  let m = 0
  for (const p of parts) {
    const c = cones.of(p)
    if (c === undefined) return undefined
    m |= c
  }
  return m
}

/** The bits of the searched axes an order's options set, by a field or by their preset. */
function pinnedBits(options: EstimateOptions, bits: AxisBits): number {
  let m = 0
  const o = options as Record<string, unknown>
  for (const [a, b] of bits) if (own(o, a) !== undefined && own(o, a) !== null) m |= b
  const p = own(o, 'preset')
  if (typeof p === 'string' && Object.prototype.hasOwnProperty.call(PRESETS, p)) for (const a in PRESETS[p as PresetName]) m |= bits.get(a) ?? 0
  return m
}

/**
 * A shipping cost kind: how one `type` of shipping method reads its own fields and what it costs
 * for an order. Kinds live in the registry `./index.ts`.
 */
import type { Obj, Reader } from '../../input/read'
import type { Recorder } from '../../trace/recorder'

/** What a cost kind knows of the shipment. */
export interface Shipment {
  /** Contained units shipped (packs × units per pack). */
  readonly units: number
  /** Shipped weight in grams. */
  readonly weight: number
}

/** One shipping cost kind. */
export interface ShippingCostKind<Spec> {
  /** The `type` it answers to. */
  readonly type: string
  /** The keys of its own, besides the fields every method has. */
  readonly fields: readonly string[]
  /** Reads its own fields; records problems on `r`; `undefined` when they are unusable. */
  readonly read: (r: Reader, o: Obj, path: string) => Spec | undefined
  /**
   * The cost in the method's own currency, before conversion and `free_over`; `undefined` when the
   * method cannot ship this order (no weight tier covers it). Recorded at `path` (the method's
   * store path is `source`).
   */
  readonly cost: (spec: Spec, s: Shipment, rec: Recorder | undefined, path: string, source: string) => number | undefined
}

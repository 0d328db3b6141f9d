/** What a stock pool (a product's stock, or a variant's own) has given to the cart's lines so far. */
export interface Pool {
  readonly stock: number
  used: number
}

/** Past this many pools, a map finds a pool faster than a scan. */
const SCAN_LIMIT = 32

/**
 * A cart's stock pools by their key (the product or variant whose stock it is), made as the lines
 * take units. A cart has a few pools, found by a scan of the keys; a map takes over past
 * {@link SCAN_LIMIT} (a map's hashing and growth cost more than a short scan).
 *
 * @example
 * ```ts
 * const pools = new StockPools()
 * pools.set(product, { stock: 5, used: 2 })
 * pools.get(product)?.used // 2
 * ```
 */
export class StockPools {
  private readonly keys: object[] = []
  private readonly pools: Pool[] = []
  private index: Map<object, Pool> | undefined

  get(key: object): Pool | undefined {
    if (this.index !== undefined) return this.index.get(key)
    const i = this.keys.indexOf(key)
    return i < 0 ? undefined : this.pools[i]
  }

  set(key: object, pool: Pool): void {
    if (this.index !== undefined) {
      this.index.set(key, pool)
      return
    }
    const i = this.keys.indexOf(key)
    if (i >= 0) {
      this.pools[i] = pool
      return
    }
    this.keys.push(key)
    this.pools.push(pool)
    if (this.keys.length > SCAN_LIMIT) {
      const index = new Map<object, Pool>()
      for (let j = 0; j < this.keys.length; j++) index.set(this.keys[j]!, this.pools[j]!)
      this.index = index
    }
  }
}

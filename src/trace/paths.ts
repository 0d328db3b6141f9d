/**
 * The trace's path strings, built once and reused by every traced estimate. A trace is an object
 * with hundreds of keys; a key string built afresh for each estimate must be hashed and looked up
 * in the engine's string table before it can be stored (most of a traced estimate's cost), one
 * built once is not. Paths are addressed by structure (line k's tax, discount a's amount) so no
 * fresh string is ever hashed to find its cached twin. Past the first 2,000 lines (or discounts,
 * plans…) paths are kept for the latest traced estimate only, so the process-wide cache stays
 * bounded.
 */

/** A string as the engine stores property keys (hashed and internalized once, here). */
function intern(s: string): string {
  const o: Record<string, 0> = {}
  o[s] = 0
  return Object.keys(o)[0]!
}

/**
 * Paths of the first this many lines (or discounts, plans…) are kept for the process; those beyond
 * it only for the latest traced estimate (see {@link newGeneration}), so the process-wide cache
 * stays bounded and a cart past it still builds each path once, not once per use.
 */
const CACHED = 2_000

/** The latest traced estimate's paths beyond {@link CACHED}, by the cache list they extend. */
let overflow = new Map<unknown[], unknown[]>()

/**
 * Lets go of the paths beyond the process-wide cache that the last traced estimate built: called
 * when a traced estimate starts. (Paths are plain strings: one built again is equal to the first.)
 */
export function newGeneration(): void {
  if (overflow.size > 0) overflow = new Map()
}

/** Item i of a cache list, made on first use. */
function cached<T>(list: T[], i: number, make: (i: number) => T): T {
  let at = list
  let j = i
  if (i >= CACHED) {
    j = i - CACHED
    const more = overflow.get(list) as T[] | undefined
    if (more !== undefined) at = more
    else overflow.set(list, (at = []))
  }
  let x = at[j]
  if (x === undefined) at[j] = x = make(i)
  return x
}

const asBuilt = (s: string): string => s

/** How the paths of line (or item) i are kept: interned within the process-wide cache; past it, built for one estimate, as built. */
const keyOf = (i: number): ((s: string) => string) => (i >= CACHED ? asBuilt : intern)

const TOTALS = [
  'unit_price', 'item_total', 'discount', 'subtotal', 'tax', 'item_total_with_tax', 'shipping_subtotal', 'shipping_discount',
  'shipping', 'shipping_tax', 'shipping_total', 'total', 'moss_taxable_amount', 'moss_tax_total',
] as const

/** A line's totals field. */
export type TotalField = (typeof TOTALS)[number]

/** The paths of one rate of a line (`products[0].taxes.tax_rates[1]`). */
export interface RatePaths {
  readonly tax: string
  readonly taxable_amount: string
  readonly rate_amount: string
  /** `$…tax_rates[j].uncapped`: an inclusive rate's tax before a cap cut it. */
  readonly uncapped: string
}

/** The paths of one of a line's discount entries (`products[0].discounts[1]`). */
export interface EntryPaths {
  readonly amount: string
  readonly shipping_amount: string
  /** `$products[0].discounts[1].base`: the line's base this entry was taken from (recorded from the line's second entry on). */
  readonly base: string
}

/** A taxable's paths: its rate list, its tax total, and the intermediates the tax engine records. */
export interface TaxablePaths {
  /** `products[k].taxes.tax_rates` (a split key too). */
  readonly rates: string
  readonly rate: (j: number) => RatePaths
  /** `rate(j).tax`: the terms of the tax total. */
  readonly rateTax: (j: number) => string
  /** `products[k].totals.tax`. */
  readonly total: string
  /** `$products[k].totals.tax.net`, `.tax`, `.gross`. */
  readonly net: string
  readonly tax: string
  readonly gross: string
  /** `$products[k].totals.tax.base`: the amount a line's goods are taxed on, as the tax base chose it. */
  readonly base: string
}

function taxablePaths(base: string, kind: 'tax_rates' | 'shipping_tax_rates', total: string, key: (s: string) => string): TaxablePaths {
  const rates = key(`${base}.taxes.${kind}`)
  const list: RatePaths[] = []
  const rate = (j: number): RatePaths => cached(list, j, (j) => ({ tax: key(`${rates}[${j}].tax`), taxable_amount: key(`${rates}[${j}].taxable_amount`), rate_amount: key(`${rates}[${j}].rate_amount`), uncapped: key(`$${rates}[${j}].uncapped`) }))
  return {
    rates,
    rate,
    rateTax: (j) => rate(j).tax,
    total,
    net: key(`$${total}.net`),
    tax: key(`$${total}.tax`),
    gross: key(`$${total}.gross`),
    base: key(`$${total}.base`),
  }
}

/** The paths of line k of the transaction. */
export interface LinePaths {
  readonly base: string
  readonly quantity: string
  readonly totals: { readonly [F in TotalField]: string }
  readonly goods: TaxablePaths
  readonly shipping: TaxablePaths
  readonly entry: (j: number) => EntryPaths
  /** `$products[k].origin_gross` and the origin's fixed amounts (cross-border re-pricing). */
  readonly originGross: string
  readonly originFixed: (j: number) => string
}

const lines: LinePaths[] = []

/** The paths of line k (`products[k]…`). @example `linePaths(0).totals.tax // 'products[0].totals.tax'` */
export function linePaths(k: number): LinePaths {
  return cached(lines, k, (k) => {
    const key = keyOf(k)
    const base = key(`products[${k}]`)
    const totals = {} as Record<TotalField, string>
    for (const f of TOTALS) totals[f] = key(`${base}.totals.${f}`)
    const entries: EntryPaths[] = []
    const fixed: string[] = []
    return {
      base,
      quantity: key(`${base}.quantity`),
      totals,
      goods: taxablePaths(base, 'tax_rates', totals.tax, key),
      shipping: taxablePaths(base, 'shipping_tax_rates', totals.shipping_tax, key),
      entry: (j) => cached(entries, j, (j) => ({ amount: key(`${base}.discounts[${j}].amount`), shipping_amount: key(`${base}.discounts[${j}].shipping_amount`), base: key(`$${base}.discounts[${j}].base`) })),
      originGross: key(`$${base}.origin_gross`),
      originFixed: (j) => cached(fixed, j, (j) => key(`$${base}.origin_fixed[${j}]`)),
    }
  })
}

const requestLines: string[] = []

/** Where the lines stage records request line i's unit price (its output position is known only once every line is judged). */
export function priceKey(i: number): string {
  return cached(requestLines, i, (i) => keyOf(i)(`$lines[${i}].unit_price`))
}

/** The paths of `transaction.discounts[a]` and the intermediates of its computation. */
export interface DiscountPaths {
  /** `discounts[a]` (a split key too). */
  readonly base: string
  readonly amount: string
  readonly shipping_amount: string
  /** `$discounts[a].…`: what it applied to, its amount before caps, its caps, a fixed amount, the shipping it took from. */
  readonly applied: string
  readonly raw: string
  readonly capped: string
  readonly cappedAtBase: string
  readonly fixed: string
  readonly remaining: string
  readonly shippingOff: string
  /** `$discounts[a].resplit`: what is left for the other lines once lines are held at their base. */
  readonly resplit: string
  /** `discounts[a].shipping`: the split of its shipping amount. */
  readonly shippingSplit: string
}

const discounts: DiscountPaths[] = []

/** @example `discountPaths(0).amount // 'discounts[0].amount'` */
export function discountPaths(a: number): DiscountPaths {
  return cached(discounts, a, (a) => {
    const base = intern(`discounts[${a}]`)
    return {
      base,
      amount: intern(`${base}.amount`),
      shipping_amount: intern(`${base}.shipping_amount`),
      applied: intern(`$${base}.base`),
      raw: intern(`$${base}.amount`),
      capped: intern(`$${base}.capped`),
      cappedAtBase: intern(`$${base}.capped_at_base`),
      fixed: intern(`$${base}.fixed`),
      remaining: intern(`$${base}.remaining`),
      shippingOff: intern(`$${base}.shipping_off`),
      resplit: intern(`$${base}.resplit`),
      shippingSplit: intern(`${base}.shipping`),
    }
  })
}

const aggregates: Record<string, { tax: string; taxable_amount: string }[]> = { tax_rates: [], shipping_tax_rates: [] }

/** `taxes.tax_rates[i].tax` / `.taxable_amount` (and the shipping list). */
export function aggregatePaths(kind: 'tax_rates' | 'shipping_tax_rates', i: number): { readonly tax: string; readonly taxable_amount: string } {
  return cached(aggregates[kind]!, i, (i) => ({ tax: intern(`taxes.${kind}[${i}].tax`), taxable_amount: intern(`taxes.${kind}[${i}].taxable_amount`) }))
}

const pools: Record<string, string[]> = {}

/** A document-level tax pool (`$taxes.tax_rates.pool[2]`), a split key too. */
export function poolPath(of: string, i: number): string {
  return cached((pools[of] ??= []), i, (i) => intern(`$${of}.pool[${i}]`))
}

const rates: string[] = []

/** `shipping.shipping_rates[m].cost`. */
export function shippingRatePath(m: number): string {
  return cached(rates, m, (m) => intern(`shipping.shipping_rates[${m}].cost`))
}

const methods: { readonly cost: string; readonly freeOver: string }[] = []

/** `$shipping_methods[i].cost` / `.free_over`: a store method's own cost and threshold, by its store index. */
export function methodPaths(i: number): { readonly cost: string; readonly freeOver: string } {
  return cached(methods, i, (i) => ({ cost: intern(`$shipping_methods[${i}].cost`), freeOver: intern(`$shipping_methods[${i}].free_over`) }))
}

/** The paths of `instalments[i]`. */
export interface PlanPaths {
  readonly base: string
  readonly interest: string
  readonly upfront_amount: string
  readonly instalments_amount: string
  readonly total_amount: string
  readonly instalments: string
  /** `$instalments[i].T`, `.rest`, `.instalments` (n × instalments_amount). */
  readonly T: string
  readonly rest: string
  readonly times: string
  readonly schedule: (j: number) => string
}

const plans: PlanPaths[] = []

/** @example `planPaths(0).total_amount // 'instalments[0].total_amount'` */
export function planPaths(i: number): PlanPaths {
  return cached(plans, i, (i) => {
    const base = intern(`instalments[${i}]`)
    const schedule: string[] = []
    return {
      base,
      interest: intern(`${base}.interest`),
      upfront_amount: intern(`${base}.upfront_amount`),
      instalments_amount: intern(`${base}.instalments_amount`),
      total_amount: intern(`${base}.total_amount`),
      instalments: intern(`${base}.instalments`),
      T: intern(`$${base}.T`),
      rest: intern(`$${base}.rest`),
      times: intern(`$${base}.instalments`),
      schedule: (j) => cached(schedule, j, (j) => intern(`${base}.schedule[${j}].amount`)),
    }
  })
}

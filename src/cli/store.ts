/**
 * The `--store` file: read, parsed and built with `createStore`. An invalid store is a usage error
 * listing every problem (path, message, code); store warnings (typos `createStore` accepted) are
 * printed on stderr by every command that loads a store.
 */
import { createStore, StoreConfigError, type Issue, type Store, type StoreConfig } from '../index'
import { type Args, CliError } from './args'
import { type CliIO, describeJson, type Inputs, shown, withoutBom } from './io'

export interface LoadedStore {
  readonly store: Store
  readonly file: string
  /** The file's text (worker threads build their own store from it; `--watch` compares it). */
  readonly text: string
  readonly products: number
}

/** One issue as a line: path, message, code. */
export const issueLine = (i: Issue): string => `${i.path || '(root)'}: ${i.message} [${i.code}]`

/**
 * The store of a file's text the main thread has already built from (a worker thread builds its
 * own copy: a Store cannot be sent to another thread).
 */
export function storeOfCheckedText(text: string): Store {
  return createStore(JSON.parse(withoutBom(text)) as StoreConfig)
}

/** Builds a store from a file's text; every problem of an invalid one in the error. */
export function storeFromText(file: string, text: string, create: CliIO['createStore']): LoadedStore {
  let config: unknown
  try {
    config = JSON.parse(withoutBom(text))
  } catch (e) {
    throw new CliError(`${shown(file)} is not valid JSON (a store configuration): ${e instanceof Error ? e.message : String(e)}`)
  }
  if (typeof config !== 'object' || config === null || Array.isArray(config))
    throw new CliError(`${shown(file)} does not hold a store configuration: expected a JSON object, got ${describeJson(config)}`)
  try {
    const store = create(config as StoreConfig)
    const products = (config as { products?: unknown }).products
    return { store, file, text, products: Array.isArray(products) ? products.length : 0 }
  } catch (e) {
    if (!(e instanceof StoreConfigError)) throw e
    const issues = e.issues
    if (issues.length <= 1) throw new CliError(`${shown(file)} is not a valid store: ${issues[0] !== undefined ? `${issues[0].path || '(root)'}: ${issues[0].message}` : e.message}`)
    throw new CliError([`${shown(file)} is not a valid store (${issues.length} problems):`, ...issues.map((i) => `  ${issueLine(i)}`)].join('\n'))
  }
}

export async function loadStore(args: Args, inputs: Inputs, io: CliIO): Promise<LoadedStore> {
  const file = args.string('store')
  if (file === undefined) throw new CliError(`--store <store.json> is required (see tamio-pricing ${args.command.name} --help)`)
  return storeFromText(file, await inputs.text(file, 'store'), io.createStore)
}

/** The store's warnings: `store.warnings` where the library provides it, else none. */
export function storeWarnings(store: Store): readonly Issue[] {
  const w = (store as { warnings?: unknown }).warnings
  return Array.isArray(w) ? (w as readonly Issue[]) : []
}

/** One line per store warning: `warning: store.json: products[0].pricee: … [unknown_field]`. */
export function warningLines(loaded: LoadedStore): string[] {
  return storeWarnings(loaded.store).map((w) => `warning: ${shown(loaded.file)}: ${issueLine(w)}`)
}

/** Prints the store's warnings on stderr (not with --quiet). */
export function printStoreWarnings(io: CliIO, loaded: LoadedStore, quiet: boolean): void {
  if (quiet) return
  for (const line of warningLines(loaded)) io.stderr.write(`tamio-pricing: ${line}\n`)
}

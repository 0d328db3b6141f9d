/**
 * What a command touches outside itself: its output streams, standard input, the environment and
 * the store factory. `main.ts` passes the process's own; tests may pass others (a store factory that
 * adds warnings, captured output) and run a command in process.
 */
import { readFile, stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import type { Store, StoreConfig } from '../index'
import { CliError } from './args'

export interface Output {
  write(text: string): void
  readonly isTTY: boolean
}

export interface CliIO {
  readonly stdout: Output
  readonly stderr: Output
  readonly stdin: Readable
  readonly env: Readonly<Record<string, string | undefined>>
  readonly createStore: (config: StoreConfig) => Store
  /** The module worker threads run (the CLI bundle itself); without it batches run on one thread. */
  readonly workerUrl?: URL
  readonly version: string
  /** Where `serve` registers its SIGINT/SIGTERM handlers (the process's by default). */
  readonly signals?: { on(signal: 'SIGINT' | 'SIGTERM', f: () => void): void; off(signal: 'SIGINT' | 'SIGTERM', f: () => void): void }
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  EMFILE: 'too many open files',
}

/** A file argument as people read it: `-` is standard input. */
export const shown = (file: string): string => (file === '-' ? 'standard input' : file)

/** A text without its byte order mark (some editors start a UTF-8 file with one; JSON.parse refuses it). */
export const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)

export function fileError(file: string, e: unknown): CliError {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : ''
  return new CliError(`cannot read ${shown(file)}: ${REASONS[code] ?? (e instanceof Error ? e.message : String(e))}`)
}

/**
 * Runs `read` (which streams `file`) and turns a system error of the read (`ENOENT`, `EISDIR`, …)
 * into the one-line {@link fileError}; any other error passes through.
 */
export async function whileReading<T>(file: string, read: () => Promise<T>): Promise<T> {
  try {
    return await read()
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : ''
    if (/^E[A-Z]+$/.test(code)) throw fileError(file, e)
    throw e
  }
}

/** What a parsed JSON value is, for messages: `an array`, `null`, `string`. */
export function describeJson(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v
}

/**
 * The input files of one command run. `-` names standard input, which can be read once: a second
 * `-` in the same command is a usage error.
 */
export class Inputs {
  private stdinBy: string | undefined

  constructor(private readonly io: CliIO) {}

  /** Claims standard input for `what` (for streaming readers); throws if already claimed. */
  claimStdin(what: string): Readable {
    if (this.stdinBy !== undefined) throw new CliError(`standard input ("-") can be read once, and it already is the ${this.stdinBy}; give ${what} as a file`)
    this.stdinBy = what
    return this.io.stdin
  }

  async text(file: string, what: string): Promise<string> {
    if (file === '-') {
      const chunks: Buffer[] = []
      try {
        for await (const c of this.claimStdin(what)) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer))
      } catch (e) {
        throw fileError(file, e)
      }
      return Buffer.concat(chunks).toString('utf8')
    }
    try {
      return await readFile(file, 'utf8')
    } catch (e) {
      throw fileError(file, e)
    }
  }

  async json(file: string, what: string): Promise<{ value: unknown; text: string }> {
    const text = await this.text(file, what)
    try {
      return { value: JSON.parse(withoutBom(text)), text }
    } catch (e) {
      throw new CliError(`${shown(file)} is not valid JSON (${what}): ${e instanceof Error ? e.message : String(e)}`)
    }
  }

  /** A JSON file that must hold an object. */
  async object(file: string, what: string): Promise<Record<string, unknown>> {
    const { value } = await this.json(file, what)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliError(`${shown(file)} does not hold ${what}: expected a JSON object, got ${describeJson(value)}`)
    return value as Record<string, unknown>
  }

  /** The size of a regular file in bytes (for progress), or a one-line error. */
  async size(file: string): Promise<number> {
    try {
      const st = await stat(file)
      if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' })
      return st.size
    } catch (e) {
      throw fileError(file, e)
    }
  }
}


/**
 * Reading the CLI's input files: one-line errors (exit 2) for a missing file, invalid JSON or the
 * wrong shape — never a stack trace.
 */
import { readFileSync } from 'node:fs'
import { CliError } from './args'

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory',
  EMFILE: 'too many open files',
}

export function fileError(file: string, e: unknown): CliError {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : ''
  return new CliError(`cannot read ${file}: ${REASONS[code] ?? (e instanceof Error ? e.message : String(e))}`)
}

/** Reads and parses a JSON file. */
export function readJson(file: string, what: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw fileError(file, e)
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (e) {
    throw new CliError(`${file} is not valid JSON (${what}): ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** Reads a JSON file that must hold an object. */
export function readObject(file: string, what: string): Record<string, unknown> {
  const v = readJson(file, what)
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new CliError(`${file} does not hold ${what}: expected a JSON object, got ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}`)
  return v as Record<string, unknown>
}

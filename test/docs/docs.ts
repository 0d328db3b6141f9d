/** The documentation files the docs tests read, relative to the repository root. Node-only. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from '../support/pkg'

/** The user-facing Markdown: the front page, the project pages beside it, and every page of docs/ (not the generated docs/api/). */
export function docFiles(): string[] {
  const top = ['README.md', 'CONTRIBUTING.md', 'SECURITY.md', 'CHANGELOG.md'].filter((f) => existsSync(join(ROOT, f)))
  const docs = readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`)
  return [...top, ...docs]
}

/** A file's text. */
export const readDoc = (file: string): string => readFileSync(join(ROOT, file), 'utf8')

/**
 * The README is the package's front page: what it is, how to install it, a quick start that runs
 * (executed with every other snippet by snippets.node.test.ts), the two commands that are the
 * project's contract, and links to the docs — while maintainer material (benchmarks, internals)
 * lives in CONTRIBUTING.md and docs/architecture.md.
 */
import { describe, expect, it } from 'vitest'
import { readDoc } from './docs'
import { fences, headings } from './markdown'

const readme = readDoc('README.md')
const sections = headings(readme).map((h) => h.text)
const blocks = fences(readme)

describe('README', () => {
  it('keeps the two commands of the contract, verbatim, in a sh block', () => {
    const sh = blocks.filter((b) => b.lang === 'sh').map((b) => b.code)
    expect(sh.some((c) => /^npm ci && npm run demo(\s|$)/m.test(c) && /^npm ci && npm test(\s|$)/m.test(c))).toBe(true)
  })

  it('has Install (with the npm command) and a Quick start whose ts block imports the package and asserts', () => {
    expect(sections).toEqual(expect.arrayContaining(['Install', 'Quick start', 'Documentation', 'License']))
    expect(blocks.some((b) => b.lang === 'sh' && b.code.trim() === 'npm install tamio-pricing')).toBe(true)
    const quick = headings(readme).find((h) => h.text === 'Quick start')!
    const ts = blocks.find((b) => b.lang === 'ts' && b.line > quick.line)
    expect(ts?.flags).toEqual([]) // run, not nocheck
    expect(ts?.code).toContain("from 'tamio-pricing'")
    expect(ts?.code).toMatch(/assert\.equal\(res\.transaction\.totals\.total, 13461\)/)
  })

  it('leaves maintainer material to CONTRIBUTING.md: no benchmark tables, no profiling notes', () => {
    expect(readme).not.toMatch(/Medusa|÷ minimal|ns\/line|Δ rounds|garbage collection/)
    expect(readDoc('CONTRIBUTING.md')).toMatch(/Medusa/)
  })
})

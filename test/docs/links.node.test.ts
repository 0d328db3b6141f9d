/**
 * The docs hold together: every relative link of the README, the project pages and docs/ names a
 * file of the repository, every `#anchor` a heading of its page (as GitHub numbers them), the docs
 * index lists every page, and no page cites a document a user cannot open. No network: links with a
 * scheme (`https:`, `mailto:`) are not fetched.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, normalize, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/pkg'
import { docFiles, readDoc } from './docs'
import { anchors, fences, headings, links, slug } from './markdown'


/** The Markdown checked: the doc files and the examples' READMEs. */
const FILES = [
  ...docFiles(),
  ...readdirSync(join(ROOT, 'examples'))
    .map((d) => `examples/${d}/README.md`)
    .filter((f) => existsSync(join(ROOT, f))),
]

const toPosix = (p: string) => p.split(sep).join('/')

interface Resolved {
  readonly where: string
  readonly target: string
  /** The repository-relative file (`''` for a link with a scheme). */
  readonly file: string
  readonly anchor: string | null
  readonly external: boolean
}

function resolve(from: string, line: number, target: string): Resolved {
  const where = `${from}:${line}`
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return { where, target, file: '', anchor: null, external: true }
  const hash = target.indexOf('#')
  const path = decodeURIComponent((hash < 0 ? target : target.slice(0, hash)).replace(/\?.*$/, ''))
  const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1))
  const file = path === '' ? from : toPosix(normalize(join(dirname(from), path))).replace(/\/$/, '')
  return { where, target, file, anchor, external: false }
}

const resolved = FILES.flatMap((f) => links(readDoc(f)).map((l) => resolve(f, l.line, l.target)))
const internal = resolved.filter((r) => !r.external)

describe('GitHub heading anchors (the slugs links are checked against)', () => {
  it.each([
    ['How amounts are computed', 'how-amounts-are-computed'],
    ['`estimate(store, request, options?)`', 'estimatestore-request-options'],
    ['Lines, currency & conversion', 'lines-currency--conversion'],
    ['The `tamio-pricing` command', 'the-tamio-pricing-command'],
    ['Step 3: tax (19 %)', 'step-3-tax-19-'],
    ['EU cross-border: OSS and reverse charge', 'eu-cross-border-oss-and-reverse-charge'],
    ['snake_case keys', 'snake_case-keys'],
    ['Größen und Währungen', 'größen-und-währungen'],
    ['A [linked](other.md) heading', 'a-linked-heading'],
  ])('%s → #%s', (heading, expected) => {
    expect(slug(heading)).toBe(expected)
  })

  it('a repeated heading gets -1, -2 …; headings inside code blocks are not headings', () => {
    const a = anchors('# Notes\n\n## Notes\n\n```md\n## Inside\n```\n\n## Notes\n')
    expect([...a]).toEqual(['notes', 'notes-1', 'notes-2'])
  })

  it('links are read from prose only: not from fences or inline code', () => {
    const text = 'See [a](a.md) and `[b](b.md)`.\n\n```md\n[c](c.md)\n```\n[d]: d.md "D"\n<a href="e.md">e</a> ![f](f.png)\n'
    expect(links(text).map((l) => l.target).sort()).toEqual(['a.md', 'd.md', 'e.md', 'f.png'])
    expect(fences(text).map((f) => [f.lang, f.line, f.end])).toEqual([['md', 3, 5]])
  })
})

describe('links in the docs', () => {
  it('there are links to check', () => {
    const anchored = internal.filter((r) => r.anchor !== null).length
    console.log(`[docs] ${FILES.length} files: ${internal.length} relative links (${anchored} with an #anchor), ${resolved.length - internal.length} external links not fetched`)
    expect(internal.length).toBeGreaterThan(30)
    expect(anchored).toBeGreaterThan(5)
  })

  it('every relative link names a file or folder of the repository', () => {
    const broken = internal.filter((r) => r.file.startsWith('..') || !existsSync(join(ROOT, r.file)))
    expect(broken.map((r) => `${r.where}: ${r.target}`)).toEqual([])
  })

  it('every #anchor matches a heading of the page it points to', () => {
    const cache = new Map<string, Set<string>>()
    const bad = internal.filter((r) => {
      if (r.anchor === null || !existsSync(join(ROOT, r.file))) return false
      if (!r.file.endsWith('.md') || statSync(join(ROOT, r.file)).isDirectory()) return true // anchors only into pages
      let set = cache.get(r.file)
      if (set === undefined) cache.set(r.file, (set = anchors(readDoc(r.file))))
      return !set.has(r.anchor)
    })
    expect(bad.map((r) => `${r.where}: ${r.target}`)).toEqual([])
  })

  it('no link points into generated or ignored output (dist/, docs/api/, node_modules/)', () => {
    expect(internal.filter((r) => /^(dist|docs\/api|node_modules)(\/|$)/.test(r.file)).map((r) => `${r.where}: ${r.target}`)).toEqual([])
  })
})

describe('the docs index and the front page', () => {
  const index = links(readDoc('docs/README.md')).map((l) => resolve('docs/README.md', l.line, l.target).file)
  const pages = readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => `docs/${f}`)

  it('docs/README.md links every page of docs/', () => {
    expect(pages.filter((p) => !index.includes(p))).toEqual([])
  })

  it('the README links the docs index and the main pages', () => {
    const front = links(readDoc('README.md')).map((l) => resolve('README.md', l.line, l.target).file)
    for (const p of ['docs/README.md', 'docs/getting-started.md', 'docs/store-config.md', 'docs/request-and-options.md', 'docs/how-amounts-are-computed.md']) {
      expect(front, p).toContain(p)
    }
  })

  it('every page has one top-level heading, first', () => {
    const bad = FILES.filter((f) => {
      const h = headings(readDoc(f))
      return h.length === 0 || h[0]!.level !== 1 || h.filter((x) => x.level === 1).length !== 1
    })
    expect(bad).toEqual([])
  })
})

describe('no page cites a document users cannot open', () => {
  // The calculation's internal specification, its source documents and issue numbers are not
  // published with the package: pages explain in their own words instead.
  const CITATION = /\bSPEC\b|§\s*\d|\bseeds?\s+0\d\d\b|\bseeds?\/|\bissues?\s+#?\d+\b|\bissue\s+show\b/
  it.each(FILES)('%s', (f) => {
    const hits = readDoc(f)
      .split('\n')
      .map((l, i) => [i + 1, l] as const)
      .filter(([, l]) => CITATION.test(l))
      .map(([n, l]) => `${f}:${n}: ${l.trim()}`)
    expect(hits).toEqual([])
  })
})


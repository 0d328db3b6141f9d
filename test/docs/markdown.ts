/**
 * A small Markdown reader for the documentation tests: fenced code blocks with their line numbers,
 * headings with the anchors GitHub gives them, and links. It reads the subset of CommonMark the
 * project's docs use (ATX headings, ``` / ~~~ fences, inline links and reference definitions,
 * `href="…"` in inline HTML); text inside code — fences and `inline code` — is never read as a link.
 * No Node built-ins: pure functions over a file's text.
 */

/** A fenced code block. */
export interface Fence {
  /** The info string's first word (`ts`, `sh`, `json`; `''` when none). */
  readonly lang: string
  /** The rest of the info string (`nocheck` in ```` ```ts nocheck ````). */
  readonly flags: readonly string[]
  /** The 1-based line of the opening fence. */
  readonly line: number
  /** The 1-based line of the closing fence (the last line of the file when the fence is not closed). */
  readonly end: number
  /** The block's content, without the fences. Its first line is line `line + 1` of the file. */
  readonly code: string
}

/** A link target found in prose. */
export interface Link {
  /** The target as written (`docs/cli.md#estimate`, `#limits`, `https://…`). */
  readonly target: string
  /** The 1-based line it is on. */
  readonly line: number
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/

/** Every fenced code block of a Markdown text, in order. An unclosed fence runs to the end (as CommonMark reads it). */
export function fences(text: string): Fence[] {
  const lines = text.split('\n')
  const out: Fence[] = []
  for (let i = 0; i < lines.length; i++) {
    const m = FENCE_OPEN.exec(lines[i]!)
    if (m === null) continue
    const marker = m[1]!
    const info = m[2]!.trim()
    if (marker[0] === '`' && info.includes('`')) continue // not a fence: a backtick in a backtick fence's info string
    const [lang = '', ...flags] = info.split(/\s+/).filter((w) => w.length > 0)
    const close = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`)
    let j = i + 1
    while (j < lines.length && !close.test(lines[j]!)) j++
    out.push({ lang: lang.toLowerCase(), flags, line: i + 1, end: Math.min(j + 1, lines.length), code: lines.slice(i + 1, j).join('\n') })
    i = j
  }
  return out
}

/** The text's lines with every fenced block's lines (fences included) blanked, so prose readers skip code. */
export function proseLines(text: string): string[] {
  const lines = text.split('\n')
  for (const f of fences(text)) for (let k = f.line - 1; k < f.end; k++) lines[k] = ''
  return lines
}

/** A prose line with its inline code spans blanked (`` `a](b)` `` is not a link). */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)(?:(?!\1)[\s\S])*?\1/g, (s) => ' '.repeat(s.length))
}

/** ATX headings (`## Title`) outside code, with their 1-based lines. */
export function headings(text: string): { readonly level: number; readonly text: string; readonly line: number }[] {
  const out: { level: number; text: string; line: number }[] = []
  proseLines(text).forEach((l, i) => {
    const m = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/.exec(l)
    if (m !== null) out.push({ level: m[1]!.length, text: m[2]!, line: i + 1 })
  })
  return out
}

/**
 * The anchor GitHub gives a heading: the rendered text (code spans keep their content, links their
 * text, emphasis markers and HTML tags go), lower-cased, with every character that is not a letter,
 * a mark, a digit, `_`, `-` or a space removed and each space turned into `-`.
 */
export function slug(heading: string): string {
  const rendered = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // [text](url) → text
    .replace(/<[^>]+>/g, '') // inline HTML tags
    .replace(/`/g, '')
  return rendered
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-')
}

/** Every anchor of a Markdown text: heading slugs, a repeated one numbered `-1`, `-2` … as GitHub does, and `id`/`name` attributes of inline HTML. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>()
  const out = new Set<string>()
  for (const h of headings(text)) {
    const base = slug(h.text)
    const n = seen.get(base)
    seen.set(base, (n ?? -1) + 1)
    out.add(n === undefined ? base : `${base}-${n + 1}`)
  }
  for (const l of proseLines(text)) for (const m of l.matchAll(/<[a-z][^>]*\s(?:id|name)="([^"]+)"/gi)) out.add(m[1]!)
  return out
}

/** Every link target in prose: `[text](target)`, `![alt](target)`, `[ref]: target`, `href="target"`. */
export function links(text: string): Link[] {
  const out: Link[] = []
  proseLines(text).forEach((raw, i) => {
    const l = withoutCodeSpans(raw)
    const line = i + 1
    // Inline links: the target up to whitespace or ")" (an optional "title" after it); <…> targets too.
    for (const m of l.matchAll(/\]\(\s*(?:<([^>]*)>|([^()\s]*(?:\([^()\s]*\)[^()\s]*)*))(?:\s+"[^"]*")?\s*\)/g)) out.push({ target: m[1] ?? m[2]!, line })
    const def = /^ {0,3}\[[^\]]+\]:\s*(\S+)/.exec(l)
    if (def !== null) out.push({ target: def[1]!, line })
    for (const m of l.matchAll(/\shref="([^"]*)"/g)) out.push({ target: m[1]!, line })
  })
  return out
}

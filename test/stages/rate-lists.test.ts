import { describe, expect, it } from 'vitest'
import { rateLists } from '../../src/4-jurisdiction/rate-lists'
import type { NRate } from '../../src/store/model'

describe('rateLists: one rate list per jurisdiction and key for an estimate', () => {
  it('computes each pair once, however the pairs interleave, and hands back the same list', () => {
    const calls: string[] = []
    const find = rateLists((jurisdiction, category: string) => {
      calls.push(`${jurisdiction}/${category}`)
      return [] as NRate[]
    })
    const de = find('DE', 'general')
    expect(find('DE', 'general')).toBe(de) // the previous pair
    const books = find('DE', 'books')
    const fr = find('FR', 'general')
    expect(find('DE', 'general')).toBe(de) // from the maps, after other pairs
    expect(find('DE', 'books')).toBe(books)
    expect(find('FR', 'general')).toBe(fr)
    expect(books).not.toBe(de)
    expect(calls).toEqual(['DE/general', 'DE/books', 'FR/general'])
  })

  it('computes each pair once among many, interleaved: 20 categories in 12 jurisdictions, twice over', () => {
    const calls = new Map<string, number>()
    const lists = new Map<string, NRate[]>()
    const find = rateLists((jurisdiction, category: string) => {
      const k = `${jurisdiction}/${category}`
      calls.set(k, (calls.get(k) ?? 0) + 1)
      return [] as NRate[]
    })
    for (let round = 0; round < 2; round++)
      for (let i = 0; i < 240; i++) {
        const j = `J${(i * 7) % 12}`
        const c = `c${i % 20}`
        const got = find(j, c)
        const k = `${j}/${c}`
        if (round === 0 && !lists.has(k)) lists.set(k, got)
        expect(got).toBe(lists.get(k))
      }
    expect(calls.size).toBe(lists.size)
    expect([...calls.values()].every((n) => n === 1)).toBe(true)
  })
})

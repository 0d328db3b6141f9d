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
})

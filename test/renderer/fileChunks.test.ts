import { describe, expect, it } from 'vitest'
import { fileChunks, guessImportFormat } from '../../src/renderer/src/lib/fileChunks'

async function collect(blob: Blob, max: number): Promise<{ texts: string[]; bytes: number[] }> {
  const texts: string[] = []
  const bytes: number[] = []
  for await (const c of fileChunks(blob, max)) {
    texts.push(c.text)
    bytes.push(c.bytes)
  }
  return { texts, bytes }
}

describe('fileChunks', () => {
  it('decodes UTF-8 across reads, bounds each chunk and never splits a surrogate pair', async () => {
    const text = 'héllo 😀 שלום, "quoted"\r\n'.repeat(500)
    const blob = new Blob([text])
    const { texts, bytes } = await collect(blob, 7)
    expect(texts.join('')).toBe(text)
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(7)
      expect(/^[\uDC00-\uDFFF]/.test(t)).toBe(false)
      expect(/[\uD800-\uDBFF]$/.test(t)).toBe(false)
    }
    expect(bytes.at(-1)).toBe(blob.size)
  })

  it('yields nothing for an empty file', async () => {
    expect((await collect(new Blob([]), 10)).texts).toEqual([])
  })

  it('guesses the format from the file name', () => {
    expect(guessImportFormat('tweets.csv')).toBe('csv')
    expect(guessImportFormat('response.json')).toBe('xjson')
    expect(guessImportFormat('earshot-comcast-20260101-1000.jsonl')).toBe('jsonl')
    expect(guessImportFormat('capture.jsonl')).toBe('twarc')
  })
})

// Reading an import file chunk by chunk: however the text is cut into chunks,
// the lines, their numbers and their line ends are those of the whole text,
// a leading BOM is dropped, and a line longer than many chunks comes out whole.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readLines, type Line } from '../../src/main/core/archive/import/readers'

async function* chunked(text: string, cuts: number[]): AsyncGenerator<string> {
  let at = 0
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const end = Math.min(cut, text.length)
    if (end > at) yield text.slice(at, end)
    at = Math.max(at, end)
  }
  if (at < text.length) yield text.slice(at)
}

async function all(chunks: AsyncIterable<string>): Promise<{ lines: Line[]; consumed: number }> {
  const progress = { consumed: 0 }
  const lines: Line[] = []
  for await (const line of readLines(chunks, progress)) lines.push(line)
  return { lines, consumed: progress.consumed }
}

/** The lines of a whole text, as a reader that had it at once would cut them. */
function expected(text: string): Line[] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text
  const out: Line[] = []
  const re = /\r?\n/g
  let start = 0
  for (let m = re.exec(body); m; m = re.exec(body)) {
    out.push({ no: out.length + 1, text: body.slice(start, m.index), eol: m[0] })
    start = m.index + m[0].length
  }
  if (start < body.length) {
    const rest = body.slice(start)
    out.push({ no: out.length + 1, text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, eol: '' })
  }
  return out
}

describe('readLines', () => {
  it('gives the same lines however the text is chunked', async () => {
    const text = fc
      .array(fc.constantFrom('a', 'é', '\r', '\n', '\r\n', '"', ',', '\ufeff', '😀'), { maxLength: 60 })
      .map((parts) => parts.join(''))
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(80), { maxLength: 12 }), async (t, cuts) => {
        const { lines } = await all(chunked(t, cuts))
        expect(lines).toEqual(expected(t))
      }),
    )
  })

  it('reads one line of many chunks whole, and counts what it consumed', async () => {
    const long = 'x'.repeat(100_000)
    const text = `${long}\r\nshort`
    const cuts = Array.from({ length: 200 }, (_, i) => (i + 1) * 500)
    const { lines, consumed } = await all(chunked(text, cuts))
    expect(lines).toEqual([
      { no: 1, text: long, eol: '\r\n' },
      { no: 2, text: 'short', eol: '' },
    ])
    expect(consumed).toBe(text.length)
  })
})

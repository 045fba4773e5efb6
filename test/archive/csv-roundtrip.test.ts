// CSV written then parsed back with csv-parse gives the source rows again,
// over nasty text: quotes, commas, line breaks, emoji, right-to-left scripts
// and cells that a spreadsheet would run as formulas (neutralised on the way
// out, restored exactly by unneutralize on the way in).
import { parse } from 'csv-parse/sync'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { EXPORT_FIELDS, type ExportField } from '../../src/shared/contracts/archive'
import { formatter, UTF8_BOM } from '../../src/main/core/archive/export-format'
import { neutralize, unneutralize } from '../../src/main/core/csv/neutralize'

const NASTY = [
  '"',
  ',',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\u2029',
  '\u0085',
  '=',
  '+',
  '-',
  '@',
  '\t',
  "'",
  ';',
  '😀',
  '👩🏽‍💻',
  'שלום',
  'مرحبا',
  '\u202e',
  ' ',
  'é',
]
const nastyText = fc
  .array(
    fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 4 })),
    {
      maxLength: 12,
    },
  )
  .map((parts) => parts.join(''))

const rowArb = fc.record({
  id: nastyText,
  author_handle: nastyText,
  author_name: nastyText,
  text: nastyText,
  created_at: fc.integer({ min: 0, max: 4_102_444_800_000 }),
  sentiment: fc.double({ min: -1, max: 1, noNaN: true }),
  author_followers: fc.nat(),
  note: fc.option(nastyText, { nil: null }),
})

const FIELDS: ExportField[] = [
  'id',
  'author_handle',
  'author_name',
  'text',
  'created_at',
  'sentiment',
  'author_followers',
  'note',
]

describe('formula neutralisation', () => {
  it('guards every cell a spreadsheet would evaluate and is undone exactly', () => {
    fc.assert(
      fc.property(nastyText, (s) => {
        const out = neutralize(s)
        expect(unneutralize(out)).toBe(s)
        expect(out).not.toMatch(/^[=+\-@\t\r]/)
      }),
      { numRuns: 2_000 },
    )
    expect(neutralize('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")')
    expect(neutralize("'=1")).toBe("''=1")
    expect(neutralize("'tis")).toBe("'tis")
  })
})

describe('CSV round trip', () => {
  it('parses back to the same rows, with or without a BOM', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 30 }), fc.boolean(), (rows, bom) => {
        const f = formatter('csv', FIELDS, bom)
        const text = f.head() + f.rows(rows.map((r) => FIELDS.map((k) => r[k as keyof typeof r])))
        expect(text.startsWith(UTF8_BOM)).toBe(bom)
        // Strict: any line break outside quotes ends a record, as in Excel or Python's csv module.
        const parsed = parse(text, {
          bom: true,
          record_delimiter: ['\r\n', '\n', '\r', '\u2028', '\u2029', '\u0085'],
        }) as string[][]
        expect(parsed[0]).toEqual(FIELDS)
        const back = parsed.slice(1).map((cells) => Object.fromEntries(FIELDS.map((k, i) => [k, cells[i]])))
        expect(back).toHaveLength(rows.length)
        rows.forEach((row, i) => {
          const b = back[i]!
          for (const k of ['id', 'author_handle', 'author_name', 'text'] as const) {
            expect(b[k]).not.toMatch(/^[=+\-@\t\r]/)
            expect(unneutralize(b[k]!)).toBe(row[k])
          }
          expect(unneutralize(b.note!)).toBe(row.note ?? '')
          expect(b.created_at).toBe(new Date(row.created_at).toISOString())
          expect(Number(b.sentiment) === row.sentiment).toBe(true)
          expect(Number(b.author_followers)).toBe(row.author_followers)
        })
      }),
      { numRuns: 300 },
    )
  })

  it('writes CRLF records, a header of field names and quotes only where needed', () => {
    const f = formatter('csv', ['id', 'text', 'sentiment'], false)
    const text = f.head() + f.rows([['1', 'a, "b"\nc', -0.5]])
    expect(text).toBe('id,text,sentiment\r\n1,"a, ""b""\nc",-0.5\r\n')
    // Every line-break form is quoted, a lone one too.
    const breaks = ['\n', '\r', '\r\n', '\u2028', '\u2029', '\u0085']
    expect(f.rows(breaks.map((b, i) => [String(i), `a${b}b`, 0]))).toBe(
      breaks.map((b, i) => `${i},"a${b}b",0\r\n`).join(''),
    )
  })

  it('writes JSONL with ISO times, booleans and lists', () => {
    const f = formatter('jsonl', ['created_at', 'read', 'tags', 'text'], true)
    expect(f.head()).toBe('')
    const line = f.rows([[0, 1, 'a\u001fb', '=1']])
    expect(JSON.parse(line)).toEqual({
      created_at: '1970-01-01T00:00:00.000Z',
      read: true,
      tags: ['a', 'b'],
      text: '=1',
    })
    expect(EXPORT_FIELDS).toContain('note')
  })
})

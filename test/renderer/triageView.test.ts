import { describe, expect, it } from 'vitest'
import type { ColumnTriage, TriageState } from '../../src/shared/contracts/triage'
import { compileMutes, regexError } from '../../src/shared/triage'
import { columnView, fillTemplate, isRead } from '../../src/renderer/src/lib/triageView'
import { mention } from './fixtures'

const column = (patch: Partial<ColumnTriage> = {}): ColumnTriage => ({
  columnId: 'c',
  watermark: null,
  filters: { hideDone: false, onlyUnassigned: false, onlyUnread: false },
  mutes: { words: [], authors: [], regexes: [] },
  ...patch,
})

const state = (mentionId: number, patch: Partial<TriageState>): TriageState => ({
  mentionId,
  read: false,
  done: false,
  assignee: null,
  note: null,
  tags: [],
  reviewed: false,
  updatedAt: 1,
  ...patch,
})

// Newest first, as a feed window holds them.
const items = [5, 4, 3, 2, 1].map((id) => mention(id, id * 1000, { text: `mention ${id}` }))

describe('triage view of a column', () => {
  it('reads everything at or below the watermark, and marked mentions above it', () => {
    const c = column({ watermark: { createdAt: 3000, id: 3 } })
    expect(items.map((m) => isRead(m, undefined, c))).toEqual([false, false, true, true, true])
    expect(isRead(items[0]!, state(5, { read: true }), c)).toBe(true)
  })

  it('filters done, assigned and read mentions and counts what it hid', () => {
    const states = { 5: state(5, { done: true }), 4: state(4, { assignee: 'Dana' }), 2: state(2, { read: true }) }
    const v = (f: Partial<ColumnTriage['filters']>) =>
      columnView(
        items,
        column({ filters: { hideDone: false, onlyUnassigned: false, onlyUnread: false, ...f } }),
        states,
      )
    expect(v({ hideDone: true }).items.map((m) => m.id)).toEqual([4, 3, 2, 1])
    expect(v({ onlyUnassigned: true }).items.map((m) => m.id)).toEqual([5, 3, 2, 1])
    expect(v({ onlyUnread: true })).toMatchObject({ filtered: 1, muted: 0 })
    expect(columnView(items, undefined, states).items).toBe(items)
  })

  it('keeps the selected mention in view when a filter would hide it (selecting marks read), but not a muted one', () => {
    const onlyUnread = column({ filters: { hideDone: false, onlyUnassigned: false, onlyUnread: true } })
    const states = { 4: state(4, { read: true }), 3: state(3, { read: true }) }
    expect(columnView(items, onlyUnread, states, 4).items.map((m) => m.id)).toEqual([5, 4, 2, 1])
    expect(columnView(items, onlyUnread, states, 4).filtered).toBe(1)
    expect(columnView(items, onlyUnread, states, null).items.map((m) => m.id)).toEqual([5, 2, 1])
    const muted = column({ mutes: { words: ['mention 4'], authors: [], regexes: [] } })
    expect(columnView(items, muted, {}, 4).items.map((m) => m.id)).toEqual([5, 3, 2, 1])
  })

  it('mutes words, authors (any case, with or without @) and patterns, and counts them', () => {
    const list = [
      mention(3, 3000, { text: 'Great SPAM offer' }),
      mention(2, 2000, { text: 'hello', author: { ...mention(2, 0).author, handle: 'Troll' } }),
      mention(1, 1000, { text: 'order #12345 late' }),
      mention(9, 500, { text: 'fine' }),
    ]
    const v = columnView(list, column({ mutes: { words: ['spam'], authors: ['@troll'], regexes: ['#\\d{5}'] } }), {})
    expect(v.items.map((m) => m.text)).toEqual(['fine'])
    expect(v.muted).toBe(3)
  })

  it('reports an invalid pattern with the engine message and never applies it', () => {
    expect(regexError('(')).toBe('Invalid regular expression: /(/: Unterminated group')
    expect(regexError('a+')).toBeNull()
    expect(compileMutes({ words: [], authors: [], regexes: ['('] }).empty).toBe(true)
  })

  it('fills {{author}} and {{brand}} in canned replies', () => {
    expect(fillTemplate('Hi {{author}}, {{ brand }} here. {{other}}', { author: 'Ana', brand: 'JetBlue' })).toBe(
      'Hi Ana, JetBlue here. {{other}}',
    )
  })
})

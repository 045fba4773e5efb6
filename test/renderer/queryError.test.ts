// Error position display: the window around the offending part, the caret
// line under it, and the message's offset rewritten as a 1-based column.
import { describe, expect, it } from 'vitest'
import { errorMarker, errorMessage } from '../../src/renderer/src/lib/queryError'
import { insertAt } from '../../src/renderer/src/lib/insertText'

describe('errorMarker', () => {
  it('marks the offending part and puts carets under it', () => {
    const m = errorMarker('foo bar:baz', 4, 4)
    expect(m).toMatchObject({ column: 5, before: 'foo ', bad: 'bar:', after: 'baz', clippedStart: false })
    expect(m.caretLine).toBe('    ^^^^')
  })

  it('shows a single caret for a point error at the end', () => {
    const m = errorMarker('jetblue OR ', 11, 0)
    expect(m).toMatchObject({ column: 12, before: 'jetblue OR ', bad: '', after: '' })
    expect(m.caretLine).toBe(' '.repeat(11) + '^')
  })

  it('clamps positions and lengths beyond the query', () => {
    expect(errorMarker('abc', 10, 5)).toMatchObject({ column: 4, before: 'abc', bad: '' })
    expect(errorMarker('abc', 1, 99)).toMatchObject({ bad: 'bc', after: '' })
    expect(errorMarker('abc', -3, 1)).toMatchObject({ column: 1, bad: 'a' })
  })

  it('clips long queries around the error and shifts the carets for the ellipsis', () => {
    const query = 'a'.repeat(100) + ')' + 'b'.repeat(100)
    const m = errorMarker(query, 100, 1, 10)
    expect(m.before).toBe('a'.repeat(10))
    expect(m.after).toBe('b'.repeat(10))
    expect(m.clippedStart && m.clippedEnd).toBe(true)
    expect(m.caretLine).toBe(' '.repeat(11) + '^')
  })

  it('cuts a very long offending part', () => {
    const m = errorMarker('x'.repeat(80), 0, 80, 5, 20)
    expect(m.bad).toHaveLength(20)
    expect(m.caretLine).toBe('^'.repeat(20))
  })
})

describe('errorMessage', () => {
  it('rewrites the 0-based offset as a 1-based column and capitalizes', () => {
    expect(errorMessage('unbalanced parenthesis at 0', 0, 8)).toBe('Unbalanced parenthesis at column 1')
    expect(errorMessage('dangling OR at 8 (OR needs a term on both sides)', 8, 10)).toBe(
      'Dangling OR at column 9 (OR needs a term on both sides)',
    )
  })

  it('does not touch other numbers, and appends the column when the offset is missing', () => {
    expect(errorMessage('bad at 12', 1, 20)).toBe('Bad at 12 at column 2')
    expect(errorMessage('min_followers:N needs a number at 3', 3, 9)).toBe('Min_followers:N needs a number at column 4')
    expect(errorMessage('empty query', 0, 0)).toBe('Empty query')
  })
})

describe('insertAt', () => {
  it('inserts at the caret with spaces where needed', () => {
    expect(insertAt('', 'is:reply', 0)).toEqual({ value: 'is:reply', caret: 8 })
    expect(insertAt('jetblue', 'is:reply', 7)).toEqual({ value: 'jetblue is:reply', caret: 16 })
    expect(insertAt('jetblue oreo', 'OR', 7, 8)).toEqual({ value: 'jetblueORoreo'.replace('OR', ' OR '), caret: 10 })
    expect(insertAt('a b', 'x', 2)).toEqual({ value: 'a x b', caret: 3 })
  })
})

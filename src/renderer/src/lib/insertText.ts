// Inserting a cheat-sheet example into a query at the caret: replaces the
// selection, adds a space on either side where the neighbours are not
// already spaces, and says where the caret goes after. Pure.

export interface Inserted {
  value: string
  caret: number
}

export function insertAt(value: string, insert: string, start: number, end = start): Inserted {
  const a = Math.min(Math.max(0, start), value.length)
  const b = Math.min(Math.max(a, end), value.length)
  const left = value.slice(0, a)
  const right = value.slice(b)
  const pre = left === '' || /\s$/.test(left) ? '' : ' '
  const post = right === '' || /^\s/.test(right) ? '' : ' '
  const text = pre + insert + post
  return { value: left + text + right, caret: left.length + pre.length + insert.length }
}

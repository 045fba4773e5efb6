// The console's keyboard map: one table that the key handler
// (renderer hooks/useKeyboard), the `?` overlay and the end-to-end test all
// read, so they cannot disagree. Keys are KeyboardEvent.key values; none fires
// while typing in a field. Data only: no DOM.

export type KeyAction =
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'left'
  | 'right'
  | 'column'
  | 'reply'
  | 'done'
  | 'assign'
  | 'tag'
  | 'note'
  | 'mute'
  | 'unread'
  | 'markUpTo'
  | 'filters'
  | 'search'
  | 'keys'
  | 'escape'

export interface KeyBinding {
  action: KeyAction
  keys: readonly string[]
  /** How the overlay shows the keys. */
  display: string
  label: string
  group: 'Move' | 'Triage' | 'Reply' | 'General'
}

export const KEYMAP: readonly KeyBinding[] = [
  { action: 'next', keys: ['j', 'ArrowDown'], display: 'j / ↓', label: 'Next mention (marks it read)', group: 'Move' },
  {
    action: 'prev',
    keys: ['k', 'ArrowUp'],
    display: 'k / ↑',
    label: 'Previous mention (marks it read)',
    group: 'Move',
  },
  { action: 'first', keys: ['Home'], display: 'Home', label: 'Newest mention in the column', group: 'Move' },
  { action: 'last', keys: ['End'], display: 'End', label: 'Oldest mention loaded in the column', group: 'Move' },
  { action: 'left', keys: ['h', 'ArrowLeft'], display: 'h / ←', label: 'Column to the left', group: 'Move' },
  { action: 'right', keys: ['l', 'ArrowRight'], display: 'l / →', label: 'Column to the right', group: 'Move' },
  {
    action: 'column',
    keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
    display: '1 – 9',
    label: 'Jump to column 1 to 9',
    group: 'Move',
  },
  { action: 'reply', keys: ['r'], display: 'r', label: 'Reply to the selected mention', group: 'Reply' },
  { action: 'done', keys: ['e'], display: 'e', label: 'Mark done (again: not done)', group: 'Triage' },
  { action: 'assign', keys: ['a'], display: 'a', label: 'Assign to an operator', group: 'Triage' },
  { action: 'tag', keys: ['t'], display: 't', label: 'Tags', group: 'Triage' },
  { action: 'note', keys: ['n'], display: 'n', label: 'Note', group: 'Triage' },
  { action: 'mute', keys: ['m'], display: 'm', label: 'Mute the author in this column', group: 'Triage' },
  { action: 'unread', keys: ['u'], display: 'u', label: 'Mark unread / read', group: 'Triage' },
  {
    action: 'markUpTo',
    keys: ['w'],
    display: 'w',
    label: 'Mark the column read up to here',
    group: 'Triage',
  },
  { action: 'filters', keys: ['f'], display: 'f', label: 'Column filters and mutes', group: 'Triage' },
  { action: 'search', keys: ['/'], display: '/', label: 'Search the archive', group: 'General' },
  { action: 'keys', keys: ['?'], display: '?', label: 'Show this key map', group: 'General' },
  {
    action: 'escape',
    keys: ['Escape'],
    display: 'Esc',
    label: 'Close the composer or dialog, clear the selection',
    group: 'General',
  },
]

/** Inside the composer (not global: they only act there). */
export const COMPOSER_KEYS: readonly { display: string; label: string }[] = [
  { display: 'Ctrl + Enter', label: 'Send the reply' },
  { display: 'Ctrl + K', label: 'Canned replies (type to search, Enter inserts)' },
  { display: 'Esc', label: 'Close the composer (the draft is kept)' },
]

const byKey = new Map<string, KeyBinding>()
for (const b of KEYMAP) for (const k of b.keys) byKey.set(k, b)

export function bindingFor(key: string): KeyBinding | undefined {
  return byKey.get(key)
}

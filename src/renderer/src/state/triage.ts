// Store: the operator's triage view of the deck: each mention's triage state
// (only non-empty ones are kept), each column's watermark, filters and mutes,
// the operator's preferences, canned replies, and the latest reply per
// mention from the outbox. Loaded at start, kept current by the core's events
// (so a pop-out window follows), and fetched for mentions as feeds load them.
import { create } from 'zustand'
import type { EarshotApi } from '../../../shared/contract'
import type { OutboxItem } from '../../../shared/contracts/replies'
import {
  emptyTriage,
  type CannedReply,
  type ColumnTriage,
  type OperatorPrefs,
  type SharedTriage,
  type TriagePatch,
  type TriageState,
} from '../../../shared/contracts/triage'
import type { ColumnId, Mention } from '../../../shared/domain'
import { client } from './client'
import { columnView, type ColumnView } from '../lib/triageView'
import { useFeedStore } from './feed'

export interface TriageStore {
  states: Record<number, TriageState>
  columns: Record<ColumnId, ColumnTriage>
  prefs: OperatorPrefs
  canned: CannedReply[]
  /** The newest outbox item per mention. */
  replies: Record<number, OutboxItem>
}

export const useTriageStore = create<TriageStore>()(() => ({
  states: {},
  columns: {},
  prefs: { operator: '', brand: '', recentAssignees: [] },
  canned: [],
  replies: {},
}))

const isEmpty = (s: TriageState): boolean =>
  !s.read && !s.done && s.assignee === null && s.note === null && s.tags.length === 0 && !s.reviewed

const sameState = (a: TriageState, b: TriageState): boolean =>
  a.updatedAt === b.updatedAt &&
  a.read === b.read &&
  a.done === b.done &&
  a.assignee === b.assignee &&
  a.note === b.note &&
  a.reviewed === b.reviewed &&
  a.tags.join('\n') === b.tags.join('\n')

/**
 * A change arrives twice (the command's answer and the event every window
 * gets): the second is dropped here, so the columns, which read the whole
 * states map, re-render once per change, not twice.
 */
function applyStates(items: readonly TriageState[]): void {
  const cur = useTriageStore.getState().states
  let next: Record<number, TriageState> | null = null
  for (const s of items) {
    const had = cur[s.mentionId]
    if (had ? sameState(had, s) : isEmpty(s)) continue
    next ??= { ...cur }
    if (isEmpty(s)) delete next[s.mentionId]
    else next[s.mentionId] = s
  }
  if (next) useTriageStore.setState({ states: next })
}

/** The team's fields changed (here or on another console): this operator's read state stays as it is. */
function applyShared(items: readonly SharedTriage[]): void {
  const cur = useTriageStore.getState().states
  applyStates(items.map((s) => ({ ...s, read: cur[s.mentionId]?.read ?? false })))
}

/** This operator marked mentions read or unread (in another window, on another machine). */
function applyRead(items: ReadonlyArray<{ mentionId: number; read: boolean }>): void {
  const cur = useTriageStore.getState().states
  applyStates(items.map(({ mentionId, read }) => ({ ...(cur[mentionId] ?? emptyTriage(mentionId)), read })))
}

function applyColumn(c: ColumnTriage): void {
  const had = useTriageStore.getState().columns[c.columnId]
  if (had && JSON.stringify(had) === JSON.stringify(c)) return
  useTriageStore.setState((s) => ({ columns: { ...s.columns, [c.columnId]: c } }))
}

function applyReply(item: OutboxItem): void {
  if (item.mentionId === null) return
  const cur = useTriageStore.getState().replies[item.mentionId]
  if (cur && cur.id > item.id) return
  useTriageStore.setState((s) => ({ replies: { ...s.replies, [item.mentionId!]: item } }))
}

/** Mention ids whose triage was asked for (or is known to be empty). */
const known = new Set<number>()
let wanted = new Set<number>()
let timer: ReturnType<typeof setTimeout> | null = null

function fetchWanted(): void {
  timer = null
  const ids = [...wanted].slice(0, 2_000)
  for (const id of ids) wanted.delete(id)
  if (wanted.size > 0) timer = setTimeout(fetchWanted, 0)
  client()
    .call('triage.get', { ids })
    .then(applyStates, () => {
      for (const id of ids) known.delete(id)
    })
}

function want(mentions: readonly Mention[]): void {
  for (const m of mentions) {
    if (known.has(m.id)) continue
    known.add(m.id)
    wanted.add(m.id)
  }
  if (wanted.size > 0 && timer === null) timer = setTimeout(fetchWanted, 50)
}

export function subscribeTriage(events: Pick<EarshotApi, 'on'>): Array<() => void> {
  known.clear()
  wanted = new Set()
  return [
    events.on('triage.changed', ({ items }) => applyShared(items)),
    events.on('triage.read.changed', ({ items }) => applyRead(items)),
    events.on('triage.column.changed', (c) =>
      applyColumn({ ...c, watermark: useTriageStore.getState().columns[c.columnId]?.watermark ?? null }),
    ),
    events.on('triage.mark.changed', ({ columnId, watermark }) => {
      const had = useTriageStore.getState().columns[columnId]
      if (had) applyColumn({ ...had, watermark })
    }),
    events.on('triage.prefs.changed', (prefs) => useTriageStore.setState({ prefs })),
    events.on('canned.changed', (canned) => useTriageStore.setState({ canned })),
    events.on('reply.changed', applyReply),
    // A live mention is new: its triage is empty until a triage event says otherwise, so it is never fetched.
    events.on('mentions.batch', ({ mentions }) => {
      for (const m of mentions) known.add(m.id)
    }),
    // Whatever a feed window holds gets its triage state once.
    useFeedStore.subscribe((s, prev) => {
      if (s.feeds === prev.feeds) return
      for (const [id, win] of Object.entries(s.feeds)) if (win !== prev.feeds[id]) want(win.items)
    }),
  ]
}

export async function loadTriage(): Promise<void> {
  const [columns, prefs, canned, replies] = await Promise.all([
    client().call('triage.columns', {}),
    client().call('triage.prefs', {}),
    client().call('canned.list', {}),
    client().call('replies.list', { limit: 500 }),
  ])
  useTriageStore.setState({ columns: Object.fromEntries(columns.map((c) => [c.columnId, c])), prefs, canned })
  for (const r of [...replies].sort((a, b) => a.id - b.id)) applyReply(r)
  // After a reconnect, states may have changed elsewhere: ask again for everything shown.
  known.clear()
  wanted = new Set()
  for (const win of Object.values(useFeedStore.getState().feeds)) want(win.items)
}

export async function setTriage(patch: TriagePatch): Promise<void> {
  applyStates(await client().call('triage.set', patch))
}

export async function updateColumnTriage(
  columnId: ColumnId,
  patch: { filters?: Partial<ColumnTriage['filters']>; mutes?: ColumnTriage['mutes'] },
): Promise<void> {
  applyColumn(await client().call('triage.column.update', { columnId, ...patch }))
}

export async function markReadUpTo(columnId: ColumnId, m: Pick<Mention, 'createdAt' | 'id'>): Promise<void> {
  applyColumn(await client().call('triage.markReadUpTo', { columnId, cursor: { createdAt: m.createdAt, id: m.id } }))
}

export async function updatePrefs(patch: { operator?: string; brand?: string }): Promise<void> {
  const prefs = await client().call('triage.prefs.update', patch)
  useTriageStore.setState({ prefs })
}

export function useTriageState(id: number): TriageState | undefined {
  return useTriageStore((s) => s.states[id])
}

export function useColumnTriage(id: ColumnId): ColumnTriage | undefined {
  return useTriageStore((s) => s.columns[id])
}

export function useReplyState(id: number): OutboxItem | undefined {
  return useTriageStore((s) => s.replies[id])
}

/**
 * The column's items as shown (filters and mutes applied; `keep`, the selected
 * mention, exempt from the filters), recomputed only when its inputs change.
 */
const views = new Map<
  ColumnId,
  { items: readonly Mention[]; column: ColumnTriage | undefined; states: object; keep: number | null; view: ColumnView }
>()
export function viewOf(id: ColumnId, keep: number | null = null): ColumnView {
  const items = useFeedStore.getState().feeds[id]?.items ?? []
  const { columns, states } = useTriageStore.getState()
  const column = columns[id]
  const cached = views.get(id)
  if (cached && cached.items === items && cached.column === column && cached.states === states && cached.keep === keep)
    return cached.view
  const view = columnView(items, column, states, keep)
  views.set(id, { items, column, states, keep, view })
  return view
}

export function useColumnView(id: ColumnId, keep: number | null): ColumnView {
  useFeedStore((s) => s.feeds[id]?.items)
  useTriageStore((s) => s.columns[id])
  useTriageStore((s) => s.states)
  return viewOf(id, keep)
}

/** Saves a canned reply; the list arrives through `canned.changed`. */
export async function saveCanned(title: string, text: string): Promise<void> {
  await client().call('canned.save', { title, text })
}

export async function deleteCanned(id: CannedReply['id']): Promise<void> {
  await client().call('canned.delete', { id })
}

/** Sends a failed reply again; its new state arrives through `reply.changed`. */
export async function retryReply(id: OutboxItem['id']): Promise<void> {
  applyReply(await client().call('replies.retry', { id }))
}

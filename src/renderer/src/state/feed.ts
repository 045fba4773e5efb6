// Store: each column's live feed window (see lib/feedWindow for the rules):
// the newest-first mentions on screen, what is held while the reader is
// hovering or scrolled away, and paging state. Actions here do the API calls
// (`mentions.page`) and apply results through the pure functions. Updates
// touch only the changed column's object, so other columns do not re-render.
import { create } from 'zustand'
import type { MentionsBatch } from '../../../shared/contract'
import type { ColumnId, Mention } from '../../../shared/domain'
import { errorLine } from '../lib/errors'
import { client } from './client'
import {
  appendOlder,
  applyHeadPage,
  canLoadOlder,
  dropMentions,
  emptyFeed,
  flushPending,
  receiveLive,
  replaceMentions,
  replaceWithHead,
  resetFeed,
  setHold,
  type FeedWindow,
} from '../lib/feedWindow'
import { collapseLive } from '../lib/reposts'

export const PAGE_SIZE = 100

export interface FeedState {
  feeds: Record<ColumnId, FeedWindow>
}

export const useFeedStore = create<FeedState>()(() => ({ feeds: {} }))

/** Bumped when a column's feed restarts, so answers to older requests are dropped. */
const generation = new Map<ColumnId, number>()

function genOf(id: ColumnId): number {
  return generation.get(id) ?? 0
}

function update(id: ColumnId, fn: (win: FeedWindow) => FeedWindow): void {
  const feeds = useFeedStore.getState().feeds
  const win = feeds[id]
  if (!win) return
  const next = fn(win)
  if (next !== win) useFeedStore.setState({ feeds: { ...feeds, [id]: next } })
}

export function useFeed(id: ColumnId): FeedWindow | undefined {
  return useFeedStore((s) => s.feeds[id])
}

/** Create empty windows for columns that have none. */
export function ensureFeeds(ids: readonly ColumnId[]): void {
  const feeds = useFeedStore.getState().feeds
  const missing = ids.filter((id) => !feeds[id])
  if (missing.length === 0) return
  const next = { ...feeds }
  for (const id of missing) next[id] = emptyFeed()
  useFeedStore.setState({ feeds: next })
}

export function removeFeeds(ids: readonly ColumnId[]): void {
  if (ids.length === 0) return
  const next = { ...useFeedStore.getState().feeds }
  for (const id of ids) {
    delete next[id]
    generation.set(id, genOf(id) + 1)
  }
  useFeedStore.setState({ feeds: next })
}

/** The column's keywords changed: drop what it shows and load it again. */
export function restartFeed(id: ColumnId): void {
  generation.set(id, genOf(id) + 1)
  update(id, resetFeed)
  void loadHead(id, 'merge')
}

/**
 * Load the newest page. 'merge' joins it with what is shown (startup,
 * reconnect); 'replace' restarts the window from it (flushing a window that
 * lost its head).
 */
export async function loadHead(id: ColumnId, mode: 'merge' | 'replace'): Promise<void> {
  const gen = genOf(id)
  update(id, (w) => (w.loadingHead ? w : { ...w, loadingHead: true }))
  try {
    const page = await client().call('mentions.page', {
      columnId: id,
      limit: PAGE_SIZE,
    })
    if (gen !== genOf(id)) return
    update(id, (w) => (mode === 'replace' ? replaceWithHead(w, page) : applyHeadPage(w, page)))
  } catch (err) {
    if (gen !== genOf(id)) return
    update(id, (w) => ({ ...w, loadingHead: false, error: errorLine(err) }))
  }
}

/** Page older mentions (the reader scrolled near the bottom). */
export async function loadOlder(id: ColumnId): Promise<void> {
  const win = useFeedStore.getState().feeds[id]
  if (!win || !canLoadOlder(win) || win.next === null) return
  const before = win.next
  const gen = genOf(id)
  update(id, (w) => ({ ...w, loadingOlder: true, error: null }))
  try {
    const page = await client().call('mentions.page', {
      columnId: id,
      before,
      limit: PAGE_SIZE,
    })
    if (gen !== genOf(id)) return
    update(id, (w) => appendOlder(w, page))
  } catch (err) {
    if (gen !== genOf(id)) return
    update(id, (w) => ({ ...w, loadingOlder: false, error: errorLine(err) }))
  }
}

/** Insert what is held now (the "N new" pill); reloads the head when the window lost it. */
export function flushColumn(id: ColumnId): void {
  const win = useFeedStore.getState().feeds[id]
  if (!win) return
  if (win.headGap) {
    if (!win.loadingHead) void loadHead(id, 'replace')
  } else update(id, flushPending)
}

/** The reader's pointer entered or left the list, or it scrolled away from / back to the top. */
export function setColumnHold(id: ColumnId, hold: { hover?: boolean; away?: boolean }): void {
  update(id, (w) => setHold(w, hold))
  const win = useFeedStore.getState().feeds[id]
  if (win && !win.paused && win.headGap && !win.loadingHead) void loadHead(id, 'replace')
}

/**
 * Live mentions for several columns at once (one animation frame's worth);
 * `collapsing` names the columns that fold reposts into their original.
 */
export function applyLive(
  byColumn: ReadonlyMap<ColumnId, readonly Mention[]>,
  collapsing: ReadonlySet<ColumnId>,
): void {
  const feeds = useFeedStore.getState().feeds
  let next: Record<ColumnId, FeedWindow> | null = null
  for (const [id, mentions] of byColumn) {
    const win = feeds[id]
    if (!win || mentions.length === 0) continue
    const collapsed = collapsing.has(id) ? collapseLive(win, mentions) : null
    const updated = collapsed ? receiveLive(collapsed.win, collapsed.rest) : receiveLive(win, mentions)
    if (updated === win) continue
    next ??= { ...feeds }
    next[id] = updated
  }
  if (next) useFeedStore.setState({ feeds: next })
}

/** Applies `fn` to every column's window, in one store update. */
function updateAll(fn: (id: ColumnId, win: FeedWindow) => FeedWindow): void {
  const feeds = useFeedStore.getState().feeds
  let next: Record<ColumnId, FeedWindow> | null = null
  for (const [id, win] of Object.entries(feeds)) {
    const updated = fn(id, win)
    if (updated === win) continue
    next ??= { ...feeds }
    next[id] = updated
  }
  if (next) useFeedStore.setState({ feeds: next })
}

/** Mentions their authors deleted: their cards leave every column. */
export function removeMentions(ids: readonly number[]): void {
  const gone = new Set(ids)
  updateAll((_, win) => dropMentions(win, gone))
}

/**
 * Edited mentions: each card shows the new text where it still belongs,
 * leaves the columns whose query no longer takes it, and comes into those
 * that now do (in its place by time).
 */
export function reviseMentions({ mentions, hits }: MentionsBatch): void {
  const byId = new Map(mentions.map((m) => [m.id, m]))
  updateAll((id, win) => {
    const here = new Set(hits[id] ?? [])
    const left = new Set(mentions.filter((m) => !here.has(m.id)).map((m) => m.id))
    const arrived = [...here].flatMap((mentionId) => byId.get(mentionId) ?? [])
    return receiveLive(replaceMentions(dropMentions(win, left), byId), arrived)
  })
}

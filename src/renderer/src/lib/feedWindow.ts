// Pure logic of one column's live feed window: the bounded, newest-first list
// of mentions a column holds in memory, the items held back while the reader
// is hovering or scrolled away ("paused"), and how pages from the archive and
// live batches merge into it. No React, no DOM, no store: the feed store calls
// these and keeps the results. The window is always a contiguous run of the
// column's archive order (createdAt desc, id desc), so paging older with the
// `next` cursor never skips or repeats a mention.
import type { Mention, PageCursor } from '../../../shared/domain'

/** Most mentions a column keeps in memory (items and held items each). */
export const FEED_MAX = 600

export interface FeedWindow {
  /** Newest first, at most FEED_MAX. */
  readonly items: readonly Mention[]
  /** Newest first: live mentions held while paused, at most FEED_MAX. */
  readonly pending: readonly Mention[]
  /** How many mentions arrived while paused (may exceed pending.length). */
  readonly pendingCount: number
  readonly hover: boolean
  readonly away: boolean
  /** hover || away: new mentions are held instead of inserted. */
  readonly paused: boolean
  /** The items no longer start at the newest mention: flushing must reload the head. */
  readonly headGap: boolean
  /** Cursor for the next older page, null when the archive has no more. */
  readonly next: PageCursor | null
  /** The first page has arrived at least once. */
  readonly loaded: boolean
  readonly loadingHead: boolean
  readonly loadingOlder: boolean
  readonly error: string | null
}

export interface Page {
  readonly items: readonly Mention[]
  readonly next: PageCursor | null
}

export function emptyFeed(): FeedWindow {
  return {
    items: [],
    pending: [],
    pendingCount: 0,
    hover: false,
    away: false,
    paused: false,
    headGap: false,
    next: null,
    loaded: false,
    loadingHead: false,
    loadingOlder: false,
    error: null,
  }
}

/** Archive order: newer first; ties broken by the larger id first. */
export function compareMentions(a: Pick<Mention, 'createdAt' | 'id'>, b: Pick<Mention, 'createdAt' | 'id'>): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt
  return b.id - a.id
}

export function cursorOf(m: Pick<Mention, 'createdAt' | 'id'>): PageCursor {
  return { createdAt: m.createdAt, id: m.id }
}

/** Union of two lists by id (first occurrence wins), sorted newest first. */
export function mergeNewestFirst(a: readonly Mention[], b: readonly Mention[]): Mention[] {
  if (b.length === 0) return a.slice()
  const seen = new Set<number>()
  const out: Mention[] = []
  for (const list of [a, b]) {
    for (const m of list) {
      if (seen.has(m.id)) continue
      seen.add(m.id)
      out.push(m)
    }
  }
  return out.sort(compareMentions)
}

/** Keep the newest `max`; when something is cut, the cursor restarts at the oldest kept. */
function trimBottom(
  items: Mention[],
  next: PageCursor | null,
  max: number,
): { items: Mention[]; next: PageCursor | null } {
  if (items.length <= max) return { items, next }
  const kept = items.slice(0, max)
  const last = kept[kept.length - 1]
  return { items: kept, next: last ? cursorOf(last) : next }
}

/** Mentions from `incoming` whose id is in neither list, in the given order. */
function unseen(incoming: readonly Mention[], ...lists: (readonly Mention[])[]): Mention[] {
  const ids = new Set<number>()
  for (const list of lists) for (const m of list) ids.add(m.id)
  const out: Mention[] = []
  for (const m of incoming) {
    if (ids.has(m.id)) continue
    ids.add(m.id)
    out.push(m)
  }
  return out
}

/** Add to what is held while paused (dedupe done by the caller). */
function hold(win: FeedWindow, fresh: readonly Mention[], max: number): FeedWindow {
  if (fresh.length === 0) return win
  const pending = mergeNewestFirst(win.pending, fresh).slice(0, max)
  return { ...win, pending, pendingCount: win.pendingCount + fresh.length }
}

/**
 * Live mentions for this column. Paused (or head lost): held in `pending`.
 * Otherwise merged into the items; one older than the whole window is left
 * for paging when the archive has older pages (the window stays contiguous).
 */
export function receiveLive(win: FeedWindow, mentions: readonly Mention[], max = FEED_MAX): FeedWindow {
  const fresh = unseen(mentions, win.items, win.pending)
  if (fresh.length === 0) return win
  if (win.paused || win.headGap) return hold(win, fresh, max)
  const last = win.items[win.items.length - 1]
  const accepted = last && win.next !== null ? fresh.filter((m) => compareMentions(m, last) < 0) : fresh
  if (accepted.length === 0) return win
  const trimmed = trimBottom(mergeNewestFirst(win.items, accepted), win.next, max)
  return { ...win, ...trimmed }
}

/**
 * Insert what was held. When more arrived than could be held, the held
 * mentions replace the window (older ones come back by paging). A window
 * that lost its head (headGap) cannot be flushed here: reload the head.
 */
export function flushPending(win: FeedWindow, max = FEED_MAX): FeedWindow {
  if (win.headGap || win.pendingCount === 0) return win
  const cleared = { ...win, pending: [], pendingCount: 0 }
  if (win.pendingCount > win.pending.length) {
    const items = win.pending.slice(0, max)
    const last = items[items.length - 1]
    return { ...cleared, items, next: last ? cursorOf(last) : win.next }
  }
  return {
    ...cleared,
    ...trimBottom(mergeNewestFirst(win.items, win.pending), win.next, max),
  }
}

/**
 * The reader's hold changed (pointer over the list, scrolled away from the
 * top). Releasing the hold inserts what was held, unless the head must be
 * reloaded (then `headGap` stays set for the caller to act on).
 */
export function setHold(win: FeedWindow, hold: { hover?: boolean; away?: boolean }, max = FEED_MAX): FeedWindow {
  const hover = hold.hover ?? win.hover
  const away = hold.away ?? win.away
  if (hover === win.hover && away === win.away) return win
  const paused = hover || away
  const next = { ...win, hover, away, paused }
  return win.paused && !paused ? flushPending(next, max) : next
}

/**
 * The newest page arrived (startup, reconnect). First time: merge with any
 * live mentions that came earlier. Later: mentions newer than the window are
 * treated as live; when the page does not reach back to the window's head
 * (many arrived while disconnected) the window restarts from the page, or,
 * while paused, is marked for a reload on flush.
 */
export function applyHeadPage(win: FeedWindow, page: Page, max = FEED_MAX): FeedWindow {
  const base = { ...win, loaded: true, loadingHead: false, error: null }
  const head = win.items[0]
  if (!win.loaded || !head) {
    const merged = mergeNewestFirst(win.items, page.items)
    const next = win.items.length > 0 && page.items.length === 0 ? win.next : page.next
    return { ...base, ...trimBottom(merged, next, max) }
  }
  const oldest = page.items[page.items.length - 1]
  const contiguous = page.next === null || !oldest || compareMentions(oldest, head) >= 0
  if (contiguous) {
    if (win.paused) {
      const newer = page.items.filter((m) => compareMentions(m, head) < 0)
      return hold(base, unseen(newer, win.items, win.pending), max)
    }
    // The page reaches back into the window: together they are contiguous.
    const last = win.items[win.items.length - 1] ?? head
    const reachesFurther = oldest !== undefined && compareMentions(oldest, last) > 0
    const next = reachesFurther || page.next === null ? page.next : win.next
    return {
      ...base,
      headGap: false,
      ...trimBottom(mergeNewestFirst(win.items, page.items), next, max),
    }
  }
  if (win.paused) {
    const fresh = unseen(page.items, win.items, win.pending)
    return {
      ...base,
      headGap: true,
      pendingCount: win.pendingCount + fresh.length,
    }
  }
  return replaceWithHead(base, page, max)
}

/**
 * Restart the window from the newest page (after a flush of a window with a
 * head gap). Live mentions newer than the page that arrived while it loaded
 * are kept.
 */
export function replaceWithHead(win: FeedWindow, page: Page, max = FEED_MAX): FeedWindow {
  const top = page.items[0]
  const live = top ? [...win.pending, ...win.items].filter((m) => compareMentions(m, top) < 0) : []
  const merged = mergeNewestFirst(page.items, live)
  return {
    ...win,
    ...trimBottom(merged, page.next, max),
    pending: [],
    pendingCount: 0,
    headGap: false,
    loaded: true,
    loadingHead: false,
    error: null,
  }
}

/**
 * An older page arrived. Appended at the bottom; when the window grows past
 * `max` the newest are dropped (the reader is far down) and the head must be
 * reloaded before live mentions can be inserted again.
 */
export function appendOlder(win: FeedWindow, page: Page, max = FEED_MAX): FeedWindow {
  const merged = mergeNewestFirst(win.items, page.items)
  const base = { ...win, next: page.next, loadingOlder: false, error: null }
  if (merged.length <= max) return { ...base, items: merged }
  return { ...base, items: merged.slice(merged.length - max), headGap: true }
}

/** Forget the content (the column's keywords changed) but keep the reader's hold. */
export function resetFeed(win: FeedWindow): FeedWindow {
  return {
    ...emptyFeed(),
    hover: win.hover,
    away: win.away,
    paused: win.paused,
  }
}

/** Whether paging older makes sense now. */
export function canLoadOlder(win: FeedWindow): boolean {
  return win.loaded && win.next !== null && !win.loadingOlder && !win.loadingHead
}

/**
 * Mentions gone from this column: deleted by their authors, or edited so that
 * the column's query no longer takes them.
 */
export function dropMentions(win: FeedWindow, ids: ReadonlySet<number>): FeedWindow {
  const items = win.items.filter((m) => !ids.has(m.id))
  const pending = win.pending.filter((m) => !ids.has(m.id))
  if (items.length === win.items.length && pending.length === win.pending.length) return win
  const held = win.pending.length - pending.length
  return { ...win, items, pending, pendingCount: Math.max(0, win.pendingCount - held) }
}

/** Edited mentions this column holds, replaced by their new version (same place: the time did not change). */
export function replaceMentions(win: FeedWindow, byId: ReadonlyMap<number, Mention>): FeedWindow {
  let changed = false
  const swap = (list: readonly Mention[]): readonly Mention[] =>
    list.map((m) => {
      const next = byId.get(m.id)
      if (!next || next === m) return m
      changed = true
      return next
    })
  const items = swap(win.items)
  const pending = swap(win.pending)
  return changed ? { ...win, items, pending } : win
}

// A column's body: the virtualized, newest-first list of mention cards with
// live pause (hovering or scrolling away holds new mentions behind an
// "N new" pill), paging older mentions near the bottom, and the loading,
// empty and end states. It shows the column's items after triage filters
// and mutes, says how many those hid, and keeps the keyboard selection in view.
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef } from 'react'
import type { ColumnId } from '../../../../shared/domain'
import { useColumnPhrases } from '../../hooks/useColumnPhrases'
import { canLoadOlder } from '../../lib/feedWindow'
import { formatCompact } from '../../lib/format'
import { flushColumn, loadHead, loadOlder, setColumnHold, useFeed } from '../../state/feed'
import { useCompact, useFontScale } from '../../state/settings'
import { FeedEmpty, FeedFooter } from './FeedStatus'
import { moveItem, useSelectionStore } from '../../state/selection'
import { useColumnView } from '../../state/triage'
import { openDialog } from '../../state/ui'
import { DeckCard } from './DeckCard'

/** Scrolled further than this from the top counts as "away" (new mentions are held). */
const AWAY_PX = 8
/** Start paging older when the last rendered row is this close to the end. */
const OLDER_THRESHOLD = 12

interface FeedListProps {
  columnId: ColumnId
  title: string
  query: string
}

export function FeedList({ columnId, title, query }: FeedListProps) {
  const win = useFeed(columnId)
  const compact = useCompact()
  const fontScale = useFontScale()
  const phrases = useColumnPhrases(query)
  const scrollRef = useRef<HTMLDivElement>(null)
  // Filters and mutes applied (state/triage); the window itself keeps everything.
  const selectedId = useSelectionStore((s) => (s.columnId === columnId ? s.mentionId : null))
  const view = useColumnView(columnId, selectedId)
  const items = view.items
  const away = win?.away ?? false
  const estimate = Math.round((compact ? 84 : 112) * fontScale)

  // The renderer is not built with React Compiler, so the compiler's memoization caveat does not apply.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimate,
    getItemKey: (i) => items[i]?.id ?? i,
    overscan: 6,
    // Scrolled away: keep the row being read in place when rows are added or dropped around it.
    anchorTo: away ? 'end' : 'start',
  })
  const rows = virtualizer.getVirtualItems()
  const lastIndex = rows[rows.length - 1]?.index ?? -1
  const wantOlder = win !== undefined && canLoadOlder(win) && win.error === null

  useEffect(() => {
    if (wantOlder && lastIndex >= items.length - OLDER_THRESHOLD) void loadOlder(columnId)
  }, [wantOlder, lastIndex, items.length, columnId])

  useEffect(() => {
    virtualizer.measure()
  }, [virtualizer, estimate])

  // Keyboard selection: keep the selected card on screen.
  const selectedIndex = selectedId === null ? -1 : items.findIndex((m) => m.id === selectedId)
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' })
  }, [virtualizer, selectedIndex])

  // Roving tabindex: the selected card, else the first, is the column's one stop in the tab order.
  const tabbableIndex = Math.max(0, selectedIndex)
  // aria-setsize: the count when the whole list is here, -1 (unknown) while older pages remain.
  const setSize = win?.loaded === true && win.next === null ? items.length : -1

  const pending = win?.pendingCount ?? 0
  const showPill = pending > 0 || (win?.headGap ?? false)

  const jumpToTop = (): void => {
    const el = scrollRef.current
    if (el) el.scrollTop = 0
    setColumnHold(columnId, { away: false })
    flushColumn(columnId)
  }

  return (
    <div
      className="feed"
      onPointerEnter={() => setColumnHold(columnId, { hover: true })}
      onPointerLeave={() => setColumnHold(columnId, { hover: false })}
    >
      {showPill && (
        <button type="button" className="new-pill" onClick={jumpToTop}>
          <span aria-hidden="true">↑ </span>
          {pending > 0 ? `${formatCompact(pending)} new` : 'Back to latest'}
        </button>
      )}
      {(view.muted > 0 || view.filtered > 0) && (
        <button
          type="button"
          className="feed-hidden"
          title="Filters and mutes (f)"
          onClick={() => openDialog({ kind: 'column-triage', columnId })}
        >
          {[
            view.muted > 0 ? `${formatCompact(view.muted)} muted` : '',
            view.filtered > 0 ? `${formatCompact(view.filtered)} filtered` : '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </button>
      )}
      <div
        ref={scrollRef}
        className="feed-scroll"
        role="feed"
        aria-label={`Mentions for ${title}`}
        aria-busy={win?.loadingHead === true || win?.loadingOlder === true}
        // The cards are the stops in the tab order; an empty list is one itself, so it can be scrolled and read.
        tabIndex={items.length === 0 ? 0 : -1}
        onKeyDown={(e) => {
          // The feed pattern's keys: Page Down / Page Up go to the next / previous article.
          if (e.key !== 'PageDown' && e.key !== 'PageUp') return
          if (!(e.target instanceof HTMLElement) || e.target.closest('article') === null) return
          e.preventDefault()
          moveItem(e.key === 'PageDown' ? 1 : -1)
        }}
        onScroll={(e) => setColumnHold(columnId, { away: e.currentTarget.scrollTop > AWAY_PX })}
      >
        {items.length === 0 ? (
          <FeedEmpty
            loaded={win?.loaded ?? false}
            error={win?.error ?? null}
            query={query}
            onRetry={() => void loadHead(columnId, 'merge')}
          />
        ) : (
          <>
            <div className="feed-rows" style={{ height: virtualizer.getTotalSize() }}>
              {rows.map((row) => {
                const mention = items[row.index]
                if (!mention) return null
                return (
                  <div
                    key={row.key}
                    ref={virtualizer.measureElement}
                    data-index={row.index}
                    className="feed-row"
                    style={{ transform: `translateY(${row.start}px)` }}
                  >
                    <DeckCard
                      columnId={columnId}
                      mention={mention}
                      phrases={phrases}
                      tabbable={row.index === tabbableIndex}
                      posInSet={row.index + 1}
                      setSize={setSize}
                    />
                  </div>
                )
              })}
            </div>
            <FeedFooter
              loadingOlder={win?.loadingOlder ?? false}
              error={win?.error ?? null}
              end={win?.next === null}
              onRetry={() => void loadOlder(columnId)}
            />
          </>
        )}
      </div>
    </div>
  )
}

// The ticker: a strip along the bottom that scrolls the newest mentions of
// every column from right to left, for a wall that nobody is scrolling. Its
// content is refreshed every TICKER_REFRESH_MS rather than on each batch, so
// the text moves steadily instead of jumping; reduced motion shows it still.
import { useEffect, useState } from 'react'
import type { Mention } from '../../../../shared/domain'
import { tickerItems, type TickerItem } from '../../lib/ticker'
import { useDeckStore } from '../../state/deck'
import { useFeedStore } from '../../state/feed'

const TICKER_REFRESH_MS = 20_000
/** Seconds the strip takes per item, so long and short strips move at the same speed. */
const SECONDS_PER_ITEM = 7

function snapshot(): TickerItem[] {
  const columns = useDeckStore.getState().columns
  const feeds = useFeedStore.getState().feeds
  const lists = columns.map((c) => ({ title: c.title, items: (feeds[c.id]?.items ?? []) as readonly Mention[] }))
  return tickerItems(lists)
}

function Items({ items, hidden }: { items: TickerItem[]; hidden?: boolean }) {
  return (
    <ul className="ticker-items" aria-hidden={hidden}>
      {items.map((it) => (
        <li key={it.mention.id} className={`ticker-item ticker-item--${it.mention.sentimentLabel}`}>
          <span className="ticker-column">{it.column}</span>
          <span className="ticker-handle">@{it.mention.author.handle}</span>
          <span className="ticker-text">{it.text}</span>
        </li>
      ))}
    </ul>
  )
}

export function Ticker() {
  const [items, setItems] = useState<TickerItem[]>(snapshot)
  useEffect(() => {
    const timer = setInterval(() => setItems(snapshot()), TICKER_REFRESH_MS)
    // The first snapshot may come before the feeds loaded.
    const first = setTimeout(() => setItems(snapshot()), 2_000)
    return () => {
      clearInterval(timer)
      clearTimeout(first)
    }
  }, [])
  return (
    <section className="ticker" aria-label="Ticker: newest mentions" role="marquee">
      {items.length === 0 ? (
        <p className="ticker-empty">Waiting for mentions…</p>
      ) : (
        <div className="ticker-track" style={{ animationDuration: `${items.length * SECONDS_PER_ITEM}s` }}>
          <Items items={items} />
          <Items items={items} hidden />
        </div>
      )}
    </section>
  )
}

// What the ticker shows: the newest mentions across the columns, each once
// (a mention in two columns is named by the first), newest first, with the
// text on one line and shortened.
import type { Mention } from '../../../shared/domain'

export const TICKER_MAX_ITEMS = 30
export const TICKER_MAX_CHARS = 160

export interface TickerItem {
  mention: Mention
  column: string
  text: string
}

export function tickerItems(
  columns: ReadonlyArray<{ title: string; items: readonly Mention[] }>,
  max = TICKER_MAX_ITEMS,
): TickerItem[] {
  const byId = new Map<number, TickerItem>()
  for (const c of columns) {
    for (const m of c.items.slice(0, max)) {
      if (byId.has(m.id)) continue
      const flat = m.text.replace(/\s+/g, ' ').trim()
      const text = flat.length > TICKER_MAX_CHARS ? `${flat.slice(0, TICKER_MAX_CHARS - 1).trimEnd()}…` : flat
      byId.set(m.id, { mention: m, column: c.title, text })
    }
  }
  return [...byId.values()]
    .sort((a, b) => b.mention.createdAt - a.mention.createdAt || b.mention.id - a.mention.id)
    .slice(0, max)
}

// Pure helpers for archive search: appending a page without repeats, and
// the search that lists a mention's neighbours for "Show in context".
import type { Mention } from '../../../shared/domain'

export const CONTEXT_WINDOW_MS = 10 * 60_000

/** Appends a page, skipping mentions already listed (a page boundary can repeat one). */
export function appendPage(items: readonly Mention[], page: readonly Mention[]): Mention[] {
  const seen = new Set(items.map((m) => m.id))
  return [...items, ...page.filter((m) => !seen.has(m.id))]
}

/** Same source, ten minutes either side, newest first. */
export function contextRequest(m: Pick<Mention, 'source' | 'createdAt'>) {
  return {
    query: `source:${m.source}`,
    since: m.createdAt - CONTEXT_WINDOW_MS,
    until: m.createdAt + CONTEXT_WINDOW_MS,
    order: 'newest' as const,
  }
}

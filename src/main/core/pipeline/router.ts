// Routes each new mention to the columns whose query it matches. Queries are
// compiled when columns change, never per mention; each mention's match input
// (tokens, entities, folded fields) is computed once and shared by all columns.
import { compileColumnQuery } from '../../../shared/query/column-query'
import type { Matcher } from '../../../shared/query/match'
import { toMatchInput, type MatchInput } from '../../../shared/query/match-input'
import { SENTIMENT_LABELS, type Column, type ColumnId, type MentionInput } from '../../../shared/domain'

interface Route {
  columnId: ColumnId
  matches: Matcher
}

export class Router {
  private routes: Route[] = []

  setColumns(columns: readonly Column[]): void {
    const routes: Route[] = []
    for (const column of columns) {
      const compiled = compileColumnQuery(column.query)
      // A stored query that no longer compiles routes nothing rather than failing ingest.
      if (compiled.ok) routes.push({ columnId: column.id, matches: compiled.matches })
    }
    this.routes = routes
  }

  route(input: MatchInput): ColumnId[] {
    const hits: ColumnId[] = []
    for (const r of this.routes) if (r.matches(input)) hits.push(r.columnId)
    return hits
  }

  /**
   * Whether any column could take this mention before it is scored: tried
   * with each sentiment label, so `sentiment:` never drops one that will match.
   */
  anyMatch(mention: MentionInput): boolean {
    if (this.routes.length === 0) return false
    const input = { ...toMatchInput({ ...mention, sentimentLabel: 'neutral' }) }
    for (const label of SENTIMENT_LABELS) {
      input.sentimentLabel = label
      for (const r of this.routes) if (r.matches(input)) return true
    }
    return false
  }
}

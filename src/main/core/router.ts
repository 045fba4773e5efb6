// Routes each new mention to the columns whose query it matches. Queries are
// compiled when columns change, never per mention; each mention's match input
// (tokens, entities, folded fields) is computed once and shared by all columns.
import type { Column, ColumnId } from '../../shared/domain'
import { compileColumnQuery } from '../../shared/query/column-query'
import type { Matcher } from '../../shared/query/match'
import type { MatchInput } from '../../shared/query/match-input'

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
}

// Routes each new mention to the columns whose query it matches. Queries are
// compiled when columns change, never per mention; a mention is tokenized once
// and every column tests the same tokens.
import type { Column, ColumnId } from '../../shared/domain'
import { compileColumnQuery, type CompiledQuery } from '../../shared/query/column-query'
import { tokenize } from '../../shared/query/tokenize'

interface Route {
  columnId: ColumnId
  query: CompiledQuery
}

export class Router {
  private routes: Route[] = []

  setColumns(columns: readonly Column[]): void {
    const routes: Route[] = []
    for (const column of columns) {
      const compiled = compileColumnQuery(column.query)
      // A stored query that no longer compiles routes nothing rather than failing ingest.
      if (compiled.ok) routes.push({ columnId: column.id, query: compiled.query })
    }
    this.routes = routes
  }

  route(text: string): ColumnId[] {
    if (this.routes.length === 0) return []
    const tokens = tokenize(text)
    const set = new Set(tokens)
    const hits: ColumnId[] = []
    for (const r of this.routes) if (r.query.matches(tokens, set)) hits.push(r.columnId)
    return hits
  }
}

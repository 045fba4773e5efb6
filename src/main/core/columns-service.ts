// Column lifecycle: every change is validated, persisted, back-filled from the
// archive, compiled into the router and announced, in that order, so a column
// never shows a gap between its history and its live feed.
import type { Column, ColumnId } from '../../shared/domain'
import { compileColumnQuery } from '../../shared/query/column-query'
import { badRequest, notFound } from './errors'
import { toSqlWhere, type SqlWhere } from './store/query-sql'
import type { EventHub } from './events'
import type { Router } from './router'
import type { StatsTracker } from './stats'
import {
  backfillColumn,
  deleteColumn,
  getColumn,
  insertColumn,
  listColumns,
  reorderColumns,
  saveColumn,
  type ColumnDraft,
} from './store/columns'
import type { Db } from './store/db-types'

export class ColumnService {
  constructor(
    private readonly db: Db,
    private readonly router: Router,
    private readonly stats: StatsTracker,
    private readonly hub: EventHub,
    private readonly now: () => number,
  ) {}

  list(): Column[] {
    return listColumns(this.db)
  }

  /** Called once at start-up: compile every column and load its statistics. */
  init(): void {
    const columns = this.list()
    this.router.setColumns(columns)
    for (const c of columns) this.stats.load(this.db, c.id, this.now())
  }

  create(draft: ColumnDraft): Column {
    const where = this.compile(draft.query)
    const column = this.db.transaction(() => {
      const c = insertColumn(this.db, draft, this.now())
      backfillColumn(this.db, c.id, where)
      return c
    })()
    this.changed([column.id])
    return column
  }

  update(id: ColumnId, patch: Partial<Pick<Column, 'title' | 'query' | 'width' | 'collapseReposts'>>): Column {
    const current = getColumn(this.db, id)
    if (!current) throw notFound(`column ${id}`)
    const next: Column = {
      ...current,
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.query !== undefined ? { query: patch.query } : {}),
      ...(patch.width !== undefined ? { width: patch.width } : {}),
      ...(patch.collapseReposts !== undefined ? { collapseReposts: patch.collapseReposts } : {}),
    }
    const queryChanged = next.query !== current.query
    const where = queryChanged ? this.compile(next.query) : null
    this.db.transaction(() => {
      saveColumn(this.db, next)
      if (where) backfillColumn(this.db, id, where)
    })()
    this.changed(queryChanged ? [id] : [])
    return next
  }

  delete(id: ColumnId): void {
    if (!deleteColumn(this.db, id)) throw notFound(`column ${id}`)
    this.stats.remove(id)
    this.changed([])
  }

  reorder(ids: readonly ColumnId[]): Column[] {
    reorderColumns(this.db, ids)
    return this.changed([])
  }

  /** Replaces every column (workspace import), all or nothing. */
  replaceAll(drafts: readonly ColumnDraft[]): Column[] {
    const compiled = drafts.map((d) => this.compile(d.query))
    const old = this.list()
    const created = this.db.transaction(() => {
      for (const c of old) deleteColumn(this.db, c.id)
      return drafts.map((d, i) => {
        const c = insertColumn(this.db, d, this.now())
        backfillColumn(this.db, c.id, compiled[i]!)
        return c
      })
    })()
    for (const c of old) this.stats.remove(c.id)
    return this.changed(created.map((c) => c.id))
  }

  private compile(query: string): SqlWhere {
    const result = compileColumnQuery(query)
    if (!result.ok) throw badRequest(`invalid query: ${result.error.message}`, [`query: ${result.error.message}`])
    return toSqlWhere(result.ast)
  }

  private changed(reloadStats: readonly ColumnId[]): Column[] {
    const columns = this.list()
    this.router.setColumns(columns)
    for (const id of reloadStats) this.stats.load(this.db, id, this.now())
    this.hub.emit('columns.changed', columns)
    return columns
  }
}

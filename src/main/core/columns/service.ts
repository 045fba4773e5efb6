// Column lifecycle: every change is validated, persisted, back-filled from the
// archive, compiled into the router and announced, in that order, so a column
// never shows a gap between its history and its live feed. It keeps the
// current columns in memory: the router, the stats timer and the sources read
// them many times a second.
import type { Column, ColumnId } from '../../../shared/domain'
import { compileColumnQuery } from '../../../shared/query/column-query'
import type { QueryNode } from '../../../shared/query/ast'
import { badRequest, notFound } from '../errors'
import { Emitter } from '../lifetime'
import type { Router } from '../pipeline/router'
import type { StatsTracker } from '../pipeline/stats'
import type { ColumnDraft, Store } from '../store'

export type ColumnPatch = Partial<Pick<Column, 'title' | 'query' | 'width' | 'collapseReposts'>>

export class ColumnService {
  private columns: Column[] = []
  private readonly changedEmitter = new Emitter<Column[]>()
  /** The columns after every change, in order. */
  readonly onDidChange = this.changedEmitter.event

  constructor(
    private readonly store: Pick<Store, 'read' | 'write'>,
    private readonly router: Router,
    private readonly stats: StatsTracker,
    private readonly now: () => number,
  ) {
    this.columns = store.read.listColumns()
    router.setColumns(this.columns)
  }

  list(): Column[] {
    return this.columns
  }

  get(id: ColumnId): Column | undefined {
    return this.columns.find((c) => c.id === id)
  }

  /** Called once at start-up: load every column's statistics (the columns themselves load with the service). */
  init(): void {
    this.reloadStats()
  }

  /** Reads every column's live statistics from the archive again (after deletes and edits at a source). */
  reloadStats(ids: readonly ColumnId[] = this.columns.map((c) => c.id)): void {
    for (const id of ids) this.stats.load(this.store.read, id, this.now())
  }

  create(draft: ColumnDraft): Column {
    const column = this.store.write.createColumn(draft, this.compile(draft.query), this.now())
    this.changed([column.id])
    return column
  }

  update(id: ColumnId, patch: ColumnPatch): Column {
    const current = this.store.read.getColumn(id)
    if (!current) throw notFound(`column ${id}`)
    const next: Column = {
      ...current,
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.query !== undefined ? { query: patch.query } : {}),
      ...(patch.width !== undefined ? { width: patch.width } : {}),
      ...(patch.collapseReposts !== undefined ? { collapseReposts: patch.collapseReposts } : {}),
    }
    const queryChanged = next.query !== current.query
    this.store.write.updateColumn(next, queryChanged ? this.compile(next.query) : null)
    this.changed(queryChanged ? [id] : [])
    return next
  }

  delete(id: ColumnId): void {
    if (!this.store.write.deleteColumn(id)) throw notFound(`column ${id}`)
    this.stats.remove(id)
    this.changed([])
  }

  reorder(ids: readonly ColumnId[]): Column[] {
    this.store.write.reorderColumns(ids)
    return this.changed([])
  }

  /** Replaces every column (workspace import), all or nothing. */
  replaceAll(drafts: readonly ColumnDraft[]): Column[] {
    const compiled = drafts.map((draft) => ({ draft, query: this.compile(draft.query) }))
    const old = this.list()
    const created = this.store.write.replaceColumns(compiled, this.now())
    for (const c of old) this.stats.remove(c.id)
    this.changed(created.map((c) => c.id))
    return created
  }

  /** Another console changed the columns in the shared archive: read them again. */
  reload(): Column[] {
    const before = new Map(this.columns.map((c) => [c.id, c.query]))
    const after = this.store.read.listColumns()
    for (const id of before.keys()) if (!after.some((c) => c.id === id)) this.stats.remove(id)
    return this.changed(after.filter((c) => before.get(c.id) !== c.query).map((c) => c.id))
  }

  private compile(query: string): QueryNode {
    const result = compileColumnQuery(query)
    if (!result.ok) throw badRequest(`invalid query: ${result.error.message}`, [`query: ${result.error.message}`])
    return result.ast
  }

  private changed(reloadStats: readonly ColumnId[]): Column[] {
    this.columns = this.store.read.listColumns()
    this.router.setColumns(this.columns)
    this.reloadStats(reloadStats)
    this.changedEmitter.fire(this.columns)
    return this.columns
  }
}

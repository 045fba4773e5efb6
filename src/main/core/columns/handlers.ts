// Handlers of the column, column-history and archive-search commands. Reads
// see every mention accepted before them: the store settles ingest first.
import { compileColumnQuery } from '../../../shared/query/column-query'
import { describeQuery } from '../../../shared/query/describe'
import { toXRule } from '../../../shared/query/x-rule'
import type { Handlers } from '../dispatch'
import { badRequest, notFound } from '../errors'
import type { StatsTracker } from '../pipeline/stats'
import type { StoreReader } from '../store'
import type { ColumnService } from './service'

type ColumnCommands =
  | 'columns.list'
  | 'columns.create'
  | 'columns.update'
  | 'columns.delete'
  | 'columns.reorder'
  | 'mentions.page'
  | 'query.check'
  | 'mentions.search'
  | 'stats.get'

export interface ColumnsDeps {
  store: { read: Pick<StoreReader, 'pageColumn' | 'countMatches' | 'searchMentions'> }
  columns: ColumnService
  stats: Pick<StatsTracker, 'snapshot'>
  now: () => number
}

export function columnHandlers({ store, columns, stats, now }: ColumnsDeps): Pick<Handlers, ColumnCommands> {
  return {
    'columns.list': () => columns.list(),
    'columns.create': (args) => columns.create(args),
    'columns.update': ({ id, ...patch }) => columns.update(id, patch),
    'columns.delete': ({ id }) => {
      columns.delete(id)
      return { id }
    },
    'columns.reorder': ({ ids }) => columns.reorder(ids),
    'mentions.page': ({ columnId, before, limit }) => {
      const column = columns.get(columnId)
      if (!column) throw notFound(`column ${columnId}`)
      return store.read.pageColumn(columnId, before ?? null, limit, column.collapseReposts === true)
    },
    'query.check': ({ query }) => {
      const compiled = compileColumnQuery(query)
      if (!compiled.ok) return { ok: false, ...compiled.error }
      const x = toXRule(compiled.ast)
      return {
        ok: true,
        description: describeQuery(compiled.ast),
        archived: store.read.countMatches(compiled.ast),
        xRule: x.rule,
        localOnly: x.localOnly,
        xErrors: x.errors,
      }
    },
    'mentions.search': ({ query, ...options }) => {
      const compiled = compileColumnQuery(query)
      if (!compiled.ok)
        throw badRequest(`invalid query: ${compiled.error.message}`, [`query: ${compiled.error.message}`])
      return store.read.searchMentions(compiled.ast, options)
    },
    'stats.get': () =>
      stats.snapshot(
        columns.list().map((c) => c.id),
        now(),
      ),
  }
}

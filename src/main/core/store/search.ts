// Archive search: a compiled query's WHERE clause, an optional time range, and
// keyset paging newest-first or most-followed-first.
import type { SearchCursor, SearchPage } from '../../../shared/contract'
import type { SqlWhere } from '../query/sql'
import type { Db } from './db-types'
import { rowToMention, type MentionRow } from './mentions'

export interface SearchOptions {
  since?: number | null | undefined
  until?: number | null | undefined
  order: 'newest' | 'followers'
  after?: SearchCursor | null | undefined
  limit: number
}

export function countMatches(db: Db, where: SqlWhere): number {
  return (db.prepare(`SELECT count(*) AS n FROM mentions m WHERE ${where.sql}`).get(...where.params) as { n: number }).n
}

export function searchMentions(db: Db, where: SqlWhere, o: SearchOptions): SearchPage {
  const key = o.order === 'newest' ? 'm.created_at' : 'm.author_followers'
  const clauses = [where.sql]
  const params = [...where.params]
  if (o.since != null) {
    clauses.push('m.created_at >= ?')
    params.push(o.since)
  }
  if (o.until != null) {
    clauses.push('m.created_at < ?')
    params.push(o.until)
  }
  if (o.after) {
    clauses.push(`(${key}, m.id) < (?, ?)`)
    params.push(o.after.key, o.after.id)
  }
  const rows = db
    .prepare(`SELECT m.* FROM mentions m WHERE ${clauses.join(' AND ')} ORDER BY ${key} DESC, m.id DESC LIMIT ?`)
    .all(...params, o.limit) as MentionRow[]
  const items = rows.map(rowToMention)
  const last = items.at(-1)
  const next =
    items.length === o.limit && last
      ? { key: o.order === 'newest' ? last.createdAt : last.author.followers, id: last.id }
      : null
  return { items, next }
}

// Re-scoring an archive's sentiment with the current scorer: the mentions
// another scorer (or an older version) scored, page by page in id order, each
// page one transaction, so a stopped re-score keeps what it finished and the
// next run goes on from there.
import type { SentimentLabel } from '../../../shared/domain'
import { stmt } from './db'
import type { Db } from './db-types'

export interface RescoreRow {
  id: number
  text: string
  lang: string | null
}

export interface Rescored {
  id: number
  sentiment: number
  sentimentLabel: SentimentLabel
}

/** How many mentions each scorer scored, most first. */
export function scorerCounts(db: Db): { scorer: string; count: number }[] {
  return stmt<[], { scorer: string; count: number }>(
    db,
    'SELECT sentiment_scorer AS scorer, count(*) AS count FROM mentions GROUP BY sentiment_scorer ORDER BY count DESC',
  ).all()
}

const OTHERS = 'sentiment_scorer NOT IN (SELECT value FROM json_each(?))'

/** How many mentions a scorer not in `current` scored. */
export function countScoredByOthers(db: Db, current: readonly string[]): number {
  return stmt<[string], { n: number }>(db, `SELECT count(*) AS n FROM mentions WHERE ${OTHERS}`).get(
    JSON.stringify(current),
  )!.n
}

/** The next page of mentions a scorer not in `current` scored, after id `after`. */
export function scoredByOthers(db: Db, current: readonly string[], after: number, limit: number): RescoreRow[] {
  return stmt<[string, number, number], RescoreRow>(
    db,
    `SELECT id, text, lang FROM mentions WHERE ${OTHERS} AND id > ? ORDER BY id LIMIT ?`,
  ).all(JSON.stringify(current), after, limit)
}

/**
 * Stores new scores, all in one transaction. A mention the current scorer
 * scored meanwhile (an edit at the source while the page was being scored)
 * keeps that newer score.
 */
export function saveRescored(db: Db, scorer: string, rows: readonly Rescored[]): void {
  const update = stmt<[number, string, string, number, string]>(
    db,
    'UPDATE mentions SET sentiment = ?, sentiment_label = ?, sentiment_scorer = ? WHERE id = ? AND sentiment_scorer != ?',
  )
  db.transaction(() => {
    for (const r of rows) update.run(r.sentiment, r.sentimentLabel, scorer, r.id, scorer)
  })()
}

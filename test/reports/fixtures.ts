// A small archive with known contents for the report and review tests: mentions
// written through the store's own insert, hits placed by hand per column.
import type { SentimentLabel } from '../../src/shared/domain'
import { insertColumn, insertHit } from '../../src/main/core/store/columns'
import type { Db } from '../../src/main/core/store/db-types'
import { insertMention } from '../../src/main/core/store/mentions'
import { toMatchInput } from '../../src/shared/query/match-input'
import { mentionInput } from '../helpers'

export const HOUR = 3_600_000
/** 2024-03-01T00:00:00Z */
export const T0 = Date.UTC(2024, 2, 1)

export interface Seed {
  at: number
  text: string
  handle?: string
  label?: SentimentLabel
  columns: string[]
}

export function seedColumns(db: Db, titles: Record<string, string>): Record<string, string> {
  const ids: Record<string, string> = {}
  for (const [title, query] of Object.entries(titles)) ids[title] = insertColumn(db, { title, query }, T0).id
  return ids
}

export function seedMentions(db: Db, ids: Record<string, string>, seeds: readonly Seed[]): number[] {
  return db.transaction(() =>
    seeds.map((s) => {
      const input = mentionInput({
        createdAt: s.at,
        text: s.text,
        ...(s.handle
          ? { author: { handle: s.handle, name: s.handle, followers: 5, avatarUrl: null, verified: false } }
          : {}),
      })
      const label = s.label ?? 'neutral'
      const mention = { ...input, receivedAt: s.at, sentiment: 0, sentimentLabel: label }
      const id = insertMention(db, mention, toMatchInput(mention))!
      for (const title of s.columns) insertHit(db, ids[title]!, s.at, id)
      return id
    }),
  )()
}

// Derived fields for the query language, so SQL selects exactly what the live
// matcher does: folded author handle, folded reply-to handle, normalized
// language, the #hashtags and @mentions (as ' #tag @user ') and the links (one
// per line). Existing rows are filled from their text.
import { extractEntities, foldHandle, normalizeLang } from '../../../../shared/query/match-input'
import type { Migration } from './migration'

// The stored form of the #hashtags and @mentions as this step wrote it (store/mentions.ts has the
// live one): a migration keeps its own, so changing the live code never changes what a step did.
// The derivation itself (match-input) is the running version's on purpose: these fields cache the
// live matcher's reading of each text, and a later change to the matcher is a new step.
function entitiesField(hashtags: readonly string[], mentions: readonly string[]): string {
  const parts = [...hashtags.map((t) => `#${t}`), ...mentions.map((m) => `@${m}`)]
  return parts.length === 0 ? '' : ` ${parts.join(' ')} `
}

export const queryFields: Migration = {
  version: 20,
  name: 'query-fields',
  up(db) {
    db.exec(`
      ALTER TABLE mentions ADD COLUMN reply_to TEXT;
      ALTER TABLE mentions ADD COLUMN author_key TEXT NOT NULL DEFAULT '';
      ALTER TABLE mentions ADD COLUMN reply_key TEXT;
      ALTER TABLE mentions ADD COLUMN lang_key TEXT;
      ALTER TABLE mentions ADD COLUMN entities TEXT NOT NULL DEFAULT '';
      ALTER TABLE mentions ADD COLUMN links TEXT NOT NULL DEFAULT '';
    `)
    const rows = db.prepare('SELECT id, text, author_handle, lang FROM mentions').iterate() as IterableIterator<{
      id: number
      text: string
      author_handle: string
      lang: string | null
    }>
    const update = db.prepare('UPDATE mentions SET author_key = ?, lang_key = ?, entities = ?, links = ? WHERE id = ?')
    const pending: Array<[string, string | null, string, string, number]> = []
    for (const r of rows) {
      const e = extractEntities(r.text)
      pending.push([
        foldHandle(r.author_handle),
        r.lang === null ? null : normalizeLang(r.lang),
        entitiesField(e.hashtags, e.mentions),
        e.links.join('\n'),
        r.id,
      ])
    }
    for (const p of pending) update.run(...p)
    db.exec('CREATE INDEX mentions_by_author ON mentions (author_key, created_at)')
  },
}

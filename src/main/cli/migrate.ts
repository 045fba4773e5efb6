// `earshot migrate`: moves a whole archive into another engine, a SQLite file
// into a PostgreSQL database for a team (and back), with progress. Stopped
// (Ctrl-C, a dropped connection), the same command goes on where it stopped.
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { isPostgresUrl, redactUrl, transferArchive } from '../core/store'
import { archiveTarget, intOption, UsageError } from './args'
import { ProgressPrinter } from './progress'

export const MIGRATE_USAGE = `  earshot migrate --from ARCHIVE --to ARCHIVE [--chunk ROWS]
      Copy a whole archive between engines: a SQLite file and a PostgreSQL database
      (postgres://user:password@host:5432/db), either way. The destination must be
      empty (a new file, an empty database); stopped, the same command resumes.
      Stop capture on the source first.`

export async function migrateCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { from: { type: 'string' }, to: { type: 'string' }, chunk: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  })
  if (positionals.length > 0) throw new UsageError(`migrate takes no arguments (got "${positionals[0]}")`)
  if (!values.from || !values.to) throw new UsageError('migrate needs --from and --to')
  const from = archiveTarget(values.from, '--from')
  const to = archiveTarget(values.to, '--to')
  if (!isPostgresUrl(from) && !existsSync(from)) throw new UsageError(`no archive at ${from}`)
  const chunk = intOption(values.chunk, 'chunk', 1, 100_000)
  const shown = (t: string) => (isPostgresUrl(t) ? redactUrl(t) : t)
  const progress = new ProgressPrinter(process.stderr, { label: `copying to ${shown(to)}` })
  try {
    const result = await transferArchive(from, to, {
      ...(chunk ? { chunk } : {}),
      onProgress: (p) => progress.update(p.done, p.total === 0 ? 1 : p.done / p.total),
    })
    progress.end()
    const mentions = (result.rows.mentions ?? 0).toLocaleString('en-US')
    const rows = Object.values(result.rows)
      .reduce((a, b) => a + b, 0)
      .toLocaleString('en-US')
    process.stderr.write(
      `earshot: copied ${shown(from)} to ${shown(to)}: ${mentions} mentions, ${rows} rows in all` +
        (result.resumed > 0 ? ` (${result.resumed.toLocaleString('en-US')} were there from the stopped run)` : '') +
        '\n',
    )
  } finally {
    progress.end()
  }
}

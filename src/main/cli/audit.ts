// `earshot audit`: the audit log of an archive (a file or a team database),
// newest first, as a table or as CSV for a report.
import { existsSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { AuditEntry } from '../../shared/contracts/audit'
import { auditCsv } from '../core/audit/handlers'
import { isPostgresUrl, openAnyArchive } from '../core/store'
import { archiveOption, intOption, timeOption, UsageError } from './args'

export const AUDIT_USAGE = `  earshot audit [--db ARCHIVE] [--since T] [--until T] [--operator NAME] [--limit N] [--csv]
      Who did what and when: triage, replies, column, source and destination changes, imports,
      exports, refusals for a role. Newest first; --csv writes CSV to stdout.`

export async function auditCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      operator: { type: 'string' },
      limit: { type: 'string' },
      csv: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  })
  if (positionals.length > 0) throw new UsageError(`audit takes no arguments (got "${positionals[0]}")`)
  const target = archiveOption(values.db)
  if (!isPostgresUrl(target) && !existsSync(target)) throw new UsageError(`no archive at ${target}`)
  const query = {
    since: timeOption(values.since, 'since'),
    until: timeOption(values.until, 'until'),
    ...(values.operator ? { operator: values.operator } : {}),
    limit: intOption(values.limit, 'limit', 1, 1000) ?? 1000,
  }
  const archive = await openAnyArchive(target)
  let entries: AuditEntry[]
  try {
    entries = await archive.listAudit(query)
  } finally {
    await archive.close()
  }
  if (values.csv) {
    process.stdout.write(auditCsv(entries))
    return
  }
  const rows = entries.map((e) => [new Date(e.at).toISOString(), e.operator, e.action, e.targets, e.outcome])
  if (rows.length === 0) process.stderr.write('earshot: nothing in the audit log for that\n')
  for (const r of rows) process.stdout.write(`${r.join('\t')}\n`)
}

// `earshot export`: streams an archive's mentions to stdout as CSV or JSONL.
// Only the file goes to stdout; the row count and any error go to stderr.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { EXPORT_FIELDS, ExportFieldSchema, ExportFormatSchema, type ExportField } from '../../shared/contracts/archive'
import { planParallel, writeExport } from '../core/archive/export'
import { CommandFailure } from '../core/errors'
import { isPostgresUrl, openStore, openStoreReader } from '../core/store'
import { archiveOption, timeOption, UsageError } from './args'

export const EXPORT_USAGE = `  earshot export [--db PATH] [--query Q] [--format csv|jsonl] [--fields a,b,...] [--since T] [--until T] [--bom]
      Write the archive's mentions matching Q (default: all) to stdout, in capture order.
      --format F      csv (RFC 4180, UTF-8, formula cells neutralised; default) or jsonl
      --fields LIST   comma-separated, default all: ${EXPORT_FIELDS.join(',')}
      --since T       posted at or after T (ISO-8601 such as 2026-11-01T00:00Z, or epoch seconds/ms)
      --until T       posted before T
      --bom           start with a UTF-8 byte-order mark (for Excel)`

export function fieldsOption(value: string | undefined): ExportField[] {
  if (value === undefined) return [...EXPORT_FIELDS]
  const fields = value
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f !== '')
  for (const f of fields) {
    if (!ExportFieldSchema.safeParse(f).success)
      throw new UsageError(`unknown field "${f}" in --fields; fields: ${EXPORT_FIELDS.join(', ')}`)
  }
  if (fields.length === 0) throw new UsageError('--fields needs at least one field')
  return fields as ExportField[]
}

export async function exportCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      query: { type: 'string', default: '' },
      format: { type: 'string', default: 'csv' },
      fields: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      bom: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: true,
  })
  if (positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0]}" (quote the query: --query "...")`)
  const format = ExportFormatSchema.safeParse(values.format)
  if (!format.success) throw new UsageError(`--format must be csv or jsonl (got "${values.format}")`)
  const fields = fieldsOption(values.fields)
  const since = timeOption(values.since, 'since')
  const until = timeOption(values.until, 'until')
  if (since !== null && until !== null && until <= since) throw new UsageError('--until must be after --since')
  const archivePath = archiveOption(values.db)
  if (!isPostgresUrl(archivePath) && !existsSync(archivePath)) throw new Error(`no archive at ${archivePath}`)

  // Bring an older archive's schema up to date first; then read on a connection of our own.
  openStore(archivePath).close()
  const { read: reader, close } = openStoreReader(archivePath)
  try {
    let query
    try {
      query = reader.exportQuery({ scope: { kind: 'query', query: values.query }, since, until, fields }, '')
    } catch (err) {
      if (err instanceof CommandFailure) throw new UsageError(err.message)
      throw err
    }
    const total = reader.countExportRows(query)
    const parallel = planParallel(total, query, {
      script: join(__dirname, 'export-worker.js'),
      archivePath,
    })
    const rows = await writeExport(reader, { format: format.data, fields, bom: values.bom }, query, process.stdout, {
      parallel,
    })
    process.stderr.write(`earshot: exported ${rows} of ${total} mentions\n`)
  } catch (err) {
    // The reader went away (`| head`): not a failure of ours.
    if ((err as NodeJS.ErrnoException).code === 'EPIPE') return
    throw err
  } finally {
    close()
  }
}

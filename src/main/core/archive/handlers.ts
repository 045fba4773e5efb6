// Handlers of the analyst commands (shared/contracts/archive.ts).
import { parse } from 'csv-parse/sync'
import type { archiveCommands } from '../../../shared/contracts/archive'
import { readerOf, type HandlerGroup } from '../dispatch'
import type { ArchiveServices } from './services'
import { badRequest } from '../errors'
import { guessMapping } from './import/records'

const PREVIEW_ROWS = 5

export function archiveHandlers({ archive }: { archive: ArchiveServices }): HandlerGroup<typeof archiveCommands> {
  const { exports, imports } = archive
  return {
    'export.start': (request, caller) => exports.start(request, readerOf(caller)),
    'export.save': ({ id }) => exports.save(id),
    'export.cancel': ({ id }) => exports.cancel(id),
    'import.preview': ({ text }) => {
      // The start of a file: drop a last line that may be cut short.
      const cut = text.lastIndexOf('\n')
      const head = cut > 0 ? text.slice(0, cut) : text
      let rows: string[][]
      try {
        rows = parse(head, { bom: true, relax_column_count: true, skip_empty_lines: true, to: PREVIEW_ROWS + 1 })
      } catch (err) {
        throw badRequest(`the start of the file is not valid CSV: ${(err as Error).message}`)
      }
      const headers = rows[0] ?? []
      if (headers.length === 0) throw badRequest('the file is empty')
      return { headers, rows: rows.slice(1), mapping: guessMapping(headers) }
    },
    'import.start': ({ format, mapping }) => imports.start(format, mapping),
    'import.chunk': ({ id, text, last }) => imports.chunk(id, text, last),
    'import.cancel': ({ id }) => imports.cancel(id),
  }
}

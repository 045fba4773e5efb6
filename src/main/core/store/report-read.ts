// A report as read from one archive connection, the same on the core's thread
// and in the report worker (report-worker.ts): the chosen columns first (a
// missing one is the same clear not-found error either way), then the numbers.
import type { Report, ReportRequest } from '../../../shared/contracts/reports'
import type { Column } from '../../../shared/domain'
import { notFound } from '../errors'
import { getColumn } from './columns'
import type { Db } from './db-types'
import { buildReport, hitBounds, type BuildOptions } from './reports'

function columnsOf(db: Db, ids: readonly string[], review: boolean): Column[] {
  return ids.map((id) => {
    const column = getColumn(db, id)
    if (!column) throw notFound(`column ${id}${review ? ' in the archive under review' : ''}`)
    return column
  })
}

export function readReport(
  db: Db,
  archive: Report['archive'],
  r: ReportRequest,
  options: Pick<BuildOptions, 'checkpoint'> = {},
): Report {
  return buildReport(db, columnsOf(db, r.columnIds, archive.review), r, archive, options)
}

export function readBounds(
  db: Db,
  columnIds: readonly string[],
  review: boolean,
): { first: number | null; last: number | null } {
  columnsOf(db, columnIds, review)
  return hitBounds(db, columnIds)
}

// Actions of the Reports view: what the report archive's columns are, the
// span they cover, a report over a range, and its series as CSV or the view
// as PDF (desktop). The view keeps what it shows; these are its calls.
import { command } from './client'

export const fetchReportColumns = command('reports.columns')
export const fetchReportBounds = command('reports.bounds')
export const fetchReport = command('reports.get')
export const fetchReportCsv = command('reports.csv')
/** Desktop: asks where to save and prints the window to it; `path` is null when cancelled. */
export const saveReportPdf = command('reports.pdf')

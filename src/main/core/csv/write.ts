// The one writer of CSV records in Earshot: archive exports (on this thread and
// in the export workers, whatever the scope) and the reports' series download
// both go through csvRecords. RFC 4180 via csv-stringify: CRLF after every
// record; a field is quoted when it holds the delimiter, the quote or any line
// break, so Excel, LibreOffice, Python's csv module and our own importer all
// read one record per row. Every text cell is guarded against formulas
// (neutralize.ts); numbers are written as they are.
import { stringify, type Options } from 'csv-stringify/sync'
import { neutralize } from './neutralize'

export type CsvValue = string | number | boolean | null | undefined

/**
 * Unicode's mandatory line breaks: CR, LF (and so CRLF), VT, FF, NEL, LS, PS. csv-stringify
 * quotes a bare CR or LF only while `record_delimiter` is left at its default
 * (`quote_record_delimiter` defaults to `!record_delimiter`): with CRLF records it writes
 * "a\nb" unquoted, which every reader but csv-parse's delimiter detection splits in two. One
 * pattern covers every break, the Unicode ones included (the option would test only CR and LF).
 */
export const CSV_LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/

const OPTIONS: Options = {
  record_delimiter: 'windows',
  eof: true,
  quoted_match: CSV_LINE_BREAK,
  cast: {
    string: (value) => neutralize(value),
    boolean: (value) => (value ? 'true' : 'false'),
  },
}

/** Records as CSV text, each ended by CRLF; null and undefined cells are empty. */
export function csvRecords(records: readonly (readonly CsvValue[])[]): string {
  return records.length === 0 ? '' : stringify(records as CsvValue[][], OPTIONS)
}

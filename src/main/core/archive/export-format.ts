// Turning exported rows into CSV (written by csv/write.ts: RFC 4180, formula
// cells neutralised; ISO-8601 UTC times) or JSONL (one JSON object per line,
// lists as arrays, flags as booleans). Rows are formatted a batch at a time:
// one csv-stringify call per batch costs far less than one stream write per row.
import type { ExportField, ExportFormat } from '../../../shared/contracts/archive'
import { csvRecords, type CsvValue } from '../csv/write'
import { LIST_SEPARATOR, type ExportRow } from '../store'

type Raw = string | number | null
type Cell = string | number | boolean | string[] | null

const BOOLEAN_FIELDS: ReadonlySet<ExportField> = new Set(['read', 'done'])
const LIST_FIELDS: ReadonlySet<ExportField> = new Set(['columns', 'tags'])

/** How a field's raw SQLite value becomes its exported value (chosen once per field, not per cell). */
function converter(field: ExportField): (raw: Raw) => Cell {
  if (field === 'created_at') return (raw) => new Date(raw as number).toISOString()
  if (BOOLEAN_FIELDS.has(field)) return (raw) => raw === 1
  if (LIST_FIELDS.has(field)) return (raw) => (raw === null || raw === '' ? [] : String(raw).split(LIST_SEPARATOR))
  return (raw) => raw
}

/** In CSV, lists read as "a; b". */
function csvValue(value: Cell): CsvValue {
  return Array.isArray(value) ? value.join('; ') : value
}

export const UTF8_BOM = '\ufeff'

export interface Formatter {
  /** Text that starts the file (BOM, header line). */
  head(): string
  /** One batch of rows (raw values in field order) as text. */
  rows(rows: readonly ExportRow[]): string
  readonly contentType: string
  readonly extension: string
}

export function formatter(format: ExportFormat, fields: readonly ExportField[], bom: boolean): Formatter {
  const convert = fields.map(converter)
  if (format === 'jsonl') {
    return {
      contentType: 'application/x-ndjson; charset=utf-8',
      extension: 'jsonl',
      head: () => '',
      rows: (rows) => {
        let out = ''
        for (const row of rows) {
          const obj: Record<string, Cell> = {}
          for (let i = 0; i < fields.length; i++) obj[fields[i]!] = convert[i]!(row[i] ?? null)
          out += `${JSON.stringify(obj)}\n`
        }
        return out
      },
    }
  }
  return {
    contentType: 'text/csv; charset=utf-8; header=present',
    extension: 'csv',
    head: () => (bom ? UTF8_BOM : '') + csvRecords([fields]),
    rows: (rows) => csvRecords(rows.map((row) => row.map((raw, i) => csvValue(convert[i]!(raw))))),
  }
}

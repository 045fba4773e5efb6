// Export benchmark: every mention of the 1,000,000-mention archive (see
// archive.ts) with every field, as CSV and as JSONL, streamed to a file
// through the same code the console and the CLI use. Peak RSS is sampled
// during the run to show that memory stays flat (target: < 10 s per million).
import { mkdtempSync, rmSync, statSync, createWriteStream, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EXPORT_FIELDS, type ExportFormat } from '../src/shared/contracts/archive'
import { planParallel, writeExport } from '../src/main/core/archive/export'
import { openReader } from '../src/main/core/store/db'
import { countRows, exportQuery } from '../src/main/core/store/export-rows'
import { backfillColumn, insertColumn, listColumns } from '../src/main/core/store/columns'
import { toSqlWhere } from '../src/main/core/store/query-sql'
import { compileColumnQuery } from '../src/shared/query/column-query'
import { ms, openBenchArchive, RESULTS, rssSampler } from './archive'
import { storeOf } from '../src/main/core/store/store'

const COLUMNS = ['comcast OR xfinity', 'jetblue', '"whole foods"', 'ford']

async function main(): Promise<void> {
  const { db, path } = openBenchArchive()
  // Matched columns are part of a full export: give the archive the four demo columns once.
  if (listColumns(db).length === 0) {
    db.transaction(() => {
      for (const query of COLUMNS) {
        const c = insertColumn(db, { title: query, query }, Date.now())
        const compiled = compileColumnQuery(query)
        if (compiled.ok) backfillColumn(db, c.id, toSqlWhere(compiled.ast))
      }
    })()
  }
  db.close()

  const dir = mkdtempSync(join(tmpdir(), 'earshot-bench-export-'))
  const reader = openReader(path)
  const fields = [...EXPORT_FIELDS]
  const results: Record<string, unknown> = {}
  try {
    const query = exportQuery(reader, { scope: { kind: 'query', query: '' }, fields }, '')
    const total = countRows(reader, query)
    const rssBefore = Math.round(process.memoryUsage().rss / 2 ** 20)
    // Each format with the worker threads the console uses, and CSV once more on one thread for comparison.
    const runs: Array<{ format: ExportFormat; threads: 'workers' | 'one' }> = [
      { format: 'csv', threads: 'workers' },
      { format: 'jsonl', threads: 'workers' },
      { format: 'csv', threads: 'one' },
    ]
    for (const { format, threads } of runs) {
      const label = threads === 'one' ? `${format}-one-thread` : format
      const file = join(dir, `all.${format}`)
      const rss = rssSampler()
      const t0 = process.hrtime.bigint()
      // RSS every 100,000 rows: flat memory means these stay level as the file grows.
      const rssByRows: Record<number, number> = {}
      const rows = await writeExport(
        storeOf(reader).read,
        { format, fields, bom: true },
        query,
        createWriteStream(file),
        {
          parallel:
            threads === 'one'
              ? undefined
              : planParallel(total, query, { script: join(__dirname, 'export-worker.js'), archivePath: path }),
          onRows: (n) => {
            if (n % 100_000 === 0) rssByRows[n] = Math.round(process.memoryUsage().rss / 2 ** 20)
          },
        },
      )
      const seconds = ms(t0) / 1000
      const memory = rss.stop()
      const bytes = statSync(file).size
      results[label] = {
        rows,
        seconds: Number(seconds.toFixed(2)),
        rowsPerSecond: Math.round(rows / seconds),
        megabytes: Math.round(bytes / 2 ** 20),
        rssBeforeMB: rssBefore,
        peakRssMB: memory.peakMB,
        rssMBEvery100kRows: Object.values(rssByRows),
      }
      console.log(
        `export ${label}: ${rows.toLocaleString()} of ${total.toLocaleString()} rows, all ${fields.length} fields, ` +
          `${Math.round(bytes / 2 ** 20)} MB in ${seconds.toFixed(2)} s (${Math.round(rows / seconds).toLocaleString()} rows/s; target < 10 s); ` +
          `RSS ${rssBefore} MB before, peak ${memory.peakMB} MB; every 100k rows: ${Object.values(rssByRows).join(', ')} MB`,
      )
      rmSync(file)
    }
  } finally {
    reader.close()
    rmSync(dir, { recursive: true, force: true })
  }
  writeFileSync(join(RESULTS, 'export.json'), JSON.stringify({ ...results, node: process.version }, null, 2))
}

void main()

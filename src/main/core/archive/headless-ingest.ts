// The ingest pipeline without the rest of the core, for the command-line
// import and its benchmark: the archive, the router over its stored columns
// (so imported mentions land in the columns they match, as live ones do) and
// the batched writer. No sources start, no events go anywhere.
import { openStore, type Store } from '../store'
import { Ingest } from '../pipeline/ingest'
import { WorkerScorer } from '../pipeline/sentiment-pool'
import { Router } from '../pipeline/router'
import { StatsTracker } from '../pipeline/stats'
import { ingestSink } from './import-jobs'
import type { ImportSink } from './import/importer'

export interface HeadlessIngest {
  store: Store
  ingest: Ingest
  /** A sink that fails the import when the archive cannot be written. */
  sink: ImportSink
  close(): Promise<void>
}

export interface HeadlessIngestOptions {
  sentimentWorker?: string
  /** Where the archive's warnings (a slow disk) go; default console.warn. */
  log?: (line: string) => void
}

export function openHeadlessIngest(archivePath: string, options: HeadlessIngestOptions = {}): HeadlessIngest {
  const store = openStore(archivePath, options.log ? { log: options.log } : {})
  const router = new Router()
  router.setColumns(store.read.listColumns())
  const scorer = options.sentimentWorker ? new WorkerScorer(options.sentimentWorker) : undefined
  let failure: unknown
  const ingest = new Ingest(store.write, router, new StatsTracker(), {
    now: Date.now,
    ...(scorer ? { scorer } : {}),
    sink: { committed: () => {} },
    onError: (err) => (failure ??= err),
  })
  return {
    store,
    ingest,
    sink: ingestSink(ingest, () => failure),
    async close() {
      try {
        await ingest.close()
        if (failure !== undefined) throw failure
      } finally {
        await scorer?.close()
        store.close()
      }
    },
  }
}

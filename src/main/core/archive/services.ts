// The analyst's long-running work (exports and imports), owned by the core
// for its lifetime; browser mode's server streams export downloads from it.
import type { EventHub } from '../events'
import type { Ingest } from '../pipeline/ingest'
import type { Store } from '../store'
import { ExportJobs } from './export-jobs'
import { ImportJobs } from './import-jobs'

export interface ArchiveServices {
  readonly exports: ExportJobs
  readonly imports: ImportJobs
  close(): void
}

export interface ArchiveServicesOptions {
  store: Pick<Store, 'read' | 'openReader'>
  archivePath: string
  hub: EventHub
  ingest: Ingest
  now: () => number
  exportWorker?: string | undefined
  saveDialog?: ((suggestedName: string) => Promise<string | null>) | undefined
}

export function createArchiveServices(o: ArchiveServicesOptions): ArchiveServices {
  const exports = new ExportJobs(o)
  const imports = new ImportJobs(o.hub, o.ingest)
  return {
    exports,
    imports,
    close() {
      exports.close()
      imports.close()
    },
  }
}

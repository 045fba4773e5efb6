// Handlers of the reports and review commands (shared/contracts/reports.ts).
// Every read goes to the review session's target: the archive under review
// when one is open, the live archive otherwise. Reports are built by the
// ReportRunner (a worker thread when the core has one); the bounds are two
// index probes per column and stay on this thread.
import type { reportsCommands } from '../../../shared/contracts/reports'
import type { DesktopShell } from '../desktop-shell'
import type { HandlerGroup } from '../dispatch'
import { badRequest, CommandFailure } from '../errors'
import { annotate, getAnnotations } from '../review/annotations'
import { expandPath, type ReviewSession } from '../review/session'
import type { Store } from '../store'
import { compileColumnQuery } from '../../../shared/query/column-query'
import type { ReportRunner } from './report-runner'
import { seriesCsv, seriesFilename } from './series-csv'

const desktopOnly = (what: string) =>
  new CommandFailure(
    'unavailable',
    `${what} needs the desktop app; in a browser, type a path or use the browser's print`,
  )

export interface ReportsDeps {
  /** The live archive (a copy of it is saved from here). */
  store: Pick<Store, 'saveCopy'>
  review: ReviewSession
  reports: ReportRunner
  now: () => number
  /** Native dialogs and PDF printing, from Electron main; absent in browser mode. */
  shell?: DesktopShell | undefined
}

export function reportsHandlers(deps: ReportsDeps): HandlerGroup<typeof reportsCommands> {
  const { review, reports } = deps
  return {
    'reports.columns': () => review.target().store.read.listColumns(),
    'reports.bounds': ({ columnIds }) => {
      const target = review.target()
      return target.store.read.readBounds(columnIds, target.review)
    },
    'reports.get': ({ view, ...r }) => reports.report(review.target(), r, view),
    'reports.csv': async (r) => {
      const built = await reports.report(review.target(), r)
      return { filename: seriesFilename(built), csv: seriesCsv(built) }
    },
    'reports.pdf': async ({ title }) => {
      const shell = deps.shell
      if (!shell) throw desktopOnly('saving a PDF')
      return { path: await shell.printToPdf(title) }
    },

    'review.state': () => review.state(),
    'review.open': ({ path, readOnly }) => review.open(path, readOnly),
    'review.close': () => review.close(),
    'review.choosePath': async ({ purpose }) => {
      const shell = deps.shell
      if (!shell) throw desktopOnly('a file dialog')
      return { path: await shell.chooseArchivePath(purpose) }
    },
    'review.saveCopy': async ({ path, which }) => {
      const target = review.target()
      if (which === 'review' && !target.review) throw badRequest('no archive is under review')
      // saveCopy never overwrites, so no open archive can be the destination.
      return (which === 'live' ? deps.store : target.store).saveCopy(expandPath(path))
    },
    'review.search': ({ query, ...options }) => {
      const compiled = compileColumnQuery(query)
      if (!compiled.ok)
        throw badRequest(`invalid query: ${compiled.error.message}`, [`query: ${compiled.error.message}`])
      const target = review.target()
      const page = target.store.read.searchMentions(compiled.ast, options)
      const annotations = getAnnotations(
        target.store,
        page.items.map((m) => m.id),
      )
      return { items: page.items.map((mention, i) => ({ mention, annotation: annotations[i]! })), next: page.next }
    },
    'review.annotate': (patch) => {
      const target = review.target()
      if (target.readOnly) {
        throw new CommandFailure(
          'conflict',
          'this archive is open read-only; open it again with changes allowed to annotate it',
        )
      }
      return annotate(target.store, patch, deps.now())
    },
  }
}

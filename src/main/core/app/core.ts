// The core of Earshot, the same under plain Node (browser mode, headless) and
// in Electron's main process: the composition root. It wires the services
// (wiring.ts), serves the contract's commands through one handler table
// (handlers.ts), and owns the lifecycle: start, the stats timer, stop.
import { STATS_BUCKET_MS } from '../../../shared/domain'
import type { Caller } from '../../../shared/permissions'
import { DisposableStore } from '../lifetime'
import { PRESENCE_REPEAT_MS } from '../../../shared/contracts/session'
import { handlersOf } from './handlers'
import type { Core, CoreOptions } from './options'
import { Session, type SessionDeps } from './session'
import { wire } from './wiring'

export type { Core, CoreOptions } from './options'

export function createCore(options: CoreOptions): Core {
  const s = wire(options)
  const handlers = handlersOf(s, options)
  const disposables = new DisposableStore()
  const columnIds = () => s.columns.list().map((c) => c.id)
  const sessions: SessionDeps = {
    handlers,
    store: s.store,
    presence: s.presence,
    resumable: new Map<string, Caller>(),
    now: s.now,
  }
  // In-process callers (the CLI's capture, tests) are trusted: no sign-in.
  const trusted = new Session(sessions, true)

  return {
    store: s.store,
    db: s.db,
    hub: s.hub,
    handlers,
    ingest: s.ingest,
    sources: s.sources,
    outbox: s.outbox,
    archive: s.archive,
    delivery: s.delivery,
    events: { statsTicked: s.statsTicked },
    call: (name, input, caller) => trusted.call(name, input, caller),
    openSession: () => new Session(sessions),
    start() {
      s.columns.init()
      s.sources.applyDemo(s.workspace.settings.demo)
      s.sources.startConfigured()
      s.outbox.resume()
      s.team
        ?.start()
        .catch((err: unknown) => console.error(`earshot: live changes from other consoles: ${String(err)}`))
      disposables.add(s.alerts.start())
      disposables.add(s.delivery.start())
      disposables.add(s.statsTicked.event((stats) => s.hub.emit('stats.tick', stats)))
      const timer = setInterval(
        () => {
          s.sources.tick()
          s.statsTicked.fire(s.stats.snapshot(columnIds(), s.now()))
        },
        options.statsIntervalMs ?? Math.min(2_000, STATS_BUCKET_MS),
      )
      disposables.add(() => clearInterval(timer))
      const sweep = setInterval(() => s.presence.sweep(), PRESENCE_REPEAT_MS / 2)
      disposables.add(() => clearInterval(sweep))
    },
    async stop() {
      disposables.dispose()
      await s.team?.close()
      s.archive.close()
      await s.rescores.close()
      await s.sources.stopAll()
      await s.outbox.close()
      await s.delivery.close()
      await s.ingest.close()
      await s.scorer?.close()
      await s.reports.close()
      s.live.dispose()
      s.review.dispose()
      s.store.close()
    },
  }
}

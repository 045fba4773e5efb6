// The X source: the filtered stream or recent-search polling, by setting.
// Notices on columns are sent only when they change.
import type { TwitterApiv2 } from 'twitter-api-v2'
import type { ColumnId } from '../../../../shared/domain'
import type { XConfig } from '../../../../shared/sources/x'
import type { Connector, ConnectorContext } from '../connector'
import { systemTimers, type Timers } from './clock'
import { XSearchPoller } from './search'
import { XStreamReader } from './stream'

export interface XConnectorOptions {
  config: Pick<XConfig, 'mode' | 'pollSeconds'>
  api: TwitterApiv2
  /** Default: real timers on the context's clock. */
  timers?: Timers
}

export class XConnector implements Connector {
  readonly source = 'x' as const
  private worker: XStreamReader | XSearchPoller | null = null
  private notices = new Map<ColumnId, string | null>()

  constructor(private readonly o: XConnectorOptions) {}

  start(ctx: ConnectorContext): void {
    const timers = this.o.timers ?? systemTimers(ctx.now)
    const notice = (columnId: ColumnId, message: string | null) => {
      if ((this.notices.get(columnId) ?? null) === message) return
      this.notices.set(columnId, message)
      ctx.notice?.(columnId, message)
    }
    this.worker =
      this.o.config.mode === 'stream'
        ? new XStreamReader({ api: this.o.api, ctx, timers, notice })
        : new XSearchPoller({ api: this.o.api, ctx, timers, notice, pollMs: this.o.config.pollSeconds * 1000 })
    this.worker.start()
  }

  columnsChanged(): void {
    this.worker?.columnsChanged()
  }

  stop(): void {
    this.worker?.stop()
    this.worker = null
  }

  /** The reader or poller at work (tests look inside). */
  get current(): XStreamReader | XSearchPoller | null {
    return this.worker
  }
}

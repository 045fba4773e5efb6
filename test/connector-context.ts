// A ConnectorContext for testing one connector alone: records what it emits,
// its deletes and edits, its statuses, gaps and cursors, and matches with real column queries.
import type { ConnectorContext, EditedMention } from '../src/main/core/connectors/connector'
import { Router } from '../src/main/core/pipeline/router'
import type { Column, MentionInput, SourceStatus } from '../src/shared/domain'

export type RecordedStatus = Omit<SourceStatus, 'source' | 'rate'>

export interface RecordedGap {
  startedAt: number
  endedAt: number | null
  reason: string
}

export interface TestContext {
  ctx: ConnectorContext
  batches: MentionInput[][]
  /** External ids handed to `retract`, in order. */
  retracted: string[]
  /** Edits handed to `revise`, in order. */
  revised: EditedMention[]
  statuses: RecordedStatus[]
  gaps: RecordedGap[]
  cursors: Map<string, string>
  logs: string[]
  /** Everything emitted, flattened. */
  emitted(): MentionInput[]
  setColumns(columns: Array<Pick<Column, 'id' | 'query'> & Partial<Column>>): Column[]
}

export function connectorContext(now: () => number = Date.now, overrides: Partial<ConnectorContext> = {}): TestContext {
  const batches: MentionInput[][] = []
  const retracted: string[] = []
  const revised: EditedMention[] = []
  const statuses: RecordedStatus[] = []
  const gaps: RecordedGap[] = []
  const cursors = new Map<string, string>()
  const logs: string[] = []
  const router = new Router()
  let columns: Column[] = []
  const ctx: ConnectorContext = {
    emit: (ms) => batches.push(ms),
    retract: (ids) => retracted.push(...ids),
    revise: (edits) => revised.push(...edits),
    status: (s) => statuses.push(s),
    now,
    gap: {
      open: (reason) => {
        if (gaps.some((g) => g.endedAt === null)) return
        gaps.push({ startedAt: now(), endedAt: null, reason })
      },
      close: () => {
        const open = gaps.find((g) => g.endedAt === null)
        if (open) open.endedAt = now()
      },
    },
    cursor: {
      get: (key) => cursors.get(key),
      set: (key, value) => (value === null ? cursors.delete(key) : cursors.set(key, value)),
    },
    columns: () => columns,
    matches: (m) => router.anyMatch(m),
    log: (message) => logs.push(message),
    ...overrides,
  }
  return {
    ctx,
    batches,
    retracted,
    revised,
    statuses,
    gaps,
    cursors,
    logs,
    emitted: () => batches.flat(),
    setColumns(list) {
      columns = list.map((c, i) => ({ title: c.id, position: i, width: 340, createdAt: 0, ...c }))
      router.setColumns(columns)
      return columns
    },
  }
}

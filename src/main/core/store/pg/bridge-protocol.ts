// What the synchronous PostgreSQL bridge (sync-bridge.ts) and its worker
// (bridge-worker.ts) say to each other: one request at a time, answered
// before the caller's thread goes on.
export type RowMode = 'all' | 'run' | 'raw' | 'pluck'

export type BridgeRequest =
  | { op: 'query'; sql: string; params: unknown[]; mode: RowMode }
  | { op: 'cursor'; sql: string; params: unknown[]; raw: boolean }
  | { op: 'fetch'; cursor: number; count: number }
  | { op: 'closeCursor'; cursor: number }
  | { op: 'proc'; name: string; args: unknown[] }
  | { op: 'close' }

export interface BridgeError {
  message: string
  code?: string
}

export type BridgeReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: BridgeError }

export interface BridgeWorkerData {
  url: string
  flag: SharedArrayBuffer
  max: number
}

/** The result of a statement run for its effect, as better-sqlite3's `run()` reports it. */
export interface RunResult {
  changes: number
  lastInsertRowid: number
}

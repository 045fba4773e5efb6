// Re-scores an archive with the current scorer: every mention another scorer
// (VADER, an older model, an imported file) scored, a page at a time. Each
// page is committed on its own, so an interrupted run keeps its work and the
// next one picks up where it stopped. Columns whose query reads sentiment
// (`sentiment:negative`) are rebuilt from the archive afterwards, also when
// the run stopped part-way, so their hits agree with the new labels. Used by
// `earshot rescore` and the console's re-score job.
import type { ColumnId } from '../../../shared/domain'
import { someAtom } from '../../../shared/query/ast'
import { compileColumnQuery } from '../../../shared/query/column-query'
import type { Store } from '../store'
import { inline, type AsyncScorer } from '../pipeline/sentiment-pool'
import { CURRENT_SCORERS, SCORER } from './scorer'

const PAGE = 2_000

export interface RescoreOptions {
  /** A worker-thread scorer; without one, pages are scored on this thread. */
  scorer?: AsyncScorer
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

export interface RescoreResult {
  rescored: number
  /** Columns whose hits were rebuilt (their queries use `sentiment:`). */
  refilled: ColumnId[]
}

type RescoreStore = Pick<Store, 'read' | 'write'>

export async function rescoreArchive(store: RescoreStore, o: RescoreOptions = {}): Promise<RescoreResult> {
  const total = store.read.countScoredByOthers(CURRENT_SCORERS)
  let done = 0
  let after = 0
  let refilled: ColumnId[] = []
  o.onProgress?.(0, total)
  try {
    for (;;) {
      o.signal?.throwIfAborted()
      const rows = store.read.scoredByOthers(CURRENT_SCORERS, after, PAGE)
      if (rows.length === 0) break
      const items = rows.map((r) => ({ text: r.text, lang: r.lang }))
      const scored = o.scorer ? await o.scorer.score(items) : inline(items)
      o.signal?.throwIfAborted()
      store.write.saveRescored(
        SCORER,
        rows.map((r, i) => ({
          id: r.id,
          sentiment: Math.max(-1, Math.min(1, Number(scored.scores[i]) || 0)),
          sentimentLabel: scored.labels[i] ?? 'unscored',
        })),
      )
      after = rows.at(-1)!.id
      done += rows.length
      o.onProgress?.(done, Math.max(total, done))
      // Between pages the core serves its other work (capture, commands, a cancel).
      await new Promise((resolve) => setImmediate(resolve))
    }
  } finally {
    if (done > 0) refilled = refillSentimentColumns(store)
  }
  return { rescored: done, refilled }
}

/** Rebuilds the hits of every column whose query reads sentiment; returns their ids. */
function refillSentimentColumns(store: RescoreStore): ColumnId[] {
  return store.read.listColumns().flatMap((column) => {
    const compiled = compileColumnQuery(column.query)
    if (!compiled.ok || !someAtom(compiled.ast, (a) => a.type === 'sentiment')) return []
    store.write.refillColumn(column.id, compiled.ast)
    return [column.id]
  })
}

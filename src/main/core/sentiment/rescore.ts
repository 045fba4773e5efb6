// Re-scores an archive with the current scorer: every mention another scorer
// (VADER, an older model, an imported file) scored, a page at a time. Each
// page is committed on its own, so an interrupted run keeps its work and the
// next one picks up where it stopped. Used by `earshot rescore`.
import type { Store } from '../store'
import { inline, type AsyncScorer } from '../pipeline/sentiment-pool'
import { SCORER } from './scorer'

const PAGE = 2_000

export interface RescoreOptions {
  /** A worker-thread scorer; without one, pages are scored on this thread. */
  scorer?: AsyncScorer
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

export async function rescoreArchive(store: Store, o: RescoreOptions = {}): Promise<{ rescored: number }> {
  const total = store.read.countScoredByOthers(SCORER)
  let done = 0
  let after = 0
  o.onProgress?.(0, total)
  for (;;) {
    o.signal?.throwIfAborted()
    const rows = store.read.scoredByOthers(SCORER, after, PAGE)
    if (rows.length === 0) break
    const items = rows.map((r) => ({ text: r.text, lang: r.lang }))
    const scored = o.scorer ? await o.scorer.score(items) : inline(items)
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
  }
  return { rescored: done }
}

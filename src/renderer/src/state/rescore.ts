// Re-scoring an archive's sentiment from the console: the status and job
// calls the dialog makes, and what every window does when a job is over —
// the live deck reloads its feeds and sparklines (cards show the new labels,
// `sentiment:` columns their rebuilt hits), the Reports view reads again.
import type { EarshotApi, EventPayload } from '../../../shared/contract'
import { applyBuffered } from './ingest'
import { client, command } from './client'
import { useDeckStore } from './deck'
import { restartFeed } from './feed'
import { useReviewStore } from './review'
import { applyStats } from './stats'

export const rescoreStatus = command('rescore.status')
export const startRescore = command('rescore.start')
export const cancelRescore = command('rescore.cancel')

export function onRescoreProgress(listener: (p: EventPayload<'rescore.progress'>) => void): () => void {
  return client().on('rescore.progress', listener)
}

export function subscribeRescore(api: Pick<EarshotApi, 'on' | 'call'>): () => void {
  return api.on('rescore.progress', (p) => {
    if (p.state === 'running' || p.done === 0) return
    useReviewStore.setState((s) => ({ rescored: s.rescored + 1 }))
    if (p.target !== 'live') return
    applyBuffered()
    for (const c of useDeckStore.getState().columns) restartFeed(c.id)
    void api.call('stats.get', {}).then(
      (stats) => applyStats(stats, true),
      () => {
        // The next stats tick carries them.
      },
    )
  })
}

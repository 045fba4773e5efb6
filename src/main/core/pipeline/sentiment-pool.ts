// Scores sentiment in a worker thread, batch by batch and in order. If the
// worker dies, pending and later batches are scored inline: slower, never lost.
import { Worker } from 'node:worker_threads'
import type { SentimentLabel } from '../../../shared/domain'
import { labelOfCode, scoreSentiment } from '../sentiment/scorer'
import type { ScoreRequest, ScoreResponse } from './sentiment-worker'

/** Scores and labels of a batch, in the order asked. */
export interface ScoredBatch {
  scores: ArrayLike<number>
  labels: readonly SentimentLabel[]
}

export interface ScoreItem {
  text: string
  lang: string | null
}

export interface AsyncScorer {
  score(items: readonly ScoreItem[]): Promise<ScoredBatch>
  close(): Promise<void>
}

export class WorkerScorer implements AsyncScorer {
  private worker: Worker | undefined
  private nextId = 1
  private waiting = new Map<number, { items: readonly ScoreItem[]; resolve: (s: ScoredBatch) => void }>()

  constructor(script: string) {
    this.worker = new Worker(script)
    this.worker.unref()
    this.worker.on('message', ({ id, scores, labels }: ScoreResponse) => {
      const w = this.waiting.get(id)
      this.waiting.delete(id)
      w?.resolve({ scores, labels: Array.from(labels, labelOfCode) })
    })
    const fallBack = (reason: unknown) => {
      if (!this.worker) return
      console.error('earshot: sentiment worker stopped; scoring on the main thread:', reason)
      this.worker = undefined
      for (const [id, w] of this.waiting) {
        this.waiting.delete(id)
        w.resolve(inline(w.items))
      }
    }
    this.worker.on('error', fallBack)
    this.worker.on('exit', (code) => code !== 0 && fallBack(`exit code ${code}`))
  }

  score(items: readonly ScoreItem[]): Promise<ScoredBatch> {
    if (!this.worker) return Promise.resolve(inline(items))
    const id = this.nextId++
    return new Promise((resolve) => {
      this.waiting.set(id, { items, resolve })
      const request: ScoreRequest = { id, texts: items.map((i) => i.text), langs: items.map((i) => i.lang) }
      this.worker!.postMessage(request)
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    for (const [id, w] of this.waiting) {
      this.waiting.delete(id)
      w.resolve(inline(w.items))
    }
    await worker?.terminate()
  }
}

/** Scores a batch on this thread. */
export function inline(items: readonly ScoreItem[]): ScoredBatch {
  const scored = items.map((i) => scoreSentiment(i.text, i.lang))
  return { scores: scored.map((s) => s.score), labels: scored.map((s) => s.label) }
}

// Scores sentiment in a worker thread, batch by batch and in order. If the
// worker dies, pending and later batches are scored inline: slower, never lost.
import { Worker } from 'node:worker_threads'
import { scoreSentiment } from './sentiment'
import type { ScoreRequest, ScoreResponse } from './sentiment-worker'

export interface AsyncScorer {
  score(texts: string[]): Promise<ArrayLike<number>>
  close(): Promise<void>
}

export class WorkerScorer implements AsyncScorer {
  private worker: Worker | undefined
  private nextId = 1
  private waiting = new Map<number, { texts: string[]; resolve: (s: ArrayLike<number>) => void }>()

  constructor(script: string) {
    this.worker = new Worker(script)
    this.worker.unref()
    this.worker.on('message', ({ id, scores }: ScoreResponse) => {
      const w = this.waiting.get(id)
      this.waiting.delete(id)
      w?.resolve(scores)
    })
    const fallBack = (reason: unknown) => {
      if (!this.worker) return
      console.error('earshot: sentiment worker stopped; scoring on the main thread:', reason)
      this.worker = undefined
      for (const [id, w] of this.waiting) {
        this.waiting.delete(id)
        w.resolve(inline(w.texts))
      }
    }
    this.worker.on('error', fallBack)
    this.worker.on('exit', (code) => code !== 0 && fallBack(`exit code ${code}`))
  }

  score(texts: string[]): Promise<ArrayLike<number>> {
    if (!this.worker) return Promise.resolve(inline(texts))
    const id = this.nextId++
    return new Promise((resolve) => {
      this.waiting.set(id, { texts, resolve })
      this.worker!.postMessage({ id, texts } satisfies ScoreRequest)
    })
  }

  async close(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    for (const [id, w] of this.waiting) {
      this.waiting.delete(id)
      w.resolve(inline(w.texts))
    }
    await worker?.terminate()
  }
}

function inline(texts: string[]): number[] {
  return texts.map((t) => scoreSentiment(t).score)
}

// Worker thread entry: scores batches of texts off the main thread, so that
// at firehose rates the store's writer keeps its own core.
import { parentPort } from 'node:worker_threads'
import { labelCode, scoreSentiment } from '../sentiment/scorer'

export interface ScoreRequest {
  id: number
  texts: string[]
  /** The source's language tag per text, when it gave one. */
  langs: Array<string | null>
}
export interface ScoreResponse {
  id: number
  scores: Float64Array
  /** Label codes (see sentiment/scorer.ts labelCode). */
  labels: Uint8Array
}

parentPort?.on('message', ({ id, texts, langs }: ScoreRequest) => {
  const scores = new Float64Array(texts.length)
  const labels = new Uint8Array(texts.length)
  for (let i = 0; i < texts.length; i++) {
    const s = scoreSentiment(texts[i]!, langs[i])
    scores[i] = s.score
    labels[i] = labelCode(s.label)
  }
  parentPort!.postMessage({ id, scores, labels } satisfies ScoreResponse, [scores.buffer, labels.buffer])
})

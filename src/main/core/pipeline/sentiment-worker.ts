// Worker thread entry: scores batches of texts with VADER off the main thread,
// so that at firehose rates the store's writer keeps its own core.
import { parentPort } from 'node:worker_threads'
import { scoreSentiment } from './sentiment'

export interface ScoreRequest {
  id: number
  texts: string[]
}
export interface ScoreResponse {
  id: number
  scores: Float64Array
}

parentPort?.on('message', ({ id, texts }: ScoreRequest) => {
  const scores = new Float64Array(texts.length)
  for (let i = 0; i < texts.length; i++) scores[i] = scoreSentiment(texts[i]!).score
  parentPort!.postMessage({ id, scores } satisfies ScoreResponse, [scores.buffer])
})

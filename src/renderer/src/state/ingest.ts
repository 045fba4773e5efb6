// Buffers `mentions.batch` events and applies everything that arrived once
// per animation frame: one feed update per column that got mentions, and the
// archive count. A timer stands in when frames stop (hidden tab), so the
// buffer never grows without bound.
import type { MentionsBatch } from '../../../shared/contract'
import { groupBatches } from '../lib/batches'
import { addMentionCount } from './app'
import { applyLive } from './feed'

const FALLBACK_MS = 500

let buffer: MentionsBatch[] = []
let frame: number | null = null
let timer: ReturnType<typeof setTimeout> | null = null

function flush(): void {
  if (frame !== null) cancelAnimationFrame(frame)
  if (timer !== null) clearTimeout(timer)
  frame = null
  timer = null
  const batches = buffer
  buffer = []
  if (batches.length === 0) return
  const { byColumn, mentionCount } = groupBatches(batches)
  applyLive(byColumn)
  addMentionCount(mentionCount)
}

export function enqueueBatch(batch: MentionsBatch): void {
  buffer.push(batch)
  if (frame === null) frame = requestAnimationFrame(flush)
  if (timer === null) timer = setTimeout(flush, FALLBACK_MS)
}

// Buffers `mentions.batch` events and applies everything that arrived in one
// go: one feed update per column that got mentions, and the archive count.
// Normally once per animation frame; under heavy load no more often than
// lib/pacing allows. A timer stands in when frames stop (hidden tab), so the
// buffer never grows without bound.
import type { MentionsBatch } from '../../../shared/contract'
import { groupBatches } from '../lib/batches'
import { applyInterval, RateMeter } from '../lib/pacing'
import { addMentionCount } from './app'
import { collapsingColumns } from './deck'
import { applyLive } from './feed'

/** Hidden tabs get no frames: apply on a timer at most this late. */
const FALLBACK_MS = 1_000

let buffer: MentionsBatch[] = []
let frame: number | null = null
let timer: ReturnType<typeof setTimeout> | null = null
let lastApply = 0
const meter = new RateMeter()

function apply(): void {
  if (frame !== null) cancelAnimationFrame(frame)
  if (timer !== null) clearTimeout(timer)
  frame = null
  timer = null
  const batches = buffer
  buffer = []
  lastApply = performance.now()
  if (batches.length === 0) return
  const { byColumn, mentionCount } = groupBatches(batches)
  applyLive(byColumn, collapsingColumns())
  addMentionCount(mentionCount)
}

function schedule(): void {
  const now = performance.now()
  const wait = Math.max(0, lastApply + applyInterval(meter.rate(now)) - now)
  if (frame === null && timer === null) {
    if (wait <= 0) frame = requestAnimationFrame(apply)
    else
      timer = setTimeout(() => {
        timer = null
        frame = requestAnimationFrame(apply)
      }, wait)
  }
  // Whatever is pending, never later than this (frames stop in hidden tabs).
  setTimeout(() => {
    if (buffer.length > 0 && performance.now() - lastApply >= FALLBACK_MS + wait) apply()
  }, FALLBACK_MS + wait)
}

export function enqueueBatch(batch: MentionsBatch): void {
  buffer.push(batch)
  meter.add(performance.now(), batch.mentions.length)
  schedule()
}

/**
 * Applies what is buffered now: a delete or edit that follows must land after
 * the mentions it names, or a buffered batch would bring a deleted card back.
 */
export function applyBuffered(): void {
  if (buffer.length > 0) apply()
}

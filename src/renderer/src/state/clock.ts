// Store: one shared ticker for relative timestamps. A single interval moves
// `now` every 15 s; only the small time labels subscribe, so a tick
// re-renders those labels and nothing else.
import { create } from 'zustand'

export const CLOCK_TICK_MS = 15_000

export const useClockStore = create<{ now: number }>()(() => ({
  now: Date.now(),
}))

let timer: ReturnType<typeof setInterval> | null = null

export function startClock(): void {
  if (timer !== null) return
  useClockStore.setState({ now: Date.now() })
  timer = setInterval(() => useClockStore.setState({ now: Date.now() }), CLOCK_TICK_MS)
}

// A live source's sign of life in the archive: while a source captures, the
// time is written to its cursors every couple of seconds. A clean stop opens
// a gap ("Earshot was not running") that the next connection closes; a
// process killed mid-capture (kill -9, a crash, power loss) cannot, so the
// next start finds a stale sign of life and no open gap, and records the gap
// from the last sign of life instead. A fresh sign of life from another
// process means that one is capturing: no gap.
export const ALIVE_KEY = 'capture.alive'
export const ALIVE_EVERY_MS = 2_000
/** Older than this, the writer of a sign of life is gone. */
export const ALIVE_STALE_MS = 3 * ALIVE_EVERY_MS

export const UNCLEAN_STOP = 'Earshot stopped without closing (killed or crashed)'

/** When capture stopped unseen, from the last sign of life: null when it did not (or another process captures). */
export function uncleanStopSince(alive: string | undefined, now: number): number | null {
  const at = alive === undefined ? NaN : Number(alive)
  return Number.isSafeInteger(at) && now - at > ALIVE_STALE_MS ? at : null
}

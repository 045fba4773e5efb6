// Wall mode's column sizing: as many whole columns as the deck's width holds
// at a readable minimum (WALL_COLUMN_REM, so it follows the font scale), all
// the same width, filling the screen edge to edge; more columns than fit
// scroll sideways one screenful at a time.
import { useLayoutEffect, useState, type RefObject } from 'react'

export const WALL_COLUMN_REM = 22

export interface WallFit {
  /** Columns side by side on one screen. */
  perScreen: number
  /** Each column's width in px. */
  width: number
}

/** Pure: the fit for a deck `inner` px wide (padding excluded), `gap` px between columns. */
export function wallFit(inner: number, gap: number, minColumn: number, columns: number): WallFit {
  const fits = Math.max(1, Math.floor((inner + gap) / (minColumn + gap)))
  const perScreen = Math.max(1, Math.min(fits, columns))
  return { perScreen, width: Math.floor((inner - gap * (perScreen - 1)) / perScreen) }
}

export function useWallColumns(ref: RefObject<HTMLElement | null>, enabled: boolean, columns: number): WallFit | null {
  const [fit, setFit] = useState<WallFit | null>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!enabled || !el) {
      setFit(null)
      return
    }
    const measure = () => {
      const style = getComputedStyle(el)
      const inner = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
      const gap = parseFloat(style.columnGap) || 0
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16
      const next = wallFit(inner, gap, WALL_COLUMN_REM * rem, columns)
      setFit((cur) => (cur && cur.perScreen === next.perScreen && cur.width === next.width ? cur : next))
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    observer.observe(document.documentElement)
    return () => observer.disconnect()
  }, [ref, enabled, columns])
  return fit
}

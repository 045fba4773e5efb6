// Applies the display settings to the document root: the font scale every
// rem-based size derives from, and the density and wall mode the CSS
// switches on.
import { useEffect } from 'react'
import { useDisplay } from '../state/settings'

export function useApplyDisplay(): void {
  const { fontScale, density, wall } = useDisplay()
  useEffect(() => {
    const root = document.documentElement
    root.style.setProperty('--font-scale', String(fontScale))
    root.dataset.density = density
    root.dataset.wall = wall === true ? 'on' : 'off'
  }, [fontScale, density, wall])
}

// Applies the display settings to the document root: the font scale every
// rem-based size derives from, and the density the CSS switches on.
import { useEffect } from 'react'
import { useDisplay } from '../state/settings'

export function useApplyDisplay(): void {
  const { fontScale, density } = useDisplay()
  useEffect(() => {
    const root = document.documentElement
    root.style.setProperty('--font-scale', String(fontScale))
    root.dataset.density = density
  }, [fontScale, density])
}

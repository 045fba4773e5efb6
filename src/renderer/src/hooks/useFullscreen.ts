// The Fullscreen API (the page, not the browser window's chrome): whether the
// console is full screen now, and a toggle. Works the same in Electron's
// renderer and in a browser; Escape leaves it in both.
import { useEffect, useState } from 'react'
import { notifyError } from '../state/notices'

export function isFullscreen(): boolean {
  return document.fullscreenElement !== null
}

export function toggleFullscreen(): void {
  const done = isFullscreen() ? document.exitFullscreen() : document.documentElement.requestFullscreen()
  done.catch((err: unknown) => notifyError('Full screen is not available here', err))
}

export function useFullscreen(): boolean {
  const [full, setFull] = useState(isFullscreen)
  useEffect(() => {
    const onChange = () => setFull(isFullscreen())
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [])
  return full
}

// Top-bar "Display" menu: density (comfortable / compact), font scale, and
// for wall displays: wall mode, the ticker and full screen. Saved to the
// core's settings (full screen excepted: it belongs to this window), so
// every window follows.
import type { ButtonHTMLAttributes } from 'react'
import { DISPLAY_DENSITIES, type DisplaySettings } from '../../../../shared/domain'
import { toggleFullscreen, useFullscreen } from '../../hooks/useFullscreen'
import { updateSettings, useDisplay } from '../../state/settings'
import { notifyError } from '../../state/notices'
import { Popover } from '../common/Popover'

export const FONT_SCALES = [0.75, 0.875, 1, 1.125, 1.25, 1.5, 1.75, 2, 2.25, 2.5] as const
const MIN_SCALE = FONT_SCALES[0]
const MAX_SCALE = FONT_SCALES[FONT_SCALES.length - 1] ?? 2.5

const DENSITY_NAMES: Record<DisplaySettings['density'], string> = {
  comfortable: 'Comfortable',
  compact: 'Compact',
}

function save(display: Partial<DisplaySettings>): void {
  updateSettings({ display }).catch((err: unknown) => notifyError('Could not change the display settings', err))
}

/** A button of this menu: clicking it leaves the menu open. */
function MenuButton(props: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className'>) {
  return <button type="button" data-keep-open className="btn btn--small" {...props} />
}

export function DisplayMenu() {
  const display = useDisplay()
  const fullscreen = useFullscreen()
  const index = FONT_SCALES.findIndex((s) => Math.abs(s - display.fontScale) < 0.001)
  const step = (delta: -1 | 1): void => {
    const base = index >= 0 ? index : FONT_SCALES.findIndex((s) => s >= display.fontScale)
    const next = FONT_SCALES[Math.min(FONT_SCALES.length - 1, Math.max(0, base + delta))]
    if (next !== undefined && next !== display.fontScale) save({ fontScale: next })
  }
  return (
    <Popover label="Display" align="right" panelClassName="menu">
      <>
        <p className="menu-heading">Density</p>
        <div className="segmented">
          {DISPLAY_DENSITIES.map((d) => (
            <MenuButton key={d} aria-pressed={display.density === d} onClick={() => save({ density: d })}>
              {DENSITY_NAMES[d]}
            </MenuButton>
          ))}
        </div>
        <p className="menu-heading">Font scale</p>
        <div className="segmented">
          <MenuButton aria-label="Smaller text" disabled={display.fontScale <= MIN_SCALE} onClick={() => step(-1)}>
            A−
          </MenuButton>
          <output className="scale-value" aria-live="polite">
            {Math.round(display.fontScale * 100)}%
          </output>
          <MenuButton aria-label="Larger text" disabled={display.fontScale >= MAX_SCALE} onClick={() => step(1)}>
            A+
          </MenuButton>
          <MenuButton disabled={display.fontScale === 1} onClick={() => save({ fontScale: 1 })}>
            Reset
          </MenuButton>
        </div>
        <p className="menu-heading">Wall display</p>
        <div className="segmented">
          <MenuButton aria-pressed={display.wall === true} onClick={() => save({ wall: !display.wall })}>
            Wall mode
          </MenuButton>
          <MenuButton aria-pressed={display.ticker === true} onClick={() => save({ ticker: !display.ticker })}>
            Ticker
          </MenuButton>
          <button type="button" className="btn btn--small" aria-pressed={fullscreen} onClick={toggleFullscreen}>
            Full screen
          </button>
        </div>
      </>
    </Popover>
  )
}

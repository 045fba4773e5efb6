// A disclosure popover: a real button that shows a panel of real buttons and
// fields below it (menus in the top bar and column headers). Closes on
// Escape and after a click on a button in the panel (focus back on the
// trigger; buttons marked `data-keep-open` leave it open), and on a pointer
// press outside. Focus moves into the panel when it opens.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

interface PopoverProps {
  /** Accessible name of the trigger button. */
  label: string
  /** What the trigger shows (defaults to the label). */
  trigger?: ReactNode
  triggerClassName?: string
  /** Which edge of the trigger the panel lines up with. */
  align?: 'left' | 'right'
  panelClassName?: string
  children: ReactNode
}

export function Popover({ label, trigger, triggerClassName, align = 'left', panelClassName, children }: PopoverProps) {
  const [open, setOpen] = useState(false)
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const panelRef = useRef<HTMLDivElement>(null)
  const panelId = useId()

  useEffect(() => {
    if (!open) return
    const first = panelRef.current?.querySelector<HTMLElement>('button:not([disabled]), input, select, [tabindex="0"]')
    first?.focus()
    const onPointerDown = (e: PointerEvent) => {
      if (e.target instanceof Node && rootRef.current?.contains(e.target)) return
      setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    return () => document.removeEventListener('pointerdown', onPointerDown, true)
  }, [open])

  return (
    <div
      className="popover"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation()
          setOpen(false)
          buttonRef.current?.focus()
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className={triggerClassName ?? 'btn'}
        aria-label={trigger === undefined ? undefined : label}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        {trigger ?? label}
      </button>
      {open && (
        <div
          id={panelId}
          ref={panelRef}
          role="group"
          aria-label={label}
          className={`popover-panel popover-panel--${align} ${panelClassName ?? ''}`}
          onClick={(e) => {
            const button = e.target instanceof Element ? e.target.closest('button') : null
            if (!button || button.hasAttribute('data-keep-open')) return
            setOpen(false)
            buttonRef.current?.focus()
          }}
        >
          {children}
        </div>
      )}
    </div>
  )
}

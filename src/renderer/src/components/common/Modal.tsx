// A modal dialog on the native <dialog> element: top layer, inert page
// behind it, Escape to close (through `onClose`, so React owns the state),
// focus on the element marked `data-autofocus` and back where it was after.
// Modals may nest (the cheat sheet over the column editor); Escape closes the top one.
import { useEffect, useId, useRef, type ReactNode } from 'react'

interface ModalProps {
  title: string
  onClose: () => void
  /** 'alertdialog' for confirmations. */
  role?: 'dialog' | 'alertdialog'
  className?: string
  children: ReactNode
}

export function Modal({ title, onClose, role = 'dialog', className, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => {
      if (dialog.open) dialog.close()
      if (previous?.isConnected) previous.focus()
    }
  }, [])

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={titleId}
      aria-modal="true"
      className={`modal ${className ?? ''}`}
      onCancel={(e) => {
        // A dialog opened inside this one (the query cheat sheet) closes on its own.
        if (e.target !== e.currentTarget) return
        e.preventDefault()
        onClose()
      }}
    >
      <h2 id={titleId} className="modal-title">
        {title}
      </h2>
      {children}
    </dialog>
  )
}

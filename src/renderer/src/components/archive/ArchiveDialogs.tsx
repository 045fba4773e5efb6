// The archive-file dialogs. Open: a capture file to review, read-only unless
// "allow changes" is ticked. Save a copy: of the archive under review or the
// live one, to a new file. The desktop app offers its native file dialog
// ("Browse…"); in a browser the server opens the path typed here.
import { useId, useState, type FormEvent } from 'react'
import { chooseArchivePath, saveArchiveCopy } from '../../state/archive'
import { describeError, type ErrorText } from '../../lib/errors'
import { formatExact } from '../../lib/format'
import { useAppStore } from '../../state/app'
import { notify } from '../../state/notices'
import { openFileDialog, openReviewArchive, useReviewStore } from '../../state/review'
import { ErrorAlert } from '../common/ErrorAlert'
import { Modal } from '../common/Modal'
import { SubmitActions } from '../common/SubmitActions'

/** Runs a dialog's action on submit: busy while it runs, its error kept for the form. */
function useSubmit(action: () => Promise<void>) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ErrorText | null>(null)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }

  return { busy, error, submit }
}

function PathField({
  label,
  value,
  onChange,
  purpose,
}: {
  label: string
  value: string
  onChange: (v: string) => void
  purpose: 'open' | 'save'
}) {
  const id = useId()
  const desktop = useAppStore((s) => s.info?.mode === 'desktop')
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="path-field">
        <input
          id={id}
          className="input"
          data-autofocus
          value={value}
          autoComplete="off"
          spellCheck={false}
          placeholder="/home/me/earshot/capture.sqlite"
          onChange={(e) => onChange(e.target.value)}
        />
        {desktop && (
          <button
            type="button"
            className="btn"
            onClick={() => {
              void chooseArchivePath({ purpose }).then(({ path }) => path && onChange(path))
            }}
          >
            Browse…
          </button>
        )}
      </div>
      {!desktop && <p className="field-help">A path on the machine running Earshot (the server of this page).</p>}
    </div>
  )
}

function OpenArchiveDialog({ onClose }: { onClose: () => void }) {
  const [path, setPath] = useState('')
  const [allowChanges, setAllowChanges] = useState(false)
  const changesId = useId()
  const { busy, error, submit } = useSubmit(async () => {
    await openReviewArchive(path, !allowChanges)
    onClose()
  })

  return (
    <Modal title="Open an archive for review" onClose={onClose} className="archive-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="modal-text">
          Reports and review searches read the file you open; live capture carries on in the current archive.
        </p>
        <PathField label="Archive file" value={path} onChange={setPath} purpose="open" />
        <div className="field field--inline">
          <input
            id={changesId}
            type="checkbox"
            checked={allowChanges}
            onChange={(e) => setAllowChanges(e.target.checked)}
          />
          <label htmlFor={changesId}>
            Allow changes (annotations are saved into the file; an older file is upgraded)
          </label>
        </div>
        <ErrorAlert error={error} />
        <SubmitActions submitLabel="Open for review" disabled={busy || path.trim() === ''} onCancel={onClose} />
      </form>
    </Modal>
  )
}

function SaveCopyDialog({ onClose }: { onClose: () => void }) {
  const review = useReviewStore((s) => s.session?.review ?? null)
  const [path, setPath] = useState('')
  const [which, setWhich] = useState<'review' | 'live'>(review ? 'review' : 'live')
  const name = useId()
  const { busy, error, submit } = useSubmit(async () => {
    const copy = await saveArchiveCopy({ path, which })
    notify('info', 'Copy saved', `${copy.path}: ${formatExact(copy.mentionCount)} mentions`)
    onClose()
  })

  return (
    <Modal title="Save a copy of the archive" onClose={onClose} className="archive-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="modal-text">
          A consistent snapshot, taken while capture keeps running. An existing file is never overwritten.
        </p>
        {review && (
          <fieldset className="field">
            <legend>Which archive</legend>
            <label>
              <input type="radio" name={name} checked={which === 'review'} onChange={() => setWhich('review')} /> The
              one under review
            </label>
            <label>
              <input type="radio" name={name} checked={which === 'live'} onChange={() => setWhich('live')} /> The live
              archive
            </label>
          </fieldset>
        )}
        <PathField label="Save as" value={path} onChange={setPath} purpose="save" />
        <ErrorAlert error={error} />
        <SubmitActions
          submitLabel={busy ? 'Saving…' : 'Save copy'}
          disabled={busy || path.trim() === ''}
          onCancel={onClose}
        />
      </form>
    </Modal>
  )
}

export function ArchiveDialogs() {
  const kind = useReviewStore((s) => s.fileDialog)
  const close = () => openFileDialog(null)
  if (kind === 'open') return <OpenArchiveDialog onClose={close} />
  if (kind === 'copy') return <SaveCopyDialog onClose={close} />
  return null
}

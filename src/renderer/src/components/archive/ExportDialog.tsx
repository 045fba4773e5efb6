// Export dialog (from a column's menu, archive search results, or the top
// bar's time-range export): format, fields, BOM, time range, then progress
// with cancel. In a browser the file is a real download streamed by the
// server (GET /export/<id>); on the desktop the core asks where to save it.
import { useEffect, useId, useRef, useState } from 'react'
import {
  EXPORT_FIELD_LABELS,
  EXPORT_FIELDS,
  type ExportField,
  type ExportFormat,
  type ExportProgress,
  type ExportScope,
} from '../../../../shared/contracts/archive'
import { cancelExport, onExportProgress, saveExport, startExport } from '../../state/archive'
import { errorLine } from '../../lib/errors'
import { rangeFromInputs, toDateInput } from '../../lib/dateInput'
import { downloadUrl } from '../../lib/download'
import { formatExact } from '../../lib/format'
import { useAppStore } from '../../state/app'
import { JobFormFooter } from './JobFormFooter'
import { JobProgress } from './JobProgress'
import { DateTimeField } from '../common/DateTimeField'
import { Modal } from '../common/Modal'

/** Off by default: the operator's own workflow fields. */
const OPT_IN: ReadonlySet<ExportField> = new Set(['kind', 'rating', 'read', 'done', 'assignee', 'tags', 'note'])
const DEFAULT_FIELDS = EXPORT_FIELDS.filter((f) => !OPT_IN.has(f))

interface ExportDialogProps {
  scope: ExportScope
  title: string
  since?: number | null
  until?: number | null
  onClose: () => void
}

type Phase =
  | { step: 'choose' }
  | { step: 'running'; id: string; filename: string; progress: ExportProgress }
  | { step: 'over'; filename: string; progress: ExportProgress }

export function ExportDialog({ scope, title, since, until, onClose }: ExportDialogProps) {
  const mode = useAppStore((s) => s.info?.mode ?? 'browser')
  const [format, setFormat] = useState<ExportFormat>('csv')
  const [fields, setFields] = useState<ExportField[]>(DEFAULT_FIELDS)
  const [bom, setBom] = useState(false)
  const [from, setFrom] = useState(since != null ? toDateInput(since) : '')
  const [to, setTo] = useState(until != null ? toDateInput(until - 60_000) : '')
  const [phase, setPhase] = useState<Phase>({ step: 'choose' })
  const [error, setError] = useState<string | null>(null)
  const jobId = useRef<string | null>(null)
  const fieldsId = useId()
  const range = rangeFromInputs(from, to)

  useEffect(
    () =>
      onExportProgress((p) => {
        if (p.id !== jobId.current) return
        const over = p.state === 'done' || p.state === 'cancelled' || p.state === 'failed'
        setPhase((cur) =>
          cur.step === 'choose'
            ? cur
            : { step: over ? 'over' : 'running', id: p.id, filename: cur.filename, progress: p },
        )
      }),
    [],
  )

  const toggle = (f: ExportField) =>
    setFields((cur) =>
      cur.includes(f) ? cur.filter((x) => x !== f) : EXPORT_FIELDS.filter((x) => x === f || cur.includes(x)),
    )

  async function start(): Promise<void> {
    setError(null)
    try {
      const job = await startExport({
        scope,
        format,
        fields,
        bom: format === 'csv' && bom,
        since: range.since,
        until: range.until,
      })
      jobId.current = job.id
      const progress: ExportProgress = {
        id: job.id,
        state: 'ready',
        rows: 0,
        total: job.total,
        path: null,
        error: null,
      }
      setPhase({ step: 'running', id: job.id, filename: job.filename, progress })
      if (mode === 'desktop') {
        const final = await saveExport({ id: job.id })
        setPhase({ step: 'over', filename: job.filename, progress: final })
      } else {
        downloadUrl(job.downloadPath, job.filename)
      }
    } catch (err) {
      setError(errorLine(err))
      setPhase({ step: 'choose' })
    }
  }

  const cancel = () => {
    if (phase.step === 'running') cancelExport({ id: phase.id }).catch(() => {})
  }

  if (phase.step !== 'choose') {
    const { progress } = phase
    const total = progress.total
    const status =
      progress.state === 'done'
        ? `Exported ${formatExact(progress.rows)} mentions to ${progress.path ?? phase.filename}.`
        : progress.state === 'cancelled'
          ? 'Export cancelled.'
          : progress.state === 'failed'
            ? `Export failed: ${progress.error ?? 'unknown error'}`
            : progress.state === 'ready'
              ? 'Starting the download…'
              : `Exporting ${formatExact(progress.rows)} of ${formatExact(total)} mentions…`
    return (
      <JobProgress
        title={`Export ${title}`}
        label="Export progress"
        max={Math.max(total, 1)}
        value={progress.state === 'done' ? Math.max(total, 1) : progress.rows}
        status={status}
        running={phase.step === 'running'}
        cancelLabel="Cancel export"
        onCancel={cancel}
        onClose={onClose}
      />
    )
  }

  return (
    <Modal title={`Export ${title}`} onClose={onClose} className="archive-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void start()
        }}
      >
        <fieldset className="archive-fieldset">
          <legend>Format</legend>
          <div className="segmented">
            {(['csv', 'jsonl'] as const).map((f) => (
              <label key={f} className="archive-choice">
                <input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} />
                {f === 'csv' ? 'CSV (spreadsheets)' : 'JSONL (one JSON object per line)'}
              </label>
            ))}
          </div>
          <label className="archive-choice">
            <input
              type="checkbox"
              checked={bom && format === 'csv'}
              disabled={format !== 'csv'}
              onChange={(e) => setBom(e.target.checked)}
            />
            Byte-order mark for Excel
          </label>
        </fieldset>
        <fieldset className="archive-fieldset" aria-describedby={fieldsId}>
          <legend>Fields</legend>
          <div className="archive-fields">
            {EXPORT_FIELDS.map((f) => (
              <label key={f} className="archive-choice">
                <input type="checkbox" checked={fields.includes(f)} onChange={() => toggle(f)} />
                {EXPORT_FIELD_LABELS[f]}
              </label>
            ))}
          </div>
          <p id={fieldsId} className="field-help">
            {fields.length} of {EXPORT_FIELDS.length} fields.{' '}
            <button type="button" className="link-btn" onClick={() => setFields([...EXPORT_FIELDS])}>
              All
            </button>{' '}
            <button type="button" className="link-btn" onClick={() => setFields(DEFAULT_FIELDS)}>
              Default
            </button>
          </p>
        </fieldset>
        <div className="archive-range">
          <DateTimeField label="From" value={from} onChange={setFrom} />
          <DateTimeField label="To" value={to} onChange={setTo} />
        </div>
        {range.error && <p className="field-hint field-hint--warn">{range.error}</p>}
        <JobFormFooter
          error={error}
          submitLabel={mode === 'desktop' ? 'Export…' : 'Export'}
          disabled={fields.length === 0 || range.error !== null}
          autoFocusSubmit
          onClose={onClose}
        />
      </form>
    </Modal>
  )
}

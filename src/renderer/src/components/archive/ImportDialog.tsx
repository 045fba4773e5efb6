// Import dialog: pick a file and its format; a CSV that is not an Earshot
// export gets a mapping step (which of its columns holds the text, the time,
// the author...) with a preview; then the file is sent to the core a chunk at
// a time, with progress (rows, rate, time left), cancel, and at the end the
// bad rows by line.
import { useId, useRef, useState } from 'react'
import {
  IMPORT_CHUNK_CHARS,
  IMPORT_FIELDS,
  EXPORT_FIELD_LABELS,
  type ImportField,
  type ImportFormat,
  type ImportMapping,
  type ImportProgress,
} from '../../../../shared/contracts/archive'
import { cancelImport, previewImport, sendImportChunk, startImport } from '../../state/archive'
import { errorLine } from '../../lib/errors'
import { fileChunks, guessImportFormat } from '../../lib/fileChunks'
import { formatExact } from '../../lib/format'
import { describePace, formatDuration, Throughput } from '../../../../shared/throughput'
import { JobFormFooter } from './JobFormFooter'
import { JobProgress } from './JobProgress'
import { Modal } from '../common/Modal'

const FORMATS: { value: ImportFormat; label: string }[] = [
  { value: 'twarc', label: 'twarc2 JSONL (X API v2 pages, one per line)' },
  { value: 'xjson', label: 'X API v2 JSON response' },
  { value: 'csv', label: 'CSV (an Earshot export, or any CSV with a mapping)' },
  { value: 'jsonl', label: 'Earshot JSONL export' },
]
const REQUIRED: ReadonlySet<ImportField> = new Set(['text', 'created_at'])
const PREVIEW_CHARS = 64 * 1024

interface Preview {
  headers: string[]
  rows: string[][]
}

type Phase =
  | { step: 'pick' }
  | { step: 'map'; preview: Preview }
  | { step: 'running'; progress: ImportProgress | null; fraction: number; pace: string }
  | { step: 'over'; progress: ImportProgress; seconds: number }

/** " in 12 s (12,034 rows/s)": how long a finished import took. */
function took(phase: Phase): string {
  if (phase.step !== 'over' || phase.seconds < 1) return ''
  return ` in ${formatDuration(phase.seconds)} (${formatExact(Math.round(phase.progress.rows / phase.seconds))} rows/s)`
}

const isOwnExport = (headers: readonly string[]) => headers.includes('text') && headers.includes('created_at')

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null)
  const [format, setFormat] = useState<ImportFormat>('twarc')
  const [mapping, setMapping] = useState<ImportMapping>({})
  const [phase, setPhase] = useState<Phase>({ step: 'pick' })
  const [error, setError] = useState<string | null>(null)
  const cancelled = useRef(false)
  const jobId = useRef<string | null>(null)
  const ids = { file: useId(), format: useId() }

  async function next(): Promise<void> {
    if (!file) return
    setError(null)
    if (format !== 'csv' || phase.step === 'map') return run(phase.step === 'map' ? mapping : undefined)
    try {
      const preview = await previewImport({ text: await file.slice(0, PREVIEW_CHARS).text() })
      if (isOwnExport(preview.headers)) return run(undefined)
      setMapping(preview.mapping)
      setPhase({ step: 'map', preview })
    } catch (err) {
      setError(errorLine(err))
    }
  }

  async function run(map: ImportMapping | undefined): Promise<void> {
    if (!file) return
    cancelled.current = false
    setPhase({ step: 'running', progress: null, fraction: 0, pace: '' })
    const meter = new Throughput()
    const t0 = performance.now()
    try {
      const started = await startImport({ format, ...(map ? { mapping: map } : {}) })
      jobId.current = started.id
      let progress = started
      const size = Math.max(file.size, 1)
      const chunks = fileChunks(file, IMPORT_CHUNK_CHARS)
      // One chunk in flight (each answer means it is stored), one read ahead to know which is the last.
      let pending = await chunks.next()
      while (!cancelled.current) {
        const following = pending.done ? pending : await chunks.next()
        const last = following.done === true
        const text = pending.done ? '' : pending.value.text
        progress = await sendImportChunk({ id: started.id, text, last })
        const fraction = pending.done ? 1 : pending.value.bytes / size
        const pace = describePace(meter.add({ at: performance.now(), rows: progress.rows, fraction }), formatExact)
        setPhase({ step: 'running', progress, fraction, pace })
        if (last || progress.state !== 'running') break
        pending = following
      }
      if (cancelled.current) progress = await cancelImport({ id: started.id })
      setPhase({ step: 'over', progress, seconds: (performance.now() - t0) / 1000 })
    } catch (err) {
      setError(errorLine(err))
      setPhase({ step: 'pick' })
    }
  }

  const cancel = () => {
    cancelled.current = true
  }

  if (phase.step === 'running' || phase.step === 'over') {
    const p = phase.step === 'over' ? phase.progress : phase.progress
    const fraction = phase.step === 'over' ? 1 : phase.fraction
    const state = p?.state ?? 'running'
    const status =
      state === 'done'
        ? `Imported ${formatExact(p!.accepted)} of ${formatExact(p!.rows)} rows from ${file?.name ?? 'the file'}${took(phase)}.`
        : state === 'cancelled'
          ? `Import cancelled after ${formatExact(p!.accepted)} rows.`
          : state === 'failed'
            ? `Import failed: ${p!.error ?? 'unknown error'}`
            : `Importing… ${formatExact(p?.accepted ?? 0)} rows so far${phase.step === 'running' && phase.pace ? ` · ${phase.pace}` : ''}`
    return (
      <JobProgress
        title="Import mentions"
        label="Import progress"
        max={1}
        value={fraction}
        status={status}
        running={phase.step === 'running'}
        cancelLabel="Cancel import"
        onCancel={cancel}
        onClose={onClose}
      >
        {p && p.badCount > 0 && (
          <section className="archive-bad" aria-label="Bad rows">
            <h3>
              {formatExact(p.badCount)} bad row{p.badCount === 1 ? '' : 's'} skipped
              {p.badCount > p.bad.length ? ` (first ${p.bad.length} listed)` : ''}
            </h3>
            <ol>
              {p.bad.map((b) => (
                <li key={`${b.line}:${b.message}`}>
                  <span className="archive-bad-line">line {b.line}</span> {b.message}
                </li>
              ))}
            </ol>
          </section>
        )}
      </JobProgress>
    )
  }

  return (
    <Modal title="Import mentions" onClose={onClose} className="archive-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void next()
        }}
      >
        {phase.step === 'pick' ? (
          <>
            <div className="field">
              <label htmlFor={ids.file}>File</label>
              <input
                id={ids.file}
                type="file"
                className="input"
                accept=".jsonl,.json,.csv,.ndjson,.txt"
                data-autofocus
                onChange={(e) => {
                  const f = e.target.files?.[0] ?? null
                  setFile(f)
                  if (f) setFormat(guessImportFormat(f.name))
                }}
              />
            </div>
            <div className="field">
              <label htmlFor={ids.format}>Format</label>
              <select
                id={ids.format}
                className="input"
                value={format}
                onChange={(e) => setFormat(e.target.value as ImportFormat)}
              >
                {FORMATS.map((f) => (
                  <option key={f.value} value={f.value}>
                    {f.label}
                  </option>
                ))}
              </select>
            </div>
            <p className="field-help">
              Mentions already in the archive are kept once. Rows without a sentiment score are scored on import.
            </p>
          </>
        ) : (
          <MappingStep preview={phase.preview} mapping={mapping} onChange={setMapping} />
        )}
        <JobFormFooter
          error={error}
          submitLabel={phase.step === 'map' || format !== 'csv' ? 'Import' : 'Next'}
          disabled={!file || (phase.step === 'map' && [...REQUIRED].some((f) => !mapping[f]))}
          onClose={onClose}
        />
      </form>
    </Modal>
  )
}

function MappingStep({
  preview,
  mapping,
  onChange,
}: {
  preview: Preview
  mapping: ImportMapping
  onChange: (m: ImportMapping) => void
}) {
  return (
    <>
      <p className="modal-text">
        This CSV is not an Earshot export. Choose which of its columns fills each field (text and time are needed).
      </p>
      <div className="archive-mapping">
        {IMPORT_FIELDS.map((field) => (
          <label key={field} className="archive-map-row">
            <span>
              {EXPORT_FIELD_LABELS[field]}
              {REQUIRED.has(field) ? ' *' : ''}
            </span>
            <select
              className="input"
              value={mapping[field] ?? ''}
              onChange={(e) => {
                const next = { ...mapping }
                if (e.target.value === '') delete next[field]
                else next[field] = e.target.value
                onChange(next)
              }}
            >
              <option value="">(none)</option>
              {preview.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <div className="archive-preview">
        <table aria-label="File preview">
          <thead>
            <tr>
              {preview.headers.map((h) => (
                <th key={h}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, i) => (
              <tr key={i}>
                {preview.headers.map((h, j) => (
                  <td key={h}>{row[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

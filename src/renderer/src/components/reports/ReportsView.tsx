// The Reports view: over the deck (which keeps running underneath), for the
// chosen columns and range of the archive being reported on: volume over time
// with a brush, sentiment share, share of voice, top hashtags / authors /
// terms, capture gaps, and the review panel for the brushed window. Exports
// the series as CSV and prints (a PDF in the desktop app).
import { useEffect, useId, useMemo, useState } from 'react'
import type { Report } from '../../../../shared/contracts/reports'
import type { Column } from '../../../../shared/domain'
import { fetchReportColumns, fetchReportCsv, saveReportPdf } from '../../state/reports'
import { downloadText } from '../../lib/download'
import { formatExact } from '../../lib/format'
import { useAppStore } from '../../state/app'
import { notify, notifyError } from '../../state/notices'
import { closeReports, refreshReview, setReportColumns, useReviewStore } from '../../state/review'
import { GapList, ShareOfVoice, TopList } from './ReportLists'
import { ReviewPanel } from './ReviewPanel'
import { SentimentChart } from './SentimentChart'
import {
  brushWindow,
  columnColor,
  formatBucketSize,
  formatWindow,
  presetRange,
  RANGE_PRESETS,
  type RangePreset,
} from './series'
import { useBounds, useReport } from './useReport'
import { VolumeChart } from './VolumeChart'

export function ReportsView() {
  const reports = useReviewStore((s) => s.reports)
  useEffect(() => {
    if (reports) void refreshReview().catch(() => {})
  }, [reports])
  if (!reports) return null
  return <ReportsPage columnIds={reports.columnIds} />
}

function useReportColumns(reviewPath: string | null, generation: number): Column[] | null {
  const [columns, setColumns] = useState<Column[] | null>(null)
  useEffect(() => {
    let live = true
    fetchReportColumns({}).then(
      (list) => live && setColumns(list),
      (err: unknown) => {
        notifyError('Could not list the columns', err)
        if (live) setColumns([])
      },
    )
    return () => {
      live = false
    }
  }, [reviewPath, generation])
  return columns
}

function ReportsPage({ columnIds }: { columnIds: string[] }) {
  const session = useReviewStore((s) => s.session)
  const desktop = useAppStore((s) => s.info?.mode === 'desktop')
  const review = session?.review ?? null
  const [refreshes, setGeneration] = useState(0)
  // A finished re-score changes the labels the charts count: read again.
  const generation = refreshes + useReviewStore((s) => s.rescored)
  const [preset, setPreset] = useState<RangePreset>('24h')
  // "Now" for the range presets: read when the view opens, on a new range and on refresh.
  const [now, setNow] = useState(() => Date.now())
  const rangeId = useId()
  const columns = useReportColumns(review?.path ?? null, generation)
  const known = new Set((columns ?? []).map((c) => c.id))
  const picked = columnIds.filter((id) => known.has(id))
  const chosen = picked.length > 0 ? picked : (columns ?? []).map((c) => c.id)
  const bounds = useBounds(chosen, generation)
  const reviewing = review !== null
  const range = useMemo(
    () => (bounds ? presetRange(preset, bounds, now, reviewing) : null),
    [bounds, preset, now, reviewing],
  )
  const loaded = useReport(range && chosen.length > 0 ? { columnIds: chosen, ...range } : null, generation)
  const report = loaded.status === 'ready' ? loaded.value : null

  function toggle(id: string) {
    const set = new Set(chosen)
    if (set.has(id)) set.delete(id)
    else set.add(id)
    // Keep the deck's order, and at least one column.
    const next = (columns ?? []).map((c) => c.id).filter((c) => set.has(c))
    if (next.length > 0) setReportColumns(next)
  }

  async function downloadCsv() {
    if (!range) return
    try {
      const { filename, csv } = await fetchReportCsv({ columnIds: chosen, ...range })
      downloadText(filename, csv)
    } catch (err) {
      notifyError('Could not export the series', err)
    }
  }

  async function print() {
    if (!desktop) {
      window.print()
      return
    }
    try {
      const { path } = await saveReportPdf({ title: 'Earshot report' })
      if (path) notify('info', 'Report saved as PDF', path)
    } catch (err) {
      notifyError('Could not save the PDF', err)
    }
  }

  return (
    <section className="reports" aria-label="Reports">
      <header className="reports-head">
        <h2>Reports</h2>
        <p className={`reports-archive ${review ? 'is-review' : ''}`}>
          {review ? `Reviewing ${review.path}${review.readOnly ? ' (read-only)' : ''}` : 'Live archive'}
        </p>
        <div className="reports-actions">
          <label htmlFor={rangeId}>Range</label>
          <select
            id={rangeId}
            className="input"
            value={preset}
            onChange={(e) => {
              setPreset(e.target.value as RangePreset)
              setNow(Date.now())
            }}
          >
            {RANGE_PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn"
            onClick={() => {
              setNow(Date.now())
              setGeneration((g) => g + 1)
            }}
          >
            Refresh
          </button>
          <button type="button" className="btn" disabled={!report} onClick={() => void downloadCsv()}>
            Download CSV
          </button>
          <button type="button" className="btn" disabled={!report} onClick={() => void print()}>
            {desktop ? 'Save PDF' : 'Print'}
          </button>
          <button type="button" className="btn btn--primary" onClick={closeReports}>
            Back to the deck
          </button>
        </div>
      </header>
      <div className="reports-columns" role="group" aria-label="Columns in the report">
        {(columns ?? []).map((c) => {
          const on = chosen.includes(c.id)
          return (
            <button
              key={c.id}
              type="button"
              className="btn btn--small report-column-toggle"
              aria-pressed={on}
              onClick={() => toggle(c.id)}
            >
              <span
                className="report-swatch"
                style={{ background: on ? columnColor(chosen.indexOf(c.id)) : undefined }}
              />
              {c.title}
            </button>
          )
        })}
        {columns?.length === 0 && <p className="report-empty">This archive has no columns to report on.</p>}
      </div>
      {loaded.status === 'error' && (
        <p className="form-error" role="alert">
          Could not build the report: {loaded.message}
        </p>
      )}
      {report ? (
        <ReportBody
          key={`${report.since}|${report.until}|${chosen.join(',')}`}
          report={report}
          readOnly={review?.readOnly ?? false}
        />
      ) : (
        loaded.status !== 'error' && chosen.length > 0 && <p className="reports-loading">Building the report…</p>
      )}
    </section>
  )
}

function ReportBody({ report, readOnly }: { report: Report; readOnly: boolean }) {
  const last = Math.max(0, report.buckets.length - 1)
  const [brush, setBrush] = useState({ start: 0, end: last })
  const brushedWindow = brushWindow(report, brush.start, brush.end)
  const brushed = brush.start !== 0 || brush.end !== last
  return (
    <>
      <p className="reports-meta" data-testid="report-meta">
        {formatWindow(report)} · {formatBucketSize(report.bucketMs)} buckets · {formatExact(report.total)} mentions
        {report.gaps.length > 0 && ` · ${report.gaps.length} capture gap${report.gaps.length === 1 ? '' : 's'}`}
        {report.top.sampled < report.total && ` · top lists from an even sample of ${formatExact(report.top.sampled)}`}
      </p>
      <div className="reports-grid">
        <section className="report-card report-volume" aria-label="Volume over time">
          <h3>
            Volume over time
            {brushed && (
              <button type="button" className="btn btn--small" onClick={() => setBrush({ start: 0, end: last })}>
                Reset window
              </button>
            )}
          </h3>
          <VolumeChart report={report} brush={brush} onBrush={(start, end) => setBrush({ start, end })} showBrush />
        </section>
        <section className="report-card report-sentiment" aria-label="Sentiment share over time">
          <h3>Sentiment share</h3>
          <SentimentChart report={report} />
        </section>
        <div className="report-lists">
          <section className="report-card" aria-label="Share of voice between columns">
            <h3>Share of voice</h3>
            <ShareOfVoice report={report} />
          </section>
          <TopList title="Top hashtags" items={report.top.hashtags} />
          <TopList title="Top authors" items={report.top.authors} />
          <TopList title="Top terms" items={report.top.terms} />
          <GapList report={report} />
        </div>
        <ReviewPanel window={brushedWindow} readOnly={readOnly} />
      </div>
    </>
  )
}

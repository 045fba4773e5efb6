// Re-score dialog: which scorers scored the live archive (or the one under
// review), how many mentions an older scorer scored, and a job that re-scores
// them with the current model, with progress (rate, time left) and cancel.
// Every page is committed as it is done, so a cancelled job keeps its work.
import { useEffect, useId, useRef, useState } from 'react'
import type { RescoreProgress, RescoreStatus, RescoreTarget } from '../../../../shared/contracts/sentiment'
import { describePace, formatDuration, Throughput } from '../../../../shared/throughput'
import { describeError, type ErrorText } from '../../lib/errors'
import { formatExact } from '../../lib/format'
import { cancelRescore, onRescoreProgress, rescoreStatus, startRescore } from '../../state/rescore'
import { openReviewArchive, useReviewStore } from '../../state/review'
import { ErrorAlert } from '../common/ErrorAlert'
import { Modal } from '../common/Modal'
import { SubmitActions } from '../common/SubmitActions'
import { JobProgress } from './JobProgress'

type Job = { step: 'running' | 'over'; progress: RescoreProgress; pace: string; seconds: number }

/** "Re-scored 12,345 mentions in 4 s (3,086/s)", "Stopped after …": what a job that is over did. */
export function describeRescore(p: RescoreProgress, seconds: number): string {
  const n = formatExact(p.done)
  if (p.state === 'failed') return `Re-score failed: ${p.error ?? 'unknown error'}`
  if (p.state === 'cancelled')
    return `Stopped after ${n} of ${formatExact(p.total)} mentions; those keep their new scores. Re-score again to go on.`
  if (p.done === 0) return 'Every mention was already scored by the current model.'
  const took = seconds >= 1 ? ` in ${formatDuration(seconds)} (${formatExact(Math.round(p.done / seconds))}/s)` : ''
  const columns =
    p.refilled > 0 ? ` ${p.refilled} column${p.refilled === 1 ? '' : 's'} filtering on sentiment rebuilt.` : ''
  return `Re-scored ${n} mention${p.done === 1 ? '' : 's'}${took}.${columns}`
}

function ScorerList({ status }: { status: RescoreStatus }) {
  if (status.scorers.length === 0) return <p className="modal-text">This archive holds no mentions yet.</p>
  return (
    <table className="rescore-scorers" aria-label="Mentions by scorer">
      <thead>
        <tr>
          <th scope="col">Scored by</th>
          <th scope="col">Mentions</th>
        </tr>
      </thead>
      <tbody>
        {status.scorers.map((s) => (
          <tr key={s.scorer}>
            <td>
              <code>{s.scorer}</code>
              {s.scorer === status.current
                ? ' (current)'
                : status.kept.includes(s.scorer)
                  ? ' (kept: reviews’ own stars)'
                  : ''}
            </td>
            <td className="num">{formatExact(s.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function RescoreDialog({ onClose }: { onClose: () => void }) {
  const review = useReviewStore((s) => s.session?.review ?? null)
  const [picked, setTarget] = useState<RescoreTarget>(review ? 'review' : 'live')
  const target: RescoreTarget = review ? picked : 'live'
  // The status read for this archive (reopening the review file with changes allowed reads it again).
  const key = `${target}:${review?.path ?? ''}:${review?.readOnly ?? ''}`
  const [loaded, setLoaded] = useState<{ key: string; status: RescoreStatus } | null>(null)
  const [job, setJob] = useState<Job | null>(null)
  const [error, setError] = useState<ErrorText | null>(null)
  const [busy, setBusy] = useState(false)
  const meter = useRef(new Throughput())
  const t0 = useRef(0)
  const jobId = useRef<string | null>(null)
  const name = useId()

  const follow = (progress: RescoreProgress) => {
    jobId.current = progress.id
    const pace = describePace(
      meter.current.add({
        at: performance.now(),
        rows: progress.done,
        fraction: progress.total > 0 ? progress.done / progress.total : null,
      }),
      formatExact,
    )
    const seconds = (performance.now() - t0.current) / 1000
    setJob({ step: progress.state === 'running' ? 'running' : 'over', progress, pace, seconds })
  }

  useEffect(
    () =>
      onRescoreProgress((p) => {
        if (p.id === jobId.current) follow(p)
      }),
    [],
  )

  useEffect(() => {
    let live = true
    rescoreStatus({ target }).then(
      (status) => {
        if (!live) return
        setError(null)
        // A job already running (started from another window) is followed rather than started again.
        if (status.job?.state === 'running') {
          t0.current = performance.now()
          follow(status.job)
        } else setLoaded({ key, status })
      },
      (err: unknown) => live && setError(describeError(err)),
    )
    return () => {
      live = false
    }
  }, [target, key])

  async function start() {
    setBusy(true)
    setError(null)
    try {
      meter.current = new Throughput()
      t0.current = performance.now()
      follow(await startRescore({ target }))
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }

  async function allowChanges(path: string) {
    setBusy(true)
    setError(null)
    try {
      await openReviewArchive(path, false)
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(false)
    }
  }

  if (job) {
    const p = job.progress
    const status =
      job.step === 'over'
        ? describeRescore(p, job.seconds)
        : `Re-scoring… ${formatExact(p.done)} of ${formatExact(p.total)} mentions${job.pace ? ` · ${job.pace}` : ''}`
    return (
      <JobProgress
        title="Re-score sentiment"
        label="Re-score progress"
        max={Math.max(p.total, 1)}
        value={job.step === 'over' && p.state === 'done' ? Math.max(p.total, 1) : p.done}
        status={status}
        running={job.step === 'running'}
        cancelLabel="Stop re-scoring"
        onCancel={() => void cancelRescore({ id: p.id }).then(follow, (err: unknown) => setError(describeError(err)))}
        onClose={onClose}
      >
        <ErrorAlert error={error} />
      </JobProgress>
    )
  }

  const status = loaded?.key === key ? loaded.status : null
  return (
    <Modal title="Re-score sentiment" onClose={onClose} className="archive-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void start()
        }}
        noValidate
      >
        <p className="modal-text">
          Mentions scored by an older scorer (VADER before the multilingual model, an older model, an imported
          file&apos;s own score) are scored again with the current model. Capture keeps running; stopping keeps what is
          done.
        </p>
        {review && (
          <fieldset className="field">
            <legend>Which archive</legend>
            <label>
              <input type="radio" name={name} checked={target === 'review'} onChange={() => setTarget('review')} /> The
              one under review
            </label>
            <label>
              <input type="radio" name={name} checked={target === 'live'} onChange={() => setTarget('live')} /> The live
              archive
            </label>
          </fieldset>
        )}
        {status === null ? (
          !error && <p className="modal-text">Counting…</p>
        ) : (
          <>
            <p className="modal-text rescore-path">
              <code>{status.path}</code>
            </p>
            <ScorerList status={status} />
            <p className="modal-text" role="status">
              {status.stale === 0
                ? `Every mention is scored by the current model (${status.current}).`
                : `${formatExact(status.stale)} mention${status.stale === 1 ? '' : 's'} to re-score with ${status.current}.`}
            </p>
            {status.blocked && status.stale > 0 && (
              <div className="rescore-blocked">
                <p className="field-error">{status.blocked}</p>
                {target === 'review' && review && (
                  <button type="button" className="btn" disabled={busy} onClick={() => void allowChanges(review.path)}>
                    Reopen with changes allowed
                  </button>
                )}
              </div>
            )}
          </>
        )}
        <ErrorAlert error={error} />
        <SubmitActions
          submitLabel={status && status.stale > 0 ? `Re-score ${formatExact(status.stale)} mentions` : 'Re-score'}
          disabled={busy || !status || status.stale === 0 || status.blocked !== null}
          onCancel={onClose}
        />
      </form>
    </Modal>
  )
}

// The top bar's report and review controls: "Reports", the archive-file
// dialogs (opened from the Archive menu), and, while a file is under review, a
// badge that names it and leads back to the live archive.
import { notifyError } from '../../state/notices'
import { backToLive, openReports, useReviewStore } from '../../state/review'
import { ArchiveDialogs } from '../archive/ArchiveDialogs'

const basename = (path: string): string => path.split(/[\\/]/).pop() ?? path

export function ReviewBadge() {
  const review = useReviewStore((s) => s.session?.review ?? null)
  if (!review) return null
  return (
    <div className="review-badge" role="status" title={review.path}>
      <span className="review-badge-label">Reviewing</span>
      <strong>{basename(review.path)}</strong>
      <span className="review-badge-mode">{review.readOnly ? 'read-only' : 'changes allowed'}</span>
      <button
        type="button"
        className="btn btn--small"
        onClick={() => backToLive().catch((err: unknown) => notifyError('Could not close the review archive', err))}
      >
        Back to live archive
      </button>
    </div>
  )
}

export function ReportsControls() {
  return (
    <>
      <button type="button" className="btn" onClick={() => openReports()}>
        Reports
      </button>
      <ArchiveDialogs />
    </>
  )
}

// Store: the Reports view (open or not, which columns) and the review session
// (which archive reports read: the live one, or another file under review).
// `review.changed` keeps every window on the same archive.
import { create } from 'zustand'
import type { EarshotApi } from '../../../shared/contract'
import type { ReviewState } from '../../../shared/contracts/reports'
import type { ColumnId } from '../../../shared/domain'
import { client, command } from './client'

export interface ReviewStore {
  /** Null while the Reports view is closed; the chosen columns (possibly none yet) when open. */
  reports: { columnIds: ColumnId[] } | null
  session: ReviewState | null
  /** Which archive-file dialog is open. */
  fileDialog: 'open' | 'copy' | null
  /** Counts finished re-score jobs: the Reports view reads again when it moves. */
  rescored: number
}

export const useReviewStore = create<ReviewStore>()(() => ({
  reports: null,
  session: null,
  fileDialog: null,
  rescored: 0,
}))

export function subscribeReview(events: Pick<EarshotApi, 'on'>): () => void {
  return events.on('review.changed', (session) => useReviewStore.setState({ session }))
}

export async function refreshReview(): Promise<void> {
  useReviewStore.setState({ session: await client().call('review.state', {}) })
}

/** Opens the Reports view on these columns (all of the report archive's columns when none are given). */
export function openReports(columnIds: ColumnId[] = []): void {
  useReviewStore.setState({ reports: { columnIds } })
}

export function closeReports(): void {
  useReviewStore.setState({ reports: null })
}

export function setReportColumns(columnIds: ColumnId[]): void {
  useReviewStore.setState({ reports: { columnIds } })
}

export function openFileDialog(kind: 'open' | 'copy' | null): void {
  useReviewStore.setState({ fileDialog: kind })
}

export async function openReviewArchive(path: string, readOnly: boolean): Promise<ReviewState> {
  const session = await client().call('review.open', { path, readOnly })
  // The review archive has its own columns: the view starts over on all of them.
  useReviewStore.setState({ session, reports: { columnIds: [] } })
  return session
}

export async function backToLive(): Promise<void> {
  const session = await client().call('review.close', {})
  useReviewStore.setState((s) => ({ session, reports: s.reports ? { columnIds: [] } : null }))
}

/** Search the archive under review (in the Reports view's window). */
export const searchReview = command('review.search')
/** The reviewer's note, tags or reviewed mark on one mention. */
export const annotateReview = command('review.annotate')

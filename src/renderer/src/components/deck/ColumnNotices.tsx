// A column's source notices, under its query: e.g. X refusing the column's
// rule, so the operator knows the column is not listening there.
import type { ColumnId } from '../../../../shared/domain'
import { useColumnNoticesStore } from '../../state/columnNotices'
import '../../styles/column-notices.css'

const SOURCE_NAMES: Record<string, string> = { x: 'X', bluesky: 'Bluesky', mastodon: 'Mastodon', rss: 'RSS' }

export function ColumnNotices({ columnId }: { columnId: ColumnId }) {
  const notices = useColumnNoticesStore((s) => s.byColumn[columnId])
  const entries = Object.entries(notices ?? {})
  if (entries.length === 0) return null
  return (
    <ul className="column-notices" aria-label="Source notices">
      {entries.map(([source, message]) => (
        <li key={source} className="column-notice" title={message}>
          <span className="column-notice-source">{SOURCE_NAMES[source] ?? source}</span>
          <span className="column-notice-text">{message}</span>
        </li>
      ))}
    </ul>
  )
}

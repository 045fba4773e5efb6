// The report's lists: share of voice between columns (bars), the top
// hashtags, authors and terms, and the capture gaps of the period.
import type { Counted, Report } from '../../../../shared/contracts/reports'
import { formatExact } from '../../lib/format'
import { columnColor, formatTime, percent } from './series'

export function ShareOfVoice({ report }: { report: Report }) {
  return (
    <ul className="report-share" aria-label="Share of voice">
      {report.columns.map((c, i) => (
        <li key={c.id}>
          <span className="report-share-title">{c.title}</span>
          <span className="report-share-bar" aria-hidden="true">
            <span style={{ width: `${c.share * 100}%`, background: columnColor(i) }} />
          </span>
          <span className="report-share-value">
            {percent(c.share)} <small>({formatExact(c.total)})</small>
          </span>
        </li>
      ))}
    </ul>
  )
}

export function TopList({ title, items }: { title: string; items: Counted[] }) {
  const max = items[0]?.count ?? 0
  return (
    <section className="report-card report-top" aria-label={title}>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="report-empty">None in this range.</p>
      ) : (
        <ol>
          {items.map((item) => (
            <li key={item.key}>
              <span className="report-top-key" title={item.key}>
                {item.key}
              </span>
              <span className="report-top-bar" aria-hidden="true">
                <span style={{ width: `${max === 0 ? 0 : (item.count / max) * 100}%` }} />
              </span>
              <span className="report-top-count">{formatExact(item.count)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

export function GapList({ report }: { report: Report }) {
  return (
    <section className="report-card report-gaps" aria-label="Capture gaps">
      <h3>Capture gaps</h3>
      {report.gaps.length === 0 ? (
        <p className="report-empty">No capture gaps in this range: every source was listening.</p>
      ) : (
        <ul>
          {report.gaps.map((g) => (
            <li key={g.id}>
              <strong>{g.source}</strong> {formatTime(g.startedAt)} –{' '}
              {g.endedAt === null ? 'still down' : formatTime(g.endedAt)}
              <span className="report-gap-reason"> · {g.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

// A mention's age ("now", "45s", "3m", "2h", "Mar 4"), refreshed by the one
// shared ticker; links to the original post when it has an address.
import { formatRelative, formatTimestamp } from '../../lib/relativeTime'
import { useClockStore } from '../../state/clock'

export function RelativeTime({ at, href }: { at: number; href: string | null }) {
  const now = useClockStore((s) => s.now)
  const label = (
    <time dateTime={new Date(at).toISOString()} title={formatTimestamp(at)}>
      {formatRelative(at, now)}
    </time>
  )
  if (href === null || !/^https?:\/\//i.test(href)) return <span className="card-time">{label}</span>
  return (
    <a className="card-time" href={href} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  )
}

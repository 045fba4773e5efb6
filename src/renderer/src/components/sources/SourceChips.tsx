// Top-bar chips, one per known mention source: "Demo · 12/s", coloured by the
// source's state, with the detail in a tooltip.
import { useShallow } from 'zustand/react/shallow'
import { SOURCE_IDS, type SourceId, type SourceStatus } from '../../../../shared/domain'
import { formatRate } from '../../lib/format'
import { useSourcesStore } from '../../state/sources'

export const SOURCE_NAMES: Record<SourceId, string> = {
  demo: 'Demo',
  x: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  rss: 'RSS',
  hackernews: 'Hacker News',
  reddit: 'Reddit',
  appstore: 'App Store',
  replay: 'Replay',
  import: 'Import',
}

const STATE_TEXT: Record<SourceStatus['state'], string> = {
  idle: 'idle',
  connecting: 'connecting',
  connected: 'connected',
  reconnecting: 'reconnecting',
  rate_limited: 'rate limited',
  error: 'error',
  stopped: 'stopped',
}

function SourceChip({ source }: { source: SourceId }) {
  const status = useSourcesStore((s) => s.byId[source])
  if (!status) return null
  const live = status.state === 'connected'
  const text = live ? formatRate(status.rate) : STATE_TEXT[status.state]
  const tooltip = [`${SOURCE_NAMES[source]}: ${STATE_TEXT[status.state]}`, status.detail].filter(Boolean).join(' — ')
  return (
    <li className={`chip chip--${status.state}`} title={tooltip}>
      <span className="chip-dot" aria-hidden="true" />
      <span className="chip-name">{SOURCE_NAMES[source]}</span>
      <span className="chip-sep" aria-hidden="true">
        ·
      </span>
      <span className="chip-value">{text}</span>
    </li>
  )
}

export function SourceChips() {
  const present = useSourcesStore(useShallow((s) => SOURCE_IDS.filter((id) => s.byId[id] !== undefined)))
  if (present.length === 0) return null
  return (
    <ul className="chips" aria-label="Sources">
      {present.map((id) => (
        <SourceChip key={id} source={id} />
      ))}
    </ul>
  )
}

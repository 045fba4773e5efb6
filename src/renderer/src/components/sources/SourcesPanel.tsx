// The Sources panel: one tab per configurable source (X, Bluesky, Mastodon,
// RSS, Hacker News, Reddit, App Store) with its live status, an on/off switch and its settings form; and a
// line saying where secrets are kept. Everything is validated by the core:
// its issues come back to the field they name.
import { useEffect, useState, type ComponentType } from 'react'
import type { SecretStoreInfo, SourceEntry, SourcesConfigure } from '../../../../shared/contracts/sources'
import { CONFIGURABLE_SOURCES, type ConfigurableSource } from '../../../../shared/sources'
import { configureSource, listSourceSettings, onSourceConfigured } from '../../state/sources'
import { errorLine } from '../../lib/errors'
import { useSourcesStore } from '../../state/sources'
import { Modal } from '../common/Modal'
import { SOURCE_NAMES } from './SourceChips'
import { AppStoreSourceForm } from './AppStoreSourceForm'
import { BlueskySourceForm } from './BlueskySourceForm'
import { HackerNewsSourceForm } from './HackerNewsSourceForm'
import { MastodonSourceForm } from './MastodonSourceForm'
import { RedditSourceForm } from './RedditSourceForm'
import { RssSourceForm } from './RssSourceForm'
import type { SourceFormProps } from './types'
import { XSourceForm } from './XSourceForm'

const FORMS = {
  x: XSourceForm,
  bluesky: BlueskySourceForm,
  mastodon: MastodonSourceForm,
  rss: RssSourceForm,
  hackernews: HackerNewsSourceForm,
  reddit: RedditSourceForm,
  appstore: AppStoreSourceForm,
} as Record<ConfigurableSource, ComponentType<SourceFormProps>>

const ABOUT: Record<ConfigurableSource, string> = {
  x: 'X API v2: filtered stream or recent search (a paid API plan).',
  bluesky: 'Free: the whole network through Jetstream, matched here against your columns.',
  mastodon: 'Free: one instance’s streams for column hashtags, search for plain keywords.',
  rss: 'Free: news, review sites, blog search and alert feeds, polled on their own intervals.',
  reddit:
    'Keyword search and subreddits’ new posts: the OAuth API with an app’s id and secret, or the public listings at a lower rate.',
  appstore: 'Free: each app’s newest customer reviews from Apple’s public feed, per country, with their star rating.',
  hackernews: 'Free: stories and comments through Algolia’s public Hacker News search, polled per column keyword.',
}

const STATE_TEXT: Record<SourceEntry['status']['state'], string> = {
  idle: 'Idle',
  connecting: 'Connecting',
  connected: 'Connected',
  reconnecting: 'Reconnecting',
  rate_limited: 'Rate limited',
  error: 'Error',
  stopped: 'Off',
}

interface Loaded {
  sources: SourceEntry[]
  secretStore: SecretStoreInfo
}

export function SourcesPanel({ onClose }: { onClose: () => void }) {
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [selected, setSelected] = useState<ConfigurableSource>('bluesky')

  useEffect(() => {
    let live = true
    listSourceSettings({}).then(
      (result) => live && setLoaded(result),
      (err: unknown) => live && setLoadError(errorLine(err)),
    )
    const off = onSourceConfigured((entry) => {
      setLoaded((cur) => cur && { ...cur, sources: cur.sources.map((s) => (s.source === entry.source ? entry : s)) })
    })
    return () => {
      live = false
      off()
    }
  }, [])

  async function save(request: SourcesConfigure): Promise<void> {
    const entry = await configureSource(request)
    setLoaded((cur) => cur && { ...cur, sources: cur.sources.map((s) => (s.source === entry.source ? entry : s)) })
  }

  const entry = loaded?.sources.find((s) => s.source === selected)
  return (
    <Modal title="Sources" onClose={onClose} className="sources-dialog">
      <button type="button" className="icon-btn search-close" aria-label="Close sources" onClick={onClose}>
        ×
      </button>
      {loadError && (
        <div className="form-error" role="alert">
          Could not load the sources: {loadError}
        </div>
      )}
      {loaded && (
        <div className="sources-layout">
          <div role="tablist" aria-label="Sources" aria-orientation="vertical" className="sources-tabs">
            {CONFIGURABLE_SOURCES.map((source) => (
              <SourceTab
                key={source}
                entry={loaded.sources.find((s) => s.source === source)!}
                selected={source === selected}
                onSelect={() => setSelected(source)}
              />
            ))}
          </div>
          {entry && <SourcePane key={entry.source} entry={entry} save={save} />}
        </div>
      )}
      {loaded && (
        <p className="secret-store-line">
          <span aria-hidden="true" className="lock-glyph" />
          {loaded.secretStore.detail}
        </p>
      )}
    </Modal>
  )
}

function useLiveStatus(entry: SourceEntry): SourceEntry['status'] {
  return useSourcesStore((s) => s.byId[entry.source]) ?? entry.status
}

function SourceTab({ entry, selected, onSelect }: { entry: SourceEntry; selected: boolean; onSelect: () => void }) {
  const status = useLiveStatus(entry)
  const state = entry.config.enabled ? status.state : 'stopped'
  return (
    <button
      type="button"
      role="tab"
      id={`source-tab-${entry.source}`}
      aria-selected={selected}
      aria-controls={`source-pane-${entry.source}`}
      className="source-tab"
      onClick={onSelect}
    >
      <span className="source-tab-name">{SOURCE_NAMES[entry.source]}</span>
      <span className={`source-state source-state--${state}`}>
        <span className="chip-dot" aria-hidden="true" />
        {STATE_TEXT[state]}
      </span>
    </button>
  )
}

function SourcePane({ entry, save }: { entry: SourceEntry; save: (request: SourcesConfigure) => Promise<void> }) {
  const status = useLiveStatus(entry)
  const [toggleError, setToggleError] = useState<string | null>(null)
  // The switch moves at once; the saved setting follows (or it springs back with the error).
  const [pending, setPending] = useState<boolean | null>(null)
  const Form = FORMS[entry.source]
  const name = SOURCE_NAMES[entry.source]
  const state = entry.config.enabled ? status.state : 'stopped'

  async function toggle(enabled: boolean): Promise<void> {
    setPending(enabled)
    try {
      await save({ source: entry.source, config: { enabled } } as SourcesConfigure)
      setToggleError(null)
    } catch (err) {
      setToggleError(errorLine(err))
    } finally {
      setPending(null)
    }
  }

  return (
    <section
      role="tabpanel"
      id={`source-pane-${entry.source}`}
      aria-labelledby={`source-tab-${entry.source}`}
      className="source-pane"
    >
      <header className="source-head">
        <div>
          <h3 className="source-title">{name}</h3>
          <p className="source-about">{ABOUT[entry.source]}</p>
        </div>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            aria-label={`${name} on`}
            checked={pending ?? entry.config.enabled}
            disabled={pending !== null}
            onChange={(e) => void toggle(e.target.checked)}
          />
          <span className="switch-track" aria-hidden="true" />
          {(pending ?? entry.config.enabled) ? 'On' : 'Off'}
        </label>
      </header>
      <p className={`source-state source-state--${state} source-status`} aria-live="polite" data-testid="source-status">
        <span className="chip-dot" aria-hidden="true" />
        <strong>{STATE_TEXT[state]}</strong>
        {status.detail && state !== 'stopped' ? ` — ${status.detail}` : ''}
      </p>
      {toggleError && (
        <div className="form-error" role="alert">
          {toggleError}
        </div>
      )}
      <Form entry={entry} save={save} />
    </section>
  )
}

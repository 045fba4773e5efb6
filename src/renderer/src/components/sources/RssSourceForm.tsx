// RSS/Atom settings: the list of feeds, each with its own title and polling
// interval; add and remove rows, saved together.
import { useState } from 'react'
import type { SourceEntry } from '../../../../shared/contracts/sources'
import type { RssFeed } from '../../../../shared/sources/rss'
import { FormActions, FormError } from './FormActions'
import type { SourceFormProps } from './types'
import { useSourceSave } from './useSourceSave'

type Entry = Extract<SourceEntry, { source: 'rss' }>

interface Row {
  key: number
  url: string
  title: string
  interval: string
}

let nextKey = 1
const toRow = (f: RssFeed): Row => ({
  key: nextKey++,
  url: f.url,
  title: f.title ?? '',
  interval: String(f.intervalSeconds),
})
const toFeed = (r: Row): RssFeed => ({
  url: r.url.trim(),
  title: r.title.trim() === '' ? null : r.title.trim(),
  intervalSeconds: Number(r.interval),
})

export function RssSourceForm({ entry, save }: SourceFormProps<Entry>) {
  const [rows, setRows] = useState<Row[]>(() => entry.config.feeds.map(toRow))
  const { errors, busy, saved: justSaved, submit } = useSourceSave(save)
  const feeds = rows.map(toFeed)
  const saved = entry.config.feeds
  const dirty =
    feeds.length !== saved.length ||
    feeds.some(
      (f, i) =>
        f.url !== saved[i]!.url || f.title !== saved[i]!.title || f.intervalSeconds !== saved[i]!.intervalSeconds,
    )
  const update = (key: number, patch: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)))

  return (
    <form
      className="source-form"
      aria-label="RSS settings"
      onSubmit={async (e) => {
        e.preventDefault()
        await submit({ source: 'rss', config: { feeds } })
      }}
    >
      <FormError errors={errors} />
      {rows.length === 0 ? (
        <p className="field-help">No feeds yet. Review sites, news, blog search and alert feeds all work.</p>
      ) : (
        <table className="feed-table">
          <thead>
            <tr>
              <th scope="col">Feed URL</th>
              <th scope="col">Title</th>
              <th scope="col">Every (s)</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const err = (name: string) => errors.fields[`feeds.${i}.${name}`]
              const message = [err('url'), err('title'), err('intervalSeconds')].filter(Boolean).join('; ')
              return (
                <tr key={r.key}>
                  <td>
                    <input
                      className="input"
                      aria-label={`Feed ${i + 1} URL`}
                      aria-invalid={err('url') !== undefined}
                      placeholder="https://example.com/feed.xml"
                      value={r.url}
                      onChange={(e) => update(r.key, { url: e.target.value })}
                    />
                    {message && (
                      <p className="field-error" role="alert">
                        {message}
                      </p>
                    )}
                  </td>
                  <td>
                    <input
                      className="input"
                      aria-label={`Feed ${i + 1} title`}
                      aria-invalid={err('title') !== undefined}
                      placeholder="(from the feed)"
                      value={r.title}
                      onChange={(e) => update(r.key, { title: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="input feed-interval"
                      aria-label={`Feed ${i + 1} interval in seconds`}
                      aria-invalid={err('intervalSeconds') !== undefined}
                      inputMode="numeric"
                      value={r.interval}
                      onChange={(e) => update(r.key, { interval: e.target.value })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon-btn"
                      aria-label={`Remove feed ${i + 1}`}
                      onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {errors.fields.feeds && <p className="field-error">{errors.fields.feeds}</p>}
      <button
        type="button"
        className="btn btn--small feed-add"
        onClick={() => setRows((list) => [...list, { key: nextKey++, url: '', title: '', interval: '300' }])}
      >
        + Add feed
      </button>
      <FormActions busy={busy} saved={justSaved} dirty={dirty} />
    </form>
  )
}

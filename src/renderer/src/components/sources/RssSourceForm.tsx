// RSS/Atom settings: the list of feeds, each with its own title and polling
// interval; add and remove rows, saved together.
import { useState } from 'react'
import type { SourceEntry } from '../../../../shared/contracts/sources'
import type { RssFeed } from '../../../../shared/sources/rss'
import { FormActions, FormError } from './FormActions'
import { RowsEditor } from './RowsEditor'
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
      <RowsEditor
        rows={rows}
        onChange={setRows}
        columns={[
          {
            header: 'Feed URL',
            field: 'url',
            label: (n) => `Feed ${n} URL`,
            placeholder: 'https://example.com/feed.xml',
          },
          { header: 'Title', field: 'title', label: (n) => `Feed ${n} title`, placeholder: '(from the feed)' },
          {
            header: 'Every (s)',
            field: 'interval',
            label: (n) => `Feed ${n} interval in seconds`,
            className: 'input feed-interval',
            numeric: true,
          },
        ]}
        errorOf={(i, field) => errors.fields[`feeds.${i}.${field === 'interval' ? 'intervalSeconds' : field}`]}
        removeLabel={(n) => `Remove feed ${n}`}
        addLabel="+ Add feed"
        newRow={() => ({ key: nextKey++, url: '', title: '', interval: '300' })}
        empty={<p className="field-help">No feeds yet. Review sites, news, blog search and alert feeds all work.</p>}
      />
      {errors.fields.feeds && <p className="field-error">{errors.fields.feeds}</p>}
      <FormActions busy={busy} saved={justSaved} dirty={dirty} />
    </form>
  )
}

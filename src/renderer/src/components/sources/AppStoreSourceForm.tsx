// App Store settings: the apps whose reviews are read (app id, storefront
// country, a name to show), and how often their feeds are polled.
import { useState } from 'react'
import type { SourceEntry } from '../../../../shared/contracts/sources'
import type { AppStoreApp } from '../../../../shared/sources/appstore'
import { Field } from '../common/Field'
import { FormActions, FormError } from './FormActions'
import type { SourceFormProps } from './types'
import { useSourceSave } from './useSourceSave'

type Entry = Extract<SourceEntry, { source: 'appstore' }>

interface Row {
  key: number
  appId: string
  country: string
  title: string
}

let nextKey = 1
const toRow = (a: AppStoreApp): Row => ({ key: nextKey++, appId: a.appId, country: a.country, title: a.title ?? '' })
const toApp = (r: Row): AppStoreApp => ({
  appId: r.appId.trim().replace(/^id/i, ''),
  country: r.country.trim().toLowerCase(),
  title: r.title.trim() === '' ? null : r.title.trim(),
})
const same = (a: AppStoreApp, b: AppStoreApp) => a.appId === b.appId && a.country === b.country && a.title === b.title

export function AppStoreSourceForm({ entry, save }: SourceFormProps<Entry>) {
  const [rows, setRows] = useState<Row[]>(() => entry.config.apps.map(toRow))
  const [pollSeconds, setPollSeconds] = useState(String(entry.config.pollSeconds))
  const { errors, busy, saved, submit } = useSourceSave(save)
  const apps = rows.map(toApp)
  const dirty =
    Number(pollSeconds) !== entry.config.pollSeconds ||
    apps.length !== entry.config.apps.length ||
    apps.some((a, i) => !same(a, entry.config.apps[i]!))
  const update = (key: number, patch: Partial<Row>) =>
    setRows((list) => list.map((r) => (r.key === key ? { ...r, ...patch } : r)))

  return (
    <form
      className="source-form"
      aria-label="App Store settings"
      onSubmit={async (e) => {
        e.preventDefault()
        await submit({ source: 'appstore', config: { apps, pollSeconds: Number(pollSeconds) } })
      }}
    >
      <FormError errors={errors} />
      {rows.length === 0 ? (
        <p className="field-help">
          No apps yet. The app id is the number after “id” in its App Store address (apps.apple.com/us/app/…/id
          <b>284882215</b>). A column such as <code>source:appstore rating:&lt;=2</code> then holds the bad reviews.
        </p>
      ) : (
        <table className="feed-table">
          <thead>
            <tr>
              <th scope="col">App id</th>
              <th scope="col">Country</th>
              <th scope="col">Name</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const err = (name: string) => errors.fields[`apps.${i}.${name}`]
              const message = [err('appId'), err('country'), err('title')].filter(Boolean).join('; ')
              return (
                <tr key={r.key}>
                  <td>
                    <input
                      className="input"
                      aria-label={`App ${i + 1} id`}
                      aria-invalid={err('appId') !== undefined}
                      inputMode="numeric"
                      placeholder="284882215"
                      value={r.appId}
                      onChange={(e) => update(r.key, { appId: e.target.value })}
                    />
                    {message && (
                      <p className="field-error" role="alert">
                        {message}
                      </p>
                    )}
                  </td>
                  <td>
                    <input
                      className="input feed-interval"
                      aria-label={`App ${i + 1} country`}
                      aria-invalid={err('country') !== undefined}
                      placeholder="us"
                      value={r.country}
                      onChange={(e) => update(r.key, { country: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="input"
                      aria-label={`App ${i + 1} name`}
                      placeholder="(shown on its reviews)"
                      value={r.title}
                      onChange={(e) => update(r.key, { title: e.target.value })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="icon-btn"
                      aria-label={`Remove app ${i + 1}`}
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
      <button
        type="button"
        className="btn btn--small feed-add"
        onClick={() => setRows((list) => [...list, { key: nextKey++, appId: '', country: 'us', title: '' }])}
      >
        + Add app
      </button>
      <Field
        label="Read every (s)"
        error={errors.fields.pollSeconds}
        help="60 s to a day; Apple refreshes the feed every few minutes."
      >
        {(ids) => (
          <input
            {...ids}
            className="input"
            inputMode="numeric"
            value={pollSeconds}
            onChange={(e) => setPollSeconds(e.target.value)}
          />
        )}
      </Field>
      <FormActions busy={busy} saved={saved} dirty={dirty} />
    </form>
  )
}

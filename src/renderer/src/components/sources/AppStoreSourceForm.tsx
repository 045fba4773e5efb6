// App Store settings: the apps whose reviews are read (app id, storefront
// country, a name to show), and how often their feeds are polled.
import { useState } from 'react'
import type { SourceEntry } from '../../../../shared/contracts/sources'
import type { AppStoreApp } from '../../../../shared/sources/appstore'
import { NumberField } from '../common/NumberField'
import { FormActions, FormError } from './FormActions'
import { RowsEditor } from './RowsEditor'
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
      <RowsEditor
        rows={rows}
        onChange={setRows}
        columns={[
          { header: 'App id', field: 'appId', label: (n) => `App ${n} id`, placeholder: '284882215', numeric: true },
          {
            header: 'Country',
            field: 'country',
            label: (n) => `App ${n} country`,
            placeholder: 'us',
            className: 'input feed-interval',
          },
          { header: 'Name', field: 'title', label: (n) => `App ${n} name`, placeholder: '(shown on its reviews)' },
        ]}
        errorOf={(i, field) => errors.fields[`apps.${i}.${field}`]}
        removeLabel={(n) => `Remove app ${n}`}
        addLabel="+ Add app"
        newRow={() => ({ key: nextKey++, appId: '', country: 'us', title: '' })}
        empty={
          <p className="field-help">
            No apps yet. The app id is the number after “id” in its App Store address (apps.apple.com/us/app/…/id
            <b>284882215</b>). A column such as <code>source:appstore rating:&lt;=2</code> then holds the bad reviews.
          </p>
        }
      />
      <NumberField
        label="Read every (s)"
        value={pollSeconds}
        onChange={setPollSeconds}
        error={errors.fields.pollSeconds}
        help="60 s to a day; Apple refreshes the feed every few minutes."
      />
      <FormActions busy={busy} saved={saved} dirty={dirty} />
    </form>
  )
}

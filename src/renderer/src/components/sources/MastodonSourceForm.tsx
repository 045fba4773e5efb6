// Mastodon settings: the instance, an optional public timeline, how often
// plain keywords are searched, the post length limit, and the access token.
import { useState } from 'react'
import type { SourceEntry } from '../../../../shared/contracts/sources'
import type { MastodonConfig } from '../../../../shared/sources/mastodon'
import { Field } from '../common/Field'
import { NumberField } from '../common/NumberField'
import { FormActions, FormError } from './FormActions'
import { SecretField, secretsPatch } from './SecretField'
import type { SourceFormProps } from './types'
import { useSourceSave } from './useSourceSave'

type Entry = Extract<SourceEntry, { source: 'mastodon' }>

const PUBLIC_OPTIONS: { value: MastodonConfig['publicStream']; label: string }[] = [
  { value: 'none', label: 'Off: column hashtags only' },
  { value: 'public', label: 'Federated timeline (public)' },
  { value: 'public:local', label: 'This instance only (public:local)' },
  { value: 'public:remote', label: 'Other instances only (public:remote)' },
]

export function MastodonSourceForm({ entry, save }: SourceFormProps<Entry>) {
  const config = entry.config
  const [instance, setInstance] = useState(config.instance)
  const [publicStream, setPublicStream] = useState(config.publicStream)
  const [searchSeconds, setSearchSeconds] = useState(String(config.searchSeconds))
  const [charLimit, setCharLimit] = useState(String(config.charLimit))
  const [token, setToken] = useState('')
  const [forgotten, setForgotten] = useState<Set<string>>(new Set())
  const { errors, busy, saved, submit } = useSourceSave(save)

  const draft = {
    instance: instance.trim(),
    publicStream,
    searchSeconds: Number(searchSeconds),
    charLimit: Number(charLimit),
  }
  const secrets = secretsPatch({ accessToken: token }, forgotten)
  const dirty =
    draft.instance !== config.instance ||
    draft.publicStream !== config.publicStream ||
    draft.searchSeconds !== config.searchSeconds ||
    draft.charLimit !== config.charLimit ||
    secrets !== undefined

  return (
    <form
      className="source-form"
      aria-label="Mastodon settings"
      onSubmit={async (e) => {
        e.preventDefault()
        if (await submit({ source: 'mastodon', config: draft, ...(secrets ? { secrets } : {}) })) {
          setToken('')
          setForgotten(new Set())
        }
      }}
    >
      <FormError errors={errors} />
      <Field
        label="Instance"
        error={errors.fields.instance}
        help="Its streaming API carries the column hashtags; its search finds plain keywords."
      >
        {(ids) => <input {...ids} className="input" value={instance} onChange={(e) => setInstance(e.target.value)} />}
      </Field>
      <Field
        label="Public timeline"
        error={errors.fields.publicStream}
        help="Every public post, matched here against the columns."
      >
        {(ids) => (
          <select
            {...ids}
            className="input"
            value={publicStream}
            onChange={(e) => setPublicStream(e.target.value as MastodonConfig['publicStream'])}
          >
            {PUBLIC_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="source-pair">
        <NumberField
          label="Keyword search every (s)"
          value={searchSeconds}
          onChange={setSearchSeconds}
          error={errors.fields.searchSeconds}
          help="15 s to 1 hour."
        />
        <NumberField
          label="Post length limit"
          value={charLimit}
          onChange={setCharLimit}
          error={errors.fields.charLimit}
          help="500 on most instances."
        />
      </div>
      <SecretField
        label="Access token"
        state={entry.secrets.find((s) => s.name === 'accessToken')}
        value={token}
        onChange={setToken}
        onForget={() => setForgotten(new Set(['accessToken']))}
        error={errors.fields.accessToken}
        help="Preferences › Development › New application (read, write:statuses). Streaming needs it since Mastodon 4.2."
      />
      <FormActions busy={busy} saved={saved} dirty={dirty} />
    </form>
  )
}

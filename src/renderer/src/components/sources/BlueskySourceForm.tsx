// Bluesky settings: the Jetstream instance (four public presets or a custom
// URL), the service that resolves profiles and takes replies, and the replying
// account (handle + app password, write-only).
import { useState } from 'react'
import type { SourceEntry } from '../../../../shared/contracts/sources'
import { JETSTREAM_INSTANCES } from '../../../../shared/sources/bluesky'
import { Field } from '../common/Field'
import { FormActions, FormError } from './FormActions'
import { SecretField, secretsPatch } from './SecretField'
import type { SourceFormProps } from './types'
import { useSourceSave } from './useSourceSave'

type Entry = Extract<SourceEntry, { source: 'bluesky' }>

const CUSTOM = 'custom'
const PRESET_NAMES: Record<string, string> = {
  'wss://jetstream1.us-east.bsky.network': 'jetstream1 · US East',
  'wss://jetstream2.us-east.bsky.network': 'jetstream2 · US East',
  'wss://jetstream1.us-west.bsky.network': 'jetstream1 · US West',
  'wss://jetstream2.us-west.bsky.network': 'jetstream2 · US West',
}

export function BlueskySourceForm({ entry, save }: SourceFormProps<Entry>) {
  const config = entry.config
  const isPreset = (JETSTREAM_INSTANCES as readonly string[]).includes(config.jetstream)
  const [preset, setPreset] = useState(isPreset ? config.jetstream : CUSTOM)
  const [custom, setCustom] = useState(isPreset ? '' : config.jetstream)
  const [service, setService] = useState(config.service)
  const [identifier, setIdentifier] = useState(config.identifier ?? '')
  const [password, setPassword] = useState('')
  const [forgotten, setForgotten] = useState<Set<string>>(new Set())
  const { errors, busy, saved, submit } = useSourceSave(save)

  const jetstream = preset === CUSTOM ? custom.trim() : preset
  const draft = { jetstream, service: service.trim(), identifier: identifier.trim() === '' ? null : identifier.trim() }
  const secrets = secretsPatch({ appPassword: password }, forgotten)
  const dirty =
    draft.jetstream !== config.jetstream ||
    draft.service !== config.service ||
    draft.identifier !== config.identifier ||
    secrets !== undefined

  return (
    <form
      className="source-form"
      aria-label="Bluesky settings"
      onSubmit={async (e) => {
        e.preventDefault()
        if (await submit({ source: 'bluesky', config: draft, ...(secrets ? { secrets } : {}) })) {
          setPassword('')
          setForgotten(new Set())
        }
      }}
    >
      <FormError errors={errors} />
      <Field label="Jetstream instance" error={errors.fields.jetstream} help="Where posts are read from, live.">
        {(ids) => (
          <div className="source-row">
            <select {...ids} className="input" value={preset} onChange={(e) => setPreset(e.target.value)}>
              {JETSTREAM_INSTANCES.map((url) => (
                <option key={url} value={url}>
                  {PRESET_NAMES[url] ?? url}
                </option>
              ))}
              <option value={CUSTOM}>Custom…</option>
            </select>
            {preset === CUSTOM && (
              <input
                className="input"
                aria-label="Custom Jetstream URL"
                aria-invalid={errors.fields.jetstream !== undefined}
                placeholder="wss://jetstream.example.com"
                value={custom}
                onChange={(e) => setCustom(e.target.value)}
              />
            )}
          </div>
        )}
      </Field>
      <Field
        label="Service"
        error={errors.fields.service}
        help="Resolves handles and display names, and takes replies (your PDS or https://bsky.social)."
      >
        {(ids) => <input {...ids} className="input" value={service} onChange={(e) => setService(e.target.value)} />}
      </Field>
      <div className="source-pair">
        <Field
          label="Reply account"
          error={errors.fields.identifier}
          help="Handle, DID or e-mail; empty for read-only."
        >
          {(ids) => (
            <input
              {...ids}
              className="input"
              placeholder="brand.bsky.social"
              autoComplete="off"
              value={identifier}
              onChange={(e) => setIdentifier(e.target.value)}
            />
          )}
        </Field>
        <SecretField
          label="App password"
          state={entry.secrets.find((s) => s.name === 'appPassword')}
          value={password}
          onChange={setPassword}
          onForget={() => setForgotten(new Set(['appPassword']))}
          error={errors.fields.appPassword}
          help="Create one in Bluesky: Settings › App passwords."
        />
      </div>
      <FormActions busy={busy} saved={saved} dirty={dirty} />
    </form>
  )
}

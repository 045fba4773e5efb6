// Hacker News settings: how often each column keyword is searched, and
// whether stories, comments or both are read. No account is needed.
import { useState } from 'react'
import type { SourceEntry } from '../../../../shared/contracts/sources'
import { HN_INCLUDE, type HackerNewsConfig } from '../../../../shared/sources/hackernews'
import { Field } from '../common/Field'
import { NumberField } from '../common/NumberField'
import { FormActions, FormError } from './FormActions'
import type { SourceFormProps } from './types'
import { useSourceSave } from './useSourceSave'

type Entry = Extract<SourceEntry, { source: 'hackernews' }>

const INCLUDE_LABELS: Record<HackerNewsConfig['include'], string> = {
  both: 'Stories and comments',
  stories: 'Stories only',
  comments: 'Comments only',
}

export function HackerNewsSourceForm({ entry, save }: SourceFormProps<Entry>) {
  const config = entry.config
  const [pollSeconds, setPollSeconds] = useState(String(config.pollSeconds))
  const [include, setInclude] = useState(config.include)
  const { errors, busy, saved, submit } = useSourceSave(save)
  const draft = { pollSeconds: Number(pollSeconds), include }
  const dirty = draft.pollSeconds !== config.pollSeconds || draft.include !== config.include

  return (
    <form
      className="source-form"
      aria-label="Hacker News settings"
      onSubmit={async (e) => {
        e.preventDefault()
        await submit({ source: 'hackernews', config: draft })
      }}
    >
      <FormError errors={errors} />
      <p className="field-help">
        Every word and phrase of the column queries is searched on hn.algolia.com, newest first; the columns then keep
        what their queries match. Algolia allows about 10,000 searches an hour: with many keywords the searches are
        spread out to stay under it.
      </p>
      <div className="source-pair">
        <NumberField
          label="Search each keyword every (s)"
          value={pollSeconds}
          onChange={setPollSeconds}
          error={errors.fields.pollSeconds}
          help="30 s to 1 hour."
        />
        <Field label="Read" error={errors.fields.include}>
          {(ids) => (
            <select
              {...ids}
              className="input"
              value={include}
              onChange={(e) => setInclude(e.target.value as HackerNewsConfig['include'])}
            >
              {HN_INCLUDE.map((v) => (
                <option key={v} value={v}>
                  {INCLUDE_LABELS[v]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormActions busy={busy} saved={saved} dirty={dirty} />
    </form>
  )
}

// Reddit settings: keyword search across Reddit, the subreddits whose new
// posts are read, how often, and the app's client id and secret (without them
// the public listings are read, at about a tenth of the rate).
import { useState } from 'react'
import type { SourceEntry } from '../../../../shared/contracts/sources'
import { Field } from '../common/Field'
import { NumberField } from '../common/NumberField'
import { fieldError } from './fieldErrors'
import { FormActions, FormError } from './FormActions'
import { SecretField, secretsPatch } from './SecretField'
import type { SourceFormProps } from './types'
import { useSourceSave } from './useSourceSave'

type Entry = Extract<SourceEntry, { source: 'reddit' }>

const splitList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean)

export function RedditSourceForm({ entry, save }: SourceFormProps<Entry>) {
  const config = entry.config
  const [searchKeywords, setSearchKeywords] = useState(config.searchKeywords)
  const [subreddits, setSubreddits] = useState(config.subreddits.join(', '))
  const [pollSeconds, setPollSeconds] = useState(String(config.pollSeconds))
  const [values, setValues] = useState({ clientId: '', clientSecret: '' })
  const [forgotten, setForgotten] = useState<Set<string>>(new Set())
  const { errors, busy, saved, submit } = useSourceSave(save)

  const draft = { searchKeywords, subreddits: splitList(subreddits), pollSeconds: Number(pollSeconds) }
  const secrets = secretsPatch(values, forgotten)
  const dirty =
    draft.searchKeywords !== config.searchKeywords ||
    draft.subreddits.join(',') !== config.subreddits.join(',') ||
    draft.pollSeconds !== config.pollSeconds ||
    secrets !== undefined
  const subredditError = fieldError(errors, 'subreddits')

  return (
    <form
      className="source-form"
      aria-label="Reddit settings"
      onSubmit={async (e) => {
        e.preventDefault()
        if (await submit({ source: 'reddit', config: draft, ...(secrets ? { secrets } : {}) })) {
          setValues({ clientId: '', clientSecret: '' })
          setForgotten(new Set())
        }
      }}
    >
      <FormError errors={errors} />
      <label className="check">
        <input type="checkbox" checked={searchKeywords} onChange={(e) => setSearchKeywords(e.target.checked)} />
        Search all of Reddit for the column keywords
      </label>
      <Field
        label="Subreddits"
        error={subredditError}
        help="Their newest posts are read and go through the column queries. Names, separated by commas."
      >
        {(ids) => (
          <input
            {...ids}
            className="input"
            placeholder="Comcast_Xfinity, technology"
            value={subreddits}
            onChange={(e) => setSubreddits(e.target.value)}
          />
        )}
      </Field>
      <NumberField
        label="Read every (s)"
        value={pollSeconds}
        onChange={setPollSeconds}
        error={errors.fields.pollSeconds}
        help="30 s to 1 hour."
      />
      <div className="source-pair">
        {(['clientId', 'clientSecret'] as const).map((name) => (
          <SecretField
            key={name}
            label={name === 'clientId' ? 'App client id' : 'App client secret'}
            state={entry.secrets.find((s) => s.name === name)}
            value={values[name]}
            onChange={(v) => setValues((cur) => ({ ...cur, [name]: v }))}
            onForget={() => setForgotten((f) => new Set(f).add(name))}
            error={errors.fields[name]}
            {...(name === 'clientId'
              ? {
                  help: 'reddit.com/prefs/apps → create a “script” or “web app”. Without it: public listings, ~10 requests a minute.',
                }
              : {})}
          />
        ))}
      </div>
      <FormActions busy={busy} saved={saved} dirty={dirty} />
    </form>
  )
}

// Alert destinations: where alerts go beyond the console. A list (each with
// its status: ok, failing with the reason, waiting retries) beside the form
// of the chosen one — a signed webhook, a Slack incoming webhook or email over
// SMTP — with what it receives (alert kinds, all or some columns), quiet
// hours, write-only secrets, a test send that says what the receiver
// answered, and its delivery log.
import { useEffect, useId, useState, type FormEvent } from 'react'
import { ALERT_KIND_NAMES, ALERT_KINDS, type AlertKind } from '../../../../shared/contracts/alerts'
import {
  DESTINATION_SECRET_LABELS,
  DIGEST_MINUTES,
  type Delivery,
  type DestinationEntry,
  type DestinationKind,
  type DestinationSpec,
  type TestResult,
} from '../../../../shared/contracts/delivery'
import { errorLine } from '../../lib/errors'
import { useDeckStore } from '../../state/deck'
import {
  listDeliveries,
  removeDestination,
  saveDestination,
  testDestination,
  useDeliveryStore,
} from '../../state/delivery'
import { Field } from '../common/Field'
import { Modal } from '../common/Modal'
import { RelativeTime } from '../common/RelativeTime'
import { fieldError, formErrors, NO_ERRORS, type FormErrors } from '../sources/fieldErrors'
import { SecretField, secretsPatch } from '../sources/SecretField'

const KIND_NAMES: Record<DestinationKind, string> = { webhook: 'Webhook', slack: 'Slack', email: 'Email' }
const ADD_LABELS: Record<DestinationKind, string> = { webhook: 'Add webhook', slack: 'Add Slack', email: 'Add email' }
const STATE_TEXT = {
  ok: 'Delivering',
  failing: 'Failing',
  idle: 'Nothing sent yet',
  incomplete: 'A secret is missing',
  off: 'Off',
} as const

function blank(kind: DestinationKind): DestinationSpec {
  const base = {
    name: KIND_NAMES[kind],
    enabled: true,
    quietHours: { enabled: false, from: '22:00', to: '07:00' },
    routes: { kinds: ['spike', 'negative', 'vip'] as AlertKind[], columns: 'all' as const },
  }
  if (kind === 'webhook') return { kind, ...base, config: { url: '' } }
  if (kind === 'slack') return { kind, ...base, config: {} }
  return {
    kind,
    ...base,
    config: { host: '', port: 587, security: 'starttls', username: '', from: '', to: [], digestMinutes: 15 },
  }
}

/** The core's problems by form field ("spec.config.url: …" → "url"); the rest above the form. */
const DESTINATION_PREFIXES = ['spec.config', 'spec', 'secrets']

function StatusLine({ entry }: { entry: DestinationEntry }) {
  const s = entry.status
  return (
    <span className={`destination-status destination-status--${s.state}`}>
      <span className="destination-dot" aria-hidden="true" />
      {STATE_TEXT[s.state]}
      {s.pending > 0 ? ` · ${s.pending} waiting` : ''}
    </span>
  )
}

function DeliveryLog({ id, version }: { id: string; version: number }) {
  const [rows, setRows] = useState<Delivery[] | null>(null)
  useEffect(() => {
    let live = true
    listDeliveries({ destinationId: id, limit: 20 }).then(
      (list) => live && setRows(list),
      () => live && setRows([]),
    )
    return () => {
      live = false
    }
  }, [id, version])
  if (!rows) return null
  return (
    <section className="delivery-log" aria-label="Delivery log">
      <h3 className="menu-heading">Delivery log</h3>
      {rows.length === 0 ? (
        <p className="field-help">Nothing delivered yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Alert</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.id} className={`delivery delivery--${d.state}`}>
                <td>
                  <RelativeTime at={d.updatedAt} href={null} />
                </td>
                <td>
                  {d.test ? <span className="delivery-test">Test · </span> : null}
                  {d.summary}
                </td>
                <td>
                  <span className="delivery-state">{d.state}</span>
                  {d.status !== null ? ` · ${d.status}` : ''}
                  {d.attempts > 1 ? ` · ${d.attempts} attempts` : ''}
                  {d.error ? <span className="delivery-error"> · {d.error}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function DestinationForm({
  entry,
  kind,
  onSaved,
}: {
  entry: DestinationEntry | null
  kind: DestinationKind
  onSaved: (id: string) => void
}) {
  const columns = useDeckStore((s) => s.columns)
  const [spec, setSpec] = useState<DestinationSpec>(() => (entry ? { ...entry.destination } : blank(kind)))
  const [secrets, setSecrets] = useState<Record<string, string>>({})
  const [forgotten, setForgotten] = useState<Set<string>>(new Set())
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS)
  const [busy, setBusy] = useState(false)
  const [test, setTest] = useState<TestResult | null>(null)
  const [version, setVersion] = useState(0)
  const ids = { enabled: useId(), quiet: useId(), all: useId() }
  const set = (patch: Partial<DestinationSpec>) => setSpec((s) => ({ ...s, ...patch }) as DestinationSpec)
  const setConfig = (patch: Record<string, unknown>) =>
    setSpec((s) => ({ ...s, config: { ...s.config, ...patch } }) as DestinationSpec)
  const secretState = (name: string) => entry?.secrets.find((s) => s.name === name)

  async function submit(e: FormEvent) {
    e.preventDefault()
    setBusy(true)
    setErrors(NO_ERRORS)
    try {
      const patch = secretsPatch(secrets, forgotten)
      const { id: _, ...plain } = spec as DestinationSpec & { id?: string }
      const saved = await saveDestination({
        ...(entry ? { id: entry.destination.id } : {}),
        spec: plain as DestinationSpec,
        ...(patch ? { secrets: patch } : {}),
      })
      setSecrets({})
      setForgotten(new Set())
      onSaved(saved.destination.id)
    } catch (err) {
      setErrors(formErrors(err, DESTINATION_PREFIXES))
    } finally {
      setBusy(false)
    }
  }

  async function sendTest() {
    if (!entry) return
    setTest(null)
    setBusy(true)
    try {
      setTest(await testDestination({ id: entry.destination.id }))
    } catch (err) {
      setTest({ ok: false, status: null, message: errorLine(err) })
    } finally {
      setBusy(false)
      setVersion((v) => v + 1)
    }
  }

  const secretField = (name: string, help?: string) => (
    <SecretField
      key={name}
      label={DESTINATION_SECRET_LABELS[name] ?? name}
      state={secretState(name)}
      value={secrets[name] ?? ''}
      onChange={(v) => setSecrets((s) => ({ ...s, [name]: v }))}
      onForget={() => setForgotten((f) => new Set(f).add(name))}
      error={errors.fields[name]}
      {...(help ? { help } : {})}
    />
  )
  const chosen = spec.routes.columns === 'all' ? null : new Set(spec.routes.columns)

  return (
    <form
      className="destination-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`${KIND_NAMES[spec.kind]} destination`}
    >
      {errors.general && (
        <div className="form-error" role="alert">
          {errors.general}
        </div>
      )}
      <div className="destination-row">
        <Field label="Name" error={errors.fields.name}>
          {(f) => <input {...f} className="input" value={spec.name} onChange={(e) => set({ name: e.target.value })} />}
        </Field>
        <label className="check" htmlFor={ids.enabled}>
          <input
            id={ids.enabled}
            type="checkbox"
            checked={spec.enabled}
            onChange={(e) => set({ enabled: e.target.checked })}
          />
          On
        </label>
      </div>
      {spec.kind === 'webhook' && (
        <>
          <Field label="URL" error={errors.fields.url} help="Earshot POSTs each alert as JSON to this address.">
            {(f) => (
              <input
                {...f}
                className="input"
                inputMode="url"
                placeholder="https://ops.example.com/earshot"
                value={spec.config.url}
                onChange={(e) => setConfig({ url: e.target.value })}
              />
            )}
          </Field>
          {secretField(
            'signingSecret',
            'Each request is signed: X-Earshot-Signature is v1=HMAC-SHA256(secret, "<X-Earshot-Timestamp>.<body>") in hex.',
          )}
        </>
      )}
      {spec.kind === 'slack' && secretField('webhookUrl', 'From Slack: Apps → Incoming Webhooks → the channel’s URL.')}
      {spec.kind === 'email' && (
        <>
          <div className="destination-grid">
            <Field label="SMTP server" error={errors.fields.host}>
              {(f) => (
                <input
                  {...f}
                  className="input"
                  placeholder="smtp.example.com"
                  value={spec.config.host}
                  onChange={(e) => setConfig({ host: e.target.value })}
                />
              )}
            </Field>
            <Field label="Port" error={errors.fields.port}>
              {(f) => (
                <input
                  {...f}
                  className="input"
                  inputMode="numeric"
                  value={String(spec.config.port)}
                  onChange={(e) => setConfig({ port: Number(e.target.value) || 0 })}
                />
              )}
            </Field>
            <Field label="Security" error={errors.fields.security}>
              {(f) => (
                <select
                  {...f}
                  className="input"
                  value={spec.config.security}
                  onChange={(e) => setConfig({ security: e.target.value })}
                >
                  <option value="starttls">STARTTLS (port 587)</option>
                  <option value="tls">TLS (port 465)</option>
                  <option value="none">None (a relay on this network)</option>
                </select>
              )}
            </Field>
            <Field label="Username" error={errors.fields.username} help="Empty for a server without login.">
              {(f) => (
                <input
                  {...f}
                  className="input"
                  autoComplete="off"
                  value={spec.config.username}
                  onChange={(e) => setConfig({ username: e.target.value })}
                />
              )}
            </Field>
          </div>
          {spec.config.username !== '' && secretField('password')}
          <div className="destination-grid">
            <Field label="From" error={errors.fields.from}>
              {(f) => (
                <input
                  {...f}
                  className="input"
                  placeholder="earshot@example.com"
                  value={spec.config.from}
                  onChange={(e) => setConfig({ from: e.target.value })}
                />
              )}
            </Field>
            <Field label="To (comma-separated)" error={fieldError(errors, 'to')}>
              {(f) => (
                <input
                  {...f}
                  className="input"
                  placeholder="oncall@example.com"
                  value={spec.config.to.join(', ')}
                  onChange={(e) =>
                    setConfig({
                      to: e.target.value
                        .split(',')
                        .map((x) => x.trim())
                        .filter((x, i, all) => x !== '' || i === all.length - 1),
                    })
                  }
                />
              )}
            </Field>
            <Field
              label="Digest: at most one mail per column every (minutes)"
              error={errors.fields.digestMinutes}
              help={`0 sends each alert at once; up to ${DIGEST_MINUTES.max}.`}
            >
              {(f) => (
                <input
                  {...f}
                  className="input"
                  inputMode="numeric"
                  value={String(spec.config.digestMinutes)}
                  onChange={(e) => setConfig({ digestMinutes: Number(e.target.value) || 0 })}
                />
              )}
            </Field>
          </div>
        </>
      )}
      <fieldset className="destination-fieldset destination-routes">
        <legend>Sends</legend>
        {ALERT_KINDS.map((k) => (
          <label key={k} className="check">
            <input
              type="checkbox"
              checked={spec.routes.kinds.includes(k)}
              onChange={(e) =>
                set({
                  routes: {
                    ...spec.routes,
                    kinds: e.target.checked ? [...spec.routes.kinds, k] : spec.routes.kinds.filter((x) => x !== k),
                  },
                })
              }
            />
            {ALERT_KIND_NAMES[k]}
          </label>
        ))}
        {errors.fields['routes.kinds'] && <p className="field-error">{errors.fields['routes.kinds']}</p>}
        <label className="check" htmlFor={ids.all}>
          <input
            id={ids.all}
            type="checkbox"
            checked={chosen === null}
            onChange={(e) =>
              set({ routes: { ...spec.routes, columns: e.target.checked ? 'all' : columns.map((c) => c.id) } })
            }
          />
          From every column
        </label>
        {chosen && (
          <ul className="destination-columns" aria-label="Columns">
            {columns.map((c) => (
              <li key={c.id}>
                <label className="check">
                  <input
                    type="checkbox"
                    checked={chosen.has(c.id)}
                    onChange={(e) => {
                      const next = new Set(chosen)
                      if (e.target.checked) next.add(c.id)
                      else next.delete(c.id)
                      set({
                        routes: { ...spec.routes, columns: columns.filter((x) => next.has(x.id)).map((x) => x.id) },
                      })
                    }}
                  />
                  {c.title}
                </label>
              </li>
            ))}
          </ul>
        )}
        {errors.fields['routes.columns'] && <p className="field-error">{errors.fields['routes.columns']}</p>}
      </fieldset>
      <fieldset className="destination-fieldset destination-quiet">
        <legend>Quiet hours</legend>
        <label className="check" htmlFor={ids.quiet}>
          <input
            id={ids.quiet}
            type="checkbox"
            checked={spec.quietHours.enabled}
            onChange={(e) => set({ quietHours: { ...spec.quietHours, enabled: e.target.checked } })}
          />
          Quiet between
        </label>
        <input
          type="time"
          className="input input--small"
          aria-label="Quiet from"
          value={spec.quietHours.from}
          disabled={!spec.quietHours.enabled}
          onChange={(e) => set({ quietHours: { ...spec.quietHours, from: e.target.value } })}
        />
        <span>and</span>
        <input
          type="time"
          className="input input--small"
          aria-label="Quiet until"
          value={spec.quietHours.to}
          disabled={!spec.quietHours.enabled}
          onChange={(e) => set({ quietHours: { ...spec.quietHours, to: e.target.value } })}
        />
        <p className="field-help">
          In quiet hours alerts still show here and are logged as suppressed; times are this machine’s.
        </p>
        {errors.fields.quietHours && <p className="field-error">{errors.fields.quietHours}</p>}
      </fieldset>
      <div className="modal-actions">
        {entry && (
          <>
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void removeDestination({ id: entry.destination.id })}
            >
              Remove
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void sendTest()}>
              Send a test
            </button>
          </>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {entry ? 'Save' : 'Add destination'}
        </button>
      </div>
      {test && (
        <p className={test.ok ? 'test-result test-result--ok' : 'test-result test-result--failed'} role="status">
          Test: {test.message}
        </p>
      )}
      {entry && (
        <DeliveryLog
          id={entry.destination.id}
          version={version + (entry.status.lastSentAt ?? 0) + (entry.status.lastFailedAt ?? 0)}
        />
      )}
    </form>
  )
}

export function DestinationsDialog({ onClose }: { onClose: () => void }) {
  const list = useDeliveryStore((s) => s.list)
  const [selected, setSelected] = useState<string | { add: DestinationKind } | null>(null)
  const entries = list?.destinations ?? []
  const current = typeof selected === 'string' ? (entries.find((e) => e.destination.id === selected) ?? null) : null
  const adding = selected !== null && typeof selected === 'object' ? selected.add : null
  const shown = current ?? (adding === null && entries[0] ? entries[0] : null)

  return (
    <Modal title="Alert destinations" onClose={onClose} className="destinations-dialog">
      <div className="destinations-layout">
        <nav className="destinations-list" aria-label="Destinations">
          <ul>
            {entries.map((e) => (
              <li key={e.destination.id}>
                <button
                  type="button"
                  className={`destination-item${shown?.destination.id === e.destination.id && !adding ? ' is-current' : ''}`}
                  aria-current={shown?.destination.id === e.destination.id && !adding ? 'true' : undefined}
                  onClick={() => setSelected(e.destination.id)}
                >
                  <span className="destination-name">{e.destination.name}</span>
                  <span className="destination-kind">{KIND_NAMES[e.destination.kind]}</span>
                  <StatusLine entry={e} />
                  {e.status.state === 'failing' && e.status.lastError && (
                    <span className="destination-error">{e.status.lastError}</span>
                  )}
                </button>
              </li>
            ))}
          </ul>
          <div className="destinations-add">
            {(['webhook', 'slack', 'email'] as const).map((k) => (
              <button key={k} type="button" className="btn btn--small" onClick={() => setSelected({ add: k })}>
                {ADD_LABELS[k]}
              </button>
            ))}
          </div>
          {list && !list.secretStore.persistent && (
            <p className="field-help">
              Secrets entered here (signing secrets, Slack URLs, SMTP passwords) last until Earshot stops; the desktop
              app keeps them encrypted.
            </p>
          )}
        </nav>
        <div className="destinations-form">
          {adding ? (
            <DestinationForm key={`new-${adding}`} entry={null} kind={adding} onSaved={(id) => setSelected(id)} />
          ) : shown ? (
            <DestinationForm
              key={shown.destination.id}
              entry={shown}
              kind={shown.destination.kind}
              onSaved={(id) => setSelected(id)}
            />
          ) : (
            <p className="modal-text">
              No destinations yet. Add a webhook, a Slack channel or an email address to send alerts beyond this
              console.
            </p>
          )}
        </div>
      </div>
    </Modal>
  )
}

// Harness for the X settings form alone (the Sources panel around it is built
// elsewhere): renders XSourceForm with an entry whose secrets come from
// several origins, and records what it saves on `window.saved`.
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { CommandError } from '../../../src/shared/contract'
import type { SourceEntry, SourcesConfigure } from '../../../src/shared/contracts/sources'
import { SOURCE_CONFIG_SCHEMAS } from '../../../src/shared/sources'
import { XSourceForm } from '../../../src/renderer/src/components/sources/XSourceForm'
import '../../../src/renderer/src/styles/base.css'
import '../../../src/renderer/src/styles/controls.css'
import '../../../src/renderer/src/styles/dialog.css'

declare global {
  interface Window {
    saved: SourcesConfigure[]
  }
}
window.saved = []

const initial: SourceEntry = {
  source: 'x',
  config: { enabled: true, mode: 'stream', apiBase: null, pollSeconds: 30, account: 'ComcastCares' },
  secrets: [
    { name: 'bearerToken', set: true, origin: 'env' },
    { name: 'appKey', set: true, origin: 'session' },
    { name: 'appSecret', set: true, origin: 'session' },
    { name: 'accessToken', set: false, origin: null },
    { name: 'accessSecret', set: false, origin: null },
  ],
  status: { source: 'x', state: 'connected', detail: 'Filtered stream, 4 rules', rate: 0.4, until: null },
}

function Harness() {
  const [entry, setEntry] = useState(initial)
  const save = async (request: SourcesConfigure): Promise<void> => {
    window.saved.push(request)
    // The core's own validation, so the form shows its errors as it would live.
    const merged = SOURCE_CONFIG_SCHEMAS.x.safeParse({ ...entry.config, ...request.config })
    if (!merged.success) {
      const issues = merged.error.issues.map((i) => `config.${i.path.join('.')}: ${i.message}`)
      throw new CommandError({ code: 'bad_request', message: 'invalid x settings', issues })
    }
    const secrets = entry.secrets.map((s) =>
      request.secrets && s.name in request.secrets
        ? request.secrets[s.name] === null
          ? { ...s, set: false, origin: null }
          : { ...s, set: true, origin: 'session' as const }
        : s,
    )
    setEntry({ ...entry, config: merged.data, secrets } as SourceEntry)
  }
  return (
    <div style={{ maxWidth: 640, margin: '2rem auto', padding: '1.25rem', background: 'var(--surface)' }}>
      <XSourceForm entry={entry} save={save} />
    </div>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
)

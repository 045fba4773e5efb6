// Renderer entry (loaded by index.html): styles, the transport chosen once and
// handed to the stores (state/bootstrap), then the React tree.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { chooseTransport } from './api/transport'
import { App } from './components/shell/App'
import { start } from './state/bootstrap'
import './styles/base.css'
import './styles/controls.css'
import './styles/topbar.css'
import './styles/deck.css'
import './styles/column.css'
import './styles/feed.css'
import './styles/card.css'
import './styles/dialog.css'
import './styles/query.css'
import './styles/search.css'
import './styles/alerts.css'
import './styles/wall.css'
import './styles/archive.css'
import './styles/reports.css'
import './styles/sources.css'
import './styles/triage.css'

start(chooseTransport())

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

// The application shell: top bar, connection banner, then the deck (or the
// splash while loading / on failure), dialogs and notices; "/" opens search.
import { useApplyDisplay } from '../hooks/useApplyDisplay'
import { useSearchShortcut } from '../hooks/useSearchShortcut'
import { useAppStore } from '../state/app'
import { ConnectionBanner } from './ConnectionBanner'
import { Deck } from './Deck'
import { Dialogs } from './Dialogs'
import { Notices } from './Notices'
import { ReportsView } from './reports/ReportsView'
import { Splash } from './Splash'
import { TopBar } from './TopBar'

export function App() {
  useApplyDisplay()
  useSearchShortcut()
  const ready = useAppStore((s) => s.load.status === 'ready')
  return (
    <div className="app">
      <TopBar />
      <ConnectionBanner />
      {ready ? <Deck /> : <Splash />}
      {ready && <ReportsView />}
      <Dialogs />
      <Notices />
    </div>
  )
}

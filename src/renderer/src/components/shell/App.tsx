// The application shell: top bar, connection banner, then the deck (or the
// splash while loading / on failure), the ticker when on, dialogs and
// notices; the composer docks right of the deck; the keyboard map
// (lib/keymap) drives everything, "/" opens search. `?column=ID` shows that one column alone (a
// pop-out window or tab).
import { useApplyDisplay } from '../../hooks/useApplyDisplay'
import { useKeyboard } from '../../hooks/useKeyboard'
import { popoutColumnId } from '../../lib/route'
import { useAppStore } from '../../state/app'
import { useDisplay } from '../../state/settings'
import { Composer } from '../composer/Composer'
import { ConnectionBanner } from './ConnectionBanner'
import { Deck } from '../deck/Deck'
import { Dialogs } from './Dialogs'
import { Notices } from './Notices'
import { PopoutColumn } from '../deck/PopoutColumn'
import { ReportsView } from '../reports/ReportsView'
import { Splash } from './Splash'
import { Ticker } from '../deck/Ticker'
import { TopBar } from './TopBar'

const popout = popoutColumnId()

export function App() {
  useApplyDisplay()
  useKeyboard()
  const ready = useAppStore((s) => s.load.status === 'ready')
  const ticker = useDisplay().ticker === true
  if (popout !== null) {
    return (
      <div className="app app--popout">
        <ConnectionBanner />
        {ready ? (
          <div className="workspace">
            <PopoutColumn id={popout} />
            <Composer />
          </div>
        ) : (
          <Splash />
        )}
        <Dialogs />
        <Notices />
      </div>
    )
  }
  return (
    <div className="app">
      <TopBar />
      <ConnectionBanner />
      {ready ? (
        <div className="workspace">
          <Deck />
          <Composer />
        </div>
      ) : (
        <Splash />
      )}
      {ready && ticker && <Ticker />}
      {ready && <ReportsView />}
      <Dialogs />
      <Notices />
    </div>
  )
}

// The query cheat sheet: every piece of syntax (QUERY_CHEATSHEET) with what
// it means and an example; clicking an example inserts it into the query.
// A modal over whatever dialog opened it; Escape closes just this one.
import { QUERY_CHEATSHEET } from '../../../../shared/query'
import { Modal } from '../common/Modal'

interface CheatSheetProps {
  onInsert: (example: string) => void
  onClose: () => void
}

export function CheatSheet({ onInsert, onClose }: CheatSheetProps) {
  return (
    <Modal title="Query cheat sheet" onClose={onClose} className="cheatsheet-dialog">
      <p className="modal-text">Combine any of these; click an example to insert it into the query.</p>
      <div className="cheatsheet-scroll">
        <table className="cheatsheet">
          <thead>
            <tr>
              <th scope="col">Syntax</th>
              <th scope="col">Meaning</th>
              <th scope="col">Example</th>
            </tr>
          </thead>
          <tbody>
            {QUERY_CHEATSHEET.map((entry) => (
              <tr key={entry.syntax}>
                <th scope="row">
                  <code>{entry.syntax}</code>
                </th>
                <td>{entry.meaning}</td>
                <td>
                  <button
                    type="button"
                    className="cheatsheet-example"
                    title="Insert into the query"
                    onClick={() => onInsert(entry.example)}
                  >
                    {entry.example}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="modal-actions">
        <button type="button" className="btn" data-autofocus onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  )
}

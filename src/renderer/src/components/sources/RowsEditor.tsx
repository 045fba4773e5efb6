// An editable list of rows with a text input per cell (RSS feeds, App Store
// apps): a row's problems from the core shown under it, a remove button per
// row, and an add button. The form owns the rows; this only draws and edits them.
import type { ReactNode } from 'react'

export interface RowColumn<R> {
  header: string
  field: keyof R & string
  /** The input's accessible name for row `n` (1-based), e.g. "Feed 2 URL". */
  label: (n: number) => string
  placeholder?: string
  className?: string
  numeric?: boolean
}

interface RowsEditorProps<R extends { key: number }> {
  rows: readonly R[]
  onChange: (rows: R[]) => void
  columns: ReadonlyArray<RowColumn<R>>
  /** The core's message for a row's field, if any. */
  errorOf: (index: number, field: string) => string | undefined
  /** "Remove feed 2". */
  removeLabel: (n: number) => string
  addLabel: string
  newRow: () => R
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode
}

export function RowsEditor<R extends { key: number }>({
  rows,
  onChange,
  columns,
  errorOf,
  removeLabel,
  addLabel,
  newRow,
  empty,
}: RowsEditorProps<R>) {
  const update = (key: number, patch: Partial<R>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)))
  return (
    <>
      {rows.length === 0 ? (
        empty
      ) : (
        <table className="feed-table">
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.field} scope="col">
                  {c.header}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const message = columns
                .map((c) => errorOf(i, c.field))
                .filter(Boolean)
                .join('; ')
              return (
                <tr key={r.key}>
                  {columns.map((c, ci) => (
                    <td key={c.field}>
                      <input
                        className={c.className ?? 'input'}
                        aria-label={c.label(i + 1)}
                        aria-invalid={errorOf(i, c.field) !== undefined}
                        placeholder={c.placeholder}
                        inputMode={c.numeric ? 'numeric' : undefined}
                        value={String(r[c.field] ?? '')}
                        onChange={(e) => update(r.key, { [c.field]: e.target.value } as Partial<R>)}
                      />
                      {ci === 0 && message && (
                        <p className="field-error" role="alert">
                          {message}
                        </p>
                      )}
                    </td>
                  ))}
                  <td>
                    <button
                      type="button"
                      className="icon-btn"
                      aria-label={removeLabel(i + 1)}
                      onClick={() => onChange(rows.filter((x) => x.key !== r.key))}
                    >
                      ×
                    </button>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      <button type="button" className="btn btn--small feed-add" onClick={() => onChange([...rows, newRow()])}>
        {addLabel}
      </button>
    </>
  )
}

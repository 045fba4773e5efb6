// A form's error from the core: the message, then its field-level issues.
import type { ErrorText } from '../../lib/errors'

export function ErrorAlert({ error, id }: { error: ErrorText | null; id?: string }) {
  if (!error) return null
  return (
    <div id={id} className="form-error" role="alert">
      <p>{error.message}</p>
      {error.issues.length > 0 && (
        <ul>
          {error.issues.map((issue, i) => (
            <li key={i}>{issue}</li>
          ))}
        </ul>
      )}
    </div>
  )
}

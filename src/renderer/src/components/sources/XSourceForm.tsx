// The X source's settings form (placeholder until the X connector lands).
import type { SourceFormProps } from './types'

export function XSourceForm({ entry }: SourceFormProps) {
  return <p className="source-form-note">X settings for {entry.source} are not available in this build yet.</p>
}

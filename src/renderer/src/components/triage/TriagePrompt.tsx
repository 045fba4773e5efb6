// The small prompts behind `a` (assign: the operator's name first, then
// recent assignees; empty unassigns), `t` (tags, comma separated) and `n`
// (note). Enter saves, Escape cancels. The first assignment without an
// operator name set makes that name the operator's.
import { useId, useState } from 'react'
import { describeError, type ErrorText } from '../../lib/errors'
import { setTriage, updatePrefs, useTriageState, useTriageStore } from '../../state/triage'
import { ErrorAlert } from '../common/ErrorAlert'
import { Modal } from '../common/Modal'
import { SubmitActions } from '../common/SubmitActions'

type PromptKind = 'assign' | 'tag' | 'note'

const TITLES: Record<PromptKind, string> = { assign: 'Assign', tag: 'Tags', note: 'Note' }

export function TriagePrompt({
  kind,
  mentionId,
  onClose,
}: {
  kind: PromptKind
  mentionId: number
  onClose: () => void
}) {
  const state = useTriageState(mentionId)
  const prefs = useTriageStore((s) => s.prefs)
  const initial =
    kind === 'assign'
      ? (state?.assignee ?? (prefs.operator || prefs.recentAssignees[0] || ''))
      : kind === 'tag'
        ? (state?.tags ?? []).join(', ')
        : (state?.note ?? '')
  const [value, setValue] = useState(initial)
  const [error, setError] = useState<ErrorText | null>(null)
  const id = useId()
  const listId = useId()

  const save = async (): Promise<void> => {
    try {
      const v = value.trim()
      if (kind === 'assign') {
        await setTriage({ mentionIds: [mentionId], assignee: v === '' ? null : v })
        if (v !== '' && prefs.operator === '') await updatePrefs({ operator: v })
      } else if (kind === 'tag') {
        const tags = v
          .split(',')
          .map((t) => t.trim().replace(/^#/, ''))
          .filter((t) => t !== '')
        await setTriage({ mentionIds: [mentionId], tags })
      } else {
        await setTriage({ mentionIds: [mentionId], note: v === '' ? null : v })
      }
      onClose()
    } catch (err) {
      setError(describeError(err))
    }
  }

  const label = kind === 'assign' ? 'Assign to (empty: unassigned)' : kind === 'tag' ? 'Tags (comma separated)' : 'Note'
  const suggestions = [...new Set([prefs.operator, ...prefs.recentAssignees].filter((n) => n !== ''))]
  return (
    <Modal title={TITLES[kind]} onClose={onClose} className="prompt-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void save()
        }}
      >
        <div className="field">
          <label htmlFor={id}>{label}</label>
          {kind === 'note' ? (
            <textarea
              id={id}
              className="input"
              rows={4}
              data-autofocus
              value={value}
              onChange={(e) => setValue(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault()
                  void save()
                }
              }}
            />
          ) : (
            <input
              id={id}
              className="input"
              data-autofocus
              autoComplete="off"
              list={kind === 'assign' ? listId : undefined}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              onFocus={(e) => e.currentTarget.select()}
            />
          )}
          {kind === 'assign' && (
            <datalist id={listId}>
              {suggestions.map((n) => (
                <option key={n} value={n} />
              ))}
            </datalist>
          )}
          {kind === 'assign' && suggestions.length > 0 && (
            <p className="field-hint">Recent: {suggestions.join(', ')}</p>
          )}
        </div>
        <ErrorAlert error={error} />
        <SubmitActions submitLabel="Save" disabled={false} onCancel={onClose} />
      </form>
    </Modal>
  )
}

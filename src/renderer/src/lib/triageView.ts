// Pure logic of what a column shows once triage applies: a mention is read
// when marked so or at/below the column's watermark; filters (hide done,
// only unassigned, only unread) and mutes drop items from the visible list,
// and the counts say how many went, so hiding is never silent. The selected
// mention is exempt from the filters: selecting marks it read, and with "only
// unread" on it would vanish under the operator's keys.
import type { ColumnTriage, TriageState } from '../../../shared/contracts/triage'
import type { Mention } from '../../../shared/domain'
import { atOrBelow, compileMutes, type CompiledMutes } from '../../../shared/triage'

export interface ColumnView {
  items: readonly Mention[]
  muted: number
  filtered: number
}

export function isRead(m: Mention, state: TriageState | undefined, column: ColumnTriage | undefined): boolean {
  return state?.read === true || atOrBelow(m, column?.watermark ?? null)
}

const compiled = new WeakMap<ColumnTriage['mutes'], CompiledMutes>()

function mutesOf(column: ColumnTriage): CompiledMutes {
  let c = compiled.get(column.mutes)
  if (!c) {
    c = compileMutes(column.mutes)
    compiled.set(column.mutes, c)
  }
  return c
}

export function columnView(
  items: readonly Mention[],
  column: ColumnTriage | undefined,
  states: Readonly<Record<number, TriageState>>,
  keep: number | null = null,
): ColumnView {
  if (!column) return { items, muted: 0, filtered: 0 }
  const mutes = mutesOf(column)
  const { hideDone, onlyUnassigned, onlyUnread } = column.filters
  if (mutes.empty && !hideDone && !onlyUnassigned && !onlyUnread) return { items, muted: 0, filtered: 0 }
  let muted = 0
  let filtered = 0
  const out: Mention[] = []
  for (const m of items) {
    if (mutes.test(m)) {
      muted++
      continue
    }
    const s = states[m.id]
    const hidden = (hideDone && s?.done) || (onlyUnassigned && s?.assignee) || (onlyUnread && isRead(m, s, column))
    if (hidden && m.id !== keep) {
      filtered++
      continue
    }
    out.push(m)
  }
  return { items: out, muted, filtered }
}

/** {{author}} and {{brand}} in a canned reply (unknown variables stay as typed). */
export function fillTemplate(text: string, vars: { author: string; brand: string }): string {
  return text.replace(/\{\{\s*(author|brand)\s*\}\}/g, (_, name: 'author' | 'brand') => vars[name])
}

// Store: what sources say about single columns (X refusing a column's rule),
// from `column.notice` events, by column and source.
import { create } from 'zustand'
import type { ColumnNotice } from '../../../shared/contracts/sources'
import type { SourceId } from '../../../shared/domain'

export interface ColumnNoticesState {
  byColumn: Record<string, Partial<Record<SourceId, string>>>
}

export const useColumnNoticesStore = create<ColumnNoticesState>()(() => ({ byColumn: {} }))

export function applyColumnNotice({ columnId, source, message }: ColumnNotice): void {
  useColumnNoticesStore.setState((s) => {
    const current = { ...s.byColumn[columnId] }
    if (message === null) delete current[source]
    else current[source] = message
    return { byColumn: { ...s.byColumn, [columnId]: current } }
  })
}

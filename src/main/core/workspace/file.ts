// Workspace files: what an operator exports to share a layout, and what an
// import accepts. A column carries its triage filters, mutes and alert
// settings, written only where they differ from a new column's, so a file
// stays short and readable. Never carries a secret.
import type { ColumnAlertSettings } from '../../../shared/contracts/alerts'
import type { ColumnTriage } from '../../../shared/contracts/triage'
import type { Mutes, TriageFilters } from '../../../shared/triage'
import type { Settings } from '../../../shared/contract'
import type { Column } from '../../../shared/domain'
import {
  WORKSPACE_FORMAT,
  WorkspaceFileSchema,
  type WorkspaceColumn,
  type WorkspaceColumnAlerts,
  type WorkspaceColumnTriage,
  type WorkspaceFile,
} from '../../../shared/workspace'
import { defaultColumnSettings } from '../store'
import { formatIssues } from '../dispatch'
import { badRequest } from '../errors'

/** A column's setup beyond its query: what the triage and alert stores hold for it. */
export interface ColumnSetup {
  triage: ColumnTriage
  alerts: ColumnAlertSettings
}

export function toWorkspaceFile(
  name: string,
  columns: readonly Column[],
  settings: Settings,
  setupOf: (column: Column) => ColumnSetup,
): WorkspaceFile {
  return {
    format: WORKSPACE_FORMAT,
    version: 1,
    name,
    columns: columns.map((c) => {
      const setup = setupOf(c)
      const triage = triageInFile(setup.triage)
      const alerts = alertsInFile(setup.alerts)
      return {
        title: c.title,
        query: c.query,
        width: c.width,
        ...(c.collapseReposts ? { collapseReposts: true } : {}),
        ...(triage ? { triage } : {}),
        ...(alerts ? { alerts } : {}),
      }
    }),
    sources: { demo: settings.demo },
    display: settings.display,
  }
}

function triageInFile(t: ColumnTriage): WorkspaceColumnTriage | null {
  const filters = Object.fromEntries(Object.entries(t.filters).filter(([, on]) => on)) as Partial<TriageFilters>
  const mutes = Object.fromEntries(Object.entries(t.mutes).filter(([, list]) => list.length > 0)) as Partial<Mutes>
  const out: WorkspaceColumnTriage = {
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    ...(Object.keys(mutes).length > 0 ? { mutes } : {}),
  }
  return Object.keys(out).length > 0 ? out : null
}

function alertsInFile(a: ColumnAlertSettings): WorkspaceColumnAlerts | null {
  const defaults = defaultColumnSettings(a.columnId)
  const changed = Object.fromEntries(
    Object.entries(a).filter(([k, v]) => k !== 'columnId' && defaults[k as keyof ColumnAlertSettings] !== v),
  ) as WorkspaceColumnAlerts
  return Object.keys(changed).length > 0 ? changed : null
}

/** The triage change a file's column asks for (mutes in full, absent lists empty), or null for none. */
export function triageFromFile(column: WorkspaceColumn): { filters: Partial<TriageFilters>; mutes: Mutes } | null {
  if (!column.triage) return null
  const m = column.triage.mutes
  return {
    filters: column.triage.filters ?? {},
    mutes: { words: m?.words ?? [], authors: m?.authors ?? [], regexes: m?.regexes ?? [] },
  }
}

/** Validates an untrusted workspace document; throws a bad_request listing every problem. */
export function parseWorkspaceFile(value: unknown): WorkspaceFile {
  const parsed = WorkspaceFileSchema.safeParse(value)
  if (!parsed.success) {
    const issues = formatIssues(parsed.error)
    throw badRequest(`not a valid Earshot workspace: ${issues.slice(0, 5).join('; ')}`, issues)
  }
  return parsed.data
}

// Workspace files: what an operator exports to share a layout, and what an
// import accepts. Never carries a secret.
import { WORKSPACE_FORMAT, WorkspaceFileSchema, type Column, type WorkspaceFile } from '../../shared/domain'
import type { Settings } from '../../shared/contract'
import { formatIssues } from './dispatch'
import { badRequest } from './errors'

export function toWorkspaceFile(name: string, columns: readonly Column[], settings: Settings): WorkspaceFile {
  return {
    format: WORKSPACE_FORMAT,
    version: 1,
    name,
    columns: columns.map((c) => ({
      title: c.title,
      query: c.query,
      width: c.width,
      ...(c.collapseReposts ? { collapseReposts: true } : {}),
    })),
    sources: { demo: settings.demo },
    display: settings.display,
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

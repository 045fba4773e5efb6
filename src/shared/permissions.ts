// What each command needs of the operator calling it (team mode's roles, see
// roles.ts). Every command is listed: a new command without an entry does not
// type-check. The core checks this on every call that comes with an operator;
// the UI only hides what the role cannot do.
import type { CommandName } from './contract'
import { roleAllows, type Capability, type Role } from './roles'

export const COMMAND_NEEDS: Readonly<Record<CommandName, Capability>> = {
  'app.info': 'read',
  'columns.list': 'read',
  'columns.create': 'triage',
  'columns.update': 'triage',
  'columns.delete': 'triage',
  'columns.reorder': 'triage',
  'mentions.page': 'read',
  'query.check': 'read',
  'mentions.search': 'read',
  'stats.get': 'read',
  'settings.get': 'read',
  'settings.update': 'triage',
  'sources.status': 'read',
  'workspace.export': 'read',
  'workspace.import': 'admin',
  'sources.list': 'read',
  'sources.configure': 'admin',
  'gaps.list': 'read',
  'replies.policy': 'read',
  'replies.send': 'reply',
  'replies.list': 'read',
  'replies.retry': 'reply',
  'triage.get': 'read',
  'triage.set': 'triage',
  // Read state is the reader's own.
  'triage.markReadUpTo': 'read',
  'triage.columns': 'read',
  'triage.column.update': 'triage',
  'triage.prefs': 'read',
  'triage.prefs.update': 'triage',
  'canned.list': 'read',
  'canned.save': 'reply',
  'canned.delete': 'reply',
  'drafts.get': 'read',
  'drafts.save': 'reply',
  'drafts.delete': 'reply',
  'export.start': 'read',
  'export.save': 'read',
  'export.cancel': 'read',
  // An import writes mentions into the shared archive.
  'import.preview': 'admin',
  'import.start': 'admin',
  'import.chunk': 'admin',
  'import.cancel': 'admin',
  'alerts.list': 'read',
  'alerts.markRead': 'read',
  'alerts.settings': 'read',
  'alerts.configure': 'triage',
  'alerts.notify': 'read',
  'destinations.list': 'read',
  'destinations.save': 'admin',
  'destinations.remove': 'admin',
  'destinations.test': 'admin',
  'deliveries.list': 'read',
  'reports.columns': 'read',
  'reports.bounds': 'read',
  'reports.get': 'read',
  'reports.csv': 'read',
  'reports.pdf': 'read',
  'review.state': 'read',
  'review.open': 'read',
  'review.close': 'read',
  'review.choosePath': 'read',
  'review.saveCopy': 'read',
  'review.search': 'read',
  'review.annotate': 'triage',
  'mentions.thread': 'read',
  'rescore.status': 'read',
  'rescore.start': 'admin',
  'rescore.cancel': 'admin',
  'audit.list': 'admin',
  'audit.csv': 'admin',
  // Signing in is open to anyone who reached the console (see PUBLIC_COMMANDS).
  'session.get': 'read',
  'session.signIn': 'read',
  'session.resume': 'read',
  'session.signOut': 'read',
  // Only someone who may reply opens the composer.
  'presence.set': 'reply',
  'presence.get': 'read',
}

/** What a console whose archive has operators answers before anyone has signed in. */
export const PUBLIC_COMMANDS: ReadonlySet<CommandName> = new Set([
  'session.get',
  'session.signIn',
  'session.resume',
  'session.signOut',
])

/** Who is calling: a signed-in operator (none on a single-user console, which may do everything). */
export interface Caller {
  name: string
  role: Role
}

/** Why `caller` may not run `name`, or null when it may. */
export function refusal(name: CommandName, caller: Caller | undefined): string | null {
  if (!caller) return null
  const need = COMMAND_NEEDS[name]
  if (roleAllows(caller.role, need)) return null
  const what = { read: 'read', triage: 'triage or change columns', reply: 'reply', admin: 'administer' }[need]
  return `${caller.name} is an ${caller.role} and may not ${what} (${name})`
}

/** Reads that take data out of the archive: audited with the changes. */
const EXPORTS: ReadonlySet<CommandName> = new Set([
  'export.start',
  'export.save',
  'reports.csv',
  'reports.pdf',
  'workspace.export',
])

/** Steps of work that is audited as a whole (a draft as it is typed: its send is; an import's chunks: its start is). */
const NOT_AUDITED: ReadonlySet<CommandName> = new Set([
  'drafts.save',
  'drafts.delete',
  'import.preview',
  'import.chunk',
  // A composer opening and closing.
  'presence.set',
])

/** Whether a command goes into the audit log: every change to the shared archive, and every export. */
export const isAudited = (name: CommandName): boolean =>
  !NOT_AUDITED.has(name) && (COMMAND_NEEDS[name] !== 'read' || EXPORTS.has(name))

// One console connection's session (a browser-mode socket, a desktop window):
// who is signed in on it, and the one place its commands enter the core. On
// an archive with operators, nothing but signing in is answered until an
// operator signs in with their name and secret; from then on every command
// runs with that operator's role (dispatch refuses what the role may not do),
// is audited under their name, and their presence is theirs. An archive
// without operators is a single-user console: everything, as "owner".
import { randomBytes } from 'node:crypto'
import { isCommandName, type EventName, type EventPayload, type Reply } from '../../../shared/contract'
import type { sessionCommands, SessionState } from '../../../shared/contracts/session'
import { isAudited, PUBLIC_COMMANDS, type Caller } from '../../../shared/permissions'
import { auditEntryOf } from '../audit/entry'
import { dispatch, readerOf, type CoreHandlers, type HandlerGroup, type Handlers } from '../dispatch'
import { CommandFailure } from '../errors'
import { verifyOperatorSecret } from '../secrets/operator-secret'
import type { Store } from '../store'
import type { PresenceBoard } from '../team/presence'

/** Compared against when no operator has the name, so a wrong name takes as long as a wrong secret. */
const NO_SUCH_OPERATOR = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'

export interface SessionDeps {
  handlers: CoreHandlers
  store: Pick<Store, 'read' | 'write'>
  presence: PresenceBoard
  /** Resume tokens of this core's sign-ins (a reconnect, a pop-out window). */
  resumable: Map<string, Caller>
  now: () => number
}

export class Session {
  private signedIn: Caller | undefined
  private readonly table: Handlers
  /** Whether the archive had operators when last looked (read again on each call before sign-in). */
  private required: boolean
  private closed = false

  /** `trusted`: an in-process caller (the CLI's capture, tests), which needs no sign-in. */
  constructor(
    private readonly d: SessionDeps,
    private readonly trusted = false,
  ) {
    this.table = { ...d.handlers, ...this.sessionHandlers() }
    this.required = !trusted && this.signInRequired()
  }

  /** Whether the connection may be sent the core's events (what it could not read, it is not sent). */
  get open(): boolean {
    return this.trusted || this.signedIn !== undefined || !this.required
  }

  /**
   * Whether an event goes to this connection: nothing before sign-in, and a
   * reader's own read state (payloads with `reader`) only to that reader's windows.
   */
  wants<K extends EventName>(name: K, payload: EventPayload<K>): boolean {
    if (!this.open) return false
    const reader = PERSONAL_EVENTS.has(name) ? (payload as { reader?: unknown }).reader : undefined
    return reader === undefined || reader === readerOf(this.signedIn)
  }

  get caller(): Caller | undefined {
    return this.signedIn
  }

  /** Runs a command as this session's operator; `as` is for a trusted session acting for someone. */
  async call(name: unknown, input: unknown, as: Caller | undefined = this.signedIn): Promise<Reply> {
    if (!this.trusted && as === undefined && isCommandName(name) && !PUBLIC_COMMANDS.has(name)) {
      if ((this.required = this.signInRequired())) {
        return { ok: false, error: { code: 'forbidden', message: 'sign in first: this archive has operators' } }
      }
    }
    const reply = await dispatch(this.table, name, input, as)
    if (isCommandName(name) && isAudited(name)) this.audit(name, input, as, reply)
    return reply
  }

  /** The connection is gone: its operator's composer is closed. */
  close(): void {
    if (this.closed) return
    this.closed = true
    this.leave()
  }

  private leave(): void {
    if (this.signedIn) this.d.presence.set(this.signedIn.name, null)
  }

  private signInRequired(): boolean {
    return this.d.store.read.hasOperators()
  }

  private state(): SessionState {
    this.required = this.signInRequired()
    return { signInRequired: this.required, operator: this.signedIn ?? null }
  }

  private audit(action: string, input: unknown, as: Caller | undefined, reply: Reply): void {
    try {
      this.d.store.write.appendAudit(auditEntryOf(action, input, as, reply, this.d.now()))
    } catch (err) {
      // The command has happened: a log that cannot be written (a full disk) must not undo its answer.
      console.error(`earshot: could not record ${action} in the audit log:`, err)
    }
  }

  private sessionHandlers(): HandlerGroup<typeof sessionCommands> {
    return {
      'session.get': () => this.state(),
      'session.signIn': async ({ name, secret }) => {
        const stored = this.d.store.read.getOperator(name)
        const ok = await verifyOperatorSecret(secret, stored?.secretHash ?? NO_SUCH_OPERATOR)
        const who: Caller = { name: stored?.name ?? name, role: stored?.role ?? 'analyst' }
        this.audit('session.signIn', {}, who, ok && stored ? { ok: true, result: null } : refused)
        if (!ok || !stored) throw new CommandFailure('forbidden', SIGN_IN_REFUSED)
        this.leave()
        this.signedIn = { name: stored.name, role: stored.role }
        const resume = randomBytes(24).toString('base64url')
        this.d.resumable.set(resume, this.signedIn)
        return { operator: this.signedIn, resume }
      },
      'session.resume': ({ resume }) => {
        const caller = this.d.resumable.get(resume)
        // The operator may have been removed since.
        const stored = caller && this.d.store.read.getOperator(caller.name)
        if (!caller || !stored) {
          this.d.resumable.delete(resume)
          throw new CommandFailure('forbidden', 'this sign-in has ended: sign in again')
        }
        this.signedIn = { name: stored.name, role: stored.role }
        return this.state()
      },
      'session.signOut': () => {
        if (this.signedIn) {
          this.leave()
          for (const [token, caller] of this.d.resumable)
            if (caller.name === this.signedIn.name) this.d.resumable.delete(token)
          this.audit('session.signOut', {}, this.signedIn, { ok: true, result: null })
        }
        this.signedIn = undefined
        return this.state()
      },
      'presence.set': ({ mentionId }) => {
        if (this.signedIn) this.d.presence.set(this.signedIn.name, mentionId)
        return {}
      },
      'presence.get': ({ mentionId }) => this.d.presence.get(mentionId),
    }
  }
}

/** Events that carry one reader's own state. */
const PERSONAL_EVENTS: ReadonlySet<EventName> = new Set(['triage.read.changed', 'triage.mark.changed'])

const SIGN_IN_REFUSED = 'unknown operator or wrong secret'
const refused: Reply = { ok: false, error: { code: 'forbidden', message: SIGN_IN_REFUSED } }

// The one entry point both transports call: validates the command name and its
// payload against the contract, runs the handler, and turns every outcome into
// a Reply. A bad payload is a typed error, never a crash.
import type { z } from 'zod'
import {
  commands,
  isCommandName,
  type CommandArgs,
  type CommandName,
  type CommandResult,
  type Reply,
} from '../../shared/contract'
import type { sessionCommands } from '../../shared/contracts/session'
import { refusal, type Caller } from '../../shared/permissions'
import { CommandFailure } from './errors'

/** A command's handler: its validated payload, and who asked (none: a single-user console, an in-process caller). */
export type Handlers = {
  [K in CommandName]: (args: CommandArgs<K>, caller: Caller | undefined) => CommandResult<K> | Promise<CommandResult<K>>
}

/** Whose read state a caller reads and marks: the operator's, or the single-user console's (''). */
export const readerOf = (caller: Caller | undefined): string => caller?.name ?? ''

/** Commands a connection's session answers itself (core/app/session.ts). */
export type SessionCommand = keyof typeof sessionCommands & CommandName
/** The core's handler table: everything but the session's own commands. */
export type CoreHandlers = Omit<Handlers, SessionCommand>

/** The handlers of one area's commands (see shared/contracts/). */
export type HandlerGroup<C> = Pick<Handlers, keyof C & CommandName>

export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(payload)'}: ${i.message}`)
}

/**
 * Runs a command for `caller` (a signed-in operator; none on a single-user
 * console). The role is checked here, before the payload is even read.
 */
export async function dispatch(handlers: Handlers, name: unknown, input: unknown, caller?: Caller): Promise<Reply> {
  if (!isCommandName(name)) {
    return { ok: false, error: { code: 'bad_request', message: `unknown command: ${String(name).slice(0, 100)}` } }
  }
  const refused = refusal(name, caller)
  if (refused) return { ok: false, error: { code: 'forbidden', message: refused } }
  const parsed = commands[name].input.safeParse(input ?? {})
  if (!parsed.success) {
    const issues = formatIssues(parsed.error)
    return { ok: false, error: { code: 'bad_request', message: `invalid ${name}: ${issues.join('; ')}`, issues } }
  }
  try {
    const handler = handlers[name] as (args: unknown, caller: Caller | undefined) => unknown
    return { ok: true, result: await handler(parsed.data, caller) }
  } catch (err) {
    if (err instanceof CommandFailure) {
      return {
        ok: false,
        error: { code: err.code, message: err.message, ...(err.issues ? { issues: err.issues } : {}) },
      }
    }
    console.error(`earshot: command ${name} failed:`, err)
    return {
      ok: false,
      error: { code: 'internal', message: `${name} failed: ${err instanceof Error ? err.message : String(err)}` },
    }
  }
}

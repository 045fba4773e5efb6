// Errors a command handler throws on purpose; anything else is an internal error.
import type { ErrorCode } from '../../shared/contract'

export class CommandFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: string[],
  ) {
    super(message)
    this.name = 'CommandFailure'
  }
}

export const notFound = (what: string) => new CommandFailure('not_found', `${what} not found`)
export const badRequest = (message: string, issues?: string[]) => new CommandFailure('bad_request', message, issues)

// Turns whatever a failed call threw into text for the operator: the
// server's message plus its field-level issues for validation errors.
import { CommandError } from '../../../shared/contract'

export interface ErrorText {
  message: string
  issues: string[]
}

export function describeError(err: unknown): ErrorText {
  if (err instanceof CommandError) {
    // Some messages already spell out their issues; list only the ones they do not.
    return {
      message: err.message,
      issues: err.issues.filter((issue) => !err.message.includes(issue)),
    }
  }
  if (err instanceof Error) return { message: err.message, issues: [] }
  return { message: String(err), issues: [] }
}

/** One line: the message, then the issues separated by semicolons. */
export function errorLine(err: unknown): string {
  const { message, issues } = describeError(err)
  return issues.length > 0 ? `${message} (${issues.join('; ')})` : message
}

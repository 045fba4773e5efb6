// What every `earshot` subcommand shares: usage errors (exit 2), number
// options, the default archive path and the secret store from the options.
import { homedir } from 'node:os'
import { join } from 'node:path'
import { SecretStore } from '../core/secrets/secret-store'

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export function defaultArchive(): string {
  if (process.env.EARSHOT_DB) return process.env.EARSHOT_DB
  const data = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share')
  return join(data, 'earshot', 'archive.sqlite')
}

export function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`)
  return n
}

/** Secrets from the environment and the credentials file (--credentials or $EARSHOT_CREDENTIALS). */
export function secretStoreFrom(credentials: string | undefined): SecretStore {
  const file = credentials ?? process.env.EARSHOT_CREDENTIALS
  return new SecretStore(file ? { credentialsFile: file } : {})
}

export const SHARED_OPTIONS_HELP = `  --db PATH            archive file (default $EARSHOT_DB or ~/.local/share/earshot/archive.sqlite)
  --credentials FILE   source secrets as JSON, mode 0600 (default $EARSHOT_CREDENTIALS); or set
                       EARSHOT_X_BEARER_TOKEN, EARSHOT_BLUESKY_APP_PASSWORD, ... in the environment`

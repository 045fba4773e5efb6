// What every `earshot` subcommand shares: usage errors (exit 2), number
// options, the default archive path and the secret store from the options.
import { mkdirSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseTime } from '../core/archive/import/records'
import { SecretStore } from '../core/secrets/secret-store'
import { isPostgresUrl, postgresUrlProblem, redactUrl } from '../core/store'

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

function defaultArchive(): string {
  if (process.env.EARSHOT_DB) return process.env.EARSHOT_DB
  const data = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share')
  return join(data, 'earshot', 'archive.sqlite')
}

/** Something that looks like a URL (`scheme://…`, or `postgres:…` without the slashes), not a path. */
const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|postgres(?:ql)?:)/i

/**
 * The archive --db (or $EARSHOT_DB) names: an absolute file path or a postgres:// URL. A value
 * that is neither a file path nor a PostgreSQL URL is refused here, before
 * anything is created: `postgres://…` once became a SQLite file inside a new
 * folder named `postgres:`. A `file://` URL is taken as its path.
 */
export function archiveOption(value: string | undefined): string {
  return archiveTarget(value ?? defaultArchive(), value === undefined ? '$EARSHOT_DB' : '--db')
}

/** Makes the folder of an archive file (a PostgreSQL database needs none). */
export function makeArchiveFolder(target: string): void {
  if (!isPostgresUrl(target)) mkdirSync(dirname(target), { recursive: true })
}

/** The archive as the command prints it: a file path, or the URL without its password. */
export const shownArchive = (target: string): string => (isPostgresUrl(target) ? redactUrl(target) : target)

/** An archive a command may find in either engine: an absolute file path, or a checked postgres:// URL. */
export function archiveTarget(raw: string, from: string): string {
  if (raw.trim() === '') throw new UsageError(`${from} is empty: give an archive file path`)
  let path = raw
  if (URL_LIKE.test(raw)) {
    const shown = redactUrl(raw)
    if (isPostgresUrl(raw)) {
      const problem = postgresUrlProblem(raw)
      if (problem) throw new UsageError(`${from} "${shown}" is not a valid PostgreSQL URL: ${problem}`)
      return raw
    }
    const url = URL.canParse(raw) ? new URL(raw) : null
    if (!url) throw new UsageError(`${from} "${shown}" is not a valid URL; give an archive file path`)
    if (url.protocol !== 'file:')
      throw new UsageError(
        `${from} "${shown}" is a ${url.protocol}// URL; give an archive file path or a postgres:// URL`,
      )
    path = fileURLToPath(url)
  }
  const absolute = resolve(path)
  if (statSync(absolute, { throwIfNoEntry: false })?.isDirectory())
    throw new UsageError(
      `${from} "${absolute}" is a folder; give the archive file inside it (e.g. ${join(absolute, 'archive.sqlite')})`,
    )
  return absolute
}

/** A time option (--since, --until): ISO-8601, or epoch seconds or milliseconds. */
export function timeOption(value: string | undefined, name: string): number | null {
  if (value === undefined) return null
  const t = parseTime(value)
  if (t === null) throw new UsageError(`--${name} must be an ISO-8601 time or epoch seconds (got "${value}")`)
  return t
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

export const SHARED_OPTIONS_HELP = `  --db PATH            archive file (default $EARSHOT_DB or ~/.local/share/earshot/archive.sqlite);
                       a file:// URL is read as its path, any other URL is refused
  --credentials FILE   source secrets as JSON, mode 0600 (default $EARSHOT_CREDENTIALS); or set
                       EARSHOT_X_BEARER_TOKEN, EARSHOT_BLUESKY_APP_PASSWORD, ... in the environment`

// Secrets (API tokens, app passwords) for the sources. A value comes from, in
// order: what the user entered in the Sources panel (kept by the desktop app's
// encrypted store, or for this session only in browser mode), an environment
// variable (EARSHOT_X_BEARER_TOKEN, ...), or the credentials file, which must
// not be readable by anyone but its owner (mode 0600). Values are never put in
// the archive, in logs, in exports or in error messages.
import { readFileSync, statSync } from 'node:fs'
import { z } from 'zod'
import type { SecretState, SecretStoreInfo } from '../../../shared/contracts/sources'
import { DESTINATION_SECRETS } from '../../../shared/contracts/delivery'
import { secretEnvName, SOURCE_SECRETS, type ConfigurableSource } from '../../../shared/sources'

/** A persistent encrypted store (Electron safeStorage); absent in browser and headless modes. */
export interface PersistentSecrets {
  load(): Record<string, string>
  save(values: Record<string, string>): void
  /** One line on where it lives. */
  readonly detail: string
}

export interface SecretStoreOptions {
  env?: NodeJS.ProcessEnv
  /** Path of a JSON credentials file: { "x": { "bearerToken": "..." } }. */
  credentialsFile?: string
  persistent?: PersistentSecrets
}

export class SecretStoreError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SecretStoreError'
  }
}

const CredentialsFileSchema = z.record(z.string(), z.record(z.string(), z.string()))

const keyOf = (source: ConfigurableSource, name: string) => `${source}.${name}`

/** The credentials file's section prefix for an alert destination: "alert:<its name>". */
export const ALERT_SECTION = 'alert:'
const ALERT_SECRET_NAMES: readonly string[] = [...new Set(Object.values(DESTINATION_SECRETS).flat())]

export class SecretStore {
  private readonly env: NodeJS.ProcessEnv
  private readonly fromFile: Record<string, string>
  private readonly entered: Record<string, string>

  constructor(private readonly options: SecretStoreOptions = {}) {
    this.env = options.env ?? process.env
    this.fromFile = options.credentialsFile ? readCredentialsFile(options.credentialsFile) : {}
    this.entered = options.persistent ? { ...options.persistent.load() } : {}
  }

  get(source: ConfigurableSource, name: string): string | undefined {
    const key = keyOf(source, name)
    return this.entered[key] ?? nonEmpty(this.env[secretEnvName(source, name)]) ?? this.fromFile[key]
  }

  state(source: ConfigurableSource, name: string): SecretState {
    const key = keyOf(source, name)
    const origin =
      this.entered[key] !== undefined
        ? this.options.persistent
          ? 'stored'
          : 'session'
        : nonEmpty(this.env[secretEnvName(source, name)]) !== undefined
          ? 'env'
          : this.fromFile[key] !== undefined
            ? 'file'
            : null
    return { name, set: origin !== null, origin }
  }

  states(source: ConfigurableSource): SecretState[] {
    return SOURCE_SECRETS[source].map((name) => this.state(source, name))
  }

  /** Sets (or with null, forgets) a secret entered in the UI. */
  set(source: ConfigurableSource, name: string, value: string | null): void {
    if (!(SOURCE_SECRETS[source] as readonly string[]).includes(name)) {
      throw new SecretStoreError(`${source} has no secret called "${name}"`)
    }
    const key = keyOf(source, name)
    if (value === null || value.trim() === '') delete this.entered[key]
    else this.entered[key] = value.trim()
    this.options.persistent?.save({ ...this.entered })
  }

  /**
   * Secrets that belong to something other than a source (an alert
   * destination's signing secret, Slack URL or SMTP password), under a scope
   * such as "alert.<id>": entered in the UI (kept like the others), or in the
   * credentials file's section named by `fileSection` ("alert:<destination
   * name>"), so a headless capture host keeps them across restarts.
   */
  getScoped(scope: string, name: string, fileSection?: string): string | undefined {
    return this.entered[`${scope}.${name}`] ?? (fileSection ? this.fromFile[`${fileSection}.${name}`] : undefined)
  }

  scopedState(scope: string, name: string, fileSection?: string): SecretState {
    if (this.entered[`${scope}.${name}`] !== undefined)
      return { name, set: true, origin: this.options.persistent ? 'stored' : 'session' }
    const inFile = fileSection !== undefined && this.fromFile[`${fileSection}.${name}`] !== undefined
    return { name, set: inFile, origin: inFile ? 'file' : null }
  }

  setScoped(scope: string, name: string, value: string | null): void {
    const key = `${scope}.${name}`
    if (value === null || value.trim() === '') delete this.entered[key]
    else this.entered[key] = value.trim()
    this.options.persistent?.save({ ...this.entered })
  }

  /** Forgets every secret of a scope (its destination was removed). */
  forgetScope(scope: string): void {
    const prefix = `${scope}.`
    let changed = false
    for (const key of Object.keys(this.entered))
      if (key.startsWith(prefix)) {
        delete this.entered[key]
        changed = true
      }
    if (changed) this.options.persistent?.save({ ...this.entered })
  }

  /** Every secret value known, for scrubbing text before it is logged. */
  values(): string[] {
    const all = new Set<string>([...Object.values(this.entered), ...Object.values(this.fromFile)])
    for (const [source, names] of Object.entries(SOURCE_SECRETS)) {
      for (const name of names) {
        const v = nonEmpty(this.env[secretEnvName(source as ConfigurableSource, name)])
        if (v) all.add(v)
      }
    }
    return [...all].filter((v) => v.length >= 4)
  }

  /** Replaces any secret value inside a text (error messages from libraries) with "[secret]". */
  redact(text: string): string {
    let out = text
    for (const v of this.values()) out = out.split(v).join('[secret]')
    return out
  }

  info(): SecretStoreInfo {
    if (this.options.persistent) {
      return { kind: 'safeStorage', persistent: true, detail: this.options.persistent.detail }
    }
    const file = this.options.credentialsFile
      ? ` or in ${this.options.credentialsFile}`
      : ' or in a credentials file (--credentials, mode 0600)'
    return {
      kind: 'session',
      persistent: false,
      detail: `Secrets entered here last until Earshot stops. To keep them, set environment variables (e.g. ${secretEnvName('x', 'bearerToken')})${file}.`,
    }
  }
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v.trim() === '' ? undefined : v.trim()
}

/** Reads the credentials file, refusing one that others can read. */
export function readCredentialsFile(path: string): Record<string, string> {
  let mode: number
  try {
    mode = statSync(path).mode
  } catch (err) {
    throw new SecretStoreError(
      `credentials file ${path} cannot be read: ${(err as NodeJS.ErrnoException).code ?? 'error'}`,
    )
  }
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new SecretStoreError(
      `credentials file ${path} is readable by other users (mode ${(mode & 0o777).toString(8)}); run: chmod 600 ${path}`,
    )
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'))
  } catch {
    throw new SecretStoreError(`credentials file ${path} is not valid JSON`)
  }
  const result = CredentialsFileSchema.safeParse(parsed)
  if (!result.success) {
    throw new SecretStoreError(
      `credentials file ${path} must look like {"x": {"bearerToken": "..."}}: every value a string`,
    )
  }
  const out: Record<string, string> = {}
  for (const [source, values] of Object.entries(result.data)) {
    // "alert:<destination name>": an alert destination's secrets.
    const known = source.startsWith(ALERT_SECTION)
      ? ALERT_SECRET_NAMES
      : (SOURCE_SECRETS[source as ConfigurableSource] as readonly string[] | undefined)
    if (!known) throw new SecretStoreError(`credentials file ${path}: unknown source "${source}"`)
    for (const [name, value] of Object.entries(values)) {
      if (!known.includes(name)) {
        throw new SecretStoreError(
          `credentials file ${path}: ${source} has no secret called "${name}" (known: ${known.join(', ')})`,
        )
      }
      out[keyOf(source as ConfigurableSource, name)] = value
    }
  }
  return out
}

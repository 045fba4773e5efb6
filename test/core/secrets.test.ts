import { chmodSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SecretStore, SecretStoreError, type PersistentSecrets } from '../../src/main/core/secrets/secret-store'
import { secretEnvName } from '../../src/shared/sources'
import { tempDir } from '../helpers'

function credentialsFile(content: unknown, mode: number): string {
  const path = join(tempDir(), 'credentials.json')
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  chmodSync(path, mode)
  return path
}

describe('SecretStore', () => {
  it('names environment variables after the source and secret', () => {
    expect(secretEnvName('x', 'bearerToken')).toBe('EARSHOT_X_BEARER_TOKEN')
    expect(secretEnvName('bluesky', 'appPassword')).toBe('EARSHOT_BLUESKY_APP_PASSWORD')
    expect(secretEnvName('mastodon', 'accessToken')).toBe('EARSHOT_MASTODON_ACCESS_TOKEN')
  })

  it('prefers a value entered in the UI, then the environment, then the credentials file', () => {
    const file = credentialsFile({ x: { bearerToken: 'from-file', appKey: 'key-file' } }, 0o600)
    const store = new SecretStore({ env: { EARSHOT_X_BEARER_TOKEN: 'from-env' }, credentialsFile: file })
    expect(store.get('x', 'bearerToken')).toBe('from-env')
    expect(store.state('x', 'bearerToken')).toEqual({ name: 'bearerToken', set: true, origin: 'env' })
    expect(store.get('x', 'appKey')).toBe('key-file')
    expect(store.state('x', 'appKey').origin).toBe('file')
    expect(store.state('x', 'appSecret')).toEqual({ name: 'appSecret', set: false, origin: null })
    store.set('x', 'bearerToken', 'typed-in')
    expect(store.get('x', 'bearerToken')).toBe('typed-in')
    expect(store.state('x', 'bearerToken').origin).toBe('session')
    store.set('x', 'bearerToken', null)
    expect(store.get('x', 'bearerToken')).toBe('from-env')
  })

  it('refuses a credentials file that other users can read, and says how to fix it', () => {
    const file = credentialsFile({ x: { bearerToken: 'abc' } }, 0o644)
    expect(() => new SecretStore({ credentialsFile: file })).toThrow(SecretStoreError)
    expect(() => new SecretStore({ credentialsFile: file })).toThrow(/mode 644.*chmod 600/)
  })

  it('rejects a broken credentials file without echoing its contents', () => {
    const notJson = credentialsFile('{"x": {"bearerToken": "s3cret-value"', 0o600)
    expect(() => new SecretStore({ credentialsFile: notJson })).toThrow(/not valid JSON/)
    try {
      new SecretStore({ credentialsFile: notJson })
    } catch (err) {
      expect((err as Error).message).not.toContain('s3cret-value')
    }
    const unknown = credentialsFile({ x: { password: 'p' } }, 0o600)
    expect(() => new SecretStore({ credentialsFile: unknown })).toThrow(/x has no secret called "password"/)
    expect(() => new SecretStore({ credentialsFile: join(tempDir(), 'missing.json') })).toThrow(/cannot be read/)
  })

  it("keeps an alert destination's secrets in the credentials file under alert:<its name>", () => {
    const file = credentialsFile({ 'alert:Ops bridge': { signingSecret: 'whsec-from-file' } }, 0o600)
    const store = new SecretStore({ env: {}, credentialsFile: file })
    expect(store.getScoped('alert.d1', 'signingSecret', 'alert:Ops bridge')).toBe('whsec-from-file')
    expect(store.scopedState('alert.d1', 'signingSecret', 'alert:Ops bridge')).toEqual({
      name: 'signingSecret',
      set: true,
      origin: 'file',
    })
    expect(store.getScoped('alert.d1', 'signingSecret', 'alert:Another')).toBeUndefined()
    // One typed in the UI wins over the file, and forgetting it falls back to the file again.
    store.setScoped('alert.d1', 'signingSecret', 'typed-here')
    expect(store.getScoped('alert.d1', 'signingSecret', 'alert:Ops bridge')).toBe('typed-here')
    store.forgetScope('alert.d1')
    expect(store.getScoped('alert.d1', 'signingSecret', 'alert:Ops bridge')).toBe('whsec-from-file')
    expect(store.redact('sig whsec-from-file')).toBe('sig [secret]')
    const wrong = credentialsFile({ 'alert:Ops bridge': { bearerToken: 'x' } }, 0o600)
    expect(() => new SecretStore({ credentialsFile: wrong })).toThrow(
      /alert:Ops bridge has no secret called "bearerToken" \(known: signingSecret, webhookUrl, password\)/,
    )
  })

  it('rejects names a source does not have', () => {
    expect(() => new SecretStore({ env: {} }).set('rss', 'token', 'x')).toThrow(/rss has no secret called "token"/)
  })

  it('redacts every known secret value from text', () => {
    const store = new SecretStore({ env: { EARSHOT_MASTODON_ACCESS_TOKEN: 'tok-123456' } })
    store.set('bluesky', 'appPassword', 'abcd-efgh-ijkl')
    expect(store.redact('401 for tok-123456 and abcd-efgh-ijkl, twice tok-123456')).toBe(
      '401 for [secret] and [secret], twice [secret]',
    )
  })

  it('keeps UI-entered secrets in the persistent store when there is one', () => {
    let saved: Record<string, string> = { 'x.appKey': 'kept' }
    const persistent: PersistentSecrets = { detail: 'test', load: () => saved, save: (v) => (saved = v) }
    const store = new SecretStore({ env: {}, persistent })
    expect(store.get('x', 'appKey')).toBe('kept')
    expect(store.state('x', 'appKey').origin).toBe('stored')
    store.set('mastodon', 'accessToken', 'm-token')
    expect(saved).toEqual({ 'x.appKey': 'kept', 'mastodon.accessToken': 'm-token' })
    expect(store.info()).toMatchObject({ kind: 'safeStorage', persistent: true })
    expect(new SecretStore({ env: {} }).info()).toMatchObject({ kind: 'session', persistent: false })
  })
})

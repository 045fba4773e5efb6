// The desktop app's secret store: the secrets entered in the Sources panel,
// encrypted with Electron's safeStorage (the OS keychain / libsecret / DPAPI)
// into one file in the profile. Refuses to write when the OS offers no
// encryption, rather than falling back to plain text.
import { safeStorage } from 'electron'
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { PersistentSecrets } from './core/secrets/secret-store'
import { SecretStoreError } from './core/secrets/secret-store'

export function safeStorageSecrets(path: string): PersistentSecrets {
  return {
    detail: 'Secrets entered here are encrypted with the system keychain and kept in your profile.',
    load() {
      if (!existsSync(path)) return {}
      try {
        const json = safeStorage.decryptString(readFileSync(path))
        return JSON.parse(json) as Record<string, string>
      } catch {
        console.error('earshot: stored secrets could not be decrypted; enter them again in Sources')
        return {}
      }
    },
    save(values) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new SecretStoreError('this system offers no encrypted storage; provide secrets through the environment')
      }
      const tmp = `${path}.tmp`
      writeFileSync(tmp, safeStorage.encryptString(JSON.stringify(values)), { mode: 0o600 })
      renameSync(tmp, path)
    },
  }
}

// The App Store reviews source driver: Apple's public feed, no account.
// EARSHOT_APPSTORE_API points it at another origin (a fake one in tests).
import type { AppStoreConfig } from '../../../../shared/sources/appstore'
import type { SourceDriver } from '../../sources/driver'
import { AppStoreConnector } from './connector'

export const appStoreDriver: SourceDriver<'appstore'> = {
  source: 'appstore',
  connector: (config: AppStoreConfig, deps) => {
    if (config.apps.length === 0) return { unavailable: 'No apps yet: add an app id and country in Sources' }
    const apiBase = deps.env.EARSHOT_APPSTORE_API?.trim()
    return new AppStoreConnector({
      apps: config.apps,
      pollMs: config.pollSeconds * 1000,
      ...(apiBase ? { apiBase } : {}),
    })
  },
}

export { AppStoreConnector } from './connector'

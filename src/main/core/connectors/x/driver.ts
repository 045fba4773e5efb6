// How the X source is built from its settings and secrets: the app's bearer
// token for listening and looking threads up, the user's OAuth 1.0a tokens
// for replies.
import type { SourceDriver } from '../../sources/driver'
import { appClient, userClient, xApiBase } from './client'
import { XConnector } from './connector'
import { XReplyChannel } from '../../replies/x'
import { XThreadFetcher } from './thread'

const USER_TOKENS = ['appKey', 'appSecret', 'accessToken', 'accessSecret'] as const

export const xDriver: SourceDriver<'x'> = {
  source: 'x',
  connector(config, deps) {
    const bearer = deps.secret('bearerToken')
    if (!bearer) return { unavailable: 'Add the X app bearer token in Sources (or set EARSHOT_X_BEARER_TOKEN).' }
    return new XConnector({ config, api: appClient(bearer, xApiBase(config, deps.env)) })
  },
  replies(config, deps) {
    const [appKey, appSecret, accessToken, accessSecret] = USER_TOKENS.map((name) => deps.secret(name))
    if (!appKey || !appSecret || !accessToken || !accessSecret) return undefined
    const secrets = [appKey, appSecret, accessToken, accessSecret]
    return new XReplyChannel({
      api: userClient({ appKey, appSecret, accessToken, accessSecret }, xApiBase(config, deps.env)),
      account: config.account,
      now: deps.now,
      redact: (text) => secrets.reduce((out, v) => out.split(v).join('[secret]'), text),
    })
  },
  thread(config, deps) {
    const bearer = deps.secret('bearerToken')
    if (!bearer) return { unavailable: 'X is not set up here (add the app bearer token in Sources)' }
    return new XThreadFetcher(appClient(bearer, xApiBase(config, deps.env)))
  },
}

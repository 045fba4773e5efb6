// The X (Twitter) API v2 source.
export { xDriver } from './driver'
export { XConnector } from './connector'
export { XReplyChannel } from '../../replies/x'

// The fake X API v2 server for tests: start it on port 0, point the X source
// at its `url` (EARSHOT_X_API_BASE or the apiBase setting), script it.
export { FakeXApi, type FakeRule, type FakeTweet, type FakeUser, type Scripted, type Endpoint } from './server'
export { StreamConnection } from './stream'
export { problems } from './problems'
